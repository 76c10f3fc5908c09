import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import {
  AUDIT_KEY_PATTERN,
  AuthMode,
  DocumentStoreKind,
  KEY_RING_PATTERN,
  EnvSchema,
  LogLevel,
  MailTransport,
  RuntimeEnv,
  TracingExporter,
} from './env.schema';
import { postgresConnection, RedisTls, TemporalTls } from './transport-security';

/** A start-up stopper: names every variable that is missing or malformed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface KeyRing {
  activeKeyId: string;
  keys: Map<string, Buffer>;
}

/** The typed, validated configuration; the only place that reads `process.env`. */
export class AppConfig {
  readonly env: RuntimeEnv;
  readonly api: { host: string; port: number; bodyLimit: string; jsonMaxDepth: number; corsOrigins: string[] };
  /** Requests per minute and client to the rate-limited route classes. */
  readonly rateLimits: { auth: number; export: number };
  readonly workerHealthPort?: number;
  /** The API's memory probe, on a port of its own (the soak samples it). */
  readonly apiProbePort?: number;
  /** Where the probes write heap snapshots on request (the soak); never in production. */
  readonly heapSnapshotDir?: string;
  readonly metrics: { token?: string; temporalBind?: string };
  /** `url` as configured (with its sslmode); `sslRootCert` the CA of DATABASE_SSL_ROOT_CERT. */
  readonly database: { url: string; poolSize: number; sslRootCert?: Buffer };
  /** `tls` is set exactly for rediss:// URLs. */
  readonly redis: { url: string; queuePrefix: string; password?: string; tls?: RedisTls };
  /** `tls` is set when TLS towards Temporal is configured. */
  readonly temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    workflowBundlePath?: string;
    workflowCacheSize: number;
    workflowThreads: number;
    workflowTaskSlots: number;
    localActivitySlots: number;
    tls?: TemporalTls;
  };
  readonly audit: { chainKey: Buffer; checkpointDir: string; checkpointIntervalMs: number };
  readonly payloadKeys: KeyRing;
  readonly fieldKeys: KeyRing;
  /** Key of the blind search indexes over case names (HMAC-SHA-256). */
  readonly searchIndexKey: Buffer;
  /** Case documents: where they are kept (sealed with the field keys) and how large one may be. */
  readonly documents: {
    store: DocumentStoreKind;
    dir: string;
    maxBytes: number;
    s3?: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };
  };
  readonly auth: {
    mode: AuthMode;
    devSecret?: string;
    issuerUrl?: string;
    audience?: string;
    jwksUrl?: string;
    rolesClaim: string;
    clientId?: string;
    scope: string;
    /** Just-in-time provisioning of unknown subjects, with the claims it maps. */
    jit: { enabled: boolean; groupsClaim: string; groupMapping: Record<string, GroupGrant> };
  };
  readonly web: { distDir: string };
  readonly logLevel: LogLevel;
  /** OpenTelemetry: where spans go (off by default), the collector's base URL and the service name. */
  readonly tracing: { exporter: TracingExporter; otlpEndpoint?: string; serviceName: string };
  readonly mail: { transport: MailTransport; smtpUrl?: string; dir?: string; from: string };
  readonly appBaseUrl: string;
  readonly reminders: { concurrency: number; reconcileIntervalMs: number; attempts: number; backoffMs: number };
  /** Calendar years before the current one in which time entries are still accepted. */
  readonly timeEntryPastYears: number;
  /** Need-to-know access to case files: how long a break-glass opening lasts. */
  readonly caseAccess: { breakGlassMs: number };

  constructor(env: EnvSchema, files: TransportFiles = readTransportFiles(env)) {
    this.env = env.SRO_ENV;
    this.api = {
      host: env.API_HOST,
      port: env.API_PORT,
      bodyLimit: env.HTTP_BODY_LIMIT,
      jsonMaxDepth: env.HTTP_JSON_MAX_DEPTH,
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    };
    this.rateLimits = { auth: env.RATE_LIMIT_AUTH_PER_MINUTE, export: env.RATE_LIMIT_EXPORT_PER_MINUTE };
    this.workerHealthPort = env.WORKER_HEALTH_PORT;
    this.apiProbePort = env.API_PROBE_PORT;
    this.heapSnapshotDir = env.HEAP_SNAPSHOT_DIR;
    this.metrics = { token: env.METRICS_TOKEN, temporalBind: env.TEMPORAL_METRICS_BIND };
    this.database = { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, sslRootCert: files.databaseRootCert };
    this.redis = {
      url: env.REDIS_URL,
      queuePrefix: env.QUEUE_PREFIX,
      password: env.REDIS_PASSWORD,
      tls: env.REDIS_URL.startsWith('rediss://') ? { ca: files.redisCa } : undefined,
    };
    this.temporal = {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
      workflowCacheSize: env.WORKFLOW_CACHE_SIZE,
      workflowThreads: env.WORKFLOW_THREADS,
      workflowTaskSlots: env.WORKFLOW_TASK_SLOTS,
      localActivitySlots: env.LOCAL_ACTIVITY_SLOTS,
      tls: temporalTls(env, files),
    };
    this.audit = {
      chainKey: parseAuditKey(env.AUDIT_CHAIN_KEY),
      checkpointDir: env.AUDIT_CHECKPOINT_DIR,
      checkpointIntervalMs: env.AUDIT_CHECKPOINT_INTERVAL_HOURS * 3600 * 1000,
    };
    this.payloadKeys = parseKeyRing(env.PAYLOAD_KEYS);
    this.fieldKeys = parseKeyRing(env.FIELD_KEYS);
    this.searchIndexKey = Buffer.from(env.SEARCH_INDEX_KEY, 'base64');
    this.documents = {
      store: env.DOCUMENT_STORE,
      dir: env.DOCUMENT_DIR,
      maxBytes: env.DOCUMENT_MAX_BYTES,
      s3:
        env.DOCUMENT_STORE === 's3'
          ? {
              endpoint: env.DOCUMENT_S3_ENDPOINT!.replace(/\/$/, ''),
              bucket: env.DOCUMENT_S3_BUCKET!,
              region: env.DOCUMENT_S3_REGION,
              accessKeyId: env.DOCUMENT_S3_ACCESS_KEY_ID!,
              secretAccessKey: env.DOCUMENT_S3_SECRET_ACCESS_KEY!,
            }
          : undefined,
    };
    this.auth = {
      mode: env.AUTH_MODE,
      devSecret: env.AUTH_DEV_SECRET,
      issuerUrl: env.OIDC_ISSUER_URL,
      audience: env.OIDC_AUDIENCE,
      jwksUrl: env.OIDC_JWKS_URL,
      rolesClaim: env.OIDC_ROLES_CLAIM,
      clientId: env.OIDC_CLIENT_ID,
      scope: env.OIDC_SCOPE,
      jit: {
        enabled: env.OIDC_JIT_PROVISIONING === 'true',
        groupsClaim: env.OIDC_GROUPS_CLAIM,
        groupMapping: parseGroupMapping(env.OIDC_GROUP_MAPPING),
      },
    };
    this.web = { distDir: env.WEB_DIST_DIR };
    this.logLevel = env.LOG_LEVEL;
    this.tracing = {
      exporter: env.TRACING ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT ? 'otlp' : 'off'),
      otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/$/, ''),
      serviceName: env.OTEL_SERVICE_NAME,
    };
    this.mail = { transport: env.MAIL_TRANSPORT, smtpUrl: env.SMTP_URL, dir: env.MAIL_DIR, from: env.MAIL_FROM };
    this.appBaseUrl = env.APP_BASE_URL.replace(/\/$/, '');
    this.reminders = {
      concurrency: env.REMINDER_CONCURRENCY,
      reconcileIntervalMs: env.RECONCILE_INTERVAL_SECONDS * 1000,
      attempts: env.REMINDER_ATTEMPTS,
      backoffMs: env.REMINDER_BACKOFF_MS,
    };
    this.timeEntryPastYears = env.TIME_ENTRY_PAST_YEARS;
    this.caseAccess = { breakGlassMs: env.BREAK_GLASS_HOURS * 3600 * 1000 };
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }
}

