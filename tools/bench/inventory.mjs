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
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  dist,
  missingServerBuilds,
  relativeToRepo,
  repoRoot,
} from '../lib/paths.mjs';
import { redactUrl } from '../lib/postgres-client.mjs';
import { startE2eStack } from '../testing/e2e-stack-client.mjs';

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

const API_POOL_SIZE = 20; // libs/server/database/src/lib/data-source-options.ts: extra.max
const GOALS = { listRatio: 2, createsPerSecond: 500 };
const DOCS_FILE = join(repoRoot, 'docs/benchmarks.md');
const NOTES_BEGIN =
  '<!-- bench:inventory:notes:begin (hand-written, kept by each run) -->';
const NOTES_END = '<!-- bench:inventory:notes:end -->';
const REQUEST_TIMEOUT_MS = 30_000;
const BENCH_APP = 'inventory-bench'; // application_name of our own connections, so they are told apart from the API's

// Seed vocabulary: 15 providers, 20 families x 10 variants = 200 model names. No other family contains "gpt".
const FAMILIES = [
  ['OpenAI', 'gpt'],
  ['OpenAI', 'whisper'],
  ['Anthropic', 'claude'],
  ['Google', 'gemini'],
  ['Google', 'gemma'],
  ['Meta', 'llama'],
  ['Meta', 'codellama'],
  ['Mistral AI', 'mistral'],
  ['Mistral AI', 'mixtral'],
  ['Cohere', 'command'],
  ['Cohere', 'embed'],
  ['Amazon', 'titan'],
  ['Microsoft', 'phi'],
  ['xAI', 'grok'],
  ['Alibaba', 'qwen'],
  ['DeepSeek', 'deepseek'],
  ['TII', 'falcon'],
  ['IBM', 'granite'],
  ['NVIDIA', 'nemotron'],
  ['AI21 Labs', 'jamba'],
];
const VARIANTS = [
  '1',
  '2',
  '3',
  '3.5',
  '4',
  '4-turbo',
  'mini',
  'large',
  'pro',
  'lite',
];
const CAPABILITIES = [
  'text-generation',
  'summarization',
  'classification',
  'translation',
  'code-generation',
  'embeddings',
  'vision',
  'speech-to-text',
  'reasoning',
  'tool-use',
];
const HOSTING = ['Cloud', 'On-premises', 'Azure', 'AWS', 'GCP', 'Hybrid'];
const APPROVERS = Array.from(
  { length: 25 },
  (_, i) => `approver${i + 1}@bench.example`,
);
const STATUSES = ['Approved', 'Pending', 'Restricted', 'Blocked'];

/** A problem the user can fix (e.g. no build): reported without a stack trace. */
class SetupError extends Error {}

const options = parseOptions();
const say = (text = '') => process.stdout.write(`${text}\n`);
const step = (text) => say(`\n==> ${text}`);

let stack;
let stackStarting = null;
let stopping = false;
const closers = []; // our connections, closed before the stack drops the database
const ignoreDisconnect = () => undefined; // the stack terminates sessions when it drops the database
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => void finish(130));

main()
  .then((code) => finish(code))
  .catch((error) => {
    process.stderr.write(
      `bench: ${error instanceof SetupError ? error.message : (error.stack ?? error.message)}\n`,
    );
    return finish(1);
  });

async function main() {
  checkBuild();
  const machine = machineInfo();
  machine.busyBefore = await machineBusy(1000);
  if (machine.busyBefore !== null) {
    say(
      `machine before the run: ${machine.busyBefore.toFixed(0)}% of ${machine.cores * 100}% CPU busy${machine.busyBefore > 30 ? ' (other work is running: the figures will be pessimistic)' : ''}`,
    );
  }

  step(`Stack on port ${options.port}`);
  const t0 = performance.now();
  stackStarting = startE2eStack({
    port: options.port,
    env: {
      ...process.env,
      SIGNUPS_PER_HOUR: '100000',
      LOGIN_ATTEMPTS_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      E2E_LOG_LEVEL: 'warn', // e2e-stack.mjs sets the children's LOG_LEVEL from this (default info: one line per request)
    },
  });
  stack = await stackStarting;
  say(
    `ready in ${seconds(performance.now() - t0)}: ${stack.baseUrl}, database ${redactUrl(stack.databaseUrl)}`,
  );

  const api = httpClient(
    stack.baseUrl,
    Math.max(options.concurrency, options.writeConcurrency),
  );
  const db = new pg.Client({
    connectionString: stack.databaseUrl,
    application_name: BENCH_APP,
  });
  db.on('error', ignoreDisconnect);
  closers.push(
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
    const seed = await seedModels(db, org);
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
    if (options.keep) await keepRunning(org);
    return failed ? 1 : 0;
  } finally {
    await closeAll();
  }
}

