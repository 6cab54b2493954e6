#!/usr/bin/env node
// Model inventory benchmark:  npm run bench:inventory [-- --models 100000 --requests 300 --concurrency 8]
//
// Starts a throwaway stack (tools/testing/e2e-stack.mjs: the BUILT api + worker on a fresh database), registers an
// organisation, seeds it with SQL, then measures over HTTP (keep-alive, 127.0.0.1 only):
//   1. the filtered, searched list page, against ONE hand-written SQL query returning the same rows (pg.Pool, 20);
//      the API's page statement is caught in pg_stat_activity and its plan summarised;
//   2. creates (model + links + field history + snapshot + outbox in one transaction), then checks those rows in SQL;
//      as a diagnostic, the same rows written by ONE hand-written SQL statement per create;
//   3. updates (PATCH status/version on random models), then checks the snapshot again.
// Each phase also reports CPU per process (/proc) and, for writes, what the API's database sessions were doing.
// Prints a table and refreshes the results block of docs/benchmarks.md. Exit code 1 when a request failed or a
// consistency check found a MISMATCH; a missed performance goal is reported, not an error.
// Needs `npx nx run-many -t build -p api worker` first. Every loop is bounded; the stack (and its database) is
// stopped at the end unless --keep is given (then Ctrl-C stops it).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { relativeToRepo } from '../lib/paths.mjs';
import {
  API_POOL_SIZE,
  BenchRun,
  DOCS_FILE,
  checkBuild,
  explain,
  formatCpu,
  formatLoad,
  formatSessions,
  httpClient,
  ignoreDisconnect,
  keptNotes,
  machineBusy,
  machineInfo,
  markdownTable,
  ms,
  mulberry32,
  observePhase,
  pgSettings,
  rate,
  runLoad,
  say,
  seconds,
  step,
  textTable,
  writeDocsSection,
} from './bench-kit.mjs';
import {
  APPROVERS,
  CAPABILITIES,
  FAMILIES,
  HOSTING,
  STATUSES,
  liveCounts,
  registerOrganisation,
  seedModels,
} from './seed-models.mjs';

const USAGE = `Usage: node tools/bench/inventory.mjs [options]
  --models N             models seeded with SQL (default 100000)
  --requests N           measured list requests, each for the API and the raw query (default 300; warm-up 30)
  --concurrency N        concurrent list requests (default 8)
  --creates N            measured creates (default 3000; warm-up 100)
  --updates N            measured updates (default 2000; warm-up 50)
  --write-concurrency N  concurrent creates/updates (default 16)
  --search TERM          list search term (default "gpt": 1 family of 20, ~5% of the models)
  --port N               port of the stack (default 3400)
  --explain              print the EXPLAIN (ANALYZE, BUFFERS) plans of the API's list statement and of the raw query
  --no-docs              do not refresh docs/benchmarks.md
  --keep                 leave the stack running at the end (Ctrl-C stops it and drops its database)`;

const GOALS = { listRatio: 2, createsPerSecond: 500 };
const DOCS_HEADING = '## Model inventory (`npm run bench:inventory`)';
const NOTES_BEGIN =
  '<!-- bench:inventory:notes:begin (hand-written, kept by each run) -->';
const NOTES_END = '<!-- bench:inventory:notes:end -->';
const BENCH_APP = 'inventory-bench'; // application_name of our own connections, so they are told apart from the API's

const options = parseOptions();
const run = new BenchRun();
run.run(main);

