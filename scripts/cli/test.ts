import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { say } from '../devstack/log';
import { repoRoot } from '../devstack/paths';
import { prepareDatabase } from '../devstack/prepare-database';
import { ephemeralSecrets } from '../devstack/secrets';
import { startStack, Stack } from '../devstack/stack';
import { stackEnvironment } from '../devstack/stack-env';
import { resolveTestServer } from '../devstack/temporal';
import { resolveChromium } from '../devstack/chromium';

interface JestResult {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
}

/**
 * `npm test`: private PostgreSQL, Redis and Temporal on free ports (or the servers named in the
 * environment), migrations and demo data, then every Jest suite; everything is torn down after.
 */
async function main(): Promise<number> {
  const root = repoRoot();
  const workDir = mkdtempSync(join(tmpdir(), 'sro-test-'));
  chmodSync(workDir, 0o755);
  const secrets = ephemeralSecrets();
  let stack: Stack | undefined;
  const cleanup = async () => {
    await stack?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const started = Date.now();
    // Resolved first: a failure here must not leave a started stack behind.
    const testServer = await resolveTestServer();
    const chromium = resolveChromium();
    stack = await startStack({
      mode: 'test',
      dataDir: workDir,
      postgresPassword: secrets.POSTGRES_PASSWORD,
      external: { databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, temporalAddress: process.env.TEMPORAL_ADDRESS },
    });
    await prepareDatabase(stack.databaseUrl, { seed: true, ownerUrl: stack.databaseOwnerUrl, fieldKeys: secrets.FIELD_KEYS });
    say(
      `test stack up in ${Date.now() - started} ms (postgres ${stack.embedded.postgres ? 'embedded' : 'external'}, redis ${stack.embedded.redis ? 'private' : 'external'}, temporal ${stack.embedded.temporal ? 'dev server' : 'external'})`,
    );

    const resultsFile = join(workDir, 'jest-results.json');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...stackEnvironment(stack, secrets, workDir),
      TEMPORAL_TEST_SERVER: testServer,
      WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.js'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      SRO_TEST_STACK: '1',
      SRO_TEST_WORK_DIR: workDir,
      SRO_REDIS_PRIVATE: stack.embedded.redis ? '1' : '',
      SRO_CHROMIUM: chromium,
    };
    const jest = require.resolve('jest/bin/jest');
    const args = [jest, '--config', join(root, 'tests', 'jest.config.js'), '--json', '--outputFile', resultsFile, ...process.argv.slice(2)];
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
      child.on('exit', (c) => resolve(c ?? 1));
    });
    if (existsSync(resultsFile)) {
      const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestResult;
      // The plain closing line CI reads.
      process.stdout.write(
        `\ntests: ${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests + r.numTodoTests} skipped\n`,
      );
    }
    return code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`npm test could not run: ${(error as Error).message}`);
    process.exit(1);
  },
);