async function closeAll() {
  for (const close of closers.splice(0).reverse())
    await Promise.resolve()
      .then(close)
      .catch(() => undefined);
}

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

function checkBuild() {
  const missing = missingServerBuilds();
  if (missing.length > 0) {
    throw new SetupError(
      `build output missing: ${missing.map(relativeToRepo).join(', ')}. Run first:  NX_DAEMON=false npx nx run-many -t build -p api worker`,
    );
  }
  // Others edit the sources: say so when the build does not include their latest change.
  const built = Math.min(
    statSync(dist.api).mtimeMs,
    statSync(dist.worker).mtimeMs,
  );
  const newest = newestSource(
    [
      'apps/api/src',
      'apps/worker/src',
      'libs/server',
      'libs/contracts',
      'libs/shared',
    ].map((dir) => join(repoRoot, dir)),
  );
  if (newest && newest.mtimeMs > built) {
    say(
      `warning: ${relativeToRepo(newest.path)} is newer than the build; the figures are those of the built code (rebuild to include it)`,
    );
  }
}

function newestSource(dirs) {
  let newest = null;
  const visit = (dir, depth) => {
    if (depth > 12 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path, depth + 1);
      } else if (
        entry.name.endsWith('.ts') &&
        !/\.(spec|test|[a-z-]*spec)\.ts$/.test(entry.name)
      ) {
        const { mtimeMs } = statSync(path);
        if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
      }
    }
  };
  for (const dir of dirs) visit(dir, 0);
  return newest;
}

