import { NestExpressApplication } from '@nestjs/platform-express';
import { InventoryModule } from '@model-inventory/server-inventory';
import { createTestApp, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { aModel } from './inventory-fixtures';

/** A built console in miniature: index.html, a hashed bundle with its pre-compressed copies, an unhashed asset. */
function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mi-console-'));
  const bundle = `console.log(${JSON.stringify('x'.repeat(5_000))});`;
  const page = '<!doctype html><title>Model Inventory</title><link rel="modulepreload" href="chunk-MODELSTAB.js" data-first-screen>';
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'index.html.br'), brotliCompressSync(page));
  writeFileSync(join(dir, 'index.public.html'), '<!doctype html><title>Model Inventory</title>');
  writeFileSync(join(dir, 'main-ABCD1234.js'), bundle);
  writeFileSync(join(dir, 'main-ABCD1234.js.br'), brotliCompressSync(bundle));
  writeFileSync(join(dir, 'main-ABCD1234.js.gz'), gzipSync(bundle));
  writeFileSync(join(dir, 'favicon.ico'), 'icon');
  return dir;
}

describe('fast delivery: pre-compressed console files, caching, compressed JSON (real HTTP stack)', () => {
  let app: NestExpressApplication;
  let dist: string;
  let admin: TestSession;

  beforeAll(async () => {
    dist = builtConsole();
    app = await createTestApp([InventoryModule], testAppConfig({ WEB_DIST_PATH: dist }));
    await app.listen(0, '127.0.0.1');
    admin = await registerOrganization(app);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  /** Raw HTTP: the test client would decode the body itself and hide what went over the wire. */
  const rawGet = (path: string, headers: Record<string, string>) => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) =>
      get({ port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject),
    );
  };

  it('serves the brotli copy of a hashed bundle to a browser that accepts it, cached for a year', async () => {
    const { headers, body } = await rawGet('/main-ABCD1234.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' });
    expect(headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(body).toString()).toContain('console.log');
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gzipped = await http().get('/main-ABCD1234.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const plain = await http().get('/main-ABCD1234.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('console.log');
  });

  it('revalidates index.html and unhashed files on every load, and answers console routes with index.html', async () => {
    const index = await http().get('/model-inventory/risks').set('Accept', 'text/html').expect(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.text).toContain('Model Inventory');
    expect((await http().get('/favicon.ico').expect(200)).headers['cache-control']).toBe('no-cache');
  });

  it('sends the console page itself pre-compressed to a browser that accepts it, revalidated on every load', async () => {
    const { headers, body } = await rawGet('/model-inventory/models', { Accept: 'text/html', 'Accept-Encoding': 'gzip, deflate, br' });
    expect(headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-cache', vary: 'Accept-Encoding' });
    expect(headers['content-type']).toMatch(/html/);
    expect(brotliDecompressSync(body).toString()).toContain('data-first-screen');
  });

  it("answers a share link's public page with the page that does not preload the console's first screen", async () => {
    const shared = await http().get('/share/c2hhcmUtdG9rZW4').set('Accept', 'text/html').expect(200);
    expect(shared.headers['cache-control']).toBe('no-cache');
    expect(shared.text).toContain('Model Inventory');
    expect(shared.text).not.toContain('data-first-screen');
    const signedIn = await http().get('/model-inventory/models').set('Accept', 'text/html').expect(200);
    expect(signedIn.text).toContain('data-first-screen');
  });

  it('compresses JSON responses over 1 kB when the client accepts it, and leaves small ones alone', async () => {
    for (let i = 0; i < 10; i++) await http().post('/api/modelInventory').set(admin.auth).send(aModel({ version: `v${i}` })).expect(201);
    const list = await http().get('/api/modelInventory?limit=10').set(admin.auth).set('Accept-Encoding', 'br').expect(200);
    expect(list.headers['content-encoding']).toBe('br');
    expect(list.body.total).toBe(10);
    const small = await http().get('/api/auth/settings').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
