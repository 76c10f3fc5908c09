import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { AUDIT_KEY_PATTERN, AuthMode, EnvSchema, LogLevel, MailTransport, RuntimeEnv, TracingExporter } from './env.schema';

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
  readonly metrics: { token?: string; temporalBind?: string };
  readonly database: { url: string; poolSize: number };
  readonly redis: { url: string; queuePrefix: string };
  readonly temporal: { address: string; namespace: string; taskQueue: string; workflowBundlePath?: string; workflowCacheSize: number };
  readonly audit: { chainKey: Buffer; checkpointDir: string; checkpointIntervalMs: number };
  readonly payloadKeys: KeyRing;
  readonly fieldKeys: KeyRing;
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

  constructor(env: EnvSchema) {
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
    this.metrics = { token: env.METRICS_TOKEN, temporalBind: env.TEMPORAL_METRICS_BIND };
    this.database = { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE };
    this.redis = { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX };
    this.temporal = {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
      workflowCacheSize: env.WORKFLOW_CACHE_SIZE,
    };
    this.audit = {
      chainKey: parseAuditKey(env.AUDIT_CHAIN_KEY),
      checkpointDir: env.AUDIT_CHECKPOINT_DIR,
      checkpointIntervalMs: env.AUDIT_CHECKPOINT_INTERVAL_HOURS * 3600 * 1000,
    };
    this.payloadKeys = parseKeyRing(env.PAYLOAD_KEYS);
    this.fieldKeys = parseKeyRing(env.FIELD_KEYS);
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

/** The audit chain's key (for tools that verify the chain without the whole configuration). */
export function parseAuditKey(value: string): Buffer {
  if (!AUDIT_KEY_PATTERN.test(value)) throw new ConfigError(['AUDIT_CHAIN_KEY must be base64 of 32 bytes']);
  return Buffer.from(value, 'base64');
}

const REQUIRED = ['DATABASE_URL', 'REDIS_URL', 'TEMPORAL_ADDRESS', 'PAYLOAD_KEYS', 'FIELD_KEYS', 'AUDIT_CHAIN_KEY'] as const;

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
  // Links in e-mails must reach the installation: no silent localhost default in production.
  if (env.SRO_ENV === 'production' && !relevant.APP_BASE_URL) problems.push('APP_BASE_URL is required when SRO_ENV=production');
  else if (env.SRO_ENV === 'production' && !env.APP_BASE_URL.startsWith('https://'))
    problems.push('APP_BASE_URL must be an https:// URL when SRO_ENV=production');
  if (env.TRACING === 'otlp' && !env.OTEL_EXPORTER_OTLP_ENDPOINT) problems.push('TRACING=otlp needs OTEL_EXPORTER_OTLP_ENDPOINT');
  if (env.SRO_ENV === 'production' && env.TRACING === 'memory') problems.push('TRACING=memory is for tests, not for SRO_ENV=production');
  if (problems.length > 0) {
    throw new ConfigError([...new Set(problems)]);
  }
  return new AppConfig(env);
}
