#!/usr/bin/env node
// Model risks benchmark:  npm run bench:risks [-- --models 100000 --risks 300000 --requests 200 --concurrency 8]
//
// Starts a throwaway stack (the BUILT api + worker on a fresh database, migrations applied), registers an
// organisation, loads N models (tools/bench/seed-models.mjs) and M risks with SQL (setup, not measured), then
// measures over HTTP (keep-alive, 127.0.0.1 only), each next to hand-written SQL in the same run:
//   1. the model list carrying open_risk_count (first page; open risks only, sorted by open_risk_count) and the risk
//      list (first page; level + status sorted by target date; search + overdue sorted by level): API p50 against
//      the p50 of ONE hand-written query returning the same page and total (pool of 20, same concurrency);
//      goal <= 2x;
//   2. risk creates (POST) and transitions (PATCH { status }, In Progress -> Resolved), each with its history rows
//      and its model's open_risk_count: API throughput against the same rows written by ONE hand-written statement
//      per write (pool of 20, same concurrency); goal >= 0.8x.
// Every figure is printed with the machine's load average and CPU count, and the CPU per process during its phase.
// Then it checks the rows (history per write, open_risk_count = live count) and rewrites the "Model risks" section
// of docs/benchmarks.md. Exit code 1 when a request failed or a check found a MISMATCH; a missed goal is reported.
// Needs `npx nx run-many -t build -p api worker` first.
import { performance } from 'node:perf_hooks';
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
  formatMachineLoad,
  formatSessions,
  httpClient,
  ignoreDisconnect,
  keptNotes,
  machineBusy,
  machineInfo,
  machineLoad,
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
import { registerOrganisation, seedModels } from './seed-models.mjs';

const USAGE = `Usage: node tools/bench/risks.mjs [options]
  --models N             models seeded with SQL (default 100000)
  --risks N              risks seeded with SQL (default 3 per model)
  --requests N           measured requests per list case, each for the API and the raw query (default 200; warm-up 20)
  --concurrency N        concurrent list requests (default 8)
  --creates N            measured risk creates, API and raw SQL each (default 2000; warm-up 100)
  --transitions N        measured transitions In Progress -> Resolved, API and raw SQL each (default 2000; warm-up 100)
  --write-concurrency N  concurrent writes (default 16)
  --port N               port of the stack (default 3410)
  --only lists|writes    run only the list or only the write measurements (no docs refresh)
  --explain              print the EXPLAIN (ANALYZE, BUFFERS) plan of each raw list query
  --no-docs              do not refresh docs/benchmarks.md
  --keep                 leave the stack running at the end (Ctrl-C stops it and drops its database)`;

const GOALS = { listRatio: 2, writeRatio: 0.8 };
const DOCS_HEADING = '## Model risks (`npm run bench:risks`)';
const NOTES_BEGIN =
  '<!-- bench:risks:notes:begin (hand-written, kept by each run) -->';
const NOTES_END = '<!-- bench:risks:notes:end -->';
const BENCH_APP = 'risks-bench'; // application_name of our own connections, so they are told apart from the API's
const OPEN = ['Open', 'In Progress'];

// Seed vocabulary: 30 themes (the search term "drift" matches one: ~3% of the risks), 40 owners.
const THEMES = [
  'Data drift',
  'Prompt injection',
  'Hallucinated citations',
  'Gender bias in outcomes',
  'PII leakage',
  'Latency regression',
  'Training data licence',
  'Toxic output',
  'Jailbreak exposure',
  'Label noise',
  'Stale knowledge cut-off',
  'Model inversion',
  'Unfair credit scoring',
  'Missing audit trail',
  'Accuracy below SLA',
  'Vendor lock-in',
  'Regional availability',
  'Overfitting on benchmark',
  'Poisoned fine-tune set',
  'Unlogged overrides',
  'Explainability gap',
  'Data residency breach',
  'Cost overrun',
  'Age bias in ranking',
  'Insecure plugin calls',
  'Inconsistent answers',
  'Missing consent records',
  'Retention beyond policy',
  'Shadow deployment',
  'Calibration error',
];
const OWNERS = Array.from(
  { length: 40 },
  (_, i) => `owner${i + 1}@bench.example`,
);
const CATEGORIES = [
  'Performance',
  'Bias & Fairness',
  'Security',
  'Data Quality',
  'Compliance',
];
const LEVELS = ['Low', 'Medium', 'High', 'Critical'];
const RATINGS = ['Very Low', 'Low', 'Medium', 'High', 'Very High'];
const SEARCH = 'drift';

const options = parseOptions();
const run = new BenchRun();
run.run(main);

