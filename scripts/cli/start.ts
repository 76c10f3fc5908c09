import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../devstack/log';
import { dataDir, repoRoot } from '../devstack/paths';
import { prepareDatabase } from '../devstack/prepare-database';
import { preferredPort } from '../devstack/process-utils';
import { clearRuntime, writeRuntime } from '../devstack/runtime';
import { ensureDevSecrets } from '../devstack/secrets';
import { ensureDemoInterviewSchedule, ensureRetentionSchedule, startDemoProcesses } from '../devstack/demo-processes';
import { AppProcess, startApp, waitForHttp } from '../devstack/services';
import { startStack, Stack } from '../devstack/stack';

/** `npm start`: the whole system on embedded defaults (or the servers named in the environment). */
async function main(): Promise<void> {
  const root = repoRoot();
  const data = dataDir(root);
  const secrets = ensureDevSecrets(data);
  const env = process.env;
  let stack: Stack | undefined;
  const apps: AppProcess[] = [];
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(apps.map((a) => a.stop()));
    await stack?.stop();
    clearRuntime();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const apiPort = env.API_PORT ? Number(env.API_PORT) : await preferredPort(3000);
    say('starting PostgreSQL, Redis and Temporal…');
    stack = await startStack({
      mode: 'dev',
      dataDir: data,
      postgresPassword: secrets.POSTGRES_PASSWORD,
      external: { databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, temporalAddress: env.TEMPORAL_ADDRESS },
    });
    const prepared = await prepareDatabase(stack.databaseUrl, { seed: true, ownerUrl: stack.databaseOwnerUrl });
    say(`database ready (${prepared.migrations.length} migrations applied; demo data ${JSON.stringify(prepared.seeded)})`);

    const appEnv: NodeJS.ProcessEnv = {
      ...env,
      SRO_ENV: env.SRO_ENV ?? 'development',
      AUTH_MODE: env.AUTH_MODE ?? 'dev',
      AUTH_DEV_SECRET: env.AUTH_DEV_SECRET ?? secrets.AUTH_DEV_SECRET,
      PAYLOAD_KEYS: env.PAYLOAD_KEYS ?? secrets.PAYLOAD_KEYS,
      FIELD_KEYS: env.FIELD_KEYS ?? secrets.FIELD_KEYS,
      AUDIT_CHAIN_KEY: env.AUDIT_CHAIN_KEY ?? secrets.AUDIT_CHAIN_KEY,
      AUDIT_CHECKPOINT_DIR: env.AUDIT_CHECKPOINT_DIR ?? join(data, 'audit-checkpoints'),
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      API_HOST: env.API_HOST ?? '127.0.0.1',
      API_PORT: String(apiPort),
      WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.js'),
      WEB_DIST_DIR: env.WEB_DIST_DIR ?? join(root, 'dist', 'web'),
      MAIL_TRANSPORT: env.MAIL_TRANSPORT ?? (env.SMTP_URL ? 'smtp' : 'file'),
      MAIL_DIR: env.MAIL_DIR ?? join(data, 'mail'),
      APP_BASE_URL: env.APP_BASE_URL ?? `http://127.0.0.1:${apiPort}`,
    };
    const logDir = join(data, 'logs');
    apps.push(startApp(root, 'worker', appEnv, logDir), startApp(root, 'api', appEnv, logDir));
    for (const app of apps) {
      app.child.on('exit', (code) => {
        if (stopping) return;
        say(`${app.name} exited (${code}); last lines of ${app.logFile}:`);
        process.stderr.write(readFileSync(app.logFile, 'utf8').split('\n').slice(-15).join('\n') + '\n');
        void shutdown(1);
      });
    }
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHttp(`${apiUrl}/health`, 90_000, () => apps.every((a) => a.child.exitCode === null));
    if (appEnv.AUTH_MODE === 'dev') {
      const demo = await startDemoProcesses(apiUrl, stack.databaseUrl, appEnv.AUTH_DEV_SECRET!);
      if (demo > 0) say(`started ${demo} demo social-space processes`);
      if (await ensureDemoInterviewSchedule(apiUrl, appEnv.AUTH_DEV_SECRET!)) say('created the two-yearly interview schedule; the first cycle with all contract partners runs');
      if (await ensureRetentionSchedule(apiUrl, appEnv.AUTH_DEV_SECRET!)) say('created the daily retention schedule (02:00 Europe/Berlin)');
    }
    writeRuntime({ pid: process.pid, apiUrl, databaseUrl: stack.databaseUrl, databaseOwnerUrl: stack.databaseOwnerUrl, redisUrl: stack.redisUrl, temporalAddress: stack.temporalAddress, temporalUiUrl: stack.temporalUiUrl });

    const lines = [
      '',
      'SRO Engine is running.',
      `  Web app      ${apiUrl}/   (sign in as a demo user)`,
      `  API          ${apiUrl}`,
      `  Health       ${apiUrl}/health`,
      `  API docs     ${apiUrl}/docs   (OpenAPI: ${apiUrl}/docs-json)`,
      `  Temporal UI  ${stack.temporalUiUrl ?? '(external Temporal at ' + stack.temporalAddress + ')'}`,
      `  Logs         ${logDir}/{api,worker}.log`,
      '',
      'Get a token for a demo user (roles: caseworker, coordinator, admin, adviser, approver):',
      '  npm run -s token -- admin',
      `  curl -H "Authorization: Bearer $(npm run -s token -- admin)" ${apiUrl}/audit`,
      '',
      'Press Ctrl-C to stop everything.',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } catch (error) {
    say(`could not start: ${(error as Error).message}`);
    await shutdown(1);
  }
}

void main();
