import { join } from 'node:path';
import type { DevSecrets } from './secrets';
import type { Stack } from './stack';

/**
 * The variables an app (API, worker, test or benchmark) needs to run on a private stack in test
 * mode: its servers, its ephemeral secrets, dev tokens, and e-mail written to `<workDir>/mail`.
 */
export function stackEnvironment(
  stack: Pick<Stack, 'databaseUrl' | 'databaseOwnerUrl' | 'redisUrl' | 'temporalAddress'>,
  secrets: DevSecrets,
  workDir: string,
): Record<string, string> {
  return {
    SRO_ENV: 'test',
    AUTH_MODE: 'dev',
    AUTH_DEV_SECRET: secrets.AUTH_DEV_SECRET,
    PAYLOAD_KEYS: secrets.PAYLOAD_KEYS,
    FIELD_KEYS: secrets.FIELD_KEYS,
    AUDIT_CHAIN_KEY: secrets.AUDIT_CHAIN_KEY,
    AUDIT_CHECKPOINT_DIR: join(workDir, 'audit-checkpoints'),
    SEARCH_INDEX_KEY: secrets.SEARCH_INDEX_KEY,
    DOCUMENT_DIR: join(workDir, 'documents'),
    DATABASE_URL: stack.databaseUrl,
    // Not for the apps: tests and tools that migrate or make scratch databases use the owner role.
    ...(stack.databaseOwnerUrl ? { DATABASE_OWNER_URL: stack.databaseOwnerUrl } : {}),
    REDIS_URL: stack.redisUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    MAIL_TRANSPORT: 'file',
    MAIL_DIR: join(workDir, 'mail'),
    // Suites and benchmarks call the limited routes far more often than a person would.
    RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
    RATE_LIMIT_EXPORT_PER_MINUTE: '1000000',
  };
}
