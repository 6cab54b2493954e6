// @ts-check
// The benchmarks' organisation and models: one organisation (registered through the API, with 20 projects) and
// N models inserted with one INSERT … SELECT FROM generate_series, the same data on every run.
import { performance } from 'node:perf_hooks';
import { say, step } from './bench-kit.mjs';

// Seed vocabulary: 15 providers, 20 families x 10 variants = 200 model names. No other family contains "gpt".
export const FAMILIES = [
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
export const VARIANTS = [
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
export const CAPABILITIES = [
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
export const HOSTING = [
  'Cloud',
  'On-premises',
  'Azure',
  'AWS',
  'GCP',
  'Hybrid',
];
export const APPROVERS = Array.from(
  { length: 25 },
  (_, i) => `approver${i + 1}@bench.example`,
);
export const STATUSES = ['Approved', 'Pending', 'Restricted', 'Blocked'];

/**
 * @typedef {{ id: number, userId: number, email: string, token: string, projectIds: number[],
 *   frameworkIds: number[] }} BenchOrganisation
 */

/**
 * @param {import('./bench-kit.mjs').HttpClient} api
 * @param {import('pg').Client} db
 * @returns {Promise<BenchOrganisation>}
 */
export async function registerOrganisation(api, db) {
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
  ).rows.map((r) => /** @type {number} */ (r.id));
  if (frameworkIds.length === 0)
    throw new Error(
      'no frameworks in the database (migration 1764400001000 seeds them)',
    );
  /** @type {number[]} */
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

/** `count` models in `org`, 0-2 project and 0-2 framework links each, the snapshots and running counts. */
/**
 * @param {import('pg').Client} db
 * @param {BenchOrganisation} org
 * @param {number} count
 */
export async function seedModels(db, org, count) {
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
      count,
      FAMILIES.map((f) => f[0]),
      FAMILIES.map((f) => f[1]),
      VARIANTS,
      APPROVERS,
      CAPABILITIES,
      HOSTING,
      org.userId,
    ],
  );
  const modelIds = inserted.rows.map((r) => /** @type {number} */ (r.id));
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
/**
 * @param {import('pg').Client} db
 * @param {number} organizationId
 */
export async function liveCounts(db, organizationId) {
  const { rows } = await db.query(
    `SELECT 'status' AS parameter, status::text AS bucket, count(*)::int AS n FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL GROUP BY 2
     UNION ALL
     SELECT 'security_assessment', security_assessment::text, count(*)::int FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL GROUP BY 2`,
    [organizationId],
  );
  const status = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  /** @type {Record<string, number>} */
  const security_assessment = { true: 0, false: 0 };
  for (const row of rows)
    (row.parameter === 'status' ? status : security_assessment)[row.bucket] =
      row.n;
  return { status, security_assessment };
}
