// bench:risks' report: the results table, the checks and CPU notes, printed and written to docs/benchmarks.md.
import {
  API_POOL_SIZE,
  formatCpu,
  formatMachineLoad,
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
import { OWNERS, SEARCH, THEMES } from './seed.mjs';
import { HISTORY_FIELDS } from './writes.mjs';

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

function resultRows({
  seed,
  lists,
  creates,
  batches,
  transitions,
  batchTransitions,
}) {
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
      [
        `${list.name}: bare node:http + the raw query`,
        'rows as pg parses them, JSON.stringify; no framework, session, validation or log',
        ms(list.floor.p50),
        ms(list.floor.p95),
        `${rate(list.floor.perSecond)} req/s`,
        `${list.floorRatio.toFixed(2)}x`,
        'the floor for an API in Node',
        machineCell(list.floor),
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
    if (writes.floor) {
      rows.push([
        `${name}: bare node:http + the raw statement (c=${writes.floor.concurrency})`,
        `${writes.floor.count} ${name === 'Create' ? 'POST' : 'PATCH'}, no framework, session, validation or log`,
        ms(writes.floor.p50),
        ms(writes.floor.p95),
        `${rate(writes.floor.perSecond)} ${unit}`,
        `${writes.floorRatio.toFixed(2)}x`,
        'the ceiling for an API in Node',
        machineCell(writes.floor),
      ]);
    }
  }
  if (batches)
    rows.splice(
      rows.length - (transitions ? (transitions.floor ? 3 : 2) : 0),
      0,
      ...batchRows(batches, 'Create', 'POST', 'creates/s'),
    );
  if (batchTransitions)
    rows.push(
      ...batchRows(batchTransitions, 'Transition', 'PATCH', 'transitions/s'),
    );
  return rows;
}

/** A batch phase: throughput in rows/s, against the single writes' raw statement (the goal) and the raw batch. */
function batchRows(batches, name, method, unit) {
  const { api, raw, size } = batches;
  const goal =
    batches.ratio === null
      ? ''
      : `>= ${GOALS.writeRatio}x of one raw statement per write: ${verdict(batches.ratio >= GOALS.writeRatio)}`;
  return [
    [
      `${name} in batches of ${size}: API (c=${api.concurrency})`,
      `${api.count} ${method} /batch, ${(api.count * size).toLocaleString('en')} risks`,
      ms(api.p50),
      ms(api.p95),
      `${rate(batches.apiRows)} ${unit}`,
      batches.ratio === null ? '' : `${batches.ratio.toFixed(2)}x`,
      goal,
      machineCell(api),
    ],
    [
      `${name} in batches of ${size}: raw SQL, one statement per batch (c=${raw.concurrency})`,
      `${raw.count} statements`,
      ms(raw.p50),
      ms(raw.p95),
      `${rate(batches.rawRows)} ${unit}`,
      `${batches.batchRatio.toFixed(2)}x`,
      'API ÷ this: like for like',
      machineCell(raw),
    ],
  ];
}

/** Every check of the run, as [name, ok, detail]. */
export function allChecks({
  lists,
  creates,
  batches,
  transitions,
  batchTransitions,
  counts,
}) {
  return [
    ...lists.map((l) => [
      `${l.name}: same page as the raw query`,
      l.check.ok,
      l.check.detail,
    ]),
    ...[
      ...(creates?.checks ?? []),
      ...(batches?.checks ?? []),
      ...(transitions?.checks ?? []),
      ...(batchTransitions?.checks ?? []),
      counts,
    ].map((c) => [c.name, c.ok, c.detail]),
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

function cpuNotes({ lists, creates, batches, transitions, batchTransitions }) {
  const notes = lists.map(
    (l) =>
      `${cpuPerOp(l.name, l.api, l.raw)}; raw query on the idle database ${l.plan.summary}.`,
  );
  for (const [name, writes] of [
    ['Create', creates],
    [`Create in batches of ${batches?.size} (per batch)`, batches],
    ['Transition', transitions],
    [
      `Transition in batches of ${batchTransitions?.size} (per batch)`,
      batchTransitions,
    ],
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

/** Prints the results, checks and notes to the terminal. */
export function printResults(results) {
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
  return `--models ${o.models} --risks ${o.risks} --requests ${o.requests} --concurrency ${o.concurrency} --creates ${o.creates} --transitions ${o.transitions} --write-concurrency ${o.writeConcurrency} --batch-size ${o.batchSize} --batches ${o.batches} --batch-concurrency ${o.batchConcurrency}`;
}

/** Rewrites this benchmark's section of docs/benchmarks.md, keeping its hand-written findings. */
export async function writeDocs(results) {
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
  await writeDocsSection(
    DOCS_HEADING,
    docsTemplate(block, notes, results.options),
  );
}

function docsTemplate(block, notes, options) {
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
   outside it. Then as many requests to a bare \`node:http\` server in its own process
   (\`http-floor-server.mjs\`: the raw query, its rows as pg parses them through \`JSON.stringify\`; no framework, session
   check, validation or log): what HTTP and JSON in Node alone add to the query, the floor for any API here.
4. **Creates**: 100 warm-up then \`--creates\` \`POST /api/modelRisks\` with all ${HISTORY_FIELDS} fields on random models; then as many
   raw statements, each writing the same rows (model check \`FOR NO KEY UPDATE\`, the risk, ${HISTORY_FIELDS} history rows, the model's
   \`open_risk_count\`). Ratio = API creates/s ÷ raw creates/s. Then as many through a bare \`node:http\` server in its own
   process (\`http-floor-server.mjs\`: parse the JSON, run the raw statement, answer the id; no framework, session check,
   validation or log): the share of the raw throughput that HTTP in Node alone leaves, the ceiling for any API here.
5. **Creates in batches**: 5 warm-up then \`--batches\` \`POST /api/modelRisks/batch\` of \`--batch-size\` risks (as in 4) at
   \`--batch-concurrency\`; then as many raw statements, each writing one batch's rows (the models checked and locked in id
   order, the risks from arrays, their history rows read back from the rows written, each model's count). Two ratios of
   risks/s: against the single creates' raw statement (the goal's baseline: one statement per write) and against the raw
   batch statement (like for like).
6. **Transitions** (then the same in batches, as in 5, with \`PATCH /api/modelRisks/batch\` and one raw statement per batch): \`PATCH /api/modelRisks/:id {"status":"Resolved"}\` on distinct seeded In Progress risks; then as many
   raw statements (the risk, 1 history row, its model's \`open_risk_count\`) on other In Progress risks, then as many
   through the bare \`node:http\` server (\`PATCH /risks/:id\`: the raw statement, answer the id) on others. Ratios as in 4.
7. Checks the history rows of every write and that every model's \`open_risk_count\` equals its live count; stops the
   stack, which drops its database.

Each figure is printed with the load average at the end of its measurement and the CPU count; the CPU per process
during each phase comes from \`/proc\` (\`other\` is everything else on the machine).

### Options

\`\`\`
${USAGE.split('\n').slice(1).join('\n')}
\`\`\`
`;
}