/** % CPU (of cores x 100) the whole machine used over `ms`, or null without /proc. */
async function machineBusy(ms) {
  if (!existsSync('/proc/stat')) return null;
  const before = systemTicks().busy;
  await new Promise((r) => setTimeout(r, ms));
  return (100 * (systemTicks().busy - before)) / CLOCK_TICKS / (ms / 1000);
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

async function pgSettings(db) {
  const { rows } = await db.query(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem') ORDER BY name`,
  );
  return rows
    .map(
      (r) =>
        `${r.name}=${r.unit === '8kB' ? `${Math.round((Number(r.setting) * 8) / 1024)}MB` : `${r.setting}${r.unit ?? ''}`}`,
    )
    .join(', ');
}

async function registerOrganisation(api, db) {
  step('Organisation and projects (API)');
  const email = `bench-admin-${Date.now()}@bench.example`;
  const registered = await api.json(
    'POST',
    '/api/auth/register',
    {
      organization_name: 'Bench Org',
      name: 'Bench Admin',
      email,
      password: 'bench-password-2026',
    },
    null,
    201,
  );
  const token = registered.access_token;
  const { rows } = await db.query(
    'SELECT id, organization_id FROM users WHERE email = $1',
    [email],
  );
  if (rows.length !== 1)
    throw new Error(`registered user ${email} not found in the database`);
  const frameworkIds = (
    await db.query('SELECT id FROM frameworks ORDER BY id')
  ).rows.map((r) => r.id);
  if (frameworkIds.length === 0)
    throw new Error(
      'no frameworks in the database (migration 1764400001000 seeds them)',
    );
  const projectIds = [];
  for (let i = 1; i <= 20; i += 1) {
    const project = await api.json(
      'POST',
      '/api/projects',
      {
        name: `Bench project ${i}`,
        frameworks: [frameworkIds[i % frameworkIds.length]],
      },
      token,
      201,
    );
    projectIds.push(project.id);
  }
  say(
    `organisation ${rows[0].organization_id}, admin ${email}, ${projectIds.length} projects, frameworks ${frameworkIds.join(', ')}`,
  );
  return {
    id: rows[0].organization_id,
    userId: rows[0].id,
    email,
    token,
    projectIds,
    frameworkIds,
  };
}

async function seedModels(db, org) {
  const started = performance.now();
  await db.query('BEGIN');
  await db.query('SELECT setseed(0.4242)'); // same data on every run (the INSERT ... SELECT below is not parallel)
  const inserted = await db.query(
    `INSERT INTO model_inventories
       (organization_id, provider, model, version, approver, capabilities, security_assessment, status, status_date,
        reference_link, biases, limitations, hosting_provider, is_demo, created_by_user_id, created_at, updated_at)
     SELECT $1, ($3::text[])[r.fam], ($4::text[])[r.fam] || '-' || ($5::text[])[r.var],
            r.major || '.' || r.minor || '.' || (r.i % 10),
            ($6::text[])[r.appr],
            ($7::text[])[r.cap : r.cap + r.ncap],
            r.assessed,
            (CASE WHEN r.st < 0.4 THEN 'Approved' WHEN r.st < 0.7 THEN 'Pending' WHEN r.st < 0.9 THEN 'Restricted' ELSE 'Blocked' END)::model_status,
            r.changed::date,
            'https://models.bench.example/' || ($4::text[])[r.fam] || '/' || r.i,
            'Under-represents some dialects and regions in its training data (sample ' || r.i || ').',
            'Context window limits; may hallucinate facts; English-centric evaluation.',
            ($8::text[])[r.host],
            false, $9, r.changed - r.age, r.changed
       FROM (SELECT i,
                    1 + floor(random() * 20)::int AS fam,
                    1 + floor(random() * 10)::int AS var,
                    1 + floor(random() * 5)::int AS major,
                    floor(random() * 10)::int AS minor,
                    1 + floor(random() * 25)::int AS appr,
                    1 + floor(random() * 8)::int AS cap,
                    floor(random() * 3)::int AS ncap,
                    random() < 0.6 AS assessed,
                    random() AS st,
                    1 + floor(random() * 6)::int AS host,
                    now() - random() * interval '730 days' AS changed,
                    random() * interval '60 days' AS age
               FROM generate_series(1, $2::int) AS i) r
     RETURNING id`,
    [
      org.id,
      options.models,
      FAMILIES.map((f) => f[0]),
      FAMILIES.map((f) => f[1]),
      VARIANTS,
      APPROVERS,
      CAPABILITIES,
      HOSTING,
      org.userId,
    ],
  );
  const modelIds = inserted.rows.map((r) => r.id);
  // 0-2 projects and 0-2 frameworks per model, distinct ones.
  const links = await db.query(
    `WITH m AS (
       SELECT id, floor(random() * 3)::int AS np, floor(random() * 3)::int AS nf,
              floor(random() * cardinality($2::int[]))::int AS p0, floor(random() * cardinality($3::int[]))::int AS f0
         FROM model_inventories WHERE organization_id = $1)
     INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id, created_at, updated_at)
     SELECT m.id, ($2::int[])[1 + (m.p0 + k * 7) % cardinality($2::int[])], NULL, now(), now()
       FROM m CROSS JOIN LATERAL generate_series(0, m.np - 1) AS k
     UNION ALL
     SELECT m.id, NULL, ($3::int[])[1 + (m.f0 + k) % cardinality($3::int[])], now(), now()
       FROM m CROSS JOIN LATERAL generate_series(0, m.nf - 1) AS k`,
    [org.id, org.projectIds, org.frameworkIds],
  );
  // One snapshot per parameter with the true counts: the write path then adds each write's delta to it.
  const counts = await liveCounts(db, org.id);
  await db.query(
    `INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger)
     VALUES ($1, 'status', $2, 'manual'), ($1, 'security_assessment', $3, 'manual')`,
    [org.id, counts.status, counts.security_assessment],
  );
  // The running counts the write path adds its deltas to (migration 1764500002000), when this build has them.
  const hasCounters = (
    await db.query(
      `SELECT to_regclass('model_inventory_counters') IS NOT NULL AS present`,
    )
  ).rows[0].present;
  if (hasCounters) {
    await db.query(
      `INSERT INTO model_inventory_counters (organization_id, parameter, counts) VALUES ($1, 'status', $2), ($1, 'security_assessment', $3)
       ON CONFLICT (organization_id, parameter) DO UPDATE SET counts = excluded.counts, updated_at = now()`,
      [org.id, counts.status, counts.security_assessment],
    );
  }
  await db.query('COMMIT');
  const insertMs = performance.now() - started;
  const analyzeStarted = performance.now();
  // VACUUM too: merges the trigram index's pending list and sets the visibility map, as autovacuum would.
  await db.query(
    'VACUUM (ANALYZE) model_inventories, model_inventories_projects_frameworks, model_inventory_snapshots',
  );
  const analyzeMs = performance.now() - analyzeStarted;
  say(
    `status ${JSON.stringify(counts.status)}; security_assessment ${JSON.stringify(counts.security_assessment)}`,
  );
  return {
    models: modelIds.length,
    links: links.rowCount,
    modelIds,
    ms: performance.now() - started,
    insertMs,
    analyzeMs,
    counts,
    hasCounters,
  };
}

/** Live counts per bucket, every bucket present (the shape of snapshot_data). */
async function liveCounts(db, organizationId) {
  const { rows } = await db.query(
    `SELECT 'status' AS parameter, status::text AS bucket, count(*)::int AS n FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL GROUP BY 2
     UNION ALL
     SELECT 'security_assessment', security_assessment::text, count(*)::int FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL GROUP BY 2`,
    [organizationId],
  );
  const status = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const security_assessment = { true: 0, false: 0 };
  for (const row of rows)
    (row.parameter === 'status' ? status : security_assessment)[row.bucket] =
      row.n;
  return { status, security_assessment };
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
    connectionString: stack.databaseUrl,
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
      const phase = await observePhase(during);
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

/** EXPLAIN (ANALYZE, BUFFERS) on an idle database: the plan's text and a one-line summary. */
async function explain(db, sql, params) {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1];
  const hits = /Buffers: shared hit=(\d+)/.exec(text)?.[1];
  const scan =
    /(Index Scan using \S+|Index Only Scan using \S+|Bitmap Heap Scan|Seq Scan)/.exec(
      text,
    )?.[1] ?? '?';
  return {
    text,
    executionMs: Number(time),
    summary: `${time} ms, ${scan}, ${Number(hits ?? 0).toLocaleString('en')} buffers`,
  };
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
  const phase = await observePhase();
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
      connectionString: stack.databaseUrl,
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
      const rawPhase = await observePhase();
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
      `SELECT count(*)::int AS rows, count(DISTINCT model_inventory_id)::int AS models,
              count(*) FILTER (WHERE h.organization_id <> $2)::int AS foreign_rows
         FROM model_inventory_change_history h WHERE h.model_inventory_id = ANY ($1::int[]) AND h.action = 'created'`,
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
  const phase = await observePhase();
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
    INSERT INTO model_inventory_change_history (organization_id, model_inventory_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT $1, created.id, 'created', h.field, NULL, h.value, $16 FROM created, unnest($17::text[], $18::text[]) AS h(field, value)
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

// ---------------------------------------------------------------------------------------------------------------
// Load generation and HTTP

/** Runs `total` calls of `work` with `concurrency` in flight; latencies in ms. */
async function runLoad(total, concurrency, work) {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  let firstError = null;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (;;) {
        const index = next;
        next += 1;
        if (index >= total) return;
        const t0 = performance.now();
        try {
          await work(index);
        } catch (error) {
          errors += 1;
          firstError ??= error;
        }
        latencies[index] = performance.now() - t0;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  if (firstError)
    say(`  ${errors} of ${total} failed; first: ${firstError.message}`);
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const at = (q) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    count: total,
    concurrency,
    errors,
    elapsedMs,
    perSecond: (total / elapsedMs) * 1000,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
  };
}

function httpClient(baseUrl, maxSockets) {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`refusing to send traffic to ${url.hostname}`);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
  });
  const json = (method, path, body, token, expectStatus) =>
    new Promise((resolve, reject) => {
      const payload =
        body === undefined ? null : Buffer.from(JSON.stringify(body));
      const headers = { accept: 'application/json' };
      if (payload)
        Object.assign(headers, {
          'content-type': 'application/json',
          'content-length': payload.length,
        });
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method,
          headers,
          agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== expectStatus)
              return reject(
                new Error(
                  `${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`,
                ),
              );
            try {
              resolve(text ? JSON.parse(text) : null);
            } catch (error) {
              reject(
                new Error(`${method} ${path}: invalid JSON (${error.message})`),
              );
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(
          new Error(
            `${method} ${path}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
          ),
        ),
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  return { json, close: () => agent.destroy() };
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): who used the cores during a phase. Other work on the machine shows up as "other".

const CLOCK_TICKS = 100; // USER_HZ on Linux

function readTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

function systemTicks() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  return { busy: values.reduce((a, b) => a + b, 0) - idle };
}

/** The API and worker processes: children of the e2e-stack process (its pid is in .data/e2e-stack-<port>.json). */
async function stackProcesses(port) {
  const info = JSON.parse(
    await readFile(join(repoRoot, '.data', `e2e-stack-${port}.json`), 'utf8'),
  );
  const found = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== info.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(dist.api)) found.api = Number(entry);
      else if (cmdline.includes(dist.worker)) found.worker = Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

function findRedisPid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'redis-server')
        return Number(entry);
    } catch {
      // ended meanwhile
    }
  }
  return null;
}

/**
 * Observe a phase. `stop()` returns CPU use in % of one core (api, worker, postgres = this database's sessions and
 * the server's background processes, redis (shared), bench, other = the rest of the machine) and what the API's
 * database sessions were doing, sampled from pg_stat_activity every 25 ms (average number of sessions per state).
 */
async function observePhase({ capture = null } = {}) {
  if (!stack)
    return { stop: async () => ({ cpu: null, sessions: null, captured: [] }) };
  const client = new pg.Client({
    connectionString: stack.databaseUrl,
    application_name: BENCH_APP,
  });
  client.on('error', ignoreDisconnect);
  await client.connect();
  const postgresPids = async () =>
    (
      await client.query(
        `SELECT pid FROM pg_stat_activity WHERE (datname = current_database() AND pid <> pg_backend_pid()) OR backend_type <> 'client backend'`,
      )
    ).rows.map((r) => r.pid);
  const haveProc = existsSync('/proc/stat');
  const processes = haveProc
    ? await stackProcesses(options.port).catch(() => ({}))
    : {};
  const redisPid = haveProc ? findRedisPid() : null;
  const backendTicks = new Map();
  if (haveProc)
    for (const pid of await postgresPids())
      backendTicks.set(pid, readTicks(pid));
  const start = haveProc
    ? {
        system: systemTicks(),
        api: readTicks(processes.api),
        worker: readTicks(processes.worker),
        redis: readTicks(redisPid),
        bench: process.cpuUsage(),
      }
    : null;
  const startedAt = performance.now();

  const states = new Map();
  const captured = new Set();
  let samples = 0;
  let sampling = true;
  const sampler = (async () => {
    for (let i = 0; sampling && i < 20_000; i += 1) {
      const { rows } = await client.query(
        `SELECT CASE WHEN wait_event = 'advisory' THEN 'waiting for an advisory lock'
                     WHEN wait_event IN ('transactionid', 'tuple') THEN 'waiting for a row lock'
                     WHEN state = 'idle in transaction' THEN 'idle in transaction (waiting for the API)'
                     WHEN state = 'active' AND wait_event_type IS NULL THEN 'running'
                     WHEN state = 'active' THEN 'waiting: ' || wait_event_type || '/' || wait_event
                     ELSE state END AS what, query
           FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'client backend' AND application_name <> $1`,
        [BENCH_APP],
      );
      samples += 1;
      for (const { what, query } of rows) {
        states.set(what, (states.get(what) ?? 0) + 1);
        if (capture && captured.size < 20 && capture.test(query))
          captured.add(query);
      }
      await new Promise((r) =>
        setTimeout(r, capture && captured.size === 0 ? 5 : 25),
      );
    }
  })().catch(() => undefined);

  return {
    async stop() {
      sampling = false;
      await sampler;
      const sessions = Object.fromEntries(
        [...states]
          .filter(([what]) => what !== 'idle')
          .sort((a, b) => b[1] - a[1])
          .map(([what, n]) => [what, n / Math.max(1, samples)]),
      );
      let cpu = null;
      if (start) {
        const seconds = (performance.now() - startedAt) / 1000;
        const pct = (ticks) => (100 * ticks) / CLOCK_TICKS / seconds;
        let postgresTicks = 0;
        for (const pid of await postgresPids()) {
          const now = readTicks(pid);
          if (now !== null) postgresTicks += now - (backendTicks.get(pid) ?? 0); // a process born in the phase counts whole
        }
        const since = (pid, ticks) =>
          ticks === null || readTicks(pid) === null
            ? null
            : pct(readTicks(pid) - ticks);
        const bench = process.cpuUsage(start.bench);
        cpu = {
          api: since(processes.api, start.api),
          worker: since(processes.worker, start.worker),
          postgres: pct(postgresTicks),
          redis: since(redisPid, start.redis),
          bench: (100 * (bench.user + bench.system)) / 1e6 / seconds,
          total: pct(systemTicks().busy - start.system.busy),
        };
        cpu.other = Math.max(
          0,
          cpu.total -
            (cpu.api ?? 0) -
            (cpu.worker ?? 0) -
            cpu.postgres -
            (cpu.redis ?? 0) -
            cpu.bench,
        );
      }
      await client.end().catch(() => undefined);
      return { cpu, sessions, captured: [...captured] };
    },
  };
}

const percent = (value) =>
  value === null || value === undefined ? '?' : `${value.toFixed(0)}%`;
const formatCpu = (cpu) =>
  cpu
    ? `api ${percent(cpu.api)}, worker ${percent(cpu.worker)}, postgres ${percent(cpu.postgres)}, redis ${percent(cpu.redis)}, bench ${percent(cpu.bench)}, other ${percent(cpu.other)} (machine ${percent(cpu.total)} of ${os.cpus().length * 100}%)`
    : 'n/a';
const formatSessions = (sessions) =>
  sessions && Object.keys(sessions).length
    ? Object.entries(sessions)
        .filter(([, n]) => n >= 0.05)
        .map(([what, n]) => `${what} ${n.toFixed(1)}`)
        .join(', ')
    : 'n/a';

// ---------------------------------------------------------------------------------------------------------------
// Output

const ms = (value) => `${value.toFixed(1)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
const rate = (value) => value.toFixed(0);

function formatLoad(load, unit = 'req/s') {
  return `${load.count} x ${load.concurrency} concurrent: p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}, ${rate(load.perSecond)} ${unit}${load.errors ? `, ${load.errors} errors` : ''}`;
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
  const rows = resultRows(results);
  const widths = HEADER.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) =>
        i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]),
      )
      .join('  ');
  const { machine } = results;
  step('Results');
  say(
    `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; PostgreSQL ${machine.postgres} (${machine.pgSettings}); ${machine.busyBefore?.toFixed(0) ?? '?'}% CPU busy before the run`,
  );
  say('');
  say(line(HEADER));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) say(line(row));
  say('');
  for (const [name, ok, detail] of checkRows(results))
    say(`${ok ? 'OK      ' : 'MISMATCH'}  ${name}: ${detail}`);
  say('');
  for (const note of noteRows(results)) say(note);
}

async function writeDocs(results) {
  const { machine, options: o, when } = results;
  const table = [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, i) => (i >= 2 && i <= 5 ? '---:' : '---')).join(' | ')} |`,
    ...resultRows(results).map((r) => `| ${r.join(' | ')} |`),
  ];
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
  // The file is regenerated; only the hand-written findings between NOTES_BEGIN and NOTES_END are kept.
  const existing = existsSync(DOCS_FILE)
    ? await readFile(DOCS_FILE, 'utf8')
    : '';
  const begin = existing.indexOf(NOTES_BEGIN);
  const end = existing.indexOf(NOTES_END);
  const notes =
    begin >= 0 && end > begin
      ? existing.slice(begin + NOTES_BEGIN.length, end).trim()
      : '_None yet._';
  await writeFile(DOCS_FILE, docsTemplate(block, notes));
}

function docsTemplate(results, notes) {
  return `# Benchmarks

## Model inventory (\`npm run bench:inventory\`)

\`tools/bench/inventory.mjs\` measures the model register's list and write paths on the built API, end to end over HTTP.
This file is rewritten by each run, except the findings between the \`bench:inventory:notes\` markers.

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

// ---------------------------------------------------------------------------------------------------------------

async function keepRunning(org) {
  say(
    `\n--keep: the stack stays up at ${stack.baseUrl} (database ${redactUrl(stack.databaseUrl)}, admin ${org.email} / bench-password-2026). Ctrl-C stops it.`,
  );
  await new Promise(() => undefined); // until a signal
}

async function finish(code) {
  if (stopping) return;
  stopping = true;
  await closeAll();
  if (!stack && stackStarting) stack = await stackStarting.catch(() => null); // a signal during start-up
  if (stack) {
    process.stdout.write('\nstopping the stack (drops its database)...\n');
    await stack
      .stop()
      .catch((error) =>
        process.stderr.write(
          `bench: stopping the stack failed: ${error.message}\n`,
        ),
      );
  }
  process.exit(code);
}
