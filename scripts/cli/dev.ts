import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devAppEnvironment, ensureDemoProcesses } from '../devstack/dev-env';
import { say } from '../devstack/log';
import { dataDir, repoRoot } from '../devstack/paths';
import { prepareDatabase } from '../devstack/prepare-database';
import { preferredPort, stopChild } from '../devstack/process-utils';
import { clearRuntime, writeRuntime } from '../devstack/runtime';
import { ensureDevSecrets } from '../devstack/secrets';
import { AppProcess, startApp, waitForHttp } from '../devstack/services';
import { startStack, Stack } from '../devstack/stack';

type AppName = 'api' | 'worker';

/** A hash of the compiled workflow code: the bundle is rebuilt only when it changed. */
function workflowsHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, 'dist', 'workflows'));
  return hash.digest('hex');
}

/** Runs a Node script to completion; false (with its output shown) when it failed. */
function runNode(root: string, args: string[], what: string): boolean {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status === 0) return true;
  say(`${what} failed:\n${result.stdout}${result.stderr}`);
  return false;
}

/**
 * `tsc --watch` over the build config. Calls `onCompiled` after every pass with its error count;
 * the errors themselves are printed as tsc reports them.
 */
function watchCompiler(root: string, onCompiled: (errors: number) => void): ChildProcess {
  const tsc = spawn(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let pending = '';
  tsc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const done = /Found (\d+) errors?\. Watching for file changes/.exec(line);
      if (done) onCompiled(Number(done[1]));
      else if (/error TS\d+/.test(line) || /^\s{2,}/.test(line)) process.stderr.write(`${line}\n`);
    }
  });
  return tsc;
}

/**
 * `npm run dev`: the stack of `npm start` (same `.data/`), API and worker from `dist/` restarted
 * after every successful compile of `tsc --watch` (aliases rewritten, the workflow bundle rebuilt
 * when workflow code changed), and the web app from Vite's dev server with hot reload and a proxy
 * to the API.
 */
