// bench:risks' HTTP floor: the least an HTTP API in Node can add to a risk create or a list page. A bare `node:http`
// server in its own process (as the API is), on a pool of the API's size, with no framework, session check,
// validation or log:
//   POST /risks     parses the JSON body, runs the baseline's ONE statement (raw-writes.mjs), answers the new id;
//   PATCH /risks/N  runs the baseline's ONE transition statement In Progress -> Resolved on risk N, answers its id;
//   GET /lists/N    runs list case N's ONE hand-written query (lists.mjs) and answers `{ items, total }`, its rows
//                   as pg parsed them, through JSON.stringify.
//   node tools/bench/risks/http-floor-server.mjs <database url> <port> <organisation id> <user id>
import http from 'node:http';
import pg from 'pg';
import { API_POOL_SIZE } from '../kit/common.mjs';
import { listCases, pageTotal } from './lists.mjs';
import { createWithSql, transitionWithSql } from './raw-writes.mjs';

const [databaseUrl, port, organisationId, userId] = process.argv.slice(2);
const org = { id: Number(organisationId), userId: Number(userId) };
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: API_POOL_SIZE,
  application_name: 'risks-bench-floor',
});

const lists = listCases(org);

/** @param {http.ServerResponse} res @param {number} status @param {unknown} value */
function answer(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** @param {http.ServerResponse} res @param {unknown} error */
function fail(res, error) {
  res.writeHead(500, { 'content-type': 'text/plain' });
  res.end(/** @type {Error} */ (error).message);
}

const server = http.createServer((req, res) => {
  const list = /^\/lists\/(\d+)$/.exec(req.url ?? '');
  if (req.method === 'GET' && list) {
    const { sql, params } = lists[Number(list[1])];
    pool.query(sql, params).then(
      ({ rows }) => answer(res, 200, { items: rows, total: pageTotal(rows) }),
      (error) => fail(res, error),
    );
    return;
  }
  const transition = /^\/risks\/(\d+)$/.exec(req.url ?? '');
  if (req.method === 'PATCH' && transition) {
    req.resume();
    req.on('end', () =>
      transitionWithSql(pool, org, Number(transition[1])).then(
        (id) => answer(res, 200, { id }),
        (error) => fail(res, error),
      ),
    );
    return;
  }
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
      answer(res, 201, { id });
    } catch (error) {
      fail(res, error);
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () =>
  server.close(() => pool.end().then(() => process.exit(0))),
);
