// @ts-check
// Load generation over keep-alive HTTP, and a seeded random generator.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

import { REQUEST_TIMEOUT_MS, say } from './common.mjs';

/**
 * Runs `total` calls of `work` with `concurrency` in flight; latencies in ms.
 * @param {number} total
 * @param {number} concurrency
 * @param {(index: number) => Promise<unknown>} work
 */
export async function runLoad(total, concurrency, work) {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  /** @type {Error | null} */
  let firstError = null;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (;;) {
        const index = next;
        next += 1;
        if (index >= total) return;
        const t0 = performance.now();
        try {
          await work(index);
        } catch (error) {
          errors += 1;
          firstError ??= /** @type {Error} */ (error);
        }
        latencies[index] = performance.now() - t0;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  // Assigned in the workers above, which TypeScript's narrowing does not follow.
  const failure = /** @type {Error | null} */ (firstError);
  if (failure) say(`  ${errors} of ${total} failed; first: ${failure.message}`);
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  /** @param {number} q */
  const at = (q) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    count: total,
    concurrency,
    errors,
    elapsedMs,
    perSecond: (total / elapsedMs) * 1000,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
  };
}

/**
 * @param {string} baseUrl
 * @param {number} maxSockets
 */
export function httpClient(baseUrl, maxSockets) {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`refusing to send traffic to ${url.hostname}`);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
  });
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} body
   * @param {string | null | undefined} token  none for a public route
   * @param {number} expectStatus
   * @returns {Promise<any>} the parsed JSON body, whose shape the caller knows from the API
   */
  const json = (method, path, body, token, expectStatus) =>
    new Promise((resolve, reject) => {
      const payload =
        body === undefined ? null : Buffer.from(JSON.stringify(body));
      /** @type {Record<string, string | number>} */
      const headers = { accept: 'application/json' };
      if (payload)
        Object.assign(headers, {
          'content-type': 'application/json',
          'content-length': payload.length,
        });
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method,
          headers,
          agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== expectStatus)
              return reject(
                new Error(
                  `${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`,
                ),
              );
            try {
              resolve(text ? JSON.parse(text) : null);
            } catch (error) {
              reject(
                new Error(
                  `${method} ${path}: invalid JSON (${/** @type {Error} */ (error).message})`,
                ),
              );
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(
          new Error(
            `${method} ${path}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
          ),
        ),
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  return { json, close: () => agent.destroy() };
}

/** @param {number} seed */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
