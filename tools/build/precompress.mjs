#!/usr/bin/env node
// @ts-check
// Writes `<file>.br` (brotli, best quality) and `<file>.gz` (gzip, best) next to every compressible file of a
// built console, so the API serves them pre-compressed instead of compressing on every request.
//   node tools/build/precompress.mjs dist/apps/web/browser
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.map', '.webmanifest', '.ico']);
/** Below this, compression saves less than the header it costs. */
const MIN_BYTES = 1024;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const root = process.argv[2];
if (!root) {
  console.error('usage: precompress.mjs <folder>');
  process.exit(2);
}

/** @param {string} folder @returns {AsyncGenerator<string>} */
async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

let count = 0;
let before = 0;
let afterBrotli = 0;
for await (const file of files(root)) {
  if ((await stat(file)).size < MIN_BYTES) continue;
  const bytes = await readFile(file);
  const [br, gzipped] = await Promise.all([
    brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gz(bytes, { level: 9 }),
  ]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
  count += 1;
  before += bytes.length;
  afterBrotli += br.length;
}
console.log(`precompressed ${count} files: ${(before / 1024).toFixed(0)} kB → ${(afterBrotli / 1024).toFixed(0)} kB with brotli`);
