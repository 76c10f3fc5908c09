import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../devstack/log';
import { dataDir, repoRoot } from '../devstack/paths';
import { prepareDatabase } from '../devstack/prepare-database';
import { preferredPort } from '../devstack/process-utils';
import { clearRuntime, writeRuntime } from '../devstack/runtime';
import { ensureDevSecrets } from '../devstack/secrets';
import { devAppEnvironment, ensureDemoProcesses } from '../devstack/dev-env';
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
    const prepared = await prepareDatabase(stack.databaseUrl, {
      seed: true,
      demoWork: true,
      ownerUrl: stack.databaseOwnerUrl,
      fieldKeys: env.FIELD_KEYS ?? secrets.FIELD_KEYS,
    });
    say(`database ready (${prepared.migrations.length} migrations applied; demo data ${JSON.stringify(prepared.seeded)})`);

    const appEnv = devAppEnvironment(root, data, stack, secrets, apiPort, env);
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
    await ensureDemoProcesses(apiUrl, stack, appEnv);
    writeRuntime({
      pid: process.pid,
      apiUrl,
      databaseUrl: stack.databaseUrl,
      databaseOwnerUrl: stack.databaseOwnerUrl,
      redisUrl: stack.redisUrl,
      temporalAddress: stack.temporalAddress,
      temporalUiUrl: stack.temporalUiUrl,
    });

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
