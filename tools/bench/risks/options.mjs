// bench:risks' options, goals and the names of its docs section.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: node tools/bench/risks.mjs [options]
  --models N             models seeded with SQL (default 100000)
  --risks N              risks seeded with SQL (default 3 per model)
  --requests N           measured requests per list case, each for the API and the raw query (default 200; warm-up 20)
  --concurrency N        concurrent list requests (default 8)
  --creates N            measured risk creates, API and raw SQL each (default 2000; warm-up 100)
  --transitions N        measured transitions In Progress -> Resolved, API and raw SQL each (default 2000; warm-up 100)
  --write-concurrency N  concurrent writes (default 16)
  --batch-size N         risks per POST /api/modelRisks/batch (default 100, the API's most)
  --batches N            measured batches of creates and of transitions, API and raw SQL each (default 100; warm-up 5)
  --batch-concurrency N  concurrent batches (default 4)
  --port N               port of the stack (default 3410)
  --only lists|writes    run only the list or only the write measurements (no docs refresh)
  --explain              print the EXPLAIN (ANALYZE, BUFFERS) plan of each raw list query
  --no-docs              do not refresh docs/benchmarks.md
  --keep                 leave the stack running at the end (Ctrl-C stops it and drops its database)`;

export const GOALS = { listRatio: 2, writeRatio: 0.8 };
export const DOCS_HEADING = '## Model risks (`npm run bench:risks`)';
export const NOTES_BEGIN =
  '<!-- bench:risks:notes:begin (hand-written, kept by each run) -->';
export const NOTES_END = '<!-- bench:risks:notes:end -->';
export const BENCH_APP = 'risks-bench'; // application_name of our own connections, so they are told apart from the API's
/** The statuses that count as open (a model's `open_risk_count`). */
export const OPEN = ['Open', 'In Progress'];

/**
 * @typedef {object} BenchContext What every phase of the run needs.
 * @property {ReturnType<import('./options.mjs').parseOptions>} options the checked command line
 * @property {(label: string, n: number, warmup: number, concurrency: number, work: () => Promise<unknown>, unit?: string) => Promise<any>} measure
 *   runs the warm-up, then `n` observed calls of `work` at `concurrency`, and prints the figures
 * @property {string} databaseUrl the stack's database (the HTTP floor's server writes there too)
 */

/** The command line, checked; exits with the usage on a bad option. */
export function parseOptions() {
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
        'batch-size': { type: 'string', default: '100' },
        batches: { type: 'string', default: '100' },
        'batch-concurrency': { type: 'string', default: '4' },
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
    batchSize: count('batch-size', 1),
    batches: count('batches', 1),
    batchConcurrency: count('batch-concurrency', 1),
    port: count('port', 1),
    explain: parsed.explain,
    only: parsed.only ?? null,
    docs: !parsed['no-docs'],
    keep: parsed.keep,
    warmup: { list: 20, writes: 100, batches: 5 },
  };
  // Each transition (API, raw and HTTP floor single, API and raw batched; warm-ups included) takes its own seeded In
  // Progress risk (~25% of them).
  const needed =
    3 * (parsedOptions.transitions + parsedOptions.warmup.writes) +
    2 *
      (parsedOptions.batches + parsedOptions.warmup.batches) *
      parsedOptions.batchSize;
  if (needed > parsedOptions.risks * 0.2) {
    process.stderr.write(
      `--transitions ${parsedOptions.transitions} and --batches ${parsedOptions.batches} of ${parsedOptions.batchSize} need about ${needed * 5} risks (--risks)\n`,
    );
    process.exit(2);
  }
  return parsedOptions;
}