async function main(): Promise<void> {
  const root = repoRoot();
  const data = dataDir(root);
  const secrets = ensureDevSecrets(data);
  const env = process.env;
  const logDir = join(data, 'logs');
  let stack: Stack | undefined;
  let appEnv: NodeJS.ProcessEnv | undefined;
  const apps = new Map<AppName, AppProcess>();
  const expectedExit = new Set<AppProcess>();
  let vite: ChildProcess | undefined;
  let tsc: ChildProcess | undefined;
  let stopping = false;
  let bundled = workflowsHash(root);
  // Passes of the compiler are handled one after the other; a pass during a restart waits.
  let restarts: Promise<void> = Promise.resolve();
  let firstPass: (errors: number) => void = () => undefined;
  const firstPassDone = new Promise<number>((resolve) => (firstPass = resolve));

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    tsc?.kill('SIGTERM');
    for (const app of apps.values()) expectedExit.add(app);
    await Promise.all([...apps.values()].map((a) => a.stop()));
    await stopChild(vite);
    await stack?.stop();
    clearRuntime();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const startOne = (name: AppName) => {
    const app = startApp(root, name, appEnv!, logDir);
    apps.set(name, app);
    app.child.on('exit', (code) => {
      if (stopping || expectedExit.has(app)) return;
      say(`${name} exited (${code}); it starts again after the next successful compile. Last lines of ${app.logFile}:`);
      process.stderr.write(readFileSync(app.logFile, 'utf8').split('\n').slice(-15).join('\n') + '\n');
    });
  };

  const restartApps = async () => {
    const started = Date.now();
    const running = [...apps.values()];
    for (const app of running) expectedExit.add(app);
    // The worker drains its activities within its shutdown grace time; in development, 15 s is plenty.
    await Promise.all(running.map((a) => a.stop()));
    startOne('worker');
    startOne('api');
    const api = apps.get('api')!;
    try {
      await waitForHttp(`http://127.0.0.1:${appEnv!.API_PORT}/health`, 90_000, () => api.child.exitCode === null);
      say(`api and worker restarted (${Date.now() - started} ms)`);
    } catch (error) {
      say(`the API did not come up: ${(error as Error).message}`);
    }
  };

  const onCompiled = (errors: number) => {
    firstPass(errors);
    if (!appEnv) return; // the first pass: main() starts the apps once the stack is up
    restarts = restarts.then(async () => {
      if (stopping) return;
      if (errors > 0) {
        say(`${errors} compile error(s); API and worker keep running the last good build`);
        return;
      }
      if (!runNode(root, [require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'], 'alias rewriting')) return;
      const hash = workflowsHash(root);
      if (hash !== bundled) {
        say('workflow code changed: bundling…');
        if (
          !runNode(
            root,
            [join(root, 'dist', 'scripts', 'cli', 'bundle-workflows.js'), join(root, 'dist', 'workflow-bundle.js')],
            'workflow bundling',
          )
        )
          return;
        bundled = hash;
      }
      say('compiled; restarting api and worker…');
      await restartApps();
    });
  };

  try {
    const apiPort = env.API_PORT ? Number(env.API_PORT) : await preferredPort(3000);
    const webPort = env.WEB_DEV_PORT ? Number(env.WEB_DEV_PORT) : await preferredPort(5173);
    // The compiler's first pass runs while the servers start.
    tsc = watchCompiler(root, onCompiled);
    tsc.on('exit', (code) => {
      if (!stopping) {
        say(`tsc --watch exited (${code})`);
        void shutdown(1);
      }
    });
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
      fieldKeys: env.FIELD_KEYS ?? secrets.FIELD_KEYS,
    });
    say(`database ready (${prepared.migrations.length} migrations applied)`);
    say('waiting for the first compile…');
    const errors = await firstPassDone;
    if (errors > 0) say(`${errors} compile error(s): starting API and worker from the last good build in dist/`);
    else runNode(root, [require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'], 'alias rewriting');
    appEnv = devAppEnvironment(root, data, stack, secrets, apiPort, env);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    startOne('worker');
    startOne('api');
    await waitForHttp(`${apiUrl}/health`, 90_000, () => [...apps.values()].every((a) => a.child.exitCode === null));
    await ensureDemoProcesses(apiUrl, stack, appEnv);
    writeRuntime({
      pid: process.pid,
      apiUrl,
      databaseUrl: stack.databaseUrl,
      redisUrl: stack.redisUrl,
      temporalAddress: stack.temporalAddress,
      temporalUiUrl: stack.temporalUiUrl,
    });

    vite = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        '--config',
        join(root, 'apps', 'web', 'vite.config.mjs'),
        '--host',
        '127.0.0.1',
        '--port',
        String(webPort),
        '--strictPort',
      ],
      {
        cwd: root,
        env: { ...env, SRO_API_URL: apiUrl },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    vite.on('exit', (code) => {
      if (!stopping) say(`the Vite dev server exited (${code}); API and worker keep running`);
    });
    const webUrl = `http://127.0.0.1:${webPort}`;
    // Vite's own client module: `/` without a browser's Accept header is the API's (404).
    await waitForHttp(`${webUrl}/@vite/client`, 60_000, () => vite?.exitCode === null);

    const lines = [
      '',
      'SRO Engine is running in development mode.',
      `  Web app      ${webUrl}/   (Vite, hot reload; API calls go to ${apiUrl})`,
      `  API          ${apiUrl}   (restarts after every successful compile)`,
      `  API docs     ${apiUrl}/docs`,
      `  Temporal UI  ${stack.temporalUiUrl ?? '(external Temporal at ' + stack.temporalAddress + ')'}`,
      `  Logs         ${logDir}/{api,worker}.log`,
      '',
      'Edit apps/, libs/, workflows/: tsc recompiles, then API and worker restart (the workflow bundle is rebuilt when workflow code changed).',
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
