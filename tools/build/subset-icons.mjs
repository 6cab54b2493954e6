#!/usr/bin/env node
// @ts-check
// Writes the console's icon font: Material Symbols Outlined cut down to the icons the console's sources name, with
// its variation axes pinned to their defaults (the console draws every icon at weight 400, unfilled). The full
// variable font is 3.9 MB and every first visit downloaded it; the subset keeps only the ligatures of the names found
// (a quoted string or a `<mat-icon>` text that the full font turns into one glyph) and fails the build if one of them
// no longer makes its icon in the subset.
//   node tools/build/subset-icons.mjs <output .woff2> <source folder>...
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as hb from 'harfbuzzjs';
import wawoff2 from 'wawoff2';

const require = createRequire(import.meta.url);
const FULL_FONT = require.resolve('material-symbols/material-symbols-outlined.woff2');
const SUBSET_WASM = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
/** hb-subset's HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE: keep the ligatures of the glyphs asked for, not every ligature their letters could form. */
const NO_LAYOUT_CLOSURE = 0x200;
/** hb_blob_create's HB_MEMORY_MODE_WRITABLE. */
const MEMORY_MODE_WRITABLE = 2;
const SOURCE_FILE = /\.(ts|html)$/;
const CANDIDATES = [/['"`]([a-z0-9_]{2,})['"`]/g, /<mat-icon[^>]*>\s*([a-z0-9_]{2,})\s*<\/mat-icon>/g];

const [output, ...sourceFolders] = process.argv.slice(2);
if (!output || sourceFolders.length === 0) {
  console.error('usage: subset-icons.mjs <output .woff2> <source folder>...');
  process.exit(2);
}

const fullFont = await wawoff2.decompress(await readFile(FULL_FONT));
const iconGlyphs = iconsNamed(new hb.Font(new hb.Face(new hb.Blob(fullFont))), await candidateNames(sourceFolders));
const subset = await subsetFont(fullFont, iconGlyphs);
const missing = [...iconGlyphs.keys()].filter((name) => ligatureGlyph(new hb.Font(new hb.Face(new hb.Blob(subset))), name) === null);
if (missing.length > 0) throw new Error(`the subset lost the icons ${missing.join(', ')}`);
const woff2 = await wawoff2.compress(subset);
await mkdir(dirname(output), { recursive: true });
await writeFile(output, woff2);
console.log(`${output}: ${iconGlyphs.size} icons, ${kb(woff2.length)} (the full font: ${kb((await readFile(FULL_FONT)).length)})`);

/** @param {number} bytes */
function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/**
 * Every quoted lower-case string and `<mat-icon>` text in the sources: a superset of the icon names (words like
 * 'title' that are also icons cost a glyph each; names built at run time from pieces would be missed).
 * @param {string[]} folders
 * @returns {Promise<Set<string>>}
 */
async function candidateNames(folders) {
  const names = /** @type {Set<string>} */ (new Set());
  for (const folder of folders) {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name) || entry.name.endsWith('.spec.ts')) continue;
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
      for (const pattern of CANDIDATES) for (const match of text.matchAll(pattern)) names.add(match[1]);
    }
  }
  return names;
}

/**
 * The candidates the font draws as one glyph (a ligature: an icon), with that glyph.
 * @param {import('harfbuzzjs').Font} font
 * @param {Set<string>} candidates
 * @returns {Map<string, number>}
 */
function iconsNamed(font, candidates) {
  const icons = /** @type {Map<string, number>} */ (new Map());
  for (const name of [...candidates].sort()) {
    const glyph = ligatureGlyph(font, name);
    if (glyph !== null) icons.set(name, glyph);
  }
  return icons;
}

/**
 * The one glyph `font` shapes `name` into, or null when it stays several glyphs (no such icon).
 * @param {import('harfbuzzjs').Font} font
 * @param {string} name
 * @returns {number | null}
 */
function ligatureGlyph(font, name) {
  const buffer = new hb.Buffer();
  buffer.addText(name);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  const glyphs = buffer.getGlyphInfos();
  return glyphs.length === 1 && glyphs[0].codepoint !== 0 ? glyphs[0].codepoint : null;
}

/**
 * The font cut down to the given icon glyphs and the characters of their names, axes pinned to their defaults (TTF).
 * @param {Uint8Array} font
 * @param {Map<string, number>} icons
 * @returns {Promise<Uint8Array>}
 */
async function subsetFont(font, icons) {
  const { instance } = await WebAssembly.instantiate(await readFile(SUBSET_WASM));
  const hbs = /** @type {Record<string, Function> & { memory: WebAssembly.Memory }} */ (/** @type {unknown} */ (instance.exports));
  const heap = () => new Uint8Array(hbs.memory.buffer);
  const fontData = hbs.malloc(font.length);
  heap().set(font, fontData);
  const blob = hbs.hb_blob_create(fontData, font.length, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hbs.hb_face_create(blob, 0);
  hbs.hb_blob_destroy(blob);
  const input = hbs.hb_subset_input_create_or_fail();
  const characters = hbs.hb_subset_input_unicode_set(input);
  for (const character of new Set([...icons.keys()].join(''))) hbs.hb_set_add(characters, character.codePointAt(0));
  const glyphs = hbs.hb_subset_input_glyph_set(input);
  for (const glyph of icons.values()) hbs.hb_set_add(glyphs, glyph);
  hbs.hb_subset_input_set_flags(input, hbs.hb_subset_input_get_flags(input) | NO_LAYOUT_CLOSURE);
  if (!hbs.hb_subset_input_pin_all_axes_to_default(input, face)) throw new Error('could not pin the font axes');
  const subsetFace = hbs.hb_subset_or_fail(face, input);
  hbs.hb_subset_input_destroy(input);
  if (!subsetFace) throw new Error('hb_subset_or_fail failed');
  const result = hbs.hb_face_reference_blob(subsetFace);
  const data = hbs.hb_blob_get_data(result, 0);
  const bytes = heap().slice(data, data + hbs.hb_blob_get_length(result));
  hbs.hb_blob_destroy(result);
  hbs.hb_face_destroy(subsetFace);
  hbs.hb_face_destroy(face);
  hbs.free(fontData);
  return bytes;
}