/** What membership of an identity-provider group grants a user provisioned at first sign-in (codes, not ids). */
export interface GroupGrant {
  socialSpaces: string[];
  planningRegions: string[];
  team?: string;
}

/** Parses OIDC_GROUP_MAPPING; a malformed value stops start-up. */
export function parseGroupMapping(value: string | undefined): Record<string, GroupGrant> {
  if (!value) return {};
  const invalid = () =>
    new ConfigError(['OIDC_GROUP_MAPPING must be a JSON object: group → {socialSpaces?: [code], planningRegions?: [code], team?: name}']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const codes = (v: unknown) => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || !v.every((c) => typeof c === 'string')) throw invalid();
    return v as string[];
  };
  const mapping: Record<string, GroupGrant> = {};
  for (const [group, grant] of Object.entries(parsed as Record<string, unknown>)) {
    if (!grant || typeof grant !== 'object' || Array.isArray(grant)) throw invalid();
    const g = grant as Record<string, unknown>;
    if (Object.keys(g).some((k) => !['socialSpaces', 'planningRegions', 'team'].includes(k))) throw invalid();
    if (g.team !== undefined && typeof g.team !== 'string') throw invalid();
    mapping[group] = { socialSpaces: codes(g.socialSpaces), planningRegions: codes(g.planningRegions), team: g.team as string | undefined };
  }
  return mapping;
}

