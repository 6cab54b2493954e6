// @ts-check
// Fault injection, set through the control API or CLI flags. Counted faults are consumed one per request;
// `endpoint` (e.g. "registered-models/search") narrows a fault to one MLflow route, else any MLflow route counts.
import { applyFaultSettings, noFaults } from './fault-config.mjs';
import { fractionOf } from './random.mjs';

/** @typedef {import('./fault-config.mjs').FaultState} FaultState */

/** @typedef {{ status: number, body: string, contentType: string, headers?: Record<string, string> }} FaultResponse */

const CODE_FOR_STATUS = {
  400: 'BAD_REQUEST',
  403: 'PERMISSION_DENIED',
  404: 'RESOURCE_DOES_NOT_EXIST',
  429: 'REQUEST_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** @param {string} code @param {string} message */
const errorJson = (code, message) =>
  JSON.stringify({ error_code: code, message });

export class Faults {
  constructor() {
    /** @type {FaultState} */
    this.state = noFaults();
  }

  clear() {
    this.state = noFaults();
  }

  /**
   * Merges a control-API body: each key present replaces that fault; `null` removes it. See README.md.
   * @param {Record<string, any>} body
   */
  set(body) {
    applyFaultSettings(this.state, body);
  }

  /** Whether the permission filter hides a model (and its versions). @param {string} name */
  hidden(name) {
    const filter = this.state.permissionFilter;
    if (!filter) return false;
    return (
      filter.hiddenModels.includes(name) ||
      fractionOf(name) < filter.hiddenFraction
    );
  }

  /**
   * 429 and 503 answer before auth and routing (a rate limiter or load balancer in front).
   * @param {string | undefined} endpoint
   * @returns {FaultResponse | null}
   */
  takeEarly(endpoint) {
    const { status429, status503 } = this.state;
    if (
      status429 &&
      status429.remaining > 0 &&
      applies(status429.endpoint, endpoint)
    ) {
      status429.remaining--;
      return {
        status: 429,
        contentType: 'application/json',
        body: errorJson(
          'REQUEST_LIMIT_EXCEEDED',
          'Too many requests. Please retry later.',
        ),
        headers: { 'Retry-After': String(status429.retryAfterSeconds) },
      };
    }
    if (
      status503 &&
      status503.remaining > 0 &&
      applies(status503.endpoint, endpoint)
    ) {
      status503.remaining--;
      return {
        status: 503,
        contentType: 'application/json',
        body: errorJson(
          'TEMPORARILY_UNAVAILABLE',
          'The service is temporarily unavailable.',
        ),
      };
    }
    return null;
  }

  /**
   * A failing endpoint (an MLflow error with that status) or a 200 with a cut-off JSON body.
   * @param {string} endpoint
   * @returns {FaultResponse | null}
   */
  takeForRoute(endpoint) {
    const { failEndpoint, malformedJson } = this.state;
    if (
      failEndpoint &&
      failEndpoint.endpoint === endpoint &&
      failEndpoint.remaining !== 0
    ) {
      if (failEndpoint.remaining !== null) failEndpoint.remaining--;
      const code =
        failEndpoint.errorCode ??
        CODE_FOR_STATUS[
          /** @type {keyof CODE_FOR_STATUS} */ (failEndpoint.status)
        ] ??
        'INTERNAL_ERROR';
      return {
        status: failEndpoint.status,
        contentType: 'application/json',
        body: errorJson(code, `Injected failure of ${endpoint}`),
      };
    }
    if (
      malformedJson &&
      malformedJson.remaining > 0 &&
      applies(malformedJson.endpoint, endpoint)
    ) {
      malformedJson.remaining--;
      return {
        status: 200,
        contentType: 'application/json',
        body: '{"registered_models": [{"name": "trunc',
      };
    }
    return null;
  }

  /**
   * Called after each registered-model search page is answered; after the K-th, inserts or deletes one model so
   * the offsets of later pages drift.
   * @param {import('./store.mjs').Store} store
   */
  afterModelSearchPage(store) {
    const mutation = this.state.mutateBetweenPages;
    if (!mutation || mutation.applied.length) return;
    mutation.pagesSeen++;
    if (mutation.pagesSeen !== mutation.afterPage) return;
    if (mutation.action === 'insert') {
      const name = mutation.name ?? `0000-drift-${store.models.size}`;
      store.createModel({
        name,
        description: 'Inserted between two pages by the fake.',
      });
      mutation.applied.push({ action: 'insert', name });
    } else {
      const victim =
        mutation.name ??
        store
          .sortedModels()
          .find((m) => m.tags.get('mlflow.prompt.is_prompt') !== 'true')?.name;
      if (victim && store.models.has(victim)) {
        store.deleteModel(victim);
        mutation.applied.push({ action: 'delete', name: victim });
      }
    }
  }
}

/** @param {string | undefined} wanted @param {string | undefined} endpoint */
const applies = (wanted, endpoint) =>
  endpoint !== undefined && (!wanted || wanted === endpoint);
