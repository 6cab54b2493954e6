// bench:inventory's options, goals and the names of its docs section.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: node tools/bench/inventory.mjs [options]
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

export const GOALS = { listRatio: 2, createsPerSecond: 500 };
export const DOCS_HEADING = '## Model inventory (`npm run bench:inventory`)';
export const NOTES_BEGIN =
  '<!-- bench:inventory:notes:begin (hand-written, kept by each run) -->';
export const NOTES_END = '<!-- bench:inventory:notes:end -->';
export const BENCH_APP = 'inventory-bench'; // application_name of our own connections, so they are told apart from the API's

/** The command line, checked; exits with the usage on a bad option. */
export function parseOptions() {
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
