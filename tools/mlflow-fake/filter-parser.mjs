// @ts-check
// A hand-written parser for MLflow filter strings: `clause (AND clause)*`, where a clause is
// `identifier comparator value`. Quoted values are returned exactly as written between the quotes.
import { invalidParameter } from './errors.mjs';

/** @typedef {import('./filters.mjs').Clause} Clause */

/**
 * Parses a filter string into clauses (an empty or missing filter is no clause).
 * @param {string | undefined} filter
 * @returns {Clause[]}
 */
export function parseFilter(filter) {
  if (!filter || !filter.trim()) return [];
  const parser = new Parser(filter);
  /** @type {Clause[]} */
  const clauses = [parser.clause()];
  while (!parser.atEnd()) {
    if (!parser.keyword('AND'))
      throw invalidParameter(
        `Invalid clause(s) in filter string: '${filter}'. Clauses must be joined by AND.`,
      );
    clauses.push(parser.clause());
  }
  return clauses;
}

/** A hand-written scanner over one filter string. */
class Parser {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    this.pos = 0;
  }

  atEnd() {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  skipSpace() {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  /** Consumes a case-insensitive keyword followed by a non-word character. @param {string} word */
  keyword(word) {
    this.skipSpace();
    const slice = this.text.slice(this.pos, this.pos + word.length);
    const after = this.text[this.pos + word.length] ?? ' ';
    if (slice.toUpperCase() !== word || /[\w]/.test(after)) return false;
    this.pos += word.length;
    return true;
  }

  /** @returns {never} */
  fail() {
    throw invalidParameter(
      `Invalid filter '${this.text}'. Could not be parsed at position ${this.pos}.`,
    );
  }

  /** @returns {Clause} */
  clause() {
    const { type, key } = this.identifier();
    const comparator = this.comparator();
    const value = comparator === 'IN' ? this.list() : this.value();
    return { type, key, comparator, value };
  }

  /** @returns {{ type: 'attribute' | 'tag', key: string }} */
  identifier() {
    this.skipSpace();
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!word) this.fail();
    this.pos += word[0].length;
    if (this.text[this.pos] !== '.') return { type: 'attribute', key: word[0] };
    this.pos++;
    const entity = word[0].toLowerCase();
    const key = this.keyPart();
    if (['tag', 'tags'].includes(entity)) return { type: 'tag', key };
    if (['attribute', 'attributes', 'attr'].includes(entity))
      return { type: 'attribute', key };
    throw invalidParameter(
      `Invalid entity type '${word[0]}'. Valid values are ['tag', 'attribute']`,
    );
  }

  /** The key after `tags.`: `` `any text` ``, `"any text"` or a bare dotted word. */
  keyPart() {
    const quote = this.text[this.pos];
    if (quote === '`' || quote === '"') {
      const end = this.text.indexOf(quote, this.pos + 1);
      if (end === -1) this.fail();
      const key = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return key;
    }
    const bare = /^[^\s=!<>]+/.exec(this.text.slice(this.pos));
    if (!bare) this.fail();
    this.pos += bare[0].length;
    return bare[0];
  }

  comparator() {
    this.skipSpace();
    const symbol = /^(!=|<=|>=|=|<|>)/.exec(this.text.slice(this.pos));
    if (symbol) {
      this.pos += symbol[0].length;
      return symbol[0];
    }
    for (const word of ['ILIKE', 'LIKE', 'IN'])
      if (this.keyword(word)) return word;
    return this.fail();
  }

  /** A quoted string (kept raw) or a number. @returns {string | number} */
  value() {
    this.skipSpace();
    const quote = this.text[this.pos];
    if (quote === "'" || quote === '"') return this.quoted(quote);
    const number = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.pos));
    if (!number) this.fail();
    this.pos += number[0].length;
    return Number(number[0]);
  }

  /**
   * sqlparse's string token: quote, then (doubled quote | backslash + any | other)*, then quote. The content is
   * returned as written, without unescaping: MLflow only strips the outer quotes.
   * @param {string} quote
   */
  quoted(quote) {
    let i = this.pos + 1;
    while (i < this.text.length) {
      const ch = this.text[i];
      if (ch === '\\') i += 2;
      else if (ch === quote && this.text[i + 1] === quote) i += 2;
      else if (ch === quote) break;
      else i++;
    }
    if (i >= this.text.length) this.fail();
    const raw = this.text.slice(this.pos + 1, i);
    this.pos = i + 1;
    return raw;
  }

  /** `('a', "b")` for IN. @returns {string[]} */
  list() {
    this.skipSpace();
    if (this.text[this.pos] !== '(') this.fail();
    this.pos++;
    /** @type {string[]} */
    const values = [];
    for (;;) {
      const value = this.value();
      if (typeof value !== 'string') this.fail();
      values.push(value);
      this.skipSpace();
      const ch = this.text[this.pos++];
      if (ch === ')') return values;
      if (ch !== ',') this.fail();
    }
  }
}
