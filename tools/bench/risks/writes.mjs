// bench:risks' write phases: risk creates and transitions through the API next to the same rows written by ONE
// hand-written statement each, then checks of the history rows and of every model's open_risk_count.
import { formatSessions, mulberry32, say, step } from '../bench-kit.mjs';
import { withFloorServer } from './http-floor.mjs';
import { GOALS, OPEN } from './options.mjs';
import { createWithSql, transitionWithSql } from './raw-writes.mjs';
import { CATEGORIES, LEVELS, OWNERS, RATINGS, THEMES } from './seed.mjs';

/** @typedef {import('./options.mjs').BenchContext} BenchContext */

/** A full risk (every field set: 14 history rows) on a random live model. */
export function riskBody(i, rng, modelIds) {
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const day = new Date(Date.now() + Math.floor(rng() * 730 - 365) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return {
    risk_name: `${pick(THEMES)} bench ${i}`,
    risk_category: pick(CATEGORIES),
    risk_level: pick(LEVELS),
    status: 'Open',
    owner: pick(OWNERS),
    target_date: day,
    description: 'Raised by the benchmark.',
    mitigation_plan: 'Review monthly.',
    impact: pick(RATINGS),
    likelihood: pick(RATINGS),
    key_metrics: 'error rate',
    current_values: '0.04',
    threshold: '0.05',
    model_id: pick(modelIds),
  };
}
export const HISTORY_FIELDS = Object.keys(
  riskBody(0, mulberry32(1), [1]),
).length;

/**
 * Creates through the API, then the same rows by one SQL statement each, then that statement behind a bare
 * `node:http` server; checks the history of all three.
 * @param {BenchContext} ctx
 */
export async function benchmarkCreates(ctx, api, sqlPool, db, org, models) {
  const { options, measure } = ctx;
  const { creates: n, writeConcurrency: c } = options;
  const warmup = options.warmup.writes;
  step(
    `Create: ${n.toLocaleString('en')} x POST /api/modelRisks (${HISTORY_FIELDS} fields), concurrency ${c}; then the same rows by one SQL statement each, then through a bare node:http server`,
  );
  const rng = mulberry32(7);
  const apiIds = [];
  let i = 0;
  const apiLoad = await measure(
    'API     ',
    n,
    warmup,
    c,
    async () => {
      const risk = await api.json(
        'POST',
        '/api/modelRisks',
        riskBody((i += 1), rng, models.modelIds),
        org.token,
        201,
      );
      apiIds.push(risk.id);
    },
    'creates/s',
  );
  const rawIds = [];
  const rawRng = mulberry32(13);
  let j = 0;
  const rawLoad = await measure(
    'raw SQL ',
    n,
    warmup,
    c,
    async () => {
      rawIds.push(
        await createWithSql(
          sqlPool,
          org,
          riskBody(1_000_000 + (j += 1), rawRng, models.modelIds),
        ),
      );
    },
    'creates/s',
  );
  const floorIds = [];
  const floorRng = mulberry32(17);
  let k = 0;
  const floorLoad = await withFloorServer(ctx, org, (floor) =>
    measure(
      'HTTP    ',
      n,
      warmup,
      c,
      async () => {
        const { id } = await floor.json(
          'POST',
          '/risks',
          riskBody(2_000_000 + (k += 1), floorRng, models.modelIds),
          null,
          201,
        );
        floorIds.push(id);
      },
      'creates/s',
    ),
  );
  const ratio = apiLoad.perSecond / rawLoad.perSecond;
  const floorRatio = floorLoad.perSecond / rawLoad.perSecond;
  say(
    `API / raw throughput = ${ratio.toFixed(2)}x (goal >= ${GOALS.writeRatio}x): ${ratio >= GOALS.writeRatio ? 'PASS' : 'FAIL'}`,
  );
  say(
    `bare node:http server / raw = ${floorRatio.toFixed(2)}x: the statement behind HTTP with nothing else, the ceiling for any API in Node here`,
  );
  sayOverFloor(apiLoad, floorLoad);
  say(`API database sessions (average): ${formatSessions(apiLoad.sessions)}`);
  const checks = [
    await historyCheck(
      db,
      'HTTP floor created',
      floorIds,
      n + warmup,
      'created',
      HISTORY_FIELDS,
    ),
    await historyCheck(
      db,
      'API created',
      apiIds,
      n + warmup,
      'created',
      HISTORY_FIELDS,
    ),
    await historyCheck(
      db,
      'raw created',
      rawIds,
      n + warmup,
      'created',
      HISTORY_FIELDS,
    ),
  ];
  return {
    api: apiLoad,
    raw: rawLoad,
    floor: floorLoad,
    ratio,
    floorRatio,
    checks,
  };
}

/**
 * Transitions In Progress -> Resolved through the API, then by one SQL statement each, then that statement behind a
 * bare `node:http` server; checks the history of all three.
 * @param {BenchContext} ctx
 */
export async function benchmarkTransitions(ctx, api, sqlPool, db, org) {
  const { options, measure } = ctx;
  const { transitions: n, writeConcurrency: c } = options;
  const warmup = options.warmup.writes;
  step(
    `Transition: ${n.toLocaleString('en')} x PATCH /api/modelRisks/:id { status: Resolved } of seeded In Progress risks, concurrency ${c}; then one SQL statement each, then through a bare node:http server`,
  );
  // Distinct risks, shuffled (the seed's ids are in model order), split between the API, the raw statements and the floor.
  const each = n + warmup;
  const { rows } = await db.query(
    `SELECT id FROM model_risks WHERE organization_id = $1 AND status = 'In Progress' AND NOT is_deleted
      ORDER BY md5(id::text) LIMIT $2`,
    [org.id, 3 * each],
  );
  const ids = rows.map((r) => r.id);
  const [apiIds, rawIds, floorIds] = [0, 1, 2].map((part) =>
    ids.slice(part * each, (part + 1) * each),
  );
  let i = 0;
  const apiLoad = await measure(
    'API     ',
    n,
    warmup,
    c,
    () =>
      api.json(
        'PATCH',
        `/api/modelRisks/${apiIds[i++]}`,
        { status: 'Resolved' },
        org.token,
        200,
      ),
    'transitions/s',
  );
  let j = 0;
  const rawLoad = await measure(
    'raw SQL ',
    n,
    warmup,
    c,
    () => transitionWithSql(sqlPool, org, rawIds[j++]),
    'transitions/s',
  );
  let k = 0;
  const floorLoad = await withFloorServer(ctx, org, (floor) =>
    measure(
      'HTTP    ',
      n,
      warmup,
      c,
      () =>
        floor.json('PATCH', `/risks/${floorIds[k++]}`, undefined, null, 200),
      'transitions/s',
    ),
  );
  const ratio = apiLoad.perSecond / rawLoad.perSecond;
  const floorRatio = floorLoad.perSecond / rawLoad.perSecond;
  say(
    `API / raw throughput = ${ratio.toFixed(2)}x (goal >= ${GOALS.writeRatio}x): ${ratio >= GOALS.writeRatio ? 'PASS' : 'FAIL'}`,
  );
  say(
    `bare node:http server / raw = ${floorRatio.toFixed(2)}x: the statement behind HTTP with nothing else, the ceiling for any API in Node here`,
  );
  sayOverFloor(apiLoad, floorLoad);
  say(`API database sessions (average): ${formatSessions(apiLoad.sessions)}`);
  const checks = [
    await historyCheck(db, 'API transitions', apiIds, each, 'updated', 1),
    await historyCheck(db, 'raw transitions', rawIds, each, 'updated', 1),
    await historyCheck(
      db,
      'HTTP floor transitions',
      floorIds,
      each,
      'updated',
      1,
    ),
  ];
  return {
    api: apiLoad,
    raw: rawLoad,
    floor: floorLoad,
    ratio,
    floorRatio,
    checks,
  };
}

/** The API against the bare server: what the framework, session check, validation, history and log cost on top of HTTP. */
function sayOverFloor(apiLoad, floorLoad) {
  say(
    `API / bare node:http server = ${(apiLoad.perSecond / floorLoad.perSecond).toFixed(2)}x: the share of the bare server's throughput left after the framework, session check, validation, history and log`,
  );
}

/** Each written risk has `perRisk` history rows of `action`. */
export async function historyCheck(db, name, ids, expected, action, perRisk) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS rows, count(DISTINCT entity_id)::int AS risks FROM change_history
      WHERE entity_type = 'risk' AND action = $2 AND entity_id = ANY ($1::int[])`,
    [ids, action],
  );
  const [{ rows: written, risks }] = rows;
  const ok =
    ids.length === expected &&
    risks === expected &&
    written === expected * perRisk;
  const check = {
    name,
    ok,
    detail: `${ids.length.toLocaleString('en')} risks written of ${expected.toLocaleString('en')}; ${written.toLocaleString('en')} ${action} history rows for ${risks.toLocaleString('en')} risks (expected ${perRisk} each)`,
  };
  say(`${ok ? 'OK      ' : 'MISMATCH'} ${name}: ${check.detail}`);
  return check;
}

/** Every model's open_risk_count equals its live count of Open + In Progress active risks, after all the writes. */
export async function openCountCheck(db, org) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS wrong, coalesce(sum(m.open_risk_count), 0)::int AS stored FROM model_inventories m
       LEFT JOIN (SELECT model_id, count(*)::int AS n FROM model_risks
                   WHERE organization_id = $1 AND NOT is_deleted AND status = ANY ($2::model_risk_status[]) GROUP BY 1) c
         ON c.model_id = m.id
      WHERE m.organization_id = $1 AND m.open_risk_count <> coalesce(c.n, 0)`,
    [org.id, OPEN],
  );
  const total = (
    await db.query(
      `SELECT coalesce(sum(open_risk_count), 0)::int AS n FROM model_inventories WHERE organization_id = $1`,
      [org.id],
    )
  ).rows[0].n;
  return {
    name: 'open_risk_count',
    ok: rows[0].wrong === 0,
    detail: `${rows[0].wrong} models whose open_risk_count differs from the live count (${total.toLocaleString('en')} open risks in all)`,
  };
}
