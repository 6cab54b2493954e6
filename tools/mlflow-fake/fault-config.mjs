// @ts-check
// The fault settings: their shape, and how a control-API body (or the CLI flags) changes them.

/**
 * @typedef {object} FaultState
 * @property {{ remaining: number, retryAfterSeconds: number, endpoint?: string } | null} status429
 * @property {{ remaining: number, endpoint?: string } | null} status503
 * @property {{ endpoint: string, status: number, remaining: number | null, errorCode?: string } | null} failEndpoint
 * @property {{ remaining: number, endpoint?: string } | null} malformedJson
 * @property {number} latencyMs
 * @property {boolean} proxyMode
 * @property {{ afterPage: number, action: 'insert' | 'delete', name?: string, pagesSeen: number,
 *   applied: { action: string, name: string }[] } | null} mutateBetweenPages
 * @property {{ hiddenModels: string[], hiddenFraction: number } | null} permissionFilter
 */

/** @returns {FaultState} */
export const noFaults = () => ({
  status429: null,
  status503: null,
  failEndpoint: null,
  malformedJson: null,
  latencyMs: 0,
  proxyMode: false,
  mutateBetweenPages: null,
  permissionFilter: null,
});

/** @param {unknown} value @param {string} what */
function count(value, what) {
  const n = Number(value ?? 1);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${what}: expected a non-negative integer`);
  return n;
}

/** @param {unknown} value */
const endpointOf = (value) =>
  value ? String(value).replace(/^\/+/, '') : undefined;

/**
 * Merges settings into the state: each key present replaces that fault; `null` or `false` removes it.
 * @param {FaultState} s
 * @param {Record<string, any>} body
 */
export function applyFaultSettings(s, body) {
  for (const [key, v] of Object.entries(body)) {
    if (v === null || v === false) {
      if (key === 'latencyMs') s.latencyMs = 0;
      else if (key === 'proxyMode') s.proxyMode = false;
      else if (key in s) /** @type {any} */ (s)[key] = null;
      else throw new Error(`unknown fault ${key}`);
      continue;
    }
    switch (key) {
      case 'status429':
        s.status429 = {
          remaining: count(v.count, key),
          retryAfterSeconds: count(v.retryAfterSeconds ?? 1, key),
          endpoint: endpointOf(v.endpoint),
        };
        break;
      case 'status503':
        s.status503 = {
          remaining: count(v.count, key),
          endpoint: endpointOf(v.endpoint),
        };
        break;
      case 'failEndpoint':
        if (!v.endpoint) throw new Error('failEndpoint.endpoint is required');
        s.failEndpoint = {
          endpoint: String(endpointOf(v.endpoint)),
          status: count(v.status ?? 500, key),
          remaining:
            v.count === undefined || v.count === null
              ? null
              : count(v.count, key),
          errorCode: v.errorCode,
        };
        break;
      case 'malformedJson':
        s.malformedJson = {
          remaining: count(v.count, key),
          endpoint: endpointOf(v.endpoint),
        };
        break;
      case 'latencyMs':
        s.latencyMs = count(v, key);
        break;
      case 'proxyMode':
        s.proxyMode = Boolean(v);
        break;
      case 'mutateBetweenPages':
        if (!['insert', 'delete'].includes(v.action))
          throw new Error('mutateBetweenPages.action must be insert or delete');
        s.mutateBetweenPages = {
          afterPage: count(v.afterPage ?? 1, key),
          action: v.action,
          name: v.name,
          pagesSeen: 0,
          applied: [],
        };
        break;
      case 'permissionFilter':
        s.permissionFilter = {
          hiddenModels: (v.hiddenModels ?? []).map(String),
          hiddenFraction: Number(v.hiddenFraction ?? 0),
        };
        break;
      default:
        throw new Error(`unknown fault ${key}`);
    }
  }
}
