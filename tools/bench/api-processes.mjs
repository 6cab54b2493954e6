#!/usr/bin/env node
// @ts-check
// Scale-out benchmark:  npm run bench:api-processes [-- --api-processes 2 --models 20000 --requests 600 --concurrency 16]
//
// Starts a throwaway stack with N API processes on one database and one queue (tools/testing/e2e-stack.mjs
// --api-processes N, ports P..P+N-1), seeds models with SQL, then measures the model list's throughput over HTTP
// with ONE API process and with all N (requests spread round-robin, as a reverse proxy would), side by side, with
// the machine's load beside each figure. It proves the processes share one state (a model written through one is
// read through every other) and rewrites the "API processes" section of docs/benchmarks.md.
// Needs `npx nx run-many -t build -p api worker` first.
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BenchRun,
  checkBuild,
  formatLoad,
  formatMachineLoad,
  httpClient,
  ignoreDisconnect,
  machineLoad,
  markdownTable,
  rate,
  runLoad,
  say,
  seconds,
  step,
  textTable,
  writeDocsSection,
} from './bench-kit.mjs';
import { registerOrganisation, seedModels } from './seed-models.mjs';

const { values } = parseArgs({
  options: {
    'api-processes': { type: 'string', default: '2' },
    models: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '16' },
    port: { type: 'string', default: '3420' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const options = {
  apiProcesses: Number(values['api-processes']),
  models: Number(values.models),
  requests: Number(values.requests),
  concurrency: Number(values.concurrency),
  port: Number(values.port),
  docs: !values['no-docs'],
};
const LIST = '/api/modelInventory?limit=50&sort=updated_at:desc';

const run = new BenchRun();
run.run(main);

async function main() {
  checkBuild();
  const stack = await run.start(options.port, { apiProcesses: options.apiProcesses });
  const clients = stack.apiUrls.map((url) => httpClient(url, options.concurrency));
  const db = new pg.Client({ connectionString: stack.databaseUrl, application_name: 'bench-api-processes' });
  db.on('error', ignoreDisconnect);
  run.onClose(...clients.map((c) => () => c.close()), () => db.end());
  await db.connect();

  const org = await registerOrganisation(clients[0], db);
  step(`Seed ${options.models.toLocaleString('en')} models with SQL`);
  const seed = await seedModels(db, org, options.models);
  say(`seeded in ${seconds(seed.ms)}`);

  step('Every process sees one state');
  const written = await clients[clients.length - 1].json('POST', '/api/modelInventory', aModel(), org.token, 201);
  for (const client of clients) await client.json('GET', `/api/modelInventory/${written.id}`, undefined, org.token, 200);
  say(`a model written through process ${clients.length} is read through all ${clients.length}: OK`);

  /** @param {import('./bench-kit.mjs').HttpClient} client */
  const list = (client) => () => client.json('GET', LIST, undefined, org.token, 200);
  step('Warm-up');
  for (const client of clients) await runLoad(50, options.concurrency, list(client));

  step(`Model list, ${options.requests} requests at concurrency ${options.concurrency}`);
  const rows = [];
  for (const processes of [1, clients.length]) {
    const load = machineLoad();
    const measured = await runLoad(options.requests, options.concurrency, (i) => list(clients[i % processes])());
    rows.push({ processes, measured, load });
    say(`${processes} API process${processes > 1 ? 'es' : ''}: ${formatLoad(measured)} (${formatMachineLoad(load)})`);
    if (measured.errors) return 1;
  }
  const [one, many] = rows;
  const ratio = many.measured.perSecond / one.measured.perSecond;
  say(`\n${clients.length} processes answer ${ratio.toFixed(2)}x the list throughput of one`);
  const header = ['API processes', 'list req/s', 'p50 ms', 'p95 ms', 'machine load'];
  const table = rows.map(({ processes, measured, load }) => [
    String(processes),
    rate(measured.perSecond),
    measured.p50.toFixed(1),
    measured.p95.toFixed(1),
    formatMachineLoad(load),
  ]);
  say(textTable(header, table));
  if (options.docs) {
    const heading = '## API processes (`npm run bench:api-processes`)';
    await writeDocsSection(
      heading,
      [
        heading,
        '',
        `\`npm run bench:api-processes -- --api-processes ${clients.length}\` on ${new Date().toISOString().slice(0, 10)}: ${options.models.toLocaleString('en')} models,`,
        `${options.requests} list requests (\`${LIST}\`) at concurrency ${options.concurrency}, spread round-robin over the processes.`,
        '',
        markdownTable(header, table),
        '',
        `${clients.length} processes: ${ratio.toFixed(2)}x the throughput of one. On a machine with as many cores as processes and a`,
        'PostgreSQL with headroom the list scales with the processes (each is one Node thread); on a 2-core machine shared with',
        'PostgreSQL and other work the second process competes for the same cores, so the gain is what the cores leave.',
      ].join('\n'),
    );
  }
  return 0;
}

function aModel() {
  return {
    provider: 'Bench', model: 'scale-out-check', version: '1.0', approver: 'bench@bench.example', capabilities: ['text-generation'],
    status_date: '2026-01-15', reference_link: 'https://bench.example', biases: 'n/a', limitations: 'n/a', hosting_provider: 'Cloud',
  };
}
