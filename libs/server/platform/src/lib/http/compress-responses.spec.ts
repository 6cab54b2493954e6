import express from 'express';
import { once } from 'node:events';
import { get, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { compressResponses } from './compress-responses';

const PAGE = { items: Array.from({ length: 50 }, (_, id) => ({ id, name: `model ${id}`, notes: 'x'.repeat(40) })), total: 50 };

/** Raw HTTP, so that nothing decodes the body or adds an Accept-Encoding of its own. */
function fetchRaw(server: Server, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) =>
    get({ host: '127.0.0.1', port, path: '/page', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject),
  );
}

describe('compressResponses', () => {
  let server: Server;

  beforeAll(async () => {
    const app = express();
    app.use(compressResponses());
    app.get('/page', (_req, res) => {
      res.json(PAGE);
    });
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterAll(() => server.close());

  it('compresses a JSON page for a client that accepts brotli', async () => {
    const { headers, body } = await fetchRaw(server, { 'Accept-Encoding': 'br, gzip' });

    expect(headers).toMatchObject({ 'content-encoding': 'br', vary: 'Accept-Encoding' });
    expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual(PAGE);
  });

  it('sends the same page as it is, with the same Vary, to a client that names no encoding', async () => {
    const { headers, body } = await fetchRaw(server, {});

    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['vary']).toBe('Accept-Encoding');
    expect(Number(headers['content-length'])).toBe(body.length);
    expect(body.toString()).toBe(JSON.stringify(PAGE));
  });

  it('sends the page as it is to a client that asks for identity', async () => {
    const { headers, body } = await fetchRaw(server, { 'Accept-Encoding': 'identity' });

    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['vary']).toBe('Accept-Encoding');
    expect(body.toString()).toBe(JSON.stringify(PAGE));
  });
});
