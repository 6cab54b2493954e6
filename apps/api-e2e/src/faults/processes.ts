import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const workspaceRoot = join(__dirname, '../../../..');

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(probe).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process whose output is kept (for assertions and for the failure message) and whose exit is awaited. */
export class Service {
  readonly output: string[] = [];
  readonly exited: Promise<Exit>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Service {
    return new Service(name, spawn(command, args, { cwd: workspaceRoot, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    let found: string | undefined;
    await waitUntil(() => Boolean((found = this.output.find((line) => pattern.test(line)))) || !this.running, timeoutMs, `${this.name} printing ${pattern}`);
    if (!found) throw new Error(`${this.name} exited before printing ${pattern}:\n${this.tail()}`);
    return found;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit> {
    this.signal(signal);
    const timer = setTimeout(() => this.signal('SIGKILL'), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  tail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }
}

/** A Redis of its own, without persistence: stopping and starting it again gives an empty Redis, as a restart without persistence does. */
export class PrivateRedis {
  private server?: Service;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    this.server = Service.start('redis', 'redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], process.env);
    await this.server.waitForLine(/Ready to accept connections/, 15_000);
  }

  async down(): Promise<void> {
    await this.server?.stop('SIGTERM');
  }
}

/** A PostgreSQL server of its own (tools/testing/private-postgres.mjs), to stop and start under a running API. */
export class PrivatePostgres {
  private server?: Service;
  url = '';

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const postgres = new PrivatePostgres(await freePort(), join(workspaceRoot, '.data', `faults-pg-${randomBytes(4).toString('hex')}`));
    await postgres.up();
    return postgres;
  }

  async up(): Promise<void> {
    this.server = Service.start('postgres', process.execPath, [join(workspaceRoot, 'tools/testing/private-postgres.mjs'), '--dir', this.dir, '--port', String(this.port)], process.env);
    this.url = (await this.server.waitForLine(/^private postgres ready /, 60_000)).replace(/^private postgres ready /, '');
  }

  /** Stops the server; its data stays for the next `up()`. */
  async down(): Promise<void> {
    await this.server?.stop('SIGTERM');
  }

  /** Stops the server and deletes its data. */
  async destroy(): Promise<void> {
    if (this.server?.running) await this.server.stop('SIGUSR2');
  }
}
