import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ApiEnv, LOG_LEVELS, ProcessEnv } from './app-env';

export type ProcessRole = 'api' | 'worker';

export interface AppConfig {
  role: ProcessRole;
  databaseUrl: string;
  /** Unset means BullMQ runs on its PostgreSQL backend in `databaseUrl`. */
  redisUrl: string | null;
  /** Namespaces the queues, so installations (or test runs) sharing one Redis never see each other's jobs. */
  queuePrefix: string;
  log: { level: (typeof LOG_LEVELS)[number]; pretty: boolean };
  http: { port: number; host: string; corsOrigins: string[]; webDistPath: string };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    signupEnabled: boolean;
    loginAttemptsPerMinute: number;
    signupsPerHour: number;
  };
  migrationsRun: boolean;
  demo: { seed: boolean; adminEmail: string; adminPassword: string };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m : `${e.property}: ${m}`)));
}

function validateEnv<T extends object>(cls: new () => T, env: Record<string, string | undefined>): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(cls, defined, { exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: false });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return instance;
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
    },
    auth: {
      jwtSecret: api.JWT_SECRET,
      jwtTtlSeconds: api.JWT_TTL_SECONDS,
      signupEnabled: api.SIGNUP_ENABLED,
      loginAttemptsPerMinute: api.LOGIN_ATTEMPTS_PER_MINUTE,
      signupsPerHour: api.SIGNUPS_PER_HOUR,
    },
    migrationsRun: api.MIGRATIONS_RUN,
    demo: { seed: api.DEMO_SEED, adminEmail: api.DEMO_ADMIN_EMAIL, adminPassword: api.DEMO_ADMIN_PASSWORD },
  };
}
