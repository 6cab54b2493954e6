#!/usr/bin/env node
// Evidence benchmark:  npm run bench:evidence [-- --files 40 --size-mb 5 --concurrency 8 --big-files 20 --big-size-mb 30]
//
// Starts a throwaway stack (the BUILT api + worker, fresh database), registers an organisation with one model, then:
//   1. uploads N files of S MB (a PDF header and random bytes) at concurrency C through
//      POST /api/modelInventory/:id/evidence, and downloads them back (sha256 checked), next to writing and reading the
//      same bytes straight into/out of PostgreSQL from this script (1 MB bytea chunks, a pool of C) in the same run;
//   2. uploads B files of M MB at once and samples the API process's resident memory (VmRSS) every 50 ms.
// Goals (issue 11): throughput reported beside the direct-PostgreSQL baseline; the API's RSS grows < 100 MB while
// the big uploads stream (streaming, not buffering). Prints the machine's load beside each figure and rewrites the
// "Evidence" section of docs/benchmarks.md. Needs `npx nx run-many -t build -p api worker` first.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BenchRun,
  checkBuild,
  formatMachineLoad,
  ignoreDisconnect,
  machineLoad,
  markdownTable,
  runLoad,
  say,
  stackProcesses,
  step,
  textTable,
  writeDocsSection,
} from './bench-kit.mjs';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '40' },
    'size-mb': { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    'big-files': { type: 'string', default: '20' },
    'big-size-mb': { type: 'string', default: '30' },
    port: { type: 'string', default: '3430' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const options = {
  files: Number(values.files),
  sizeMb: Number(values['size-mb']),
  concurrency: Number(values.concurrency),
  bigFiles: Number(values['big-files']),
  bigSizeMb: Number(values['big-size-mb']),
  port: Number(values.port),
  docs: !values['no-docs'],
};
const MB = 1024 * 1024;
const RSS_GOAL_MB = 100;

const run = new BenchRun();
run.run(main);

/** A file the API's content check accepts as a PDF: the header, then random bytes. */
function pdfOf(bytes) {
  const body = randomBytes(bytes);
  body.write('%PDF-1.7\n', 0, 'latin1');
  return body;
}

async function main() {
  checkBuild();
  const stack = await run.start(options.port);
  const base = stack.baseUrl;
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: options.concurrency, application_name: 'bench-evidence' });
  db.on('error', ignoreDisconnect);
  run.onClose(() => db.end());

  step('Organisation and model (API)');
  const email = `bench-evidence-${Date.now()}@bench.example`;
  const registered = await post(`${base}/api/auth/register`, { organization_name: 'Bench Evidence', name: 'Bench Admin', email, password: 'bench-password-2026' });
  const auth = { Authorization: `Bearer ${registered.access_token}` };
  const model = await post(`${base}/api/modelInventory`, aModel(), auth);

  const file = pdfOf(options.sizeMb * MB);
  const sha = createHash('sha256').update(file).digest('hex');
  const upload = async (bytes, name) => {
    const form = new FormData();
    form.set('evidence_type', 'Security Assessment Report');
    form.set('file', new Blob([bytes], { type: 'application/pdf' }), name);
    const response = await fetch(`${base}/api/modelInventory/${model.id}/evidence`, { method: 'POST', headers: auth, body: form });
    if (response.status !== 201) throw new Error(`upload: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response.json();
  };

  step(`Upload ${options.files} × ${options.sizeMb} MB at concurrency ${options.concurrency}`);
  const uploaded = [];
  const apiUpload = { load: machineLoad(), result: await runLoad(options.files, options.concurrency, async (i) => uploaded.push(await upload(file, `report-${i}.pdf`))) };
  step('Download them back (sha256 checked)');
  let mismatches = 0;
  const apiDownload = {
    load: machineLoad(),
    result: await runLoad(uploaded.length, options.concurrency, async (i) => {
      const response = await fetch(`${base}/api/evidence/${uploaded[i].id}/download`, { headers: auth });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (createHash('sha256').update(bytes).digest('hex') !== sha) mismatches += 1;
    }),
  };

  step('The same bytes straight into and out of PostgreSQL (1 MB bytea chunks)');
  await db.query('CREATE TABLE bench_blobs (file int, chunk int, bytes bytea, PRIMARY KEY (file, chunk))');
  const rawWrite = {
    load: machineLoad(),
    result: await runLoad(options.files, options.concurrency, async (i) => {
      for (let offset = 0, chunk = 0; offset < file.length; offset += MB, chunk++) {
        await db.query('INSERT INTO bench_blobs VALUES ($1, $2, $3)', [i, chunk, file.subarray(offset, offset + MB)]);
      }
    }),
  };
  const rawRead = {
    load: machineLoad(),
    result: await runLoad(options.files, options.concurrency, async (i) => {
      const { rows } = await db.query('SELECT bytes FROM bench_blobs WHERE file = $1 ORDER BY chunk', [i]);
      if (createHash('sha256').update(Buffer.concat(rows.map((r) => r.bytes))).digest('hex') !== sha) mismatches += 1;
    }),
  };

  step(`API memory while ${options.bigFiles} × ${options.bigSizeMb} MB upload at once`);
  const { api: apiPid } = await stackProcesses(options.port);
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${apiPid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const big = pdfOf(options.bigSizeMb * MB);
  const rssBefore = rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rss())), 50);
  const bigLoad = machineLoad();
  const started = performance.now();
  await Promise.all(Array.from({ length: options.bigFiles }, (_, i) => upload(big, `big-${i}.pdf`)));
  const bigMs = performance.now() - started;
  clearInterval(sampler);
  const growth = rssPeak - rssBefore;

  const mbPerSecond = ({ result }, sizeMb) => ((result.count * sizeMb) / (result.elapsedMs / 1000)).toFixed(1);
  const header = ['Work', 'MB/s', 'p50 ms', 'vs direct PostgreSQL', 'Machine'];
  const ratio = (a, b) => `${(a.result.perSecond / b.result.perSecond).toFixed(2)}x`;
  const rows = [
    [`API upload, ${options.files} × ${options.sizeMb} MB, concurrency ${options.concurrency}`, mbPerSecond(apiUpload, options.sizeMb), apiUpload.result.p50.toFixed(0), ratio(apiUpload, rawWrite), formatMachineLoad(apiUpload.load)],
    ['Direct PostgreSQL write, same bytes', mbPerSecond(rawWrite, options.sizeMb), rawWrite.result.p50.toFixed(0), '', formatMachineLoad(rawWrite.load)],
    [`API download (sha256 checked)`, mbPerSecond(apiDownload, options.sizeMb), apiDownload.result.p50.toFixed(0), ratio(apiDownload, rawRead), formatMachineLoad(apiDownload.load)],
    ['Direct PostgreSQL read, same bytes', mbPerSecond(rawRead, options.sizeMb), rawRead.result.p50.toFixed(0), '', formatMachineLoad(rawRead.load)],
  ];
  const rssLine = `API RSS while ${options.bigFiles} × ${options.bigSizeMb} MB uploaded at once (${(bigMs / 1000).toFixed(1)} s): ${rssBefore.toFixed(0)} MB → peak ${rssPeak.toFixed(0)} MB, growth ${growth.toFixed(0)} MB — goal < ${RSS_GOAL_MB} MB: ${growth < RSS_GOAL_MB ? 'PASS' : 'FAIL'} (${formatMachineLoad(bigLoad)})`;
  say('');
  say(textTable(header, rows));
  say(rssLine);
  say(`checksums: ${mismatches === 0 ? 'all equal' : `${mismatches} MISMATCHES`}`);
  if (options.docs) {
    const heading = '## Evidence (`npm run bench:evidence`)';
    await writeDocsSection(
      heading,
      [
        heading,
        '',
        `Run on ${new Date().toISOString().slice(0, 10)} against the built stack, evidence stored in PostgreSQL (the default). Every download's sha256 equals the upload's.`,
        '',
        markdownTable(header, rows),
        '',
        rssLine,
      ].join('\n'),
    );
  }
  return mismatches === 0 && apiUpload.result.errors === 0 && apiDownload.result.errors === 0 ? 0 : 1;
}

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`POST ${url}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  return response.json();
}

function aModel() {
  return {
    provider: 'Bench', model: 'evidence-bench', version: '1.0', approver: 'bench@bench.example', capabilities: ['text-generation'],
    status_date: '2026-01-15', reference_link: 'https://bench.example', biases: 'n/a', limitations: 'n/a', hosting_provider: 'Cloud',
  };
}
