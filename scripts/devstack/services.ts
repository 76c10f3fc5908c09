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

/** Starts a compiled app (`dist/apps/<name>/src/main.js`) with its JSON log in `logDir`. */
export function startApp(root: string, name: 'api' | 'worker', env: NodeJS.ProcessEnv, logDir: string): AppProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // BENCH_CPU_PROF_DIR: a CPU profile of each thread of the process, written there when it exits.
  const profile = env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(env.BENCH_CPU_PROF_DIR, name)}`] : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...profile, join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    env,
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
