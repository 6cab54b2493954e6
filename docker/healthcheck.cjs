// Container health check:  node docker/healthcheck.cjs api|worker
//   api:    GET /api/health answers 200 (database and queue up)
//   worker: this container's worker wrote a heartbeat (table worker_heartbeats) in the last 90 s
const { hostname } = require('node:os');

const TIMEOUT_MS = 4000;

async function apiIsHealthy() {
  const response = await fetch(
    `http://127.0.0.1:${process.env.PORT || 3000}/api/health`,
    {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    },
  );
  return response.status === 200;
}

async function workerIsHealthy() {
  const { Client } = require('pg');
  const client = new Client({
    connectionString: process.env.DATABASE_URL,
    connectionTimeoutMillis: TIMEOUT_MS,
  });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `select 1 from worker_heartbeats where hostname = $1 and last_seen_at > now() - interval '90 seconds'`,
      [hostname()],
    );
    return rowCount > 0;
  } finally {
    await client.end();
  }
}

const checks = { api: apiIsHealthy, worker: workerIsHealthy };
const check = checks[process.argv[2]];
if (!check) {
  console.error('usage: node docker/healthcheck.cjs api|worker');
  process.exit(2);
}
check().then(
  (healthy) => process.exit(healthy ? 0 : 1),
  (error) => {
    console.error(error.message);
    process.exit(1);
  },
);
