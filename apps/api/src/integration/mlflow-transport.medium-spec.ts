import { NestExpressApplication } from '@nestjs/platform-express';
import { CALLS_AT_ONCE, MlflowModule, MlflowSyncService } from '@model-inventory/server-mlflow';
import { createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, IncomingMessage, request as httpRequest, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { FakeMlflow, startFakeMlflow } from './mlflow-fake-process';

/** What a proxy in front of the fake saw: connections opened, requests served, and the most at once. */
interface Traffic {
  connections: number;
  requests: number;
  inFlight: number;
  maxInFlight: number;
}

/** Forwards every request to `target` (the fake's origin) and counts the traffic. */
function forwardTo(target: string, traffic: Traffic) {
  return (req: IncomingMessage, res: ServerResponse) => {
    traffic.requests++;
    traffic.maxInFlight = Math.max(traffic.maxInFlight, ++traffic.inFlight);
    res.once('close', () => traffic.inFlight--);
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
}

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))));

/** A self-signed certificate for 127.0.0.1, made now with the openssl CLI (no key is kept in the repository). */
function selfSignedCertificate(dir: string): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

describe('MLflow transport: TLS verification and connection reuse (real PostgreSQL, fake MLflow)', () => {
  let app: NestExpressApplication;
  let fake: FakeMlflow;
  let acme: TestSession;
  let globex: TestSession;
  let certDir: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'mlflow-tls-'));
    [app, fake] = await Promise.all([createTestApp([MlflowModule]), startFakeMlflow(['--models', '40', '--versions-per-model', '5'])]);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    rmSync(certDir, { recursive: true, force: true });
    await Promise.all([fake?.stop(), app?.close()]);
  });

  const http = () => request(app.getHttpServer());
  const configure = (session: TestSession, body: object) => http().put('/api/integrations/mlflow/config').set(session.auth).send({ auth_method: 'none', timeout: 10, ...body }).expect(200);
  const test = async (session: TestSession) => (await http().post('/api/integrations/mlflow/test').set(session.auth).expect(200)).body as { success: boolean; message: string };

  it('reports a self-signed certificate as a TLS failure in plain words with verify_ssl, and syncs over HTTPS without it', async () => {
    const https = createHttpsServer(selfSignedCertificate(certDir), forwardTo(fake.origin, { connections: 0, requests: 0, inFlight: 0, maxInFlight: 0 }));
    servers.push(https);
    const url = `https://127.0.0.1:${await listen(https)}`;

    await configure(acme, { tracking_server_url: url, verify_ssl: true });
    const verified = await test(acme);
    expect(verified).toEqual({ success: false, message: expect.stringMatching(/^TLS failed with 127\.0\.0\.1:\d+ \(DEPTH_ZERO_SELF_SIGNED_CERT\): the certificate is not trusted.*turn verify_ssl off$/) });

    await configure(acme, { tracking_server_url: url, verify_ssl: false });
    expect(await test(acme)).toEqual({ success: true, message: expect.stringContaining('Model Registry') });
    const outcome = await app.get(MlflowSyncService).syncOrganization(acme.organizationId);
    expect(outcome).toMatchObject({ status: 'success', counts: { models: 40, versions: 200, added: 200 } });
  }, 60_000);

  it(`fetches runs ${CALLS_AT_ONCE} at a time at most, over kept-alive connections`, async () => {
    const traffic: Traffic = { connections: 0, requests: 0, inFlight: 0, maxInFlight: 0 };
    const proxy = createServer(forwardTo(fake.origin, traffic));
    proxy.on('connection', () => traffic.connections++);
    servers.push(proxy);
    await configure(globex, { tracking_server_url: `http://127.0.0.1:${await listen(proxy)}` });
    expect((await test(globex)).success).toBe(true);
    await fake.control.setFaults({ latencyMs: 20 });
    Object.assign(traffic, { connections: 0, requests: 0, maxInFlight: 0 });

    const outcome = await app.get(MlflowSyncService).syncOrganization(globex.organizationId);
    await fake.control.clearFaults();
    expect(outcome).toMatchObject({ status: 'success', counts: { versions: 200, added: 200 } });
    const runFetches = (outcome.counts?.runs_fetched ?? 0) + (outcome.counts?.lineage_unavailable ?? 0);
    expect(runFetches).toBeGreaterThan(100);
    expect(traffic.requests).toBeGreaterThan(runFetches);
    expect(traffic.maxInFlight).toBeGreaterThan(1);
    expect(traffic.maxInFlight).toBeLessThanOrEqual(CALLS_AT_ONCE);
    expect(traffic.connections).toBeLessThanOrEqual(CALLS_AT_ONCE);
  }, 60_000);
});
