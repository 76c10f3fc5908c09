import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@sro/config';

const key = () => randomBytes(32).toString('base64');

/** A complete production environment (OIDC, SMTP, public address) with fresh keys, for configuration tests. */
export function productionEnv(): Record<string, string> {
  return {
    DATABASE_URL: 'postgres://u:p@db:5432/sro',
    REDIS_URL: 'redis://redis:6379',
    TEMPORAL_ADDRESS: 'temporal:7233',
    PAYLOAD_KEYS: `k1:${key()}`,
    FIELD_KEYS: `f1:${key()}`,
    AUDIT_CHAIN_KEY: key(),
    SEARCH_INDEX_KEY: key(),
    SMTP_URL: 'smtp://mail.example:25',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER_URL: 'https://keycloak.example/realms/jugendamt',
    OIDC_AUDIENCE: 'sro-engine',
    APP_BASE_URL: 'https://sro.example.org',
  };
}

/** The test stack's configuration with some variables changed. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  // Queues of their own: another suite's worker must never take (and skip) this suite's jobs.
  return loadConfig({ ...process.env, QUEUE_PREFIX: `t${process.pid}-${++prefixes}`, ...overrides });
}

let prefixes = 0;
let counter = 0;
/** A task queue of its own for one test file, so workers of parallel files never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Date.now().toString(36)}`;
}
