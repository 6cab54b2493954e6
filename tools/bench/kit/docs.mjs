// @ts-check
// docs/benchmarks.md: each benchmark owns one "## " section and rewrites only it.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

import { DOCS_FILE } from './common.mjs';

/**
 * The hand-written text between `begin` and `end` in the current file, or a placeholder.
 * @param {string} begin
 * @param {string} end
 */
export async function keptNotes(begin, end) {
  const existing = existsSync(DOCS_FILE)
    ? await readFile(DOCS_FILE, 'utf8')
    : '';
  const from = existing.indexOf(begin);
  const to = existing.indexOf(end);
  return from >= 0 && to > from
    ? existing.slice(from + begin.length, to).trim()
    : '_None yet._';
}

/**
 * Replaces the section that starts with the line `heading` ("## …") up to the next "## " heading, or appends it;
 * the rest of the file (the other benchmarks' sections) is kept as it is.
 * @param {string} heading
 * @param {string} section
 */
export async function writeDocsSection(heading, section) {
  const existing = existsSync(DOCS_FILE)
    ? await readFile(DOCS_FILE, 'utf8')
    : '# Benchmarks\n';
  const start = existing.indexOf(`\n${heading}\n`);
  let text;
  if (start < 0) {
    text = `${existing.trimEnd()}\n\n${section.trimEnd()}\n`;
  } else {
    const next = existing.indexOf('\n## ', start + heading.length + 1);
    const rest = next < 0 ? '' : existing.slice(next);
    text = `${existing.slice(0, start + 1)}${section.trimEnd()}\n${rest}`;
  }
  await writeFile(DOCS_FILE, text);
}