async function main() {
  checkBuild();
  const machine = machineInfo();
  machine.busyBefore = await machineBusy(1000);
  if (machine.busyBefore !== null) {
    say(
      `machine before the run: ${machine.busyBefore.toFixed(0)}% of ${machine.cores * 100}% CPU busy${machine.busyBefore > 30 ? ' (other work is running: the figures will be pessimistic)' : ''}`,
    );
  }

  await run.start(options.port);

  const api = httpClient(
    run.stack.baseUrl,
    Math.max(options.concurrency, options.writeConcurrency),
  );
  const db = new pg.Client({
    connectionString: run.stack.databaseUrl,
    application_name: BENCH_APP,
  });
  db.on('error', ignoreDisconnect);
  run.onClose(
    () => api.close(),
    () => db.end(),
  );
  await db.connect();
  try {
    machine.postgres = (
      await db.query('SHOW server_version')
    ).rows[0].server_version;
    machine.pgSettings = await pgSettings(db);

    const org = await registerOrganisation(api, db);
    step(`Seed ${options.models.toLocaleString('en')} models with SQL`);
    const seed = await seedModels(db, org, options.models);
    options.seedHasCounters = seed.hasCounters;
    say(
      `seeded ${seed.models.toLocaleString('en')} models and ${seed.links.toLocaleString('en')} links in ${seconds(seed.ms)} (insert ${seconds(seed.insertMs)}, VACUUM ANALYZE ${seconds(seed.analyzeMs)})`,
    );

    const list = await benchmarkList(api, db, org);
    const creates = await benchmarkCreates(api, db, org);
    const updates = await benchmarkUpdates(api, db, org, seed.modelIds);

    const results = {
      when: new Date(),
      machine,
      options,
      seed,
      list,
      creates,
      updates,
    };
    printTable(results);
    if (options.docs) {
      await writeDocs(results);
      say(`\nresults written to ${relativeToRepo(DOCS_FILE)}`);
    }
    const failed =
      [list.check, creates.check, updates.check].some((check) => !check.ok) ||
      [list.api, list.raw, creates.load, creates.raw, updates.load].some(
        (load) => load?.errors > 0,
      );
    if (options.keep) await run.keepRunning(org);
    return failed ? 1 : 0;
  } finally {
    await run.closeAll();
  }
}

/** A phase of this run, observed (CPU per process, database sessions). */
const observe = (extra = {}) =>
  observePhase({
    stack: run.stack,
    port: options.port,
    benchApp: BENCH_APP,
    ...extra,
  });

