import { join } from 'node:path';
import {
  ensureDemoAgreement,
  ensureDemoCasework,
  ensureDemoInterviewSchedule,
  ensureRetentionSchedule,
  startDemoProcesses,
} from './demo-processes';
import { say } from './log';
import type { DevSecrets } from './secrets';
import type { Stack } from './stack';

/**
 * The environment of API and worker under `npm start` and `npm run dev`: the stack's servers, the
 * development secrets in `.data/`, dev tokens and e-mail written to `.data/mail`, unless the
 * caller's environment names its own.
 */
export function devAppEnvironment(
  root: string,
  data: string,
  stack: Stack,
  secrets: DevSecrets,
  apiPort: number,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...env,
    SRO_ENV: env.SRO_ENV ?? 'development',
    AUTH_MODE: env.AUTH_MODE ?? 'dev',
    AUTH_DEV_SECRET: env.AUTH_DEV_SECRET ?? secrets.AUTH_DEV_SECRET,
    PAYLOAD_KEYS: env.PAYLOAD_KEYS ?? secrets.PAYLOAD_KEYS,
    FIELD_KEYS: env.FIELD_KEYS ?? secrets.FIELD_KEYS,
    AUDIT_CHAIN_KEY: env.AUDIT_CHAIN_KEY ?? secrets.AUDIT_CHAIN_KEY,
    AUDIT_CHECKPOINT_DIR: env.AUDIT_CHECKPOINT_DIR ?? join(data, 'audit-checkpoints'),
    SEARCH_INDEX_KEY: env.SEARCH_INDEX_KEY ?? secrets.SEARCH_INDEX_KEY,
    DOCUMENT_DIR: env.DOCUMENT_DIR ?? join(data, 'documents'),
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    API_HOST: env.API_HOST ?? '127.0.0.1',
    API_PORT: String(apiPort),
    WORKFLOW_BUNDLE_PATH: env.WORKFLOW_BUNDLE_PATH ?? join(root, 'dist', 'workflow-bundle.js'),
    WEB_DIST_DIR: env.WEB_DIST_DIR ?? join(root, 'dist', 'web'),
    MAIL_TRANSPORT: env.MAIL_TRANSPORT ?? (env.SMTP_URL ? 'smtp' : 'file'),
    MAIL_DIR: env.MAIL_DIR ?? join(data, 'mail'),
    APP_BASE_URL: env.APP_BASE_URL ?? `http://127.0.0.1:${apiPort}`,
  };
}

/** With dev sign-in: the demo processes and the schedules `npm start` creates (idempotent). */
export async function ensureDemoProcesses(apiUrl: string, stack: Stack, appEnv: NodeJS.ProcessEnv): Promise<void> {
  if (appEnv.AUTH_MODE !== 'dev') return;
  const demo = await startDemoProcesses(apiUrl, stack.databaseUrl, appEnv.AUTH_DEV_SECRET!);
  if (demo > 0) say(`started ${demo} demo social-space processes`);
  if (await ensureDemoInterviewSchedule(apiUrl, appEnv.AUTH_DEV_SECRET!))
    say('created the two-yearly interview schedule; the first cycle with all contract partners runs');
  if (await ensureRetentionSchedule(apiUrl, appEnv.AUTH_DEV_SECRET!)) say('created the daily retention schedule (02:00 Europe/Berlin)');
  // Demo work is a convenience: when it cannot be created, the system still starts and says why.
  try {
    const cases = await ensureDemoCasework(apiUrl, stack.databaseUrl, appEnv.AUTH_DEV_SECRET!);
    if (cases > 0) say(`opened ${cases} invented demo cases with Fallteam consultations (one waits for the adviser's recommendation)`);
    if (await ensureDemoAgreement(apiUrl, stack.databaseUrl, appEnv.AUTH_DEV_SECRET!))
      say('submitted a demo cooperation agreement; its approvers find the decision waiting');
  } catch (error) {
    say(`could not create the demo casework: ${error instanceof Error ? error.message : String(error)}`);
  }
}
