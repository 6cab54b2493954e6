// bench:risks' batch phases: risks raised (POST) and moved (PATCH) in batches through /api/modelRisks/batch, next to the
// same rows written by ONE hand-written statement per batch, and compared with the single writes' baseline (one
// statement per risk).
import { mulberry32, say, step } from '../bench-kit.mjs';
import { GOALS } from './options.mjs';
import { RAW_BATCH_TRANSITION_SQL, createBatchWithSql } from './raw-writes.mjs';
import { HISTORY_FIELDS, historyCheck, riskBody } from './writes.mjs';

/** @typedef {import('./options.mjs').BenchContext} BenchContext */

/**
 * @param {BenchContext} ctx
 * @param {{ raw: { perSecond: number } } | null} singles the single creates' phase, whose raw statement is the goal's baseline
 */
export async function benchmarkBatchCreates(
  ctx,
  api,
  sqlPool,
  db,
  org,
  models,
  singles,
) {
  const { options, measure } = ctx;
  const { batchSize: size, batches: n, batchConcurrency: c } = options;
  const warmup = options.warmup.batches;
  step(
    `Create in batches: ${n.toLocaleString('en')} x POST /api/modelRisks/batch of ${size} risks (${HISTORY_FIELDS} fields each), concurrency ${c}; then the same rows by one SQL statement per batch`,
  );
  const batchOf = (rng, first) =>
    Array.from({ length: size }, (_, i) =>
      riskBody(first + i, rng, models.modelIds),
    );
  const apiIds = [];
  const rng = mulberry32(23);
  let i = 3_000_000;
  const apiLoad = await measure(
    'API     ',
    n,
    warmup,
    c,
    async () => {
      const items = batchOf(rng, (i += size));
      const { items: written } = await api.json(
        'POST',
        '/api/modelRisks/batch',
        { items },
        org.token,
        201,
      );
      apiIds.push(...written.map((risk) => risk.id));
    },
    'batches/s',
  );
  const rawIds = [];
  const rawRng = mulberry32(29);
  let j = 4_000_000;
  const rawLoad = await measure(
    'raw SQL ',
    n,
    warmup,
    c,
    async () =>
      rawIds.push(
        ...(await createBatchWithSql(
          sqlPool,
          org,
          batchOf(rawRng, (j += size)),
        )),
      ),
    'batches/s',
  );
  const apiRows = apiLoad.perSecond * size;
  const rawRows = rawLoad.perSecond * size;
  const ratio = singles ? apiRows / singles.raw.perSecond : null;
  const batchRatio = apiRows / rawRows;
  say(
    `API ${apiRows.toFixed(0)} risks/s, raw batch statement ${rawRows.toFixed(0)} risks/s: API / raw batch = ${batchRatio.toFixed(2)}x`,
  );
  if (ratio !== null) {
    say(
      `API batches / one raw statement per risk = ${ratio.toFixed(2)}x (goal >= ${GOALS.writeRatio}x): ${ratio >= GOALS.writeRatio ? 'PASS' : 'FAIL'}`,
    );
  }
  const expected = (n + warmup) * size;
  const checks = [
    await historyCheck(
      db,
      'API batch created',
      apiIds,
      expected,
      'created',
      HISTORY_FIELDS,
    ),
    await historyCheck(
      db,
      'raw batch created',
      rawIds,
      expected,
      'created',
      HISTORY_FIELDS,
    ),
  ];
  return {
    api: apiLoad,
    raw: rawLoad,
    size,
    apiRows,
    rawRows,
    ratio,
    batchRatio,
    checks,
  };
}

/**
 * Transitions In Progress -> Resolved in batches through PATCH /api/modelRisks/batch, then by one SQL statement per
 * batch, on seeded In Progress risks the single transitions left.
 * @param {BenchContext} ctx
 * @param {{ raw: { perSecond: number } } | null} singles the single transitions' phase (the goal's baseline)
 */
export async function benchmarkBatchTransitions(
  ctx,
  api,
  sqlPool,
  db,
  org,
  singles,
) {
  const { options, measure } = ctx;
  const { batchSize: size, batches: n, batchConcurrency: c } = options;
  const warmup = options.warmup.batches;
  step(
    `Transition in batches: ${n.toLocaleString('en')} x PATCH /api/modelRisks/batch of ${size} { id, status: Resolved }, concurrency ${c}; then one SQL statement per batch`,
  );
  const perSide = (n + warmup) * size;
  const { rows } = await db.query(
    `SELECT id FROM model_risks WHERE organization_id = $1 AND status = 'In Progress' AND NOT is_deleted
      ORDER BY md5(id::text) DESC LIMIT $2`,
    [org.id, 2 * perSide],
  );
  const ids = rows.map((r) => r.id);
  const apiIds = ids.slice(0, perSide);
  const rawIds = ids.slice(perSide);
  let i = 0;
  const apiLoad = await measure(
    'API     ',
    n,
    warmup,
    c,
    async () => {
      const items = apiIds
        .slice(i, (i += size))
        .map((id) => ({ id, status: 'Resolved' }));
      await api.json(
        'PATCH',
        '/api/modelRisks/batch',
        { items },
        org.token,
        200,
      );
    },
    'batches/s',
  );
  let j = 0;
  const rawLoad = await measure(
    'raw SQL ',
    n,
    warmup,
    c,
    async () => {
      const batch = rawIds.slice(j, (j += size));
      const {
        rows: [{ moved }],
      } = await sqlPool.query(RAW_BATCH_TRANSITION_SQL, [
        batch,
        org.id,
        org.userId,
      ]);
      if (moved !== batch.length) throw new Error('risks not In Progress');
    },
    'batches/s',
  );
  const figures = ratios(apiLoad, rawLoad, size, singles, 'transitions');
  const checks = [
    await historyCheck(
      db,
      'API batch transitions',
      apiIds,
      perSide,
      'updated',
      1,
    ),
    await historyCheck(
      db,
      'raw batch transitions',
      rawIds,
      perSide,
      'updated',
      1,
    ),
  ];
  return { api: apiLoad, raw: rawLoad, size, ...figures, checks };
}

/** Rows per second of both sides, API ÷ the single writes' raw statement (the goal) and API ÷ the raw batch statement. */
function ratios(apiLoad, rawLoad, size, singles, noun) {
  const apiRows = apiLoad.perSecond * size;
  const rawRows = rawLoad.perSecond * size;
  const ratio = singles ? apiRows / singles.raw.perSecond : null;
  const batchRatio = apiRows / rawRows;
  say(
    `API ${apiRows.toFixed(0)} ${noun}/s, raw batch statement ${rawRows.toFixed(0)} ${noun}/s: API / raw batch = ${batchRatio.toFixed(2)}x`,
  );
  if (ratio !== null) {
    say(
      `API batches / one raw statement per write = ${ratio.toFixed(2)}x (goal >= ${GOALS.writeRatio}x): ${ratio >= GOALS.writeRatio ? 'PASS' : 'FAIL'}`,
    );
  }
  return { apiRows, rawRows, ratio, batchRatio };
}
