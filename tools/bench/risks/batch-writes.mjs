// bench:risks' batch phase: risks raised in batches through POST /api/modelRisks/batch, next to the same rows written
// by ONE hand-written statement per batch, and compared with the single creates' baseline (one statement per risk).
import { mulberry32, say, step } from '../bench-kit.mjs';
import { GOALS } from './options.mjs';
import { createBatchWithSql } from './raw-writes.mjs';
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
