import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, ValidationError, validateSync } from 'class-validator';
import { ApiEnv, EVIDENCE_STORAGES, LOG_LEVELS, MigrationEnv, ProcessEnv } from './app-env';

export type ProcessRole = 'api' | 'worker';

export interface AppConfig {
  role: ProcessRole;
  databaseUrl: string;
  /** Unset means BullMQ runs on its PostgreSQL backend in `databaseUrl`. */
  redisUrl: string | null;
  /** Namespaces the queues, so installations (or test runs) sharing one Redis never see each other's jobs. */
  queuePrefix: string;
  log: { level: (typeof LOG_LEVELS)[number]; pretty: boolean };
  http: { port: number; host: string; corsOrigins: string[]; webDistPath: string; shutdownTimeoutMs: number; trustProxy: string[] };
  /** How often the worker checks that its job schedulers still exist (Redis may come back empty). */
  jobSchedulesRecheckMs: number;
  /** How often the outbox sweep runs, and how old an undispatched event must be before it takes it. */
  outboxSweep: { everyMs: number; minAgeMs: number };
  /** Outbound requests on a user's behalf (webhooks, MLflow) may reach loopback and private addresses. */
  outbound: { allowPrivate: boolean };
  /** SECRETS_KEY (32 bytes), or null when unset. */
  secrets: { key: Buffer | null };
  mlflow: { syncCron: string };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    signupEnabled: boolean;
    loginAttemptsPerMinute: number;
    signupsPerHour: number;
  };
  migrationsRun: boolean;
  evidence: EvidenceConfig;
  demo: { seed: boolean; adminEmail: string; adminPassword: string };
}

export { EVIDENCE_STORAGES };
/** Where evidence bytes can be stored; new files go to `EvidenceConfig.storage`. */
export type EvidenceStorageKind = (typeof EVIDENCE_STORAGES)[number];

export interface EvidenceConfig {
  maxBytes: number;
  expiryWarningDays: number;
  /** Days a deleted file's bytes are kept before an Admin may purge them. */
  retentionDays: number;
  storage: EvidenceStorageKind;
  s3: { bucket: string; endpoint: string | null; region: string; accessKeyId: string | null; secretAccessKey: string | null; forcePathStyle: boolean };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Variables whose value must never be printed. */
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'DATABASE_URL', 'REDIS_URL', 'DEMO_ADMIN_PASSWORD', 'SECRETS_KEY', 'EVIDENCE_S3_SECRET_ACCESS_KEY']);

/** One message per bad variable (its first failing rule), by name, with the value given unless it is a secret. */
function describe(errors: ValidationError[], env: Record<string, string | undefined>): string[] {
  return [...errors].sort((a, b) => a.property.localeCompare(b.property)).map((e) => {
    const rule = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
    const message = rule.startsWith(e.property) ? rule : `${e.property} ${rule}`;
    return SECRET_VARIABLES.has(e.property) ? message : `${message} (got ${JSON.stringify(env[e.property])})`;
  });
}

function validateEnv<T extends object>(cls: new () => T, env: Record<string, string | undefined>): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(cls, defined, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: false, stopAtFirstError: true });
  if (errors.length > 0) throw new ConfigError(describe(errors, env));
  return instance;
}

/** Every environment variable the API and the worker read (for checks of deployment files). */
export function configurationVariables(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(ApiEnv, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

/** What `--migrate` needs: the database, nothing else. */
export function loadMigrationConfig(env: Record<string, string | undefined> = process.env): { databaseUrl: string } {
  return { databaseUrl: validateEnv(MigrationEnv, env).DATABASE_URL };
}

/** Reads and validates the environment once; throws a ConfigError naming every bad variable. */
export function loadAppConfig(role: ProcessRole, env: Record<string, string | undefined> = process.env): AppConfig {
  // The worker has no HTTP side: it validates only what it uses and keeps the API defaults for the rest.
  const api = role === 'api' ? validateEnv(ApiEnv, env) : Object.assign(new ApiEnv(), validateEnv(ProcessEnv, env), { JWT_SECRET: '' });
  const base: ProcessEnv = api;
  return {
    role,
    databaseUrl: base.DATABASE_URL,
    redisUrl: base.REDIS_URL ?? null,
    queuePrefix: base.QUEUE_PREFIX,
    log: { level: base.LOG_LEVEL, pretty: base.LOG_PRETTY },
    http: {
      port: api.PORT,
      host: api.HOST,
      corsOrigins: api.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      webDistPath: api.WEB_DIST_PATH,
      shutdownTimeoutMs: api.SHUTDOWN_TIMEOUT_SECONDS * 1000,
      trustProxy: api.TRUST_PROXY.split(',').map((entry) => entry.trim()).filter(Boolean),
    },
    jobSchedulesRecheckMs: base.JOB_SCHEDULES_RECHECK_SECONDS * 1000,
    outboxSweep: { everyMs: base.OUTBOX_SWEEP_SECONDS * 1000, minAgeMs: base.OUTBOX_SWEEP_MIN_AGE_SECONDS * 1000 },
    outbound: { allowPrivate: base.OUTBOUND_ALLOW_PRIVATE },
    secrets: { key: base.SECRETS_KEY ? Buffer.from(base.SECRETS_KEY.trim(), 'base64') : null },
    mlflow: { syncCron: base.MLFLOW_SYNC_CRON },
    auth: {
      jwtSecret: api.JWT_SECRET,
      jwtTtlSeconds: api.JWT_TTL_SECONDS,
      signupEnabled: api.SIGNUP_ENABLED,
      loginAttemptsPerMinute: api.LOGIN_ATTEMPTS_PER_MINUTE,
      signupsPerHour: api.SIGNUPS_PER_HOUR,
    },
    migrationsRun: api.MIGRATIONS_RUN,
    evidence: {
      maxBytes: base.EVIDENCE_MAX_BYTES,
      expiryWarningDays: base.EVIDENCE_EXPIRY_WARNING_DAYS,
      retentionDays: base.EVIDENCE_RETENTION_DAYS,
      storage: base.EVIDENCE_STORAGE,
      s3: {
        bucket: base.EVIDENCE_S3_BUCKET ?? '',
        endpoint: base.EVIDENCE_S3_ENDPOINT ?? null,
        region: base.EVIDENCE_S3_REGION,
        accessKeyId: base.EVIDENCE_S3_ACCESS_KEY_ID ?? null,
        secretAccessKey: base.EVIDENCE_S3_SECRET_ACCESS_KEY ?? null,
        forcePathStyle: base.EVIDENCE_S3_FORCE_PATH_STYLE,
      },
    },
    demo: { seed: api.DEMO_SEED, adminEmail: api.DEMO_ADMIN_EMAIL, adminPassword: api.DEMO_ADMIN_PASSWORD },
  };
}
