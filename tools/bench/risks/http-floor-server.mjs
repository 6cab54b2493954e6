// bench:risks' HTTP floor: the least an HTTP API in Node can add to a risk create. A bare `node:http` server in its
// own process (as the API is) that parses the JSON body, runs the baseline's ONE statement (raw-writes.mjs) on a pool
// of the API's size and answers the new id as JSON: no framework, no session check, no validation, no log.
//   node tools/bench/risks/http-floor-server.mjs <database url> <port> <organisation id> <user id>
import http from 'node:http';
import pg from 'pg';
import { API_POOL_SIZE } from '../kit/common.mjs';
import { createWithSql } from './raw-writes.mjs';

const [databaseUrl, port, organisationId, userId] = process.argv.slice(2);
const org = { id: Number(organisationId), userId: Number(userId) };
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: API_POOL_SIZE,
  application_name: 'risks-bench-floor',
});

const server = http.createServer((req, res) => {
  /** @type {Buffer[]} */
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const id = await createWithSql(
        pool,
        org,
        JSON.parse(Buffer.concat(chunks).toString('utf8')),
      );
      const body = JSON.stringify({ id });
      res.writeHead(201, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(/** @type {Error} */ (error).message);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () =>
  server.close(() => pool.end().then(() => process.exit(0))),
);
