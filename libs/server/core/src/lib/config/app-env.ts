import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf } from 'class-validator';

/** 32 bytes, base64 (standard or URL-safe alphabet), e.g. `openssl rand -base64 32`. */
export function isSecretsKey(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Za-z0-9+/_-]{43}=?$/.test(value.trim()) && Buffer.from(value.trim(), 'base64').length === 32;
}

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.trim().toLowerCase()) : value;

export const EVIDENCE_STORAGES = ['postgres', 's3'] as const;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** What applying migrations needs. */
export class MigrationEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;
}

/** Environment shared by every process (API and worker). */
export class ProcessEnv extends MigrationEnv {
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,40}$/i, { message: 'QUEUE_PREFIX must be 1-40 letters, digits, - or _' })
  QUEUE_PREFIX = 'mi';

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  LOG_PRETTY = false;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  JOB_SCHEDULES_RECHECK_SECONDS = 30;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_SWEEP_SECONDS = 60;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  OUTBOX_SWEEP_MIN_AGE_SECONDS = 30;

  /** Webhooks and MLflow may call loopback and private addresses (never link-local or cloud metadata ones). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  OUTBOUND_ALLOW_PRIVATE = false;

  /** The largest evidence file accepted, in bytes (30 MB by default); larger uploads are cut off with a 413. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5 * 1024 ** 3)
  EVIDENCE_MAX_BYTES = 30 * 1024 * 1024;

  /** Evidence expiring within this many days is announced as `evidence_expiring`. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  EVIDENCE_EXPIRY_WARNING_DAYS = 30;

  /** Deleted evidence keeps its bytes at least this many days; an Admin's purge removes them only after that. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(36500)
  EVIDENCE_RETENTION_DAYS = 365;

  /** Where evidence bytes live: `postgres` (default, the evidence_blobs table) or `s3` (an S3-compatible bucket). */
  @IsOptional()
  @IsIn(EVIDENCE_STORAGES)
  EVIDENCE_STORAGE: (typeof EVIDENCE_STORAGES)[number] = 'postgres';

  @ValidateIf((env: ProcessEnv) => env.EVIDENCE_STORAGE === 's3')
  @IsString({ message: 'EVIDENCE_S3_BUCKET is required when EVIDENCE_STORAGE=s3' })
  @MinLength(3, { message: 'EVIDENCE_S3_BUCKET is required when EVIDENCE_STORAGE=s3' })
  EVIDENCE_S3_BUCKET?: string;

  /** An S3-compatible endpoint (e.g. MinIO, http://127.0.0.1:9000); AWS when unset. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'EVIDENCE_S3_ENDPOINT must be an http:// or https:// URL' })
  EVIDENCE_S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  EVIDENCE_S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString()
  EVIDENCE_S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  EVIDENCE_S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (bucket in the path), as MinIO needs. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  EVIDENCE_S3_FORCE_PATH_STYLE = true;
  /** Encrypts integration secrets at rest (AES-256-GCM). Without it, MLflow credentials cannot be stored. */
  @IsOptional()
  @ValidateBy({ name: 'isSecretsKey', validator: { validate: isSecretsKey, defaultMessage: () => 'SECRETS_KEY must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)' } })
  SECRETS_KEY?: string;

  /** When the MLflow sync runs (cron, UTC). */
  @IsOptional()
  @Matches(/^\S+(\s+\S+){4,5}$/, { message: 'MLFLOW_SYNC_CRON must be a cron pattern of 5 or 6 fields, e.g. "0 * * * *"' })
  MLFLOW_SYNC_CRON = '0 * * * *';
}

/** Environment of the HTTP API. */
export class ApiEnv extends ProcessEnv {
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(60 * 60 * 24 * 30)
  JWT_TTL_SECONDS = 8 * 60 * 60;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number from 1 to 65535' })
  @Min(1, { message: 'PORT must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'PORT must be a whole number from 1 to 65535' })
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(300)
  SHUTDOWN_TIMEOUT_SECONDS = 20;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  SIGNUP_ENABLED = true;

  @IsOptional()
  @IsString()
  CORS_ORIGINS = '';

  /**
   * Which proxies may tell the client's address (X-Forwarded-For), in Express' terms: `loopback` (a proxy on the same
   * host), `uniquelocal` (private networks, e.g. a reverse proxy container), or addresses/CIDRs, comma-separated.
   */
  @IsOptional()
  @Matches(/^[a-z0-9.:/,\s]+$/i, { message: 'TRUST_PROXY must be loopback, linklocal, uniquelocal, or addresses/CIDRs separated by commas' })
  TRUST_PROXY = 'loopback';

  @IsOptional()
  @IsString()
  WEB_DIST_PATH = 'dist/apps/web/browser';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_SEED = false;

  @IsOptional()
  @IsString()
  DEMO_ADMIN_EMAIL = 'admin@demo.local';

  @IsOptional()
  @IsString()
  @MinLength(10)
  DEMO_ADMIN_PASSWORD = 'demo-admin-2026';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SIGNUPS_PER_HOUR = 30;
}
