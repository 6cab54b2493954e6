// @ts-check
// The auth modes of a tracking server, as a sync client meets them:
//   none   - OSS default, no checks;
//   basic  - `mlflow server --app-name basic-auth`: `Authorization: Basic base64(user:pass)`;
//   token  - `Authorization: Bearer <token>` (Databricks PAT/OAuth, OIDC plugins).
// A missing or wrong credential gets the auth app's 401 (text/html, `WWW-Authenticate: Basic realm="mlflow"`).
// The second, "read-nothing" user (basic) or token (token) is authenticated but has no permission: 403
// `Permission denied` on every MLflow route.

/**
 * @typedef {object} AuthOptions
 * @property {'none' | 'basic' | 'token'} mode
 * @property {string} username
 * @property {string} password
 * @property {string} token
 * @property {string} deniedUsername
 * @property {string} deniedPassword
 * @property {string} deniedToken
 */

/** @type {Omit<AuthOptions, 'mode'>} */
export const AUTH_DEFAULTS = {
  username: 'admin',
  password: 'password1234',
  token: 'fake-mlflow-token',
  deniedUsername: 'no-access',
  deniedPassword: 'password1234',
  deniedToken: 'fake-mlflow-token-no-access',
};

/** The scheme of an Authorization header, for the request log (never the credential itself). @param {string | undefined} header */
export function authorizationScheme(header) {
  if (!header) return null;
  const scheme = header.trim().split(/\s+/)[0].toLowerCase();
  return scheme === 'basic' || scheme === 'bearer' ? scheme : 'other';
}

/**
 * @param {string | undefined} header  the Authorization header
 * @param {AuthOptions} auth
 * @returns {'ok' | 'unauthenticated' | 'forbidden'}
 */
export function checkAuthorization(header, auth) {
  if (auth.mode === 'none') return 'ok';
  const [scheme = '', credential = ''] = (header ?? '').trim().split(/\s+/, 2);
  if (auth.mode === 'basic') {
    if (scheme.toLowerCase() !== 'basic') return 'unauthenticated';
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return 'unauthenticated';
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (user === auth.username && password === auth.password) return 'ok';
    if (user === auth.deniedUsername && password === auth.deniedPassword)
      return 'forbidden';
    return 'unauthenticated';
  }
  if (scheme.toLowerCase() !== 'bearer') return 'unauthenticated';
  if (credential === auth.token) return 'ok';
  if (credential === auth.deniedToken) return 'forbidden';
  return 'unauthenticated';
}
