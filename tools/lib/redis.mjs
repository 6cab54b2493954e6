// @ts-check
// Minimal Redis client over a raw socket: enough to check that a server answers and to run a few admin
// commands, without ioredis' reconnect loop and its log noise when nothing listens.
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** @typedef {string | number | null | Error} RedisReply */

/**
 * Runs `commands` (arrays of strings) in order after AUTH/SELECT from the URL. Resolves to the replies.
 * @param {string} url
 * @param {string[][]} commands
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<RedisReply[]>}
 */
export function redisCommands(url, commands, { timeoutMs = 1000 } = {}) {
  const target = new URL(url);
  const port = Number(target.port || 6379);
  const host = target.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  /** @type {string[][]} */
  const preamble = [];
  if (target.password) {
    const password = decodeURIComponent(target.password);
    preamble.push(
      target.username
        ? ['AUTH', decodeURIComponent(target.username), password]
        : ['AUTH', password],
    );
  }
  const db = databaseIndex(url);
  if (db > 0) preamble.push(['SELECT', String(db)]);
  const all = [...preamble, ...commands];

  return new Promise((resolvePromise, reject) => {
    const socket =
      target.protocol === 'rediss:'
        ? connectTls({ host, port, servername: host })
        : connectTcp({ host, port });
    let buffer = '';
    /** @param {Error} error */
    const fail = (error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)),
    );
    socket.once('error', fail);
    socket.once(
      target.protocol === 'rediss:' ? 'secureConnect' : 'connect',
      () => socket.write(all.map(encode).join('')),
    );
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const replies = parseReplies(buffer);
      if (replies.length < all.length) return;
      socket.destroy();
      const error = replies.find((reply) => reply instanceof Error);
      if (error) reject(error);
      else resolvePromise(replies.slice(preamble.length));
    });
  });
}

/**
 * Never throws: `{ ok: true }` when the server answers PING with PONG, else `{ ok: false, error }`.
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ ok: true } | { ok: false, error: string }>}
 */
export async function probeRedis(url, { timeoutMs = 1000 } = {}) {
  try {
    const [reply] = await redisCommands(url, [['PING']], { timeoutMs });
    return reply === 'PONG'
      ? { ok: true }
      : { ok: false, error: `unexpected reply ${reply}` };
  } catch (error) {
    const failure = /** @type {Partial<NodeJS.ErrnoException>} */ (error);
    return {
      ok: false,
      error: failure.message || failure.code || String(error),
    };
  }
}

/**
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 */
export async function isRedisReachable(url, options) {
  return (await probeRedis(url, options)).ok;
}

/**
 * The database index of a redis:// URL (`redis://host:6379/4` → 4), 0 when absent.
 * @param {string} url
 */
export function databaseIndex(url) {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path === '' ? 0 : Number(path);
}

/**
 * The same URL with another database index.
 * @param {string} url
 * @param {number} index
 */
export function withRedisDatabase(url, index) {
  const parsed = new URL(url);
  parsed.pathname = `/${index}`;
  return parsed.toString();
}

/** @param {string[]} args */
function encode(args) {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

/** Parses the complete simple replies (+, -, :, $) in the buffer; stops at the first incomplete one. */
/**
 * @param {string} buffer
 * @returns {RedisReply[]}
 */
function parseReplies(buffer) {
  /** @type {RedisReply[]} */
  const replies = [];
  let offset = 0;
  while (offset < buffer.length) {
    const end = buffer.indexOf('\r\n', offset);
    if (end < 0) break;
    const type = buffer[offset];
    const line = buffer.slice(offset + 1, end);
    if (type === '$') {
      const length = Number(line);
      if (length < 0) {
        replies.push(null);
        offset = end + 2;
        continue;
      }
      if (buffer.length < end + 2 + length + 2) break;
      replies.push(buffer.slice(end + 2, end + 2 + length));
      offset = end + 2 + length + 2;
      continue;
    }
    replies.push(
      type === '-' ? new Error(line) : type === ':' ? Number(line) : line,
    );
    offset = end + 2;
  }
  return replies;
}
