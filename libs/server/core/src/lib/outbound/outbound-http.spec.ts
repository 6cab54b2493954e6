import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AppConfig } from '../config/app-config';
import { DnsLookupAll, OutboundHttp, OutboundRefusedError } from './outbound-http';

const options = { timeoutMs: 2000, maxResponseBytes: 1024 };

function client(allowPrivate: boolean): OutboundHttp {
  return new OutboundHttp({ outbound: { allowPrivate } } as AppConfig);
}

describe('OutboundHttp against a real local server', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (req.url === '/large') return void res.end('x'.repeat(10_000));
      if (req.url === '/slow') {
        const late = setTimeout(() => res.end('late'), 5000);
        return void res.on('close', () => clearTimeout(late));
      }
      res.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => (hits.length = 0));

  it('calls a loopback address when private addresses are allowed', async () => {
    const response = await client(true).request(`${base}/`, options);
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('hello');
  });

  it('refuses a loopback address, by literal or by name, without connecting when they are not', async () => {
    await expect(client(false).request(`${base}/`, options)).rejects.toBeInstanceOf(OutboundRefusedError);
    const byName = base.replace('127.0.0.1', 'localhost');
    await expect(client(false).request(`${byName}/`, options)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(hits).toEqual([]);
  });

  it('refuses the cloud metadata address whatever the configuration', async () => {
    await expect(client(true).request('http://169.254.169.254/latest/meta-data/', options)).rejects.toThrow(/cloud metadata/);
  });

  it('does not follow a redirect: the caller sees the 302', async () => {
    const response = await client(true).request(`${base}/redirect`, options);
    expect(response.status).toBe(302);
    expect(hits).toEqual(['/redirect']);
  });

  it('cuts off a response larger than the cap', async () => {
    await expect(client(true).request(`${base}/large`, options)).rejects.toThrow(/larger than 1024 bytes/);
  });

  it('gives up when no answer comes within the deadline', async () => {
    const started = Date.now();
    await expect(client(true).request(`${base}/slow`, { ...options, timeoutMs: 300 })).rejects.toThrow(/no answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('judges a name by the address it resolves to when connecting, so a name cannot hide a metadata address', async () => {
    const rebinding: DnsLookupAll = (hostname, _options, callback) => callback(null, [{ address: '169.254.169.254', family: 4 }]);
    const outbound = new OutboundHttp({ outbound: { allowPrivate: true } } as AppConfig, rebinding);
    expect(outbound.refusalOfUrl('http://innocent.example.com/')).toBeNull();
    await expect(outbound.request('http://innocent.example.com/', options)).rejects.toThrow(/innocent.example.com: 169.254.169.254 is a link-local or cloud metadata address/);
  });

  it('reuses connections within a session, and still judges each new connection by the address it resolves to', async () => {
    const connections: number[] = [];
    const onConnection = () => connections.push(1);
    server.on('connection', onConnection);
    const session = client(true).session(2);
    try {
      for (let i = 0; i < 5; i++) expect((await session.request(`${base}/`, options)).body.toString()).toBe('hello');
      expect(connections).toHaveLength(1);
    } finally {
      session.close();
      server.off('connection', onConnection);
    }
    const rebinding: DnsLookupAll = (hostname, _options, callback) => callback(null, [{ address: '169.254.169.254', family: 4 }]);
    const guarded = new OutboundHttp({ outbound: { allowPrivate: true } } as AppConfig, rebinding).session(2);
    await expect(guarded.request('http://innocent.example.com/', options)).rejects.toThrow(/169.254.169.254 is a link-local or cloud metadata address/);
    guarded.close();
  });

  it('judges literal hosts up front and leaves names to connect time', () => {
    expect(client(false).refusalOfUrl('http://[::ffff:169.254.169.254]/')).toMatch(/cloud metadata/);
    expect(client(false).refusalOfUrl('https://hooks.example.com/x')).toBeNull();
    expect(client(true).refusalOfUrl('http://localhost:8080/')).toBeNull();
  });
});