// ---------------------------------------------------------------------------------------------------------------
// Set-up

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        models: { type: 'string', default: '100000' },
        requests: { type: 'string', default: '300' },
        concurrency: { type: 'string', default: '8' },
        creates: { type: 'string', default: '3000' },
        updates: { type: 'string', default: '2000' },
        'write-concurrency': { type: 'string', default: '16' },
        search: { type: 'string', default: 'gpt' },
        port: { type: 'string', default: '3400' },
        explain: { type: 'boolean', default: false },
        'no-docs': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const count = (name, min) => {
    const value = Number(parsed[name]);
    if (!Number.isInteger(value) || value < min || value > 10_000_000) {
      process.stderr.write(
        `--${name} must be an integer >= ${min}\n${USAGE}\n`,
      );
      process.exit(2);
    }
    return value;
  };
  return {
    models: count('models', 100),
    requests: count('requests', 1),
    concurrency: count('concurrency', 1),
    creates: count('creates', 1),
    updates: count('updates', 1),
    writeConcurrency: count('write-concurrency', 1),
    port: count('port', 1),
    search: parsed.search,
    explain: parsed.explain,
    docs: !parsed['no-docs'],
    keep: parsed.keep,
    warmup: { list: 30, creates: 100, updates: 50 },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// List

/**
 * The page, its total and its link ids in ONE statement: the API's filter, search, order and window count. The
 * window count is taken in a subquery, so PostgreSQL plans it for all matching rows (trigram bitmap scan) and sorts
 * only those; LIMIT is applied outside.
 */
const RAW_LIST_SQL = `
  SELECT page.*,
         ARRAY(SELECT l.project_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = page.id AND l.project_id IS NOT NULL ORDER BY 1) AS projects,
         ARRAY(SELECT l.framework_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = page.id AND l.framework_id IS NOT NULL ORDER BY 1) AS frameworks
    FROM (SELECT matched.* FROM (
            SELECT m.*, count(*) OVER () AS total_count
              FROM model_inventories m
             WHERE m.organization_id = $1 AND m.deleted_at IS NULL
               AND m.status = ANY ($2::model_status[])
               AND (m.provider || ' ' || m.model || ' ' || m.version) ILIKE $3) matched
           ORDER BY matched.updated_at DESC, matched.id DESC
           LIMIT $4 OFFSET $5) page
   ORDER BY page.updated_at DESC, page.id DESC`;

const escapeLike = (text) => text.replace(/[\\%_]/g, '\\$&');

async function benchmarkList(api, db, org) {
  const { requests: n, concurrency: c, search } = options;
  const path = `/api/modelInventory?limit=50&status=Approved&search=${encodeURIComponent(search)}`;
  const pattern = `%${escapeLike(search)}%`;
  const rawParams = [org.id, ['Approved'], pattern, 50, 0];
  step(`List: GET ${path}`);

  const pool = new pg.Pool({
    connectionString: run.stack.databaseUrl,
    max: API_POOL_SIZE,
    application_name: BENCH_APP,
  });
  pool.on('error', ignoreDisconnect);
  try {
    // Same rows? (ids in order, links, and the total)
    const page = await api.json('GET', path, undefined, org.token, 200);
    const raw = (await pool.query(RAW_LIST_SQL, rawParams)).rows;
    const rawTotal = raw.length ? Number(raw[0].total_count) : 0;
    const sameIds =
      page.items.map((m) => m.id).join(',') === raw.map((m) => m.id).join(',');
    const sameLinks = page.items.every(
      (m, i) =>
        raw[i] &&
        String(m.projects) === String(raw[i].projects) &&
        String(m.frameworks) === String(raw[i].frameworks),
    );
    const check = {
      ok: sameIds && sameLinks && page.total === rawTotal,
      detail: `API ${page.items.length} items of ${page.total}, raw ${raw.length} of ${rawTotal}${sameIds ? '' : ', different ids'}${sameLinks ? '' : ', different links'}`,
    };
    say(
      `matches ${page.total.toLocaleString('en')} of ${options.models.toLocaleString('en')} models (${((100 * page.total) / options.models).toFixed(1)}%); same rows as the raw query: ${check.ok ? 'OK' : `MISMATCH (${check.detail})`}`,
    );

    const measure = async (label, work, during) => {
      await runLoad(options.warmup.list, c, work);
      const phase = await observe(during);
      const load = await runLoad(n, c, work);
      Object.assign(load, await phase.stop());
      say(
        `${label} ${formatLoad(load)}\n${' '.repeat(label.length)} cpu: ${formatCpu(load.cpu)}`,
      );
      return load;
    };
    const apiLoad = await measure(
      'API     ',
      () => api.json('GET', path, undefined, org.token, 200),
      { capture: /total_count/i },
    );
    const rawLoad = await measure('raw SQL ', () =>
      pool.query(RAW_LIST_SQL, rawParams),
    );
    const ratio = apiLoad.p50 / rawLoad.p50;
    say(
      `API p50 / raw p50 = ${ratio.toFixed(2)}x (goal <= ${GOALS.listRatio}x)`,
    );

    const plans = {
      raw: await explain(db, RAW_LIST_SQL, rawParams),
      api: await explainCaptured(db, apiLoad.captured, {
        org: org.id,
        pattern,
        status: 'Approved',
        limit: 50,
        offset: 0,
      }),
    };
    say(
      `one execution on the idle database: raw query ${plans.raw.summary}; API page statement ${plans.api.summary}`,
    );
    if (options.explain) {
      if (plans.api.sql)
        say(
          `\n--- EXPLAIN (ANALYZE, BUFFERS) of the API's page statement (caught in pg_stat_activity)\n${plans.api.sql}\n  params ${JSON.stringify(plans.api.params)}\n${plans.api.text}`,
        );
      say(
        `\n--- EXPLAIN (ANALYZE, BUFFERS) of the raw query, params ${JSON.stringify(rawParams)}\n${plans.raw.text}`,
      );
    }
    return {
      path,
      total: page.total,
      check,
      api: apiLoad,
      raw: rawLoad,
      ratio,
      plans,
    };
  } finally {
    await pool.end();
  }
}

/**
 * EXPLAIN of a statement the API sent (pg_stat_activity keeps only track_activity_query_size bytes of it). Its
 * placeholders are given values from what precedes them: organisation id, ILIKE pattern, status list, LIMIT, OFFSET.
 */
async function explainCaptured(db, captured = [], values) {
  const limit =
    Number.parseInt(
      (await db.query('SHOW track_activity_query_size')).rows[0]
        .track_activity_query_size,
      10,
    ) *
      1024 -
    1;
  const sql = captured.find((text) => Buffer.byteLength(text) < limit);
  if (!sql)
    return {
      summary: captured.length
        ? 'not explained (its text is truncated in pg_stat_activity)'
        : 'not caught in pg_stat_activity',
    };
  const params = [];
  for (const match of sql.matchAll(/\$(\d+)/g)) {
    const before = sql.slice(Math.max(0, match.index - 60), match.index);
    const value = /organization_id"?\s*=\s*$/i.test(before)
      ? values.org
      : /ILIKE\s*$/i.test(before)
        ? values.pattern
        : /\bIN\s*\((\s*\$\d+\s*,)*\s*$/i.test(before) ||
            /=\s*ANY\s*\(\s*$/i.test(before)
          ? values.status
          : /LIMIT\s*$/i.test(before)
            ? values.limit
            : /OFFSET\s*$/i.test(before)
              ? values.offset
              : undefined;
    if (value === undefined)
      return {
        sql,
        summary: `not explained (no value known for $${match[1]})`,
      };
    params[Number(match[1]) - 1] = value;
  }
  try {
    return { sql, params, ...(await explain(db, sql, params)) };
  } catch (error) {
    return { sql, summary: `not explained (${error.message})` };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

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

async function benchmarkCreates(api, db, org) {
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

async function benchmarkUpdates(api, db, org, modelIds) {
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

/**
 * One create as one statement: the project check, the model, its links, one history row per field, the outbox event,
 * then the organisation's running counts (model_inventory_counters; the UPDATE's row lock orders concurrent writers
 * and re-reads the committed counts) and the snapshot rows they give. As a single statement it commits at once, so
 * the counter row is locked for no client round trip.
 */
const RAW_CREATE_SQL = `
  WITH valid AS (
    SELECT count(*) = cardinality($14::int[]) AS ok FROM projects WHERE organization_id = $1 AND id = ANY ($14::int[])
  ), created AS (
    INSERT INTO model_inventories (organization_id, provider, model, version, approver, capabilities, security_assessment, status,
                                   status_date, reference_link, biases, limitations, hosting_provider, created_by_user_id)
    SELECT $1, $2::text, $3::text, $4::text, $5::text, $6::text[], $7::boolean, $8::model_status, $9::date, $10::text, $11::text, $12::text, $13::text, $16 FROM valid WHERE valid.ok
    RETURNING *
  ), links AS (
    INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id)
    SELECT created.id, p, NULL FROM created, unnest($14::int[]) AS p
    UNION ALL
    SELECT created.id, NULL, f FROM created, unnest($15::int[]) AS f
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT $1, 'model', created.id, 'created', h.field, NULL, h.value, $16 FROM created, unnest($17::text[], $18::text[]) AS h(field, value)
  ), outbox AS (
    INSERT INTO automation_events (organization_id, event, payload)
    SELECT $1, 'model_added', jsonb_build_object('model', (to_jsonb(created) - 'deleted_at') || jsonb_build_object('projects', $14::int[], 'frameworks', $15::int[]))
      FROM created
  ), delta AS (
    SELECT d.key AS parameter, d.value AS delta FROM created, jsonb_each($19::jsonb) AS d
  ), bumped AS (
    UPDATE model_inventory_counters c
       SET counts = (SELECT jsonb_object_agg(k, greatest(0, coalesce((c.counts ->> k)::int, 0) + coalesce((delta.delta ->> k)::int, 0)))
                       FROM jsonb_object_keys(c.counts || delta.delta) AS k),
           updated_at = now()
      FROM delta
     WHERE c.organization_id = $1 AND c.parameter = delta.parameter
    RETURNING c.parameter, c.counts
  ), snapshot AS (
    INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger)
    SELECT $1, parameter, counts, 'change' FROM bumped
  )
  SELECT id FROM created`;

async function createWithSql(pool, org, body) {
  const asText = (value) =>
    Array.isArray(value) ? JSON.stringify(value) : String(value);
  const delta = {
    status: { [body.status]: 1 },
    security_assessment: { [String(body.security_assessment)]: 1 },
  };
  const { rows } = await pool.query(RAW_CREATE_SQL, [
    org.id,
    body.provider,
    body.model,
    body.version,
    body.approver,
    body.capabilities,
    body.security_assessment,
    body.status,
    body.status_date,
    body.reference_link,
    body.biases,
    body.limitations,
    body.hosting_provider,
    body.projects,
    body.frameworks,
    org.userId,
    Object.keys(body),
    Object.values(body).map(asText),
    delta,
  ]);
  if (rows.length !== 1) throw new Error('unknown project ids');
  return rows[0].id;
}

function resultRows({ seed, list, creates, updates }) {
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  return [
    [
      'Seed (SQL)',
      `${seed.models.toLocaleString('en')} models + ${seed.links.toLocaleString('en')} links`,
      '',
      '',
      '',
      `${seconds(seed.ms)}`,
      '',
    ],
    [
      `List via API (c=${list.api.concurrency})`,
      `${list.api.count} GET, ${list.total.toLocaleString('en')} matches`,
      ms(list.api.p50),
      ms(list.api.p95),
      ms(list.api.p99),
      `${rate(list.api.perSecond)} req/s`,
      '',
    ],
    [
      `List raw SQL (c=${list.raw.concurrency})`,
      `${list.raw.count} queries, pool ${API_POOL_SIZE}`,
      ms(list.raw.p50),
      ms(list.raw.p95),
      ms(list.raw.p99),
      `${rate(list.raw.perSecond)} q/s`,
      '',
    ],
    [
      'List API p50 / raw p50',
      '',
      `${list.ratio.toFixed(2)}x`,
      '',
      '',
      '',
      `<= ${GOALS.listRatio}x: ${verdict(list.ratio <= GOALS.listRatio)}`,
    ],
    [
      `Create (c=${creates.load.concurrency})`,
      `${creates.load.count} POST`,
      ms(creates.load.p50),
      ms(creates.load.p95),
      ms(creates.load.p99),
      `${rate(creates.load.perSecond)} creates/s`,
      `>= ${GOALS.createsPerSecond}/s: ${verdict(creates.load.perSecond >= GOALS.createsPerSecond)}`,
    ],
    ...(creates.raw
      ? [
          [
            `Create raw SQL (c=${creates.raw.concurrency})`,
            `${creates.raw.count} statements (diagnostic)`,
            ms(creates.raw.p50),
            ms(creates.raw.p95),
            ms(creates.raw.p99),
            `${rate(creates.raw.perSecond)} creates/s`,
            '',
          ],
        ]
      : []),
    [
      `Update (c=${updates.load.concurrency})`,
      `${updates.load.count} PATCH`,
      ms(updates.load.p50),
      ms(updates.load.p95),
      ms(updates.load.p99),
      `${rate(updates.load.perSecond)} updates/s`,
      '',
    ],
  ];
}

const HEADER = ['Benchmark', 'Work', 'p50', 'p95', 'p99', 'Throughput', 'Goal'];

function checkRows({ list, creates, updates }) {
  return [
    ['list: same rows as raw query', list.check.ok, list.check.detail],
    ...creates.checks.map((c) => [`create: ${c.name}`, c.ok, c.detail]),
    ...updates.checks.map((c) => [`update: ${c.name}`, c.ok, c.detail]),
  ];
}

function noteRows({ list, creates, updates }) {
  return [
    `List, one execution on the idle database (EXPLAIN ANALYZE): raw query ${list.plans.raw.summary}; the API's page statement ${list.plans.api.summary}.`,
    `CPU during the API list run: ${formatCpu(list.api.cpu)}.`,
    `CPU during the creates: ${formatCpu(creates.load.cpu)}.`,
    `API database sessions during the creates (average of ${creates.load.concurrency} requests in flight): ${formatSessions(creates.load.sessions)}.`,
    ...(creates.raw
      ? [`CPU during the raw SQL creates: ${formatCpu(creates.raw.cpu)}.`]
      : []),
    `CPU during the updates: ${formatCpu(updates.load.cpu)}.`,
    `API database sessions during the updates: ${formatSessions(updates.load.sessions)}.`,
  ];
}

function printTable(results) {
  const { machine } = results;
  step('Results');
  say(
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres} (${machine.pgSettings}); ${machine.busyBefore?.toFixed(0) ?? '?'}% CPU busy before the run`,
  );
  say('');
  say(textTable(HEADER, resultRows(results)));
  say('');
  for (const [name, ok, detail] of checkRows(results))
    say(`${ok ? 'OK      ' : 'MISMATCH'}  ${name}: ${detail}`);
  say('');
  for (const note of noteRows(results)) say(note);
}

async function writeDocs(results) {
  const { machine, options: o, when } = results;
  const table = [markdownTable(HEADER, resultRows(results))];
  const block = [
    `_Written by \`npm run bench:inventory\` on ${when.toISOString().replace(/\.\d+Z$/, 'Z')}._`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres} (${machine.pgSettings}). ` +
      `API, worker, PostgreSQL, Redis and the load generator share these cores; ${machine.busyBefore?.toFixed(0) ?? '?'}% CPU was busy with other work just before the run.`,
    '',
    `Run: \`--models ${o.models} --requests ${o.requests} --concurrency ${o.concurrency} --creates ${o.creates} --updates ${o.updates} --write-concurrency ${o.writeConcurrency} --search ${o.search}\`; list request \`${results.list.path}\`.`,
    '',
    ...table,
    '',
    'Consistency checks:',
    '',
    ...checkRows(results).map(
      ([name, ok, detail]) =>
        `- ${ok ? 'OK' : '**MISMATCH**'} ${name}: ${detail}`,
    ),
    '',
    'Where the time goes (CPU in % of one core; "other" is work on the machine outside this benchmark):',
    '',
    ...noteRows(results).map((note) => `- ${note}`),
  ].join('\n');
  // This benchmark's section is regenerated; only the hand-written findings between NOTES_BEGIN and NOTES_END
  // are kept, and the other benchmarks' sections are left alone.
  const notes = await keptNotes(NOTES_BEGIN, NOTES_END);
  await writeDocsSection(DOCS_HEADING, docsTemplate(block, notes));
}

function docsTemplate(results, notes) {
  return `${DOCS_HEADING}

\`tools/bench/inventory.mjs\` measures the model register's list and write paths on the built API, end to end over HTTP.
This section is rewritten by each run, except the findings between the \`bench:inventory:notes\` markers.

### Goals

- **List**: \`GET /api/modelInventory?limit=50&status=Approved&search=…\` has a p50 within **${GOALS.listRatio}×** the p50 of one
  hand-written SQL query returning the same page, total and link ids, at the same concurrency and pool size (${API_POOL_SIZE}).
- **Create**: at least **${GOALS.createsPerSecond} creates/s**, each with its field-level history rows, its snapshot rows and its outbox
  event written in the same transaction.

### Latest results

${results}

### Findings

${NOTES_BEGIN}
${notes}
${NOTES_END}

### Method

1. Needs the build (\`npx nx run-many -t build -p api worker\`); it stops at once if \`dist/apps/api/main.js\` or
   \`dist/apps/worker/main.js\` is missing, and warns when a source file is newer than the build.
2. Starts a throwaway stack with \`tools/testing/e2e-stack-client.mjs\` (fresh database \`mi_e2e_*\` on the test
   PostgreSQL, Redis queues, the API and the worker at \`LOG_LEVEL=warn\`), registers an organisation (Admin) and
   creates 20 projects through the API.
3. Seeds the models with one \`INSERT … SELECT FROM generate_series\` (fixed \`setseed\`: the same data every run):
   15 providers, 200 model names (20 families × 10 variants), status 40 % Approved / 30 % Pending / 20 % Restricted /
   10 % Blocked, security assessment 60 % true, status dates and \`updated_at\` over two years, 1–3 capabilities,
   \`is_demo = false\`; then 0–2 project and 0–2 framework links per model; then one \`status\` and one
   \`security_assessment\` snapshot with the true counts, and the same counts as the organisation's running counts
   (\`model_inventory_counters\`, when the build has it), so the write path's incremental snapshots start correct;
   then \`VACUUM (ANALYZE)\`.
4. **List**: checks that the API and the raw query return the same ids, links and total; then, each after 30 warm-up
   requests, \`--requests\` API requests (keep-alive agent) and as many raw queries on a \`pg.Pool\` of ${API_POOL_SIZE}, both at
   \`--concurrency\`. The raw query is the page with the same filter, search (\`ILIKE\` on provider, model and version),
   order (\`updated_at DESC, id DESC\`) and \`count(*) OVER ()\` (in a subquery, \`LIMIT\` outside it), with the link ids
   as \`ARRAY(…)\` subselects. The API's page statement is caught in \`pg_stat_activity\` during its run and explained
   on the idle database next to the raw query (\`--explain\` prints both plans).
5. **Create**: 100 warm-up then \`--creates\` \`POST /api/modelInventory\` at \`--write-concurrency\`, each with 1 project and
   1 framework and a random status. Then in SQL: one \`created\` history row per field sent for every created model,
   one \`model_added\` outbox event per create, and the latest snapshots equal to the live \`GROUP BY\` counts. As a
   diagnostic, the same rows are then written by ONE hand-written statement per create (project check, model, links,
   history, outbox, running counts and snapshots; pool of ${API_POOL_SIZE}, same concurrency) and checked the same way: what
   the database allows for this write path on this machine.
6. **Update**: 50 warm-up then \`--updates\` \`PATCH /api/modelInventory/:id\` (new status and version) on random seeded
   models; then one \`model_updated\` event per update and the snapshots against \`GROUP BY\` again.
7. Stops the stack, which drops its database (\`--keep\` leaves it running until Ctrl-C).

Latencies are end to end at the client (Node \`http\`, keep-alive) and include queueing: the load generator, the API, the
worker, PostgreSQL and Redis all run on the same machine. For each measured phase the benchmark also reports CPU use per
process from \`/proc\` (\`other\` is everything else on the machine: a busy machine makes all figures pessimistic) and,
for the writes, what the database sessions were doing (sampled from \`pg_stat_activity\` every 25 ms).

### Options

\`\`\`
${USAGE.split('\n').slice(1).join('\n')}
\`\`\`
`;
}
