import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

export const RUNTIME_ENVS = ['development', 'test', 'production'] as const;
export type RuntimeEnv = (typeof RUNTIME_ENVS)[number];

export const AUTH_MODES = ['dev', 'oidc'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const MAIL_TRANSPORTS = ['smtp', 'file'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

export const TRACING_EXPORTERS = ['off', 'otlp', 'memory'] as const;
export type TracingExporter = (typeof TRACING_EXPORTERS)[number];
export const DOCUMENT_STORES = ['local', 's3'] as const;
export type DocumentStoreKind = (typeof DOCUMENT_STORES)[number];

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `keyId:base64key` pairs, comma separated; the first one encrypts, all of them decrypt. */
export const KEY_RING_PATTERN = /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=)*$/;

/** A 32-byte key in base64. */
export const AUDIT_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

const postgresUrl = { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true };
const redisUrl = { protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true };

/**
 * Every environment variable the API and the worker read. The names here are the contract with
 * `docker-compose.yml`, the launcher and operators; a test keeps the compose file in step.
 */
export class EnvSchema {
  @IsIn(RUNTIME_ENVS)
  SRO_ENV: RuntimeEnv = 'production';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @IsString()
  API_HOST = '0.0.0.0';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  @IsOptional()
  WORKER_HEALTH_PORT?: number;

  /** Optional port of the API's memory probe (`GET /health` with its memory in MB; for the soak). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  @IsOptional()
  API_PROBE_PORT?: number;

  /**
   * Directory where the memory probes (API and worker) write V8 heap snapshots on
   * `POST /heap-snapshot?name=<label>` (the soak compares them); the route is off when unset.
   * Not allowed when SRO_ENV=production: a heap snapshot holds decrypted personal data.
   */
  @IsOptional()
  @IsString()
  HEAP_SNAPSHOT_DIR?: string;

  /** Bearer token for `GET /metrics` (Prometheus); without it the route answers 404. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must have at least 16 characters' })
  METRICS_TOKEN?: string;

  /** host:port where the worker's Temporal SDK runtime serves its Prometheus metrics (off when unset). */
  @IsOptional()
  @Matches(/^[\w.-]+:\d{1,5}$/, { message: 'TEMPORAL_METRICS_BIND must be host:port' })
  TEMPORAL_METRICS_BIND?: string;

  /** `postgres://…`; TLS with `?sslmode=require|verify-ca|verify-full` (libpq's meaning; `disable` or none: no TLS). */
  @IsUrl(postgresUrl, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  /** PEM file of the CA that signed PostgreSQL's certificate (like PGSSLROOTCERT; needs an sslmode in DATABASE_URL). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATABASE_SSL_ROOT_CERT?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** `redis://` or, over TLS, `rediss://`; a password may be in it (`rediss://:secret@host:6380`) or in REDIS_PASSWORD. */
  @IsUrl(redisUrl, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  /** Password of Redis (AUTH) when it is not in REDIS_URL. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  REDIS_PASSWORD?: string;

  /** PEM file of the CA that signed Redis's certificate (only with rediss://; without it: the system's CAs). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  REDIS_TLS_CA?: string;

  @Matches(/^[^\s:/]+:\d{1,5}$/, { message: 'TEMPORAL_ADDRESS must be host:port' })
  TEMPORAL_ADDRESS: string;

  /** `true`: connect to Temporal over TLS (implied by any TEMPORAL_TLS_* below; `false` with one of them is refused). */
  @IsOptional()
  @IsIn(['true', 'false'])
  TEMPORAL_TLS?: 'true' | 'false';

  /** PEM file of the CA that signed Temporal's server certificate (without it: the system's CAs). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  TEMPORAL_TLS_CA?: string;

  /** PEM file of the client certificate for mTLS (with TEMPORAL_TLS_KEY). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  TEMPORAL_TLS_CERT?: string;

  /** PEM file of the client certificate's private key (with TEMPORAL_TLS_CERT). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  TEMPORAL_TLS_KEY?: string;

  /** The name Temporal's certificate is checked against (SNI) when it is not the host of TEMPORAL_ADDRESS. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]{1,253}$/, { message: 'TEMPORAL_TLS_SERVER_NAME must be a host name' })
  TEMPORAL_TLS_SERVER_NAME?: string;

  @IsString()
  @MinLength(1)
  TEMPORAL_NAMESPACE = 'default';

  /** Key prefix of the BullMQ queues, so that several installations can share one Redis. */
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'QUEUE_PREFIX must be 1–50 letters, digits, _ or -' })
  QUEUE_PREFIX = 'sro';

  @IsString()
  @MinLength(1)
  TEMPORAL_TASK_QUEUE = 'sro-engine';

  /**
   * Workflows the worker keeps in memory between their tasks (Temporal's default grows with the
   * heap limit, to about 900 on a machine with 24 GB, and the worker's RSS with it); an evicted
   * workflow is replayed from its history when it next has work.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000)
  WORKFLOW_CACHE_SIZE = 200;

  /**
   * Threads that run workflow code in the worker (the SDK's `workflowThreadPoolSize`; each keeps its
   * own share of the cache). One thread runs every workflow task of the worker one after another.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(16)
  WORKFLOW_THREADS = 1;

  /** Workflow tasks the worker runs at once (the SDK's `maxConcurrentWorkflowTaskExecutions`; its default 40). */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(1_000)
  WORKFLOW_TASK_SLOTS = 40;

  /** Local activities the worker runs at once (the SDK's `maxConcurrentLocalActivityExecutions`; its default 100). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000)
  LOCAL_ACTIVITY_SLOTS = 100;

  /** A prebuilt workflow bundle (`npm run build` writes dist/workflow-bundle.js); bundled at start when absent. */
  @IsOptional()
  @IsString()
  WORKFLOW_BUNDLE_PATH?: string;

  @Matches(KEY_RING_PATTERN, {
    message: 'PAYLOAD_KEYS must be keyId:base64(32 bytes)[,keyId:base64(32 bytes)...]',
  })
  PAYLOAD_KEYS: string;

  /** Keys of the field-level encryption of personal case data; same form as PAYLOAD_KEYS. */
  @Matches(KEY_RING_PATTERN, { message: 'FIELD_KEYS must be keyId:base64(32 bytes)[,keyId:base64(32 bytes)...]' })
  FIELD_KEYS: string;

  /** Key of the blind indexes over case names (HMAC-SHA-256): base64 of 32 bytes, kept apart from FIELD_KEYS. */
  @Matches(AUDIT_KEY_PATTERN, { message: 'SEARCH_INDEX_KEY must be base64 of 32 bytes' })
  SEARCH_INDEX_KEY: string;

  /** Where uploaded case documents go: `local` (DOCUMENT_DIR) or `s3` (an S3-compatible object store). */
  @IsIn(DOCUMENT_STORES)
  DOCUMENT_STORE: DocumentStoreKind = 'local';

  /** Directory of the encrypted documents with DOCUMENT_STORE=local (`npm start`: `.data/documents`). */
  @IsString()
  @MinLength(1)
  DOCUMENT_DIR = 'documents';

  /** Largest document accepted for upload, in bytes (default 20 MB). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1024 * 1024 * 1024)
  DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** S3-compatible endpoint (e.g. https://s3.eu-central-1.amazonaws.com or a MinIO URL), path-style requests. */
  @ValidateIf((env: EnvSchema) => env.DOCUMENT_STORE === 's3')
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'DOCUMENT_S3_ENDPOINT must be an http(s) URL' })
  DOCUMENT_S3_ENDPOINT?: string;

  @ValidateIf((env: EnvSchema) => env.DOCUMENT_STORE === 's3')
  @IsString()
  @MinLength(3)
  DOCUMENT_S3_BUCKET?: string;

  @IsString()
  @MinLength(1)
  DOCUMENT_S3_REGION = 'us-east-1';

  @ValidateIf((env: EnvSchema) => env.DOCUMENT_STORE === 's3')
  @IsString()
  @MinLength(1)
  DOCUMENT_S3_ACCESS_KEY_ID?: string;

  @ValidateIf((env: EnvSchema) => env.DOCUMENT_STORE === 's3')
  @IsString()
  @MinLength(1)
  DOCUMENT_S3_SECRET_ACCESS_KEY?: string;

  @IsIn(AUTH_MODES)
  AUTH_MODE: AuthMode = 'oidc';

  @ValidateIf((env: EnvSchema) => env.AUTH_MODE === 'dev')
  @IsString()
  @MinLength(32, { message: 'AUTH_DEV_SECRET must be at least 32 characters' })
  AUTH_DEV_SECRET?: string;

  @ValidateIf((env: EnvSchema) => env.AUTH_MODE === 'oidc')
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'OIDC_ISSUER_URL must be an http(s) URL' })
  OIDC_ISSUER_URL?: string;

  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  OIDC_JWKS_URL?: string;

  @IsString()
  OIDC_ROLES_CLAIM = 'realm_access.roles';

  /** The public client the web app signs in with (authorization code + PKCE); without it the web app cannot log in under OIDC. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  /** Create a user at the first request of an unknown token subject (with no social spaces unless OIDC_GROUP_MAPPING grants some). */
  @IsIn(['true', 'false'])
  OIDC_JIT_PROVISIONING: 'true' | 'false' = 'false';

  /** Where the token carries its groups (dot path), read only for OIDC_GROUP_MAPPING at provisioning. */
  @IsString()
  @MinLength(1)
  OIDC_GROUPS_CLAIM = 'groups';

  /**
   * JSON: group → what a user provisioned with that group gets, by code:
   * `{"asd-teltow": {"socialSpaces": ["SR01"], "planningRegions": ["PR1"], "team": "ASD-Team Teltow"}}`.
   */
  @IsOptional()
  @IsString()
  OIDC_GROUP_MAPPING?: string;

  @Matches(/^openid( [\x21-\x7e]+)*$/, { message: 'OIDC_SCOPE must be space-separated scopes starting with openid' })
  OIDC_SCOPE = 'openid profile';

  /** The built web app (`npm run build` writes dist/web), relative to the working directory; the API serves it at `/` when present. */
  @IsString()
  @MinLength(1)
  WEB_DIST_DIR = 'dist/web';

  /** `smtp` sends through SMTP_URL; `file` writes .eml files to MAIL_DIR (local development). */
  @IsIn(MAIL_TRANSPORTS)
  MAIL_TRANSPORT: MailTransport = 'smtp';

  @ValidateIf((env: EnvSchema) => env.MAIL_TRANSPORT === 'smtp')
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL' },
  )
  SMTP_URL?: string;

  @ValidateIf((env: EnvSchema) => env.MAIL_TRANSPORT === 'file')
  @IsString()
  @MinLength(1)
  MAIL_DIR?: string;

  @IsString()
  MAIL_FROM = 'SRO Engine <no-reply@sro-engine.local>';

  /** Where people open the web app: links in e-mails are this plus the page's path. Production: required, https. */
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'APP_BASE_URL must be the http(s) address of the web app, e.g. https://sro.example.org' },
  )
  @Matches(/^[a-z]+:\/\/[^/?#]+\/?$/i, {
    message: 'APP_BASE_URL must be the web app’s origin without a path, query or fragment (the web app is served at /)',
  })
  APP_BASE_URL = 'http://127.0.0.1:3000';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  REMINDER_CONCURRENCY = 200;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  RECONCILE_INTERVAL_SECONDS = 60;

  /** Delivery attempts before a reminder is `failed`, with exponential backoff from REMINDER_BACKOFF_MS. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  REMINDER_ATTEMPTS = 6;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(600_000)
  REMINDER_BACKOFF_MS = 2_000;

  /** Time entries may go back to the first of January this many years before the current year (1: this and last year). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  TIME_ENTRY_PAST_YEARS = 1;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'log';

  @Matches(/^\d+(kb|mb)$/, { message: 'HTTP_BODY_LIMIT must look like 512kb or 1mb' })
  HTTP_BODY_LIMIT = '1mb';

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  /** Key of the audit chain (HMAC-SHA-256) and of its checkpoints' signatures: base64 of 32 bytes. */
  @Matches(AUDIT_KEY_PATTERN, { message: 'AUDIT_CHAIN_KEY must be base64 of 32 bytes' })
  AUDIT_CHAIN_KEY: string;

  /** Where signed checkpoints of the audit chain's end are appended (outside the database; keep it append-only). */
  @IsString()
  @MinLength(1)
  AUDIT_CHECKPOINT_DIR = 'audit-checkpoints';

  /** Hours between checkpoints (one is also written at every shutdown). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24)
  AUDIT_CHECKPOINT_INTERVAL_HOURS = 24;

  /** JSON bodies nested deeper than this are refused with 400 before any code walks them. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(1000)
  HTTP_JSON_MAX_DEPTH = 32;

  /** Requests per minute and client address to the sign-in endpoints (/auth/*). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_PER_MINUTE = 30;

  /** Requests per minute and client address to the expensive exports (audit log, reports). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_EXPORT_PER_MINUTE = 30;

  /** How long a break-glass opening of a case lasts (hours). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(168)
  BREAK_GLASS_HOURS = 24;

  /**
   * OpenTelemetry traces: `otlp` sends them to OTEL_EXPORTER_OTLP_ENDPOINT, `memory` keeps them in
   * the process (tests only), `off` creates none. Unset: `otlp` when an endpoint is set, else off.
   */
  @IsOptional()
  @IsIn(TRACING_EXPORTERS)
  TRACING?: TracingExporter;

  /** Base URL of an OTLP/HTTP collector (traces go to `<url>/v1/traces`), as the OpenTelemetry spec names it. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s):// URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsString()
  @MinLength(1)
  OTEL_SERVICE_NAME = 'sro-engine';
}
