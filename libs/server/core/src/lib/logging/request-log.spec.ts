import express from 'express';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { loggingParams } from './logging.module';

const CONFIG = { role: 'api', log: { level: 'info', pretty: false } } as AppConfig;

/** One request through the real pino-http settings, mounted on a path as Nest mounts its middleware; returns its log lines. */
async function logLinesOf(path: string, headers: Record<string, string> = {}): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const app = express();
  app.use('/api', pinoHttp(loggingParams(CONFIG).pinoHttp as object, stream));
  app.get('/api/*rest', (_req, res) => {
    res.status(201).json({ ok: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { headers });
    expect(response.status).toBe(201);
    await response.text();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    server.close();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the request log line', () => {
  it('carries the request id, method, full path and status, and nothing else of the request', async () => {
    const [line] = await logLinesOf('/api/modelRisks?limit=50', { 'x-request-id': 'req-12345678', authorization: 'Bearer secret' });
    expect(line).toMatchObject({ level: 30, service: 'api', msg: 'request completed' });
    expect(line['req']).toEqual({ id: 'req-12345678', method: 'GET', url: '/api/modelRisks?limit=50' });
    expect(line['res']).toEqual({ statusCode: 201 });
    expect(typeof line['responseTime']).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('logs a share link without its token', async () => {
    const [line] = await logLinesOf('/api/public/shares/q3N0tLd5bT3abc_-x?limit=1');
    expect(line['req']).toMatchObject({ url: '/api/public/shares/[token]?limit=1' });
  });

  it('gives a request without a usable id a generated one', async () => {
    const [line] = await logLinesOf('/api/models', { 'x-request-id': 'bad id' });
    expect((line['req'] as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
