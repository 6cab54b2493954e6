#!/usr/bin/env node
// @ts-check
// Adds `<link rel="modulepreload">` to a built console's index.html for the lazy chunks of the first screen (the
// chunks of the given source entry points and every chunk they import statically), so the browser fetches them
// alongside the initial chunks instead of one lazy route level after the other; and moves the first-screen script
// (apps/web/src/first-screen) to the top of the head (after its base address), `async`, so its two API requests leave before the ~30 chunks
// take the browser's connections. Writes the page without either as index.public.html, which the API serves to the
// public page of a share link (its visitors never open the console).
// Reads the build's esbuild metafile (`statsJson`); run it before precompress.mjs, which then compresses both pages.
//   node tools/build/preload-first-screen.mjs dist/apps/web libs/web/shell/src/index.ts …
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * @typedef {{ path: string, kind: string }} ChunkImport
 * @typedef {{ imports?: ChunkImport[], entryPoint?: string }} ChunkOutput
 */

const MARKER = 'data-first-screen';
/** The script goes right after the base address, which its relative address needs. */
const BASE = /<base href="[^"]*"\s*\/?>/;
/** The page for visitors who never open the console (the API's console-files.ts names it too). */
const PUBLIC_INDEX = 'index.public.html';

const [outputPath, ...entryPoints] = process.argv.slice(2);
if (!outputPath || entryPoints.length === 0) {
  console.error('usage: preload-first-screen.mjs <build output folder> <source entry point>...');
  process.exit(2);
}

/** @type {{ outputs: Record<string, ChunkOutput> }} */
const metafile = JSON.parse(await readFile(join(outputPath, 'stats.json'), 'utf8'));
const browser = join(outputPath, 'browser');
const indexFile = join(browser, 'index.html');
const html = await readFile(indexFile, 'utf8');
const { script, rest } = takeFirstScreenScript(html);
const { page, added, without } = withPreloads(rest, firstScreenChunks(metafile.outputs, entryPoints));
await writeFile(indexFile, page.replace(BASE, (base) => `${base}${script}`));
await writeFile(join(browser, PUBLIC_INDEX), without);
console.log(`index.html preloads ${added} more chunks for the first screen; ${PUBLIC_INDEX} does not`);

/**
 * The output files of the entry points and everything they import statically, in the order found; fails the build
 * when an entry point has no chunk of its own (renamed, or no longer lazy).
 * @param {Record<string, ChunkOutput>} outputs
 * @param {string[]} sources
 * @returns {string[]}
 */
function firstScreenChunks(outputs, sources) {
  const found = /** @type {Set<string>} */ (new Set());
  /** @param {string} output */
  const visit = (output) => {
    if (found.has(output)) return;
    found.add(output);
    for (const imported of outputs[output]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  for (const source of sources) {
    const output = Object.keys(outputs).find((key) => key.endsWith('.js') && outputs[key].entryPoint === source);
    if (!output) throw new Error(`no lazy chunk has the entry point ${source}`);
    visit(output);
  }
  const files = [...found].map((output) => basename(output));
  const missing = files.filter((file) => !existsSync(join(browser, file)));
  if (missing.length > 0) throw new Error(`chunks named in stats.json are not in ${browser}: ${missing.join(', ')}`);
  return files;
}

/**
 * The first-screen script's tag, made `async`, and the page without it (also when a second run moved it already).
 * @param {string} page
 * @returns {{ script: string, rest: string }}
 */
function takeFirstScreenScript(page) {
  const tag = /<script src="(first-screen-[A-Z0-9]+\.js)"(?: [a-z]+(?:="[^"]*")?)*><\/script>/;
  const found = page.match(tag);
  if (!found) throw new Error('index.html has no first-screen script (project.json "scripts" names it)');
  if (!BASE.test(page)) throw new Error('index.html has no <base href>');
  return { script: `<script src="${found[1]}" async fetchpriority="high"></script>`, rest: lowPriorityChunks(page.replace(found[0], '')) };
}

/**
 * The console's own scripts asked for at low priority, so the first-screen script's API requests (high) take the
 * browser's six connections before the ~30 chunks still waiting for one.
 * @param {string} page
 */
function lowPriorityChunks(page) {
  return page
    .replace(/<link rel="modulepreload" href=/g, '<link rel="modulepreload" fetchpriority="low" href=')
    .replace(/<script src="(main-[A-Z0-9]+\.js)" type="module">/, '<script src="$1" type="module" fetchpriority="low">');
}

/**
 * index.html with one preload per chunk it does not load or preload already, and without any (`without`); earlier
 * first-screen preloads (a second run on the same build) are replaced, not repeated.
 * @param {string} page
 * @param {string[]} files
 * @returns {{ page: string, added: number, without: string }}
 */
function withPreloads(page, files) {
  const cleaned = page.replace(new RegExp(`<link rel="modulepreload" fetchpriority="low" href="[^"]+" ${MARKER}>`, 'g'), '');
  const missing = files.filter((file) => !cleaned.includes(`"${file}"`));
  const links = missing.map((file) => `<link rel="modulepreload" fetchpriority="low" href="${file}" ${MARKER}>`).join('');
  // After the entry script and its own preloads, which Angular puts at the end of the body: the initial chunks are
  // asked for first.
  if (!cleaned.includes('</body>')) throw new Error('index.html has no </body>');
  return { added: missing.length, page: cleaned.replace('</body>', `${links}</body>`), without: cleaned };
}
