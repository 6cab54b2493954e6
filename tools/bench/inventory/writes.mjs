// bench:inventory, write phases: creates (and the same rows by ONE hand-written statement, as a diagnostic) and
// updates, each followed by checks of the history, outbox and snapshot rows they must have written.
import pg from 'pg';
import {
  API_POOL_SIZE,
  formatCpu,
  formatLoad,
  formatSessions,
  ignoreDisconnect,
  mulberry32,
  runLoad,
  say,
  step,
} from '../bench-kit.mjs';
import {
  APPROVERS,
  CAPABILITIES,
  FAMILIES,
  HOSTING,
  STATUSES,
  liveCounts,
} from '../seed-models.mjs';
import { BENCH_APP } from './options.mjs';
import { createWithSql } from './raw-create.mjs';

/** @typedef {import('./list.mjs').BenchContext} BenchContext */

function createBody(i, rng, org) {
  const [provider, family] = FAMILIES[Math.floor(rng() * FAMILIES.length)];
  const day = new Date(
    Date.UTC(2024, 0, 1) + Math.floor(rng() * 730) * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  return {
    provider,
    model: `${family}-bench-${i}`,
    version: `${1 + (i % 5)}.${i % 10}`,
    approver: APPROVERS[i % APPROVERS.length],
    capabilities: [
      CAPABILITIES[i % CAPABILITIES.length],
      CAPABILITIES[(i + 3) % CAPABILITIES.length],
    ],
    security_assessment: rng() < 0.6,
    status: STATUSES[Math.floor(rng() * STATUSES.length)],
    status_date: day,
    reference_link: `https://models.bench.example/${family}/bench-${i}`,
    biases: 'Under-represents some dialects.',
    limitations: 'Context window limits.',
    hosting_provider: HOSTING[i % HOSTING.length],
    projects: [org.projectIds[i % org.projectIds.length]],
    frameworks: [org.frameworkIds[i % org.frameworkIds.length]],
  };
}

/** @param {BenchContext} ctx */
export async function benchmarkCreates(ctx, api, db, org) {
  const { options, run, observe } = ctx;
  const { creates: n, writeConcurrency: c } = options;
  step(
    `Create: ${n.toLocaleString('en')} x POST /api/modelInventory (1 project + 1 framework), concurrency ${c}`,
  );
  const rng = mulberry32(7);
  const ids = [];
  let i = 0;
  const create = async () => {
    const model = await api.json(
      'POST',
      '/api/modelInventory',
      createBody((i += 1), rng, org),
      org.token,
      201,
    );
    ids.push(model.id);
  };
  await runLoad(options.warmup.creates, c, create);
  const phase = await observe();
  const load = await runLoad(n, c, create);
  Object.assign(load, await phase.stop());
  say(
    `${formatLoad(load, 'creates/s')}\ncpu: ${formatCpu(load.cpu)}\nAPI database sessions (average): ${formatSessions(load.sessions)}`,
  );
  const checks = await verifyCreates(db, org, ids, n + options.warmup.creates);
  const allAdded = (
    await db.query(
      `SELECT count(*)::int AS n FROM automation_events WHERE organization_id = $1 AND event = 'model_added'`,
      [org.id],
    )
  ).rows[0].n;
  checks.push({
    name: 'outbox total',
    ok: allAdded === ids.length,
    detail: `${allAdded.toLocaleString('en')} model_added events in the organisation for ${ids.length.toLocaleString('en')} creates`,
  });
  for (const check of checks)
    say(
      `${check.name.padEnd(12)} ${check.ok ? 'OK      ' : 'MISMATCH'} ${check.detail}`,
    );

  // Diagnostic: the same rows written by ONE hand-written statement per create (its own transaction), on a pool of
  // the API's size: what the database allows for this write path on this machine.
  let raw = null;
  let rawChecks = [];
  if (!options.seedHasCounters) {
    say(
      '\nraw SQL diagnostic skipped: this build has no model_inventory_counters table',
    );
  } else {
    say(
      `\nraw SQL, same rows in one statement (model, links, ${Object.keys(createBody(0, mulberry32(1), org)).length} history rows, outbox, running counts + snapshots):`,
    );
    // Its own application_name, so the session sampling (which skips the bench's other connections) sees it.
    const rawPool = new pg.Pool({
      connectionString: run.stack.databaseUrl,
      max: API_POOL_SIZE,
      application_name: `${BENCH_APP}-raw-writes`,
    });
    rawPool.on('error', ignoreDisconnect);
    const rawIds = [];
    const rawRng = mulberry32(13);
    let j = 0;
    const rawCreate = async () =>
      rawIds.push(
        await createWithSql(
          rawPool,
          org,
          createBody(1_000_000 + (j += 1), rawRng, org),
        ),
      );
    try {
      await runLoad(options.warmup.creates, c, rawCreate);
      const rawPhase = await observe();
      raw = await runLoad(n, c, rawCreate);
      Object.assign(raw, await rawPhase.stop());
    } finally {
      await rawPool.end();
    }
    say(
      `${formatLoad(raw, 'creates/s')}\ncpu: ${formatCpu(raw.cpu)}\nits database sessions (average): ${formatSessions(raw.sessions)}`,
    );
    rawChecks = (
      await verifyCreates(db, org, rawIds, n + options.warmup.creates)
    ).map((check) => ({ ...check, name: `raw ${check.name}` }));
    for (const check of rawChecks)
      say(
        `${check.name.padEnd(12)} ${check.ok ? 'OK      ' : 'MISMATCH'} ${check.detail}`,
      );
  }
  const all = [...checks, ...rawChecks];
  return {
    load,
    raw,
    created: ids.length,
    checks: all,
    check: {
      ok: all.every((x) => x.ok) && ids.length === n + options.warmup.creates,
    },
  };
}

/** Each create recorded one history row per field sent (all of them are audited), one outbox event, and the snapshots add up. */
async function verifyCreates(db, org, ids, expected) {
  const fields = Object.keys(createBody(0, mulberry32(1), org)).length;
  const history = (
    await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT entity_id)::int AS models,
              count(*) FILTER (WHERE h.organization_id <> $2)::int AS foreign_rows
         FROM change_history h WHERE h.entity_type = 'model' AND h.entity_id = ANY ($1::int[]) AND h.action = 'created'`,
      [ids, org.id],
    )
  ).rows[0];
  const outbox = (
    await db.query(
      `SELECT count(*)::int AS events, count(DISTINCT (payload -> 'model' ->> 'id'))::int AS models
         FROM automation_events WHERE organization_id = $1 AND event = 'model_added' AND (payload -> 'model' ->> 'id')::int = ANY ($2::int[])`,
      [org.id, ids],
    )
  ).rows[0];
  return [
    {
      name: 'created',
      ok: ids.length === expected,
      detail: `${ids.length.toLocaleString('en')} models created of ${expected.toLocaleString('en')} sent`,
    },
    {
      name: 'history',
      ok:
        history.rows === ids.length * fields &&
        history.models === ids.length &&
        history.foreign_rows === 0,
      detail: `${history.rows.toLocaleString('en')} rows for ${history.models.toLocaleString('en')} models (expected ${ids.length.toLocaleString('en')} x ${fields} fields = ${(ids.length * fields).toLocaleString('en')})`,
    },
    {
      name: 'outbox',
      ok: outbox.events === ids.length && outbox.models === ids.length,
      detail: `${outbox.events.toLocaleString('en')} model_added events for ${outbox.models.toLocaleString('en')} models (expected ${ids.length.toLocaleString('en')})`,
    },
    await snapshotCheck(db, org.id),
  ];
}

/** @param {BenchContext} ctx */
export async function benchmarkUpdates(ctx, api, db, org, modelIds) {
  const { options, observe } = ctx;
  const { updates: n, writeConcurrency: c } = options;
  step(
    `Update: ${n.toLocaleString('en')} x PATCH /api/modelInventory/:id (status + version of random seeded models), concurrency ${c}`,
  );
  const rng = mulberry32(11);
  const countUpdated = async () =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM automation_events WHERE organization_id = $1 AND event = 'model_updated'`,
        [org.id],
      )
    ).rows[0].n;
  const before = await countUpdated();
  let i = 0;
  let failures = 0;
  const update = async () => {
    const id = modelIds[Math.floor(rng() * modelIds.length)];
    i += 1;
    try {
      await api.json(
        'PATCH',
        `/api/modelInventory/${id}`,
        {
          status: STATUSES[Math.floor(rng() * STATUSES.length)],
          version: `u${i}`,
        },
        org.token,
        200,
      );
    } catch (error) {
      failures += 1;
      throw error;
    }
  };
  await runLoad(options.warmup.updates, c, update);
  const phase = await observe();
  const load = await runLoad(n, c, update);
  Object.assign(load, await phase.stop());
  say(
    `${formatLoad(load, 'updates/s')}\ncpu: ${formatCpu(load.cpu)}\nAPI database sessions (average): ${formatSessions(load.sessions)}`,
  );
  const succeeded = i - failures;
  const events = (await countUpdated()) - before;
  const checks = [
    {
      name: 'outbox',
      ok: events === succeeded,
      detail: `${events.toLocaleString('en')} model_updated events for ${succeeded.toLocaleString('en')} updates (every update changes the version)`,
    },
    await snapshotCheck(db, org.id),
  ];
  for (const check of checks)
    say(
      `${check.name.padEnd(12)} ${check.ok ? 'OK      ' : 'MISMATCH'} ${check.detail}`,
    );
  return { load, checks, check: { ok: checks.every((x) => x.ok) } };
}

/** The latest snapshot of each parameter against the live GROUP BY counts. */
async function snapshotCheck(db, organizationId) {
  const live = await liveCounts(db, organizationId);
  const { rows } = await db.query(
    `SELECT DISTINCT ON (parameter) parameter, snapshot_data FROM model_inventory_snapshots
      WHERE organization_id = $1 ORDER BY parameter, recorded_at DESC, id DESC`,
    [organizationId],
  );
  const latest = Object.fromEntries(
    rows.map((r) => [r.parameter, r.snapshot_data]),
  );
  const same = (a = {}, b = {}) =>
    Object.keys({ ...a, ...b }).every(
      (k) => Number(a[k] ?? 0) === Number(b[k] ?? 0),
    );
  const ok =
    same(latest.status, live.status) &&
    same(latest.security_assessment, live.security_assessment);
  return {
    name: 'snapshot',
    ok,
    detail: ok
      ? `latest status ${JSON.stringify(live.status)} = live GROUP BY`
      : `latest status ${JSON.stringify(latest.status)} / ${JSON.stringify(latest.security_assessment)} vs live ${JSON.stringify(live.status)} / ${JSON.stringify(live.security_assessment)}`,
  };
}
