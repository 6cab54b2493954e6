// @ts-check
// What clients sent: method, path, query, and whether (and with which scheme) an Authorization header came.
// The credential itself is never kept.

/**
 * @typedef {object} LoggedRequest
 * @property {number} seq
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[]>} query
 * @property {boolean} authorization  whether an Authorization header was sent
 * @property {'basic' | 'bearer' | 'other' | null} authScheme
 * @property {number} [status]
 * @property {number} at  ms since epoch
 */

export class RequestLog {
  /** @param {number} limit  the newest entries kept */
  constructor(limit = 50_000) {
    this.limit = limit;
    /** @type {LoggedRequest[]} */
    this.entries = [];
    this.total = 0;
  }

  /**
   * @param {string} method
   * @param {URL} url
   * @param {'basic' | 'bearer' | 'other' | null} authScheme
   * @returns {LoggedRequest}
   */
  add(method, url, authScheme) {
    /** @type {Record<string, string | string[]>} */
    const query = {};
    for (const [key, value] of url.searchParams) {
      const existing = query[key];
      query[key] =
        existing === undefined
          ? value
          : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    const entry = {
      seq: ++this.total,
      method,
      path: url.pathname,
      query,
      authorization: authScheme !== null,
      authScheme,
      at: Date.now(),
    };
    this.entries.push(entry);
    // Trim in batches: dropping one entry at a time from the front of a long array costs O(n) per request.
    if (this.entries.length > this.limit * 1.1)
      this.entries = this.entries.slice(-this.limit);
    return entry;
  }

  /** Forgets every entry; `seq` starts again at 1. */
  clear() {
    this.entries = [];
    this.total = 0;
  }
}
