import { NestExpressApplication } from '@nestjs/platform-express';
import { MlflowConfigResponse, Role } from '@model-inventory/contracts';
import { AppConfig, SecretBox } from '@model-inventory/server-core';
import { MlflowModule, SecretsKeyCheck } from '@model-inventory/server-mlflow';
import { addUser, createTestApp, registerOrganization, testAppConfig, testDatabaseUrl, TestSession } from '@model-inventory/server-testing';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { FakeMlflow, startFakeMlflow } from './mlflow-fake-process';

const PASSWORD = 'p@ss-wörd-4-mlflow';
const TOKEN = 'fake-mlflow-token';

describe('MLflow connection settings and the connection test (real PostgreSQL, fake MLflow)', () => {
  let app: NestExpressApplication;
  let acme: TestSession;
  let globex: TestSession;
  let editor: TestSession;
  let basicFake: FakeMlflow;
  let tokenFake: FakeMlflow;
  let silent: Server;
  let proxy: Server;
  const responses: string[] = [];

  beforeAll(async () => {
    app = await createTestApp([MlflowModule]);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    editor = await addUser(app, acme, Role.Editor);
    [basicFake, tokenFake] = await Promise.all([
      startFakeMlflow(['--auth', 'basic', '--username', 'svc', '--password', PASSWORD, '--models', '3']),
      startFakeMlflow(['--auth', 'token', '--token', TOKEN, '--models', '3']),
    ]);
    silent = createServer(() => undefined).listen(0, '127.0.0.1');
    // A reverse proxy in front of nothing: nginx's HTML 404 for every path.
    proxy = createServer((_req, res) => res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>')).listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    // Every response body of this file, checked once: no secret ever left the server.
    for (const body of responses) for (const secret of [PASSWORD, TOKEN, 'wrong-password']) expect(body).not.toContain(secret);
    for (const server of [silent, proxy]) {
      server.closeAllConnections();
      server.close();
    }
    await Promise.all([basicFake?.stop(), tokenFake?.stop(), app.close()]);
  });

  const http = () => request(app.getHttpServer());
  const seen = <T extends { text: string }>(response: T): T => (responses.push(response.text), response);
  const put = async (session: TestSession, body: object) => seen(await http().put('/api/integrations/mlflow/config').set(session.auth).send(body));
  const getConfig = async (session: TestSession) => seen(await http().get('/api/integrations/mlflow/config').set(session.auth));
  const test = async (session: TestSession) => seen(await http().post('/api/integrations/mlflow/test').set(session.auth).expect(200)).body as { success: boolean; message: string };
  const storedRow = async (organizationId: number) =>
    (await app.get(DataSource).query(`SELECT * FROM mlflow_integrations WHERE organization_id = $1`, [organizationId]))[0] as Record<string, unknown> | undefined;

  it('is not configured until an Admin configures it; an Editor may not', async () => {
    expect((await getConfig(acme)).body).toEqual({ configured: false });
    expect((await put(editor, { tracking_server_url: basicFake.url, auth_method: 'none' })).status).toBe(403);
    expect(await storedRow(acme.organizationId)).toBeUndefined();
  });

  it.each([
    [{ auth_method: 'none' }, ['tracking_server_url']],
    [{ tracking_server_url: 'ftp://mlflow.example.com', auth_method: 'none' }, ['tracking_server_url']],
    [{ tracking_server_url: 'http://169.254.169.254/latest', auth_method: 'none' }, ['tracking_server_url']],
    [{ tracking_server_url: 'https://mlflow.example.com', auth_method: 'kerberos' }, ['auth_method']],
    [{ tracking_server_url: 'https://mlflow.example.com', auth_method: 'basic' }, ['username', 'password']],
    [{ tracking_server_url: 'https://mlflow.example.com', auth_method: 'token', api_token: '  ' }, ['api_token']],
    [{ tracking_server_url: 'https://mlflow.example.com', auth_method: 'none', timeout: 0 }, ['timeout']],
    [{ tracking_server_url: 'https://mlflow.example.com', auth_method: 'none', timeout: 'soon' }, ['timeout']],
    [{ tracking_server_url: 'https://mlflow.example.com', auth_method: 'none', verify_ssl: 'yes' }, ['verify_ssl']],
  ])('refuses %j with a 400 naming %j, storing nothing', async (body, fields) => {
    const response = await put(acme, body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    expect(await storedRow(acme.organizationId)).toBeUndefined();
  });

  it.each([
    ['an array', []],
    ['a string', '"https://mlflow.example.com"'],
    ['null secrets', { tracking_server_url: 'https://mlflow.example.com', auth_method: 'basic', username: 'u', password: null }],
    ['nested objects', { tracking_server_url: { href: 'https://mlflow.example.com' }, auth_method: ['none'] }],
    ['unknown fields', { tracking_server_url: 'https://mlflow.example.com', auth_method: 'none', workspace: 'x' }],
  ])('answers a malformed body (%s) with a 400 problem, never a 500', async (_name, body) => {
    const response = await seen(await http().put('/api/integrations/mlflow/config').set(acme.auth).set('Content-Type', 'application/json').send(JSON.stringify(body)));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(await storedRow(acme.organizationId)).toBeUndefined();
  });

  it('stores basic credentials encrypted, returns only has_password, and keeps the password when it is left blank', async () => {
    const created = await put(acme, { tracking_server_url: `${basicFake.url}/`, auth_method: 'basic', username: 'svc', password: PASSWORD, timeout: 10 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ configured: true, tracking_server_url: basicFake.url, auth_method: 'basic', username: 'svc', has_password: true, has_api_token: false, verify_ssl: true, timeout: 10, last_test_status: null });
    expect(created.body).not.toHaveProperty('password');

    const row = (await storedRow(acme.organizationId)) as Record<string, string>;
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(row['password_sealed']).toMatch(/^v1:/);
    expect(row['username_sealed']).toMatch(/^v1:/);
    expect(app.get(SecretBox).open(row['password_sealed'])).toBe(PASSWORD);

    const kept = await put(acme, { tracking_server_url: basicFake.url, auth_method: 'basic', username: 'svc', password: '', timeout: 10 });
    expect(kept.body.has_password).toBe(true);
    expect(((await storedRow(acme.organizationId)) as Record<string, string>)['password_sealed']).toBe(row['password_sealed']);
    expect((await getConfig(globex)).body).toEqual({ configured: false });
  });

  it('will not start with a SECRETS_KEY that cannot open the stored secrets, naming the variable', async () => {
    // The check the API and the worker run when they start (onApplicationBootstrap), with another key.
    const otherKey = new SecretBox(testAppConfig({ SECRETS_KEY: randomBytes(32).toString('base64') }));
    await expect(new SecretsKeyCheck(otherKey, app.get(DataSource)).onApplicationBootstrap()).rejects.toThrow(/^SECRETS_KEY cannot decrypt the stored MLflow credentials/);
    await expect(new SecretsKeyCheck(app.get(SecretBox), app.get(DataSource)).onApplicationBootstrap()).resolves.toBeUndefined();
  });

  it('re-encrypts every stored secret under a new key with npm run secrets:rotate, and back', async () => {
    const rotate = (from: string, to: string) =>
      spawnSync(process.execPath, [join(__dirname, '../../../../tools/secrets/rotate.mjs')], { env: { ...process.env, DATABASE_URL: testDatabaseUrl(), SECRETS_KEY: from, SECRETS_KEY_NEW: to }, encoding: 'utf8' });
    const current = (testAppConfig().secrets.key as Buffer).toString('base64');
    const next = randomBytes(32).toString('base64');
    const forward = rotate(current, next);
    expect(forward.stdout).toMatch(/Re-encrypted [1-9]\d* stored secrets/);
    const row = (await storedRow(acme.organizationId)) as Record<string, string>;
    expect(new SecretBox({ secrets: { key: Buffer.from(next, 'base64') } } as AppConfig).open(row['password_sealed'])).toBe(PASSWORD);
    expect(() => app.get(SecretBox).open(row['password_sealed'])).toThrow(/SECRETS_KEY/);
    expect(rotate(current, next).stderr).toMatch(/SECRETS_KEY cannot decrypt/);
    expect(rotate(next, current).status).toBe(0);
    expect(app.get(SecretBox).open(((await storedRow(acme.organizationId)) as Record<string, string>)['password_sealed'])).toBe(PASSWORD);
  });

  it('records every change in the security audit log, naming changed fields and never a secret', async () => {
    const events = await app.get(DataSource).query(`SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'integration.changed' ORDER BY id`, [acme.organizationId]);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0].details).toMatchObject({ integration: 'mlflow', action: 'configured', auth_method: 'basic' });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('tests the connection with the stored credentials and records the outcome', async () => {
    const result = await test(acme);
    expect(result).toEqual({ success: true, message: expect.stringContaining('Model Registry') });
    expect((await getConfig(acme)).body).toMatchObject({ last_test_status: 'success', last_test_message: result.message, last_tested_at: expect.any(String) });
  });

  it('tells wrong credentials apart (MLflow answers 401 in plain text) and a changed setting makes the last test stale', async () => {
    const changed = await put(acme, { tracking_server_url: basicFake.url, auth_method: 'basic', username: 'svc', password: 'wrong-password' });
    expect((changed.body as MlflowConfigResponse).last_test_status).toBeNull();
    const result = await test(acme);
    expect(result.success).toBe(false);
    expect(result.message).toMatch(/refused the credentials \(401\).*username and password/);
    expect((await getConfig(acme)).body.last_test_status).toBe('failure');
  });

  it('tests a bearer token, and says so when the token is wrong', async () => {
    await put(globex, { tracking_server_url: tokenFake.url, auth_method: 'token', api_token: TOKEN });
    expect((await test(globex)).success).toBe(true);
    await put(globex, { tracking_server_url: tokenFake.url, auth_method: 'token', api_token: 'nope' });
    expect((await test(globex)).message).toMatch(/API token/);
  });

  it('tells an unreachable server, a timeout, a TLS failure and something that is not MLflow apart', async () => {
    const { port } = silent.address() as AddressInfo;
    const closedPort = port + 1 > 65535 ? port - 1 : port + 1;
    const cases: Array<[object, RegExp]> = [
      [{ tracking_server_url: `http://127.0.0.1:${closedPort}`, auth_method: 'none' }, /cannot be reached \(ECONNREFUSED\)/],
      [{ tracking_server_url: `http://127.0.0.1:${port}`, auth_method: 'none', timeout: 1 }, /did not answer in time/],
      [{ tracking_server_url: `https://127.0.0.1:${new URL(basicFake.url).port}`, auth_method: 'none' }, /TLS failed/],
      [{ tracking_server_url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/mlflow`, auth_method: 'none' }, /not an MLflow tracking server/],
    ];
    for (const [body, message] of cases) {
      expect((await put(acme, body)).status).toBe(200);
      const result = await test(acme);
      expect(result).toEqual({ success: false, message: expect.stringMatching(message) });
    }
  });

  it('deletes the integration (Admin only), with its secrets', async () => {
    expect((await seen(await http().delete('/api/integrations/mlflow/config').set(editor.auth))).status).toBe(403);
    expect((await seen(await http().delete('/api/integrations/mlflow/config').set(acme.auth))).status).toBe(204);
    expect(await storedRow(acme.organizationId)).toBeUndefined();
    expect((await getConfig(acme)).body).toEqual({ configured: false });
    expect((await seen(await http().post('/api/integrations/mlflow/test').set(acme.auth))).status).toBe(404);
  });
});
