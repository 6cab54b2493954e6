// @ts-check
// Command-line flags -> startFakeMlflow options. `--help` prints USAGE.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: node tools/mlflow-fake/main.mjs [options]

Serves a fake MLflow tracking server (Model Registry REST API, MLflow ${'3.11.1'} behaviour).

Server:
  --host H                    bind address (default 127.0.0.1)
  --port N                    port (default 5055; 0 picks a free one, printed on the first line)
  --static-prefix /P          serve everything under /P, like mlflow server --static-prefix
  --mode M                    oss3 (default) | oss3-next (errors add sqlstate, error_class) |
                              databricks (version search default and max 10000, user_id on versions)
Data (generated unless --seed):
  --models N                  registered models (default 50), plus 2 prompts (--prompts N)
  --versions-per-model K      default 3
  --seed-number S             generator seed (default 42); same seed, same data
  --seed FILE                 load a JSON seed instead (schema in tools/mlflow-fake/README.md)
Auth:
  --auth none|basic|token     default none
  --username U --password P   basic credentials (default admin / password1234)
  --token T                   bearer token (default fake-mlflow-token)
  --denied-username U --denied-password P --denied-token T
                              an authenticated identity without permission: 403 (default no-access /
                              password1234 / fake-mlflow-token-no-access)
Faults (also settable at runtime: POST /_fake/faults):
  --fault-429 N [--retry-after S]   the next N API requests get 429 with Retry-After: S (default 1)
  --fault-503 N               the next N API requests get 503
  --latency-ms MS             delay every request
  --proxy-mode                answer every route with an nginx-style HTML 404
  --fail-endpoint E[:STATUS]  e.g. model-versions/search:500 fails every call of that route
  --hidden-models a,b         permission filter: hide these models and their versions
  --hidden-fraction F         permission filter: hide about this fraction of models (0..1)
`;

/** @param {string | undefined} value @param {string} flag @param {number} fallback */
function number(value, flag, fallback) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`${flag}: expected a non-negative number, got ${value}`);
  return n;
}

/**
 * @param {string[]} argv
 * @returns {{ help: true } | { help: false, options: import('./server.mjs').FakeMlflowOptions }}
 */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      host: { type: 'string' },
      port: { type: 'string' },
      'static-prefix': { type: 'string' },
      mode: { type: 'string' },
      models: { type: 'string' },
      'versions-per-model': { type: 'string' },
      'seed-number': { type: 'string' },
      prompts: { type: 'string' },
      seed: { type: 'string' },
      auth: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      token: { type: 'string' },
      'denied-username': { type: 'string' },
      'denied-password': { type: 'string' },
      'denied-token': { type: 'string' },
      'fault-429': { type: 'string' },
      'retry-after': { type: 'string' },
      'fault-503': { type: 'string' },
      'latency-ms': { type: 'string' },
      'proxy-mode': { type: 'boolean' },
      'fail-endpoint': { type: 'string' },
      'hidden-models': { type: 'string' },
      'hidden-fraction': { type: 'string' },
    },
  });
  if (values.help) return { help: true };
  const mode = values.mode ?? 'oss3';
  if (!['oss3', 'oss3-next', 'databricks'].includes(mode))
    throw new Error(`--mode: unknown mode ${mode}`);
  const authMode = values.auth ?? 'none';
  if (!['none', 'basic', 'token'].includes(authMode))
    throw new Error(`--auth: expected none, basic or token`);
  /** @type {Record<string, any>} */
  const faults = {};
  if (values['fault-429'])
    faults.status429 = {
      count: number(values['fault-429'], '--fault-429', 0),
      retryAfterSeconds: number(values['retry-after'], '--retry-after', 1),
    };
  if (values['fault-503'])
    faults.status503 = { count: number(values['fault-503'], '--fault-503', 0) };
  if (values['latency-ms'])
    faults.latencyMs = number(values['latency-ms'], '--latency-ms', 0);
  if (values['proxy-mode']) faults.proxyMode = true;
  if (values['fail-endpoint']) {
    const [endpoint, status] = values['fail-endpoint'].split(':');
    faults.failEndpoint = {
      endpoint,
      status: number(status, '--fail-endpoint', 500),
    };
  }
  if (values['hidden-models'] || values['hidden-fraction'])
    faults.permissionFilter = {
      hiddenModels: (values['hidden-models'] ?? '').split(',').filter(Boolean),
      hiddenFraction: number(values['hidden-fraction'], '--hidden-fraction', 0),
    };
  /** @type {Partial<import('./auth.mjs').AuthOptions>} */
  const auth = { mode: /** @type {'none' | 'basic' | 'token'} */ (authMode) };
  for (const [flag, key] of /** @type {const} */ ([
    ['username', 'username'],
    ['password', 'password'],
    ['token', 'token'],
    ['denied-username', 'deniedUsername'],
    ['denied-password', 'deniedPassword'],
    ['denied-token', 'deniedToken'],
  ]))
    if (values[flag] !== undefined) auth[key] = values[flag];
  return {
    help: false,
    options: {
      host: values.host ?? '127.0.0.1',
      port: number(values.port, '--port', 5055),
      staticPrefix: values['static-prefix'],
      mode: /** @type {import('./types.mjs').Mode} */ (mode),
      auth,
      data: values.seed
        ? { seedFile: values.seed }
        : {
            models: number(values.models, '--models', 50),
            versionsPerModel: number(
              values['versions-per-model'],
              '--versions-per-model',
              3,
            ),
            seedNumber: number(values['seed-number'], '--seed-number', 42),
            prompts:
              values.prompts === undefined
                ? undefined
                : number(values.prompts, '--prompts', 2),
          },
      faults,
    },
  };
}
