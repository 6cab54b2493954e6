// @ts-check
// MLflow's error envelope and HTTP statuses (mlflow/exceptions.py), plus the non-JSON pages real deployments send.

/** ERROR_CODE_TO_HTTP_STATUS; anything unknown is 500. */
const HTTP_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  CUSTOMER_UNAUTHORIZED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  NOT_FOUND: 404,
  ENDPOINT_NOT_FOUND: 404,
  ABORTED: 409,
  RESOURCE_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  REQUEST_LIMIT_EXCEEDED: 429,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  DATA_LOSS: 500,
  NOT_IMPLEMENTED: 501,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/**
 * The extra keys that MLflow builds from April 2026 on add (mode `oss3-next`). The values are illustrative:
 * a client must only tolerate the keys, never depend on them.
 */
const NEXT_EXTRAS = {
  INVALID_PARAMETER_VALUE: ['22023', 'INVALID_PARAMETER_VALUE'],
  RESOURCE_DOES_NOT_EXIST: ['KAM00', 'RESOURCE_NOT_FOUND'],
  ENDPOINT_NOT_FOUND: ['KAM00', 'RESOURCE_NOT_FOUND'],
  REQUEST_LIMIT_EXCEEDED: ['53400', 'RESOURCE_EXHAUSTED'],
  TEMPORARILY_UNAVAILABLE: ['08000', 'TEMPORARILY_UNAVAILABLE'],
};

/** An MLflow error: becomes `{"error_code", "message"}` with the mapped status. */
export class MlflowError extends Error {
  /**
   * @param {string} errorCode  e.g. 'RESOURCE_DOES_NOT_EXIST'
   * @param {string} message
   */
  constructor(errorCode, message) {
    super(message);
    this.errorCode = errorCode;
  }

  get status() {
    return (
      HTTP_STATUS[/** @type {keyof HTTP_STATUS} */ (this.errorCode)] ?? 500
    );
  }

  /** @param {import('./types.mjs').Mode} mode */
  toJson(mode) {
    /** @type {Record<string, string>} */
    const body = { error_code: this.errorCode, message: this.message };
    if (mode === 'oss3-next') {
      const [sqlstate, errorClass] = NEXT_EXTRAS[
        /** @type {keyof NEXT_EXTRAS} */ (this.errorCode)
      ] ?? ['XX000', 'INTERNAL_ERROR'];
      body.sqlstate = sqlstate;
      body.error_class = errorClass;
    }
    return body;
  }
}

/** @param {string} message */
export const invalidParameter = (message) =>
  new MlflowError('INVALID_PARAMETER_VALUE', message);

/** @param {string} message */
export const notFound = (message) =>
  new MlflowError('RESOURCE_DOES_NOT_EXIST', message);

const SEE_DOCS =
  ' See the API docs for more information about request parameters.';

/** handlers.py `_validate_param_against_schema`, `_assert_required`. @param {string} name */
export const missingParameter = (name) =>
  invalidParameter(
    `Missing value for required parameter '${name}'.${SEE_DOCS}`,
  );

/** The same function, for any other failed check. @param {string} name @param {unknown} value */
export const badParameter = (name, value) =>
  invalidParameter(
    `Invalid value ${String(value)} for parameter '${name}' supplied.${SEE_DOCS}`,
  );

/** The basic-auth app's 401 body (`make_basic_auth_response`), sent as text/html. */
export const UNAUTHENTICATED_TEXT =
  'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.';

/** The basic-auth app's 403 body (`make_forbidden_response`). */
export const FORBIDDEN_TEXT = 'Permission denied';

/** Flask/werkzeug's page for a path with no route. */
export const FLASK_NOT_FOUND_HTML = `<!doctype html>
<html lang=en>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>
`;

/** Flask/werkzeug's page for a route bound to another method. */
export const FLASK_METHOD_NOT_ALLOWED_HTML = `<!doctype html>
<html lang=en>
<title>405 Method Not Allowed</title>
<h1>Method Not Allowed</h1>
<p>The method is not allowed for the requested URL.</p>
`;

/** What a reverse proxy (or anything that is not MLflow) answers: proxy mode. */
export const PROXY_NOT_FOUND_HTML = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;
