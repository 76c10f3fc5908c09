import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stopChild } from './process-utils';

export interface AppProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * The environment an app process starts with. glibc's malloc keeps up to eight arenas per core
 * for a process with many threads (the worker: its workflow thread, libuv's pool, the Temporal
 * core's runtime), and memory freed in one arena is not reused by another; with two arenas the
 * worker's RSS after `npm run bench` is lower at the same CPU per operation (README, Performance).
 * An operator's own MALLOC_ARENA_MAX wins.
 */
export function appProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...env };
}

/** Starts a compiled app (`dist/apps/<name>/src/main.js`) with its JSON log in `logDir`. */
export function startApp(
  root: string,
  name: 'api' | 'worker',
  env: NodeJS.ProcessEnv,
  logDir: string,
  nodeFlags: string[] = [],
): AppProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    env: appProcessEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  // Never outlive the process that started it (an interrupted benchmark, a failed start).
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  child.once('exit', () => process.removeListener('exit', orphanGuard));
  return { name, child, logFile, stop: () => stopChild(child, 15_000) };
}

/** Polls a URL until it answers 200. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process serving ${url} exited`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last.slice(0, 300)})`);
}