async function main() {
  checkBuild();
  const machine = machineInfo();
  machine.busyBefore = await machineBusy(1000);
  machine.loadBefore = machineLoad();
  say(
    `machine before the run: ${machine.busyBefore?.toFixed(0) ?? '?'}% of ${machine.cores * 100}% CPU busy, ${formatMachineLoad(machine.loadBefore)}`,
  );

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
  const pool = new pg.Pool({
    connectionString: run.stack.databaseUrl,
    max: API_POOL_SIZE,
    application_name: `${BENCH_APP}-raw`, // sampled as the API's sessions are: what the raw statements wait for
  });
  pool.on('error', ignoreDisconnect);
  run.onClose(
    () => api.close(),
    () => db.end(),
    () => pool.end(),
  );
  await db.connect();
  try {
    machine.postgres = (
      await db.query('SHOW server_version')
    ).rows[0].server_version;
    machine.pgSettings = await pgSettings(db);

    const org = await registerOrganisation(api, db);
    step(
      `Seed ${options.models.toLocaleString('en')} models and ${options.risks.toLocaleString('en')} risks with SQL`,
    );
    const models = await seedModels(db, org, options.models);
    const risks = await seedRisks(db, org);
    const seed = { models, risks };
    say(
      `seeded ${models.models.toLocaleString('en')} models in ${seconds(models.ms)}, ${risks.risks.toLocaleString('en')} risks in ${seconds(risks.ms)} (VACUUM ANALYZE included)`,
    );

    const lists = [];
    if (options.only !== 'writes') {
      for (const listCase of listCases(org)) {
        lists.push(await benchmarkList(api, pool, db, org, listCase));
      }
    }
    const writes = options.only !== 'lists';
    const creates = writes
      ? await benchmarkCreates(api, pool, db, org, models)
      : null;
    const transitions = writes
      ? await benchmarkTransitions(api, pool, db, org)
      : null;
    const counts = await openCountCheck(db, org);
    say(
      `${counts.ok ? 'OK      ' : 'MISMATCH'} ${counts.name}: ${counts.detail}`,
    );

    const results = {
      when: new Date(),
      machine,
      options,
      seed,
      lists,
      creates,
      transitions,
      counts,
    };
    printResults(results);
    if (options.docs && !options.only) {
      await writeDocs(results);
      say(`\nresults written to ${relativeToRepo(DOCS_FILE)}`);
    }
    const checks = allChecks(results);
    const loads = [
      ...lists.flatMap((l) => [l.api, l.raw]),
      creates?.api,
      creates?.raw,
      transitions?.api,
      transitions?.raw,
    ].filter(Boolean);
    const failed =
      checks.some(([, ok]) => !ok) || loads.some((load) => load.errors > 0);
    if (options.keep) await run.keepRunning(org);
    return failed ? 1 : 0;
  } finally {
    await run.closeAll();
  }
}

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        models: { type: 'string', default: '100000' },
        risks: { type: 'string' },
        requests: { type: 'string', default: '200' },
        concurrency: { type: 'string', default: '8' },
        creates: { type: 'string', default: '2000' },
        transitions: { type: 'string', default: '2000' },
        'write-concurrency': { type: 'string', default: '16' },
        port: { type: 'string', default: '3410' },
        explain: { type: 'boolean', default: false },
        'no-docs': { type: 'boolean', default: false },
        only: { type: 'string' },
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
  const count = (name, min, fallback) => {
    const value = Number(parsed[name] ?? fallback);
    if (!Number.isInteger(value) || value < min || value > 10_000_000) {
      process.stderr.write(
        `--${name} must be an integer >= ${min}\n${USAGE}\n`,
      );
      process.exit(2);
    }
    return value;
  };
  if (parsed.only && !['lists', 'writes'].includes(parsed.only)) {
    process.stderr.write(`--only must be lists or writes\n${USAGE}\n`);
    process.exit(2);
  }
  const models = count('models', 100);
  const parsedOptions = {
    models,
    risks: count('risks', 100, models * 3),
    requests: count('requests', 1),
    concurrency: count('concurrency', 1),
    creates: count('creates', 1),
    transitions: count('transitions', 1),
    writeConcurrency: count('write-concurrency', 1),
    port: count('port', 1),
    explain: parsed.explain,
    only: parsed.only ?? null,
    docs: !parsed['no-docs'],
    keep: parsed.keep,
    warmup: { list: 20, writes: 100 },
  };
  // Each transition (API and raw, warm-up included) takes its own seeded In Progress risk (~25% of them).
  const needed = 2 * (parsedOptions.transitions + parsedOptions.warmup.writes);
  if (needed > parsedOptions.risks * 0.2) {
    process.stderr.write(
      `--transitions ${parsedOptions.transitions} needs about ${needed * 5} risks (--risks)\n`,
    );
    process.exit(2);
  }
  return parsedOptions;
}

