// @ts-check
// Offset paging as MLflow's SQL stores do it (SearchUtils.create_page_token / parse_start_offset_from_page_token,
// sqlalchemy_store._compute_next_token): a base64 `{"offset": N}` token, `max_results + 1` rows fetched, and a
// token only when that extra row exists.
import { invalidParameter } from './errors.mjs';
import { pyRepr, pyBytesRepr } from './py-repr.mjs';

/** `base64(json.dumps({"offset": N}))`; Python puts a space after the colon. @param {number} offset */
export function createPageToken(offset) {
  return Buffer.from(`{"offset": ${offset}}`).toString('base64');
}

/**
 * The start offset a token asks for (0 without a token), with MLflow's error messages.
 * @param {string | undefined} token
 * @returns {number}
 */
export function parsePageToken(token) {
  if (!token) return 0;
  const decoded = base64DecodeLikePython(token);
  if (!decoded)
    throw invalidParameter('Invalid page token, could not base64-decode');
  let parsed;
  try {
    parsed = JSON.parse(decoded.toString('utf8'));
  } catch {
    throw invalidParameter(
      `Invalid page token, decoded value=${pyBytesRepr(decoded)}`,
    );
  }
  const offset =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed.offset
      : undefined;
  // `if not offset_str`: a missing, empty, zero or false offset is rejected.
  if (!offset)
    throw invalidParameter(
      `Invalid page token, parsed value=${pyRepr(parsed)}`,
    );
  const number =
    typeof offset === 'number'
      ? Math.trunc(offset)
      : /^\s*[-+]?\d+\s*$/.test(String(offset))
        ? Number.parseInt(String(offset), 10)
        : NaN;
  if (Number.isNaN(number))
    throw invalidParameter(
      `Invalid page token, offset value=${String(offset)}`,
    );
  return number;
}

/**
 * One page of `rows` the way `query.limit(max + 1).offset(offset)` and `[:max_results]` cut it, including what
 * happens for max_results 0 or below (SQLite: a negative OFFSET is 0, a negative LIMIT is no limit; Python slices
 * count from the end): the sync client must never send those, and the fake shows why.
 * @template T
 * @param {T[]} rows  every matching row, in order
 * @param {{ maxResults: number, offset: number, hasToken: boolean }} page
 * @returns {{ items: T[], nextPageToken?: string }}
 */
export function pageOf(rows, { maxResults, offset, hasToken }) {
  const start = hasToken ? Math.max(0, offset) : 0;
  const limit = maxResults + 1;
  const fetched =
    limit < 0 ? rows.slice(start) : rows.slice(start, start + limit);
  const items = fetched.slice(0, maxResults);
  return fetched.length === limit
    ? { items, nextPageToken: createPageToken(offset + maxResults) }
    : { items };
}

/**
 * `base64.b64decode(token)` without `validate`: characters outside the alphabet are dropped, wrong padding fails.
 * @param {string} token
 * @returns {Buffer | null}
 */
function base64DecodeLikePython(token) {
  const cleaned = token.replace(/[^A-Za-z0-9+/=]/g, '');
  const firstPad = cleaned.indexOf('=');
  const data = firstPad === -1 ? cleaned : cleaned.slice(0, firstPad);
  const padding = firstPad === -1 ? 0 : cleaned.length - firstPad;
  const rest = data.length % 4;
  if (rest === 1) return null;
  if (rest === 2 && padding < 2) return null;
  if (rest === 3 && padding < 1) return null;
  return Buffer.from(data, 'base64');
}