/** Parses `keyId:base64,...`; the first key is the one that encrypts. */
export function parseKeyRing(value: string): KeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of value.split(',')) {
    const [id, material] = entry.split(':');
    keys.set(id, Buffer.from(material, 'base64'));
  }
  return { activeKeyId: value.split(':')[0], keys };
}

/** The PEM files the transport settings name, read once at start (a certificate renewal needs a restart). */
interface TransportFiles {
  databaseRootCert?: Buffer;
  redisCa?: Buffer;
  temporalCa?: Buffer;
  temporalCert?: Buffer;
  temporalKey?: Buffer;
}

const PEM_FILES = {
  databaseRootCert: 'DATABASE_SSL_ROOT_CERT',
  redisCa: 'REDIS_TLS_CA',
  temporalCa: 'TEMPORAL_TLS_CA',
  temporalCert: 'TEMPORAL_TLS_CERT',
  temporalKey: 'TEMPORAL_TLS_KEY',
} as const satisfies Record<keyof TransportFiles, keyof EnvSchema>;

/** Reads the PEM files; `problems` collects what is missing or not PEM (without it, the first problem throws). */
function readTransportFiles(env: EnvSchema, problems?: string[]): TransportFiles {
  const files: TransportFiles = {};
  for (const [field, name] of Object.entries(PEM_FILES) as Array<[keyof TransportFiles, (typeof PEM_FILES)[keyof TransportFiles]]>) {
    const path = env[name];
    if (!path) continue;
    let problem: string | undefined;
    try {
      const content = readFileSync(path);
      if (!content.includes('-----BEGIN ')) problem = `${name}: ${path} is not a PEM file`;
      else files[field] = content;
    } catch (error) {
      problem = `${name}: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    if (problem && !problems) throw new ConfigError([problem]);
    if (problem) problems!.push(problem);
  }
  return files;
}

function temporalTls(env: EnvSchema, files: TransportFiles): TemporalTls | undefined {
  const configured = Boolean(env.TEMPORAL_TLS_CA || env.TEMPORAL_TLS_CERT || env.TEMPORAL_TLS_KEY || env.TEMPORAL_TLS_SERVER_NAME);
  if (env.TEMPORAL_TLS !== 'true' && !configured) return undefined;
  return {
    ca: files.temporalCa,
    clientCert: files.temporalCert && files.temporalKey ? { cert: files.temporalCert, key: files.temporalKey } : undefined,
    serverName: env.TEMPORAL_TLS_SERVER_NAME,
  };
}

/** What is inconsistent in the transport settings (files are checked by readTransportFiles). */
function transportProblems(env: EnvSchema): string[] {
  const problems: string[] = [];
  if (Boolean(env.TEMPORAL_TLS_CERT) !== Boolean(env.TEMPORAL_TLS_KEY))
    problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mTLS needs the certificate and its key)');
  if (
    env.TEMPORAL_TLS === 'false' &&
    (env.TEMPORAL_TLS_CA || env.TEMPORAL_TLS_CERT || env.TEMPORAL_TLS_KEY || env.TEMPORAL_TLS_SERVER_NAME)
  )
    problems.push('TEMPORAL_TLS=false contradicts the TEMPORAL_TLS_* settings');
  if (env.REDIS_TLS_CA && !env.REDIS_URL?.startsWith('rediss://')) problems.push('REDIS_TLS_CA needs a rediss:// REDIS_URL');
  if (env.REDIS_PASSWORD && env.REDIS_URL && URL.canParse(env.REDIS_URL) && new URL(env.REDIS_URL).password)
    problems.push('REDIS_PASSWORD and a password in REDIS_URL: give it once');
  if (env.DATABASE_URL && URL.canParse(env.DATABASE_URL)) {
    try {
      // With a placeholder CA: whether a CA is there is what matters here, its content was read above.
      postgresConnection(env.DATABASE_URL, env.DATABASE_SSL_ROOT_CERT ? Buffer.from('-') : undefined);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** A key ring for tools that need one without the whole configuration (FIELD_KEYS for the migrations). */
export function parseCheckedKeyRing(name: string, value: string): KeyRing {
  if (!KEY_RING_PATTERN.test(value)) throw new ConfigError([`${name} must be keyId:base64(32 bytes)[,keyId:base64(32 bytes)...]`]);
  return parseKeyRing(value);
}

/** The audit chain's key (for tools that verify the chain without the whole configuration). */
export function parseAuditKey(value: string): Buffer {
  if (!AUDIT_KEY_PATTERN.test(value)) throw new ConfigError(['AUDIT_CHAIN_KEY must be base64 of 32 bytes']);
  return Buffer.from(value, 'base64');
}

const REQUIRED = [
  'DATABASE_URL',
  'REDIS_URL',
  'TEMPORAL_ADDRESS',
  'PAYLOAD_KEYS',
  'FIELD_KEYS',
  'AUDIT_CHAIN_KEY',
  'SEARCH_INDEX_KEY',
] as const;

function describe(errors: ValidationError[], missing: Set<string>): string[] {
  return errors
    .filter((error) => !missing.has(error.property))
    .flatMap((error) =>
      Object.values(error.constraints ?? {}).map((message) =>
        message.startsWith(error.property) ? message : `${error.property}: ${message}`,
      ),
    );
}

/** Tokens of a production installation must be meant for it and come from an issuer reached over TLS. */
function productionOidcProblems(env: EnvSchema): string[] {
  const problems: string[] = [];
  if (!env.OIDC_AUDIENCE) problems.push('OIDC_AUDIENCE is required when SRO_ENV=production');
  for (const name of ['OIDC_ISSUER_URL', 'OIDC_JWKS_URL'] as const) {
    if (env[name] && !env[name]!.startsWith('https://')) problems.push(`${name} must be an https:// URL when SRO_ENV=production`);
  }
  return problems;
}

/** Validates an environment (defaults to `process.env`) and returns the typed config, or throws ConfigError. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') relevant[name] = value;
  }
  const env = plainToInstance(EnvSchema, relevant, { exposeDefaultValues: true });
  const missing = new Set<string>(REQUIRED.filter((name) => !relevant[name]));
  const problems = [...missing].map((name) => `${name} is required`);
  problems.push(...describe(validateSync(env), missing));
  if (env.SRO_ENV === 'production' && env.AUTH_MODE === 'dev') {
    problems.push('AUTH_MODE=dev is not allowed when SRO_ENV=production (use oidc)');
  }
  if (env.SRO_ENV === 'production' && env.AUTH_MODE === 'oidc') problems.push(...productionOidcProblems(env));
  problems.push(...transportProblems(env));
  const files = readTransportFiles(env, problems);
  // Links in e-mails must reach the installation: no silent localhost default in production.
  if (env.SRO_ENV === 'production' && !relevant.APP_BASE_URL) problems.push('APP_BASE_URL is required when SRO_ENV=production');
  else if (env.SRO_ENV === 'production' && !env.APP_BASE_URL.startsWith('https://'))
    problems.push('APP_BASE_URL must be an https:// URL when SRO_ENV=production');
  if (env.TRACING === 'otlp' && !env.OTEL_EXPORTER_OTLP_ENDPOINT) problems.push('TRACING=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT');
  if (env.SRO_ENV === 'production' && env.TRACING === 'memory') problems.push('TRACING=memory is for tests, not for SRO_ENV=production');
  if (env.SRO_ENV === 'production' && env.HEAP_SNAPSHOT_DIR)
    problems.push('HEAP_SNAPSHOT_DIR is for the soak, not for SRO_ENV=production (heap snapshots hold personal data)');
  if (problems.length > 0) {
    throw new ConfigError([...new Set(problems)]);
  }
  return new AppConfig(env, files);
}