/** A phase of this run, observed (CPU per process, database sessions) and with the machine's load at its end. */
async function observe() {
  const phase = await observePhase({
    stack: run.stack,
    port: options.port,
    benchApp: BENCH_APP,
  });
  return {
    stop: async () => ({ ...(await phase.stop()), machine: machineLoad() }),
  };
}

/** Runs the warm-up, then `n` observed calls of `work` at `concurrency`. */
async function measure(label, n, warmup, concurrency, work, unit) {
  await runLoad(warmup, concurrency, work);
  const phase = await observe();
  const load = await runLoad(n, concurrency, work);
  Object.assign(load, await phase.stop());
  say(
    `${label} ${formatLoad(load, unit)}; ${formatMachineLoad(load.machine)}\n${' '.repeat(label.length)} cpu: ${formatCpu(load.cpu)}`,
  );
  return load;
}

// ---------------------------------------------------------------------------------------------------------------
// Seed

/**
 * `options.risks` risks on random models of the organisation (fixed `setseed`: the same data every run): status
 * 35% Open / 25% In Progress / 25% Resolved / 15% Accepted, level 30/35/25/10%, target dates one year either side
 * of today, impact and likelihood on 90% of them; then each model's open_risk_count from them, and VACUUM ANALYZE.
 */
async function seedRisks(db, org) {
  const started = performance.now();
  await db.query('BEGIN');
  await db.query('SELECT setseed(0.1717)');
  const inserted = await db.query(
    `WITH ids AS (SELECT array_agg(id ORDER BY id) AS a FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL)
     INSERT INTO model_risks
       (organization_id, model_id, risk_name, risk_category, risk_level, status, owner, target_date, description,
        mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, accepted_by_user_id, accepted_at,
        created_by_user_id, created_at, updated_at)
     SELECT $1, r.model_id, ($3::text[])[r.theme] || ' #' || r.i,
            ($4::text[])[r.cat]::model_risk_category,
            (CASE WHEN r.lv < 0.3 THEN 'Low' WHEN r.lv < 0.65 THEN 'Medium' WHEN r.lv < 0.9 THEN 'High' ELSE 'Critical' END)::model_risk_level,
            r.status::model_risk_status,
            ($5::text[])[r.owner],
            (current_date + r.days)::date,
            'Seeded risk ' || r.i || ': observed in the quarterly review.',
            'Monitor weekly; retrain or restrict when the threshold is crossed.',
            CASE WHEN r.rated THEN ($6::text[])[r.imp]::risk_rating END,
            CASE WHEN r.rated THEN ($6::text[])[r.lik]::risk_rating END,
            'error rate', '0.0' || (r.i % 10), '0.05',
            CASE WHEN r.status = 'Accepted' THEN $7::int END,
            CASE WHEN r.status = 'Accepted' THEN r.changed END,
            $7, r.changed - interval '30 days', r.changed
       FROM (SELECT q.*,
                    (CASE WHEN q.s < 0.35 THEN 'Open' WHEN q.s < 0.6 THEN 'In Progress' WHEN q.s < 0.85 THEN 'Resolved' ELSE 'Accepted' END) AS status
               FROM (SELECT i,
                            ids.a[1 + floor(random() * cardinality(ids.a))::int] AS model_id,
                            1 + floor(random() * cardinality($3::text[]))::int AS theme,
                            1 + floor(random() * 5)::int AS cat,
                            random() AS lv,
                            random() AS s,
                            1 + floor(random() * cardinality($5::text[]))::int AS owner,
                            floor(random() * 730)::int - 365 AS days,
                            random() < 0.9 AS rated,
                            1 + floor(random() * 5)::int AS imp,
                            1 + floor(random() * 5)::int AS lik,
                            now() - random() * interval '365 days' AS changed
                       FROM ids, generate_series(1, $2::int) AS i) q) r`,
    [org.id, options.risks, THEMES, CATEGORIES, OWNERS, RATINGS, org.userId],
  );
  const counted = await db.query(
    `UPDATE model_inventories m SET open_risk_count = c.n
       FROM (SELECT model_id, count(*)::int AS n FROM model_risks
              WHERE organization_id = $1 AND NOT is_deleted AND status = ANY ($2::model_risk_status[]) GROUP BY 1) c
      WHERE m.id = c.model_id`,
    [org.id, OPEN],
  );
  await db.query('COMMIT');
  await db.query('VACUUM (ANALYZE) model_risks, model_inventories');
  const { rows } = await db.query(
    `SELECT status::text, count(*)::int AS n FROM model_risks WHERE organization_id = $1 GROUP BY 1 ORDER BY 1`,
    [org.id],
  );
  say(
    `risks by status ${JSON.stringify(Object.fromEntries(rows.map((r) => [r.status, r.n])))}; ${counted.rowCount.toLocaleString('en')} models with open risks`,
  );
  return { risks: inserted.rowCount, ms: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------------------------
// Lists: each case is an API path and ONE hand-written query for the same page (rows, order and total)

/**
 * The model page as one would write it by hand: the page in the sort order with LIMIT (an index can serve it),
 * the total as a scalar subquery over the same filter, the link ids as ARRAY subselects. `where(alias)` adds the
 * filter for the alias of the page or of the count.
 */
const MODEL_PAGE_SQL = (where, order) => `
  SELECT m.*,
         (SELECT count(*) FROM model_inventories c
           WHERE c.organization_id = $1 AND c.deleted_at IS NULL ${where('c')}) AS total_count,
         ARRAY(SELECT l.project_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = m.id AND l.project_id IS NOT NULL ORDER BY 1) AS projects,
         ARRAY(SELECT l.framework_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = m.id AND l.framework_id IS NOT NULL ORDER BY 1) AS frameworks
    FROM model_inventories m
   WHERE m.organization_id = $1 AND m.deleted_at IS NULL ${where('m')}
   ORDER BY ${order('m')}
   LIMIT 50`;

/** The risk page the same way, with each risk's model, its accepter and its overdue flag. */
const RISK_PAGE_SQL = (where, order) => `
  SELECT r.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version,
         accepter.name AS accepted_by_name,
         (SELECT count(*) FROM model_risks c WHERE c.organization_id = $1 AND NOT c.is_deleted ${where('c')}) AS total_count,
         (r.target_date < current_date AND r.status IN ('Open', 'In Progress')) AS overdue
    FROM model_risks r
    JOIN model_inventories m ON m.id = r.model_id
    LEFT JOIN users accepter ON accepter.id = r.accepted_by_user_id
   WHERE r.organization_id = $1 AND NOT r.is_deleted ${where('r')}
   ORDER BY ${order('r')}
   LIMIT 50`;

/**
 * The searched risk page: the trigram index finds few matches, so the good hand-written query counts them in the same
 * pass (window count in a subquery, LIMIT outside it) and joins the page's rows; `sortColumn` is the sort key.
 */
const RISK_SEARCH_PAGE_SQL = (where, order, sortColumn) => `
  SELECT r.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version,
         accepter.name AS accepted_by_name, page.total_count,
         (r.target_date < current_date AND r.status IN ('Open', 'In Progress')) AS overdue
    FROM (SELECT matched.* FROM (
            SELECT c.id, c.${sortColumn}, count(*) OVER () AS total_count
              FROM model_risks c
             WHERE c.organization_id = $1 AND NOT c.is_deleted ${where('c')}) matched
           ORDER BY ${order('matched')} LIMIT 50) page
    JOIN model_risks r ON r.id = page.id
    JOIN model_inventories m ON m.id = r.model_id
    LEFT JOIN users accepter ON accepter.id = r.accepted_by_user_id
   ORDER BY ${order('page')}`;

function listCases(org) {
  const today = new Date().toISOString().slice(0, 10);
  const modelKey = (row) => `${row.id}:${row.open_risk_count}`;
  const riskKey = (row) =>
    `${row.id}:${row.model?.model ?? row.model_model}:${row.overdue}`;
  return [
    {
      name: 'Model list, first page',
      path: '/api/modelInventory?limit=50',
      sql: MODEL_PAGE_SQL(
        () => '',
        (a) => `${a}.updated_at DESC, ${a}.id DESC`,
      ),
      params: [org.id],
      key: modelKey,
    },
    {
      name: 'Model list, open risks, by open_risk_count',
      path: '/api/modelInventory?limit=50&status=Approved&has_open_risks=true&sort=open_risk_count:desc',
      sql: MODEL_PAGE_SQL(
        (a) => `AND ${a}.status = 'Approved' AND ${a}.open_risk_count > 0`,
        (a) => `${a}.open_risk_count DESC, ${a}.id DESC`,
      ),
      params: [org.id],
      key: modelKey,
    },
    {
      name: 'Risk list, first page',
      path: '/api/modelRisks?limit=50',
      sql: RISK_PAGE_SQL(
        () => '',
        (a) => `${a}.updated_at DESC, ${a}.id DESC`,
      ),
      params: [org.id],
      key: riskKey,
    },
    {
      name: 'Risk list, High+Critical, Open+In Progress, by target date',
      path: '/api/modelRisks?limit=50&risk_level=High,Critical&status=Open,In%20Progress&sort=target_date:asc',
      sql: RISK_PAGE_SQL(
        (a) =>
          `AND ${a}.risk_level IN ('High', 'Critical') AND ${a}.status IN ('Open', 'In Progress')`,
        (a) => `${a}.target_date ASC, ${a}.id ASC`,
      ),
      params: [org.id],
      key: riskKey,
    },
    {
      name: `Risk list, search "${SEARCH}" + overdue, by level`,
      path: `/api/modelRisks?limit=50&search=${SEARCH}&overdue=true&sort=risk_level:desc`,
      sql: RISK_SEARCH_PAGE_SQL(
        (a) =>
          `AND ${a}.risk_name ILIKE $2 AND ${a}.target_date < $3::date AND ${a}.status IN ('Open', 'In Progress')`,
        (a) => `${a}.risk_level DESC, ${a}.id DESC`,
        'risk_level',
      ),
      params: [org.id, `%${SEARCH}%`, today],
      key: riskKey,
    },
  ];
}

async function benchmarkList(api, pool, db, org, listCase) {
  const { requests: n, concurrency: c } = options;
  step(`${listCase.name}: GET ${listCase.path}`);
  // Same page? (ids in order, with each model's open_risk_count or each risk's model and overdue flag, and the total)
  const page = await api.json('GET', listCase.path, undefined, org.token, 200);
  const raw = (await pool.query(listCase.sql, listCase.params)).rows;
  const rawTotal = raw.length ? Number(raw[0].total_count) : 0;
  const same =
    page.items.map(listCase.key).join(',') === raw.map(listCase.key).join(',');
  const check = {
    ok: same && page.total === rawTotal && page.items.length > 0,
    detail: `API ${page.items.length} items of ${page.total.toLocaleString('en')}, raw ${raw.length} of ${rawTotal.toLocaleString('en')}${same ? '' : ', different rows'}`,
  };
  say(
    `same page as the raw query: ${check.ok ? 'OK' : 'MISMATCH'} (${check.detail})`,
  );

  const apiLoad = await measure('API     ', n, options.warmup.list, c, () =>
    api.json('GET', listCase.path, undefined, org.token, 200),
  );
  const rawLoad = await measure('raw SQL ', n, options.warmup.list, c, () =>
    pool.query(listCase.sql, listCase.params),
  );
  const ratio = apiLoad.p50 / rawLoad.p50;
  say(
    `API p50 / raw p50 = ${ratio.toFixed(2)}x (goal <= ${GOALS.listRatio}x): ${ratio <= GOALS.listRatio ? 'PASS' : 'FAIL'}`,
  );
  const plan = await explain(db, listCase.sql, listCase.params);
  say(`raw query, one execution on the idle database: ${plan.summary}`);
  if (options.explain) say(`\n--- EXPLAIN (ANALYZE, BUFFERS)\n${plan.text}`);
  return {
    ...listCase,
    total: page.total,
    check,
    api: apiLoad,
    raw: rawLoad,
    ratio,
    plan,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes

/** A full risk (every field set: 14 history rows) on a random live model. */
function riskBody(i, rng, modelIds) {
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
const HISTORY_FIELDS = Object.keys(riskBody(0, mulberry32(1), [1])).length;

/**
 * One create as one statement, what the API writes: the model check (a live model of the organisation, share-locked),
 * the risk, one `created` history row per field, and the model's open_risk_count.
 */
const RAW_CREATE_SQL = `
  WITH model AS (
    SELECT id FROM model_inventories WHERE id = $15 AND organization_id = $1 AND deleted_at IS NULL FOR SHARE
  ), created AS (
    INSERT INTO model_risks (organization_id, model_id, risk_name, risk_category, risk_level, status, owner, target_date,
                             description, mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, created_by_user_id)
    SELECT $1, model.id, $2, $3::model_risk_category, $4::model_risk_level, $5::model_risk_status, $6, $7::date, $8, $9,
           $10::risk_rating, $11::risk_rating, $12, $13, $14, $16
      FROM model
    RETURNING *
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT $1, 'risk', created.id, 'created', h.field, NULL, h.value, $16 FROM created, unnest($17::text[], $18::text[]) AS h(field, value)
  ), counted AS (
    UPDATE model_inventories m SET open_risk_count = m.open_risk_count + 1 FROM created WHERE m.id = created.model_id
  )
  SELECT id FROM created`;

async function createWithSql(sqlPool, org, body) {
  const { rows } = await sqlPool.query(RAW_CREATE_SQL, [
    org.id,
    body.risk_name,
    body.risk_category,
    body.risk_level,
    body.status,
    body.owner,
    body.target_date,
    body.description,
    body.mitigation_plan,
    body.impact,
    body.likelihood,
    body.key_metrics,
    body.current_values,
    body.threshold,
    body.model_id,
    org.userId,
    Object.keys(body),
    Object.values(body).map(String),
  ]);
  if (rows.length !== 1) throw new Error(`model ${body.model_id} not live`);
  return rows[0].id;
}

/** The transition as one statement: the risk moved if it is still In Progress, its history row, its model's count. */
const RAW_TRANSITION_SQL = `
  WITH moved AS (
    UPDATE model_risks SET status = 'Resolved', version_number = version_number + 1, updated_at = now()
     WHERE id = $1 AND organization_id = $2 AND NOT is_deleted AND status = 'In Progress'
    RETURNING id, organization_id, model_id
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT organization_id, 'risk', id, 'updated', 'status', 'In Progress', 'Resolved', $3 FROM moved
  ), counted AS (
    UPDATE model_inventories m SET open_risk_count = greatest(0, m.open_risk_count - 1) FROM moved WHERE m.id = moved.model_id
  )
  SELECT id FROM moved`;

async function benchmarkCreates(api, sqlPool, db, org, models) {
  const { creates: n, writeConcurrency: c } = options;
  const warmup = options.warmup.writes;
  step(
    `Create: ${n.toLocaleString('en')} x POST /api/modelRisks (${HISTORY_FIELDS} fields), concurrency ${c}; then the same rows by one SQL statement each`,
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
  const ratio = apiLoad.perSecond / rawLoad.perSecond;
  say(
    `API / raw throughput = ${ratio.toFixed(2)}x (goal >= ${GOALS.writeRatio}x): ${ratio >= GOALS.writeRatio ? 'PASS' : 'FAIL'}`,
  );
  say(`API database sessions (average): ${formatSessions(apiLoad.sessions)}`);
  const checks = [
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
  return { api: apiLoad, raw: rawLoad, ratio, checks };
}

async function benchmarkTransitions(api, sqlPool, db, org) {
  const { transitions: n, writeConcurrency: c } = options;
  const warmup = options.warmup.writes;
  step(
    `Transition: ${n.toLocaleString('en')} x PATCH /api/modelRisks/:id { status: Resolved } of seeded In Progress risks, concurrency ${c}; then one SQL statement each`,
  );
  // Distinct risks, shuffled (the seed's ids are in model order), split between the API and the raw statements.
  const { rows } = await db.query(
    `SELECT id FROM model_risks WHERE organization_id = $1 AND status = 'In Progress' AND NOT is_deleted
      ORDER BY md5(id::text) LIMIT $2`,
    [org.id, 2 * (n + warmup)],
  );
  const ids = rows.map((r) => r.id);
  const apiIds = ids.slice(0, n + warmup);
  const rawIds = ids.slice(n + warmup);
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
    async () => {
      const { rowCount } = await sqlPool.query(RAW_TRANSITION_SQL, [
        rawIds[j++],
        org.id,
        org.userId,
      ]);
      if (rowCount !== 1) throw new Error('risk not In Progress');
    },
    'transitions/s',
  );
  const ratio = apiLoad.perSecond / rawLoad.perSecond;
  say(
    `API / raw throughput = ${ratio.toFixed(2)}x (goal >= ${GOALS.writeRatio}x): ${ratio >= GOALS.writeRatio ? 'PASS' : 'FAIL'}`,
  );
  say(`API database sessions (average): ${formatSessions(apiLoad.sessions)}`);
  const checks = [
    await historyCheck(db, 'API transitions', apiIds, n + warmup, 'updated', 1),
    await historyCheck(db, 'raw transitions', rawIds, n + warmup, 'updated', 1),
  ];
  return { api: apiLoad, raw: rawLoad, ratio, checks };
}

/** Each written risk has `perRisk` history rows of `action`. */
async function historyCheck(db, name, ids, expected, action, perRisk) {
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
async function openCountCheck(db, org) {
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

// ---------------------------------------------------------------------------------------------------------------
// Output

const HEADER = [
  'Benchmark',
  'Work',
  'p50',
  'p95',
  'Throughput',
  'Ratio',
  'Goal',
  'Machine',
];
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const machineCell = (load) => formatMachineLoad(load.machine);

function resultRows({ seed, lists, creates, transitions }) {
  const rows = [
    [
      'Seed (SQL, not measured)',
      `${seed.models.models.toLocaleString('en')} models + ${seed.risks.risks.toLocaleString('en')} risks`,
      '',
      '',
      seconds(seed.models.ms + seed.risks.ms),
      '',
      '',
      '',
    ],
  ];
  for (const list of lists) {
    rows.push(
      [
        `${list.name}: API`,
        `\`${list.path.replace('/api/', '')}\`, ${list.total.toLocaleString('en')} matches`,
        ms(list.api.p50),
        ms(list.api.p95),
        `${rate(list.api.perSecond)} req/s`,
        `${list.ratio.toFixed(2)}x`,
        `<= ${GOALS.listRatio}x: ${verdict(list.ratio <= GOALS.listRatio)}`,
        machineCell(list.api),
      ],
      [
        `${list.name}: raw SQL`,
        `1 query, pool ${API_POOL_SIZE}`,
        ms(list.raw.p50),
        ms(list.raw.p95),
        `${rate(list.raw.perSecond)} q/s`,
        '',
        '',
        machineCell(list.raw),
      ],
    );
  }
  for (const [name, writes, unit] of [
    ['Create', creates, 'creates/s'],
    ['Transition', transitions, 'transitions/s'],
  ].filter(([, writes]) => writes)) {
    rows.push(
      [
        `${name}: API (c=${writes.api.concurrency})`,
        `${writes.api.count} ${name === 'Create' ? 'POST' : 'PATCH'}`,
        ms(writes.api.p50),
        ms(writes.api.p95),
        `${rate(writes.api.perSecond)} ${unit}`,
        `${writes.ratio.toFixed(2)}x`,
        `>= ${GOALS.writeRatio}x: ${verdict(writes.ratio >= GOALS.writeRatio)}`,
        machineCell(writes.api),
      ],
      [
        `${name}: raw SQL (c=${writes.raw.concurrency})`,
        `${writes.raw.count} statements`,
        ms(writes.raw.p50),
        ms(writes.raw.p95),
        `${rate(writes.raw.perSecond)} ${unit}`,
        '',
        '',
        machineCell(writes.raw),
      ],
    );
  }
  return rows;
}

function allChecks({ lists, creates, transitions, counts }) {
  return [
    ...lists.map((l) => [
      `${l.name}: same page as the raw query`,
      l.check.ok,
      l.check.detail,
    ]),
    ...[...(creates?.checks ?? []), ...(transitions?.checks ?? []), counts].map(
      (c) => [c.name, c.ok, c.detail],
    ),
  ];
}

/**
 * CPU the server side (API, worker, PostgreSQL, Redis) spent per request or statement, in ms. Unlike the latencies it
 * hardly depends on what else the machine runs: on a shared machine the single API process gets one runnable
 * thread's share of the cores, while the raw statements run in up to 20 PostgreSQL backends.
 */
function serverCpuMs(load) {
  if (!load.cpu) return null;
  const { api, worker, postgres, redis } = load.cpu;
  const share = ((api ?? 0) + (worker ?? 0) + postgres + (redis ?? 0)) / 100;
  return (share * load.elapsedMs) / load.count;
}

function cpuPerOp(name, apiLoad, rawLoad) {
  const apiMs = serverCpuMs(apiLoad);
  const rawMs = serverCpuMs(rawLoad);
  if (apiMs === null || rawMs === null)
    return `${name}: server CPU per operation n/a`;
  return `${name}: server CPU per operation ${apiMs.toFixed(2)} ms via the API (api ${apiLoad.cpu.api?.toFixed(0) ?? '?'}%, postgres ${apiLoad.cpu.postgres.toFixed(0)}%), ${rawMs.toFixed(2)} ms raw: raw/API ${(rawMs / apiMs).toFixed(2)}x`;
}

function cpuNotes({ lists, creates, transitions }) {
  const notes = lists.map(
    (l) =>
      `${cpuPerOp(l.name, l.api, l.raw)}; raw query on the idle database ${l.plan.summary}.`,
  );
  for (const [name, writes] of [
    ['Create', creates],
    ['Transition', transitions],
  ]) {
    if (!writes) continue;
    notes.push(
      `${cpuPerOp(name, writes.api, writes.raw)}. CPU during the API run: ${formatCpu(writes.api.cpu)}; API database sessions: ${formatSessions(writes.api.sessions)}.`,
    );
  }
  return notes;
}

function machineLine(machine) {
  return `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres} (${machine.pgSettings}); before the run ${machine.busyBefore?.toFixed(0) ?? '?'}% CPU busy, ${formatMachineLoad(machine.loadBefore)}`;
}

function printResults(results) {
  step('Results');
  say(`machine: ${machineLine(results.machine)}`);
  say('');
  say(textTable(HEADER, resultRows(results)));
  say('');
  for (const [name, ok, detail] of allChecks(results))
    say(`${ok ? 'OK      ' : 'MISMATCH'}  ${name}: ${detail}`);
  say('');
  for (const note of cpuNotes(results)) say(note);
}

function runFlags(o) {
  return `--models ${o.models} --risks ${o.risks} --requests ${o.requests} --concurrency ${o.concurrency} --creates ${o.creates} --transitions ${o.transitions} --write-concurrency ${o.writeConcurrency}`;
}

async function writeDocs(results) {
  const block = [
    `_Written by \`npm run bench:risks\` on ${results.when.toISOString().replace(/\.\d+Z$/, 'Z')}._`,
    '',
    `Machine: ${machineLine(results.machine)}. API, worker, PostgreSQL, Redis and the load generator share these cores, with other work.`,
    '',
    `Run: \`${runFlags(results.options)}\`. Lists at concurrency ${results.options.concurrency}. "Machine" is the load average at the end of each measurement.`,
    '',
    markdownTable(HEADER, resultRows(results)),
    '',
    'Checks:',
    '',
    ...allChecks(results).map(
      ([name, ok, detail]) =>
        `- ${ok ? 'OK' : '**MISMATCH**'} ${name}: ${detail}`,
    ),
    '',
    'Where the time goes (CPU in % of one core; "other" is work on the machine outside this benchmark):',
    '',
    ...cpuNotes(results).map((note) => `- ${note}`),
  ].join('\n');
  const notes = await keptNotes(NOTES_BEGIN, NOTES_END);
  await writeDocsSection(DOCS_HEADING, docsTemplate(block, notes));
}

function docsTemplate(block, notes) {
  return `${DOCS_HEADING}

\`tools/bench/risks.mjs\` measures the risk register's lists and writes on the built API, end to end over HTTP, each
next to hand-written SQL doing the same work in the same run. This section is rewritten by each run, except the
findings between the \`bench:risks:notes\` markers.

### Goals (issue 9; ratios, because these machines differ two-fold from day to day)

- **Lists**: with ${options.models.toLocaleString('en')} models and ${options.risks.toLocaleString('en')} risks in one organisation, the model list page carrying
  \`open_risk_count\` and the risk list (filtered, searched, overdue) have a p50 within **${GOALS.listRatio}×** the p50 of ONE
  hand-written SQL query returning the same page and total, at the same concurrency, on a pool of ${API_POOL_SIZE} (the API's).
- **Writes**: risk creates and transitions, each with its history rows and its model's \`open_risk_count\`, reach at
  least **${GOALS.writeRatio}×** the throughput of the same rows written by ONE hand-written statement per write, at the same
  concurrency, on a pool of ${API_POOL_SIZE}.

### Latest results

${block}

### Findings

${NOTES_BEGIN}
${notes}
${NOTES_END}

### Method

1. Needs the build (\`npx nx run-many -t build -p api worker\`). Starts a throwaway stack (fresh database \`mi_e2e_*\`,
   migrations applied, the API and the worker), registers an organisation and 20 projects through the API.
2. Loads the models as \`bench:inventory\` does (\`tools/bench/seed-models.mjs\`), then the risks with one
   \`INSERT … SELECT FROM generate_series\` (fixed \`setseed\`): random live models, ${THEMES.length} name themes ("${SEARCH}" is one),
   ${OWNERS.length} owners, 5 categories, level 30/35/25/10 % Low/Medium/High/Critical, status 35/25/25/15 %
   Open/In Progress/Resolved/Accepted, target dates a year either side of today, impact and likelihood on 90 %; then
   each model's \`open_risk_count\` from them, and \`VACUUM (ANALYZE)\`. Loading is setup: not measured.
3. **Lists**: for each case, checks that the API and the raw query return the same page (ids in order, each model's
   \`open_risk_count\` or each risk's model and overdue flag) and total; then 20 warm-up and \`--requests\` measured API
   requests (keep-alive), then as many raw queries on a \`pg.Pool\` of ${API_POOL_SIZE}, both at \`--concurrency\`. The raw
   query is the one you would write by hand: the page with \`ORDER BY … LIMIT 50\`, the total as a scalar
   \`count(*)\` subquery over the same filter, and the page's link ids (models) or model and accepter (risks); for a
   search, whose few trigram matches are best counted in one pass, \`count(*) OVER ()\` in a subquery with \`LIMIT\`
   outside it.
4. **Creates**: 100 warm-up then \`--creates\` \`POST /api/modelRisks\` with all ${HISTORY_FIELDS} fields on random models; then as many
   raw statements, each writing the same rows (model check \`FOR SHARE\`, the risk, ${HISTORY_FIELDS} history rows, the model's
   \`open_risk_count\`). Ratio = API creates/s ÷ raw creates/s.
5. **Transitions**: \`PATCH /api/modelRisks/:id {"status":"Resolved"}\` on distinct seeded In Progress risks; then as many
   raw statements (the risk, 1 history row, its model's \`open_risk_count\`) on other In Progress risks. Ratio as above.
6. Checks the history rows of every write and that every model's \`open_risk_count\` equals its live count; stops the
   stack, which drops its database.

Each figure is printed with the load average at the end of its measurement and the CPU count; the CPU per process
during each phase comes from \`/proc\` (\`other\` is everything else on the machine).

### Options

\`\`\`
${USAGE.split('\n').slice(1).join('\n')}
\`\`\`
`;
}
