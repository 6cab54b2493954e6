// bench:inventory's report: the results table, the checks and CPU notes, printed and written to docs/benchmarks.md.
import {
  API_POOL_SIZE,
  formatCpu,
  formatSessions,
  keptNotes,
  markdownTable,
  ms,
  rate,
  say,
  seconds,
  step,
  textTable,
  writeDocsSection,
} from '../bench-kit.mjs';
import {
  DOCS_HEADING,
  GOALS,
  NOTES_BEGIN,
  NOTES_END,
  USAGE,
} from './options.mjs';

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

/** Prints the results, checks and notes to the terminal. */
export function printTable(results) {
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

/** Rewrites this benchmark's section of docs/benchmarks.md, keeping its hand-written findings. */
export async function writeDocs(results) {
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
