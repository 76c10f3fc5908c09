import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  AUTH_DEV_SECRET: string;
  PAYLOAD_KEYS: string;
  FIELD_KEYS: string;
  POSTGRES_PASSWORD: string;
  AUDIT_CHAIN_KEY: string;
  SEARCH_INDEX_KEY: string;
}

/** Random secrets for a local installation, made once and kept in `.data/dev-secrets.json` (0600). */
export function ensureDevSecrets(dir: string): DevSecrets {
  const file = join(dir, 'dev-secrets.json');
  const existing: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: DevSecrets = {
    AUTH_DEV_SECRET: existing.AUTH_DEV_SECRET ?? randomBytes(32).toString('base64url'),
    PAYLOAD_KEYS: existing.PAYLOAD_KEYS ?? `p1:${randomBytes(32).toString('base64')}`,
    FIELD_KEYS: existing.FIELD_KEYS ?? `f1:${randomBytes(32).toString('base64')}`,
    POSTGRES_PASSWORD: existing.POSTGRES_PASSWORD ?? randomBytes(18).toString('base64url'),
    AUDIT_CHAIN_KEY: existing.AUDIT_CHAIN_KEY ?? randomBytes(32).toString('base64'),
    SEARCH_INDEX_KEY: existing.SEARCH_INDEX_KEY ?? randomBytes(32).toString('base64'),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** Throwaway secrets for one test run. */
export function ephemeralSecrets(): DevSecrets {
  return {
    AUTH_DEV_SECRET: randomBytes(32).toString('base64url'),
    PAYLOAD_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    FIELD_KEYS: `t1:${randomBytes(32).toString('base64')}`,
    POSTGRES_PASSWORD: randomBytes(12).toString('base64url'),
    AUDIT_CHAIN_KEY: randomBytes(32).toString('base64'),
    SEARCH_INDEX_KEY: randomBytes(32).toString('base64'),
  };
}
