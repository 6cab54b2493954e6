// @ts-check
// PostgreSQL for the launcher and the test tools, in one import:
// - ensurePostgres(): an embedded server whose cluster lives in a given folder (embedded-postgres/server.mjs);
// - probePostgres(), isPostgresReachable(), withClient(), hasNoOtherSessions(), createDatabaseIfMissing(),
//   dropDatabaseIfExists(), withDatabase(), redactUrl() (postgres-client.mjs).
export { ensurePostgres } from './embedded-postgres/server.mjs';
export {
  createDatabaseIfMissing,
  dropDatabaseIfExists,
  hasNoOtherSessions,
  isPostgresReachable,
  probePostgres,
  redactUrl,
  withClient,
  withDatabase,
} from './postgres-client.mjs';
