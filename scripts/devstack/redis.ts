import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { say } from './log';
import { freePort, stopChild, waitForPort, which } from './process-utils';

export interface RedisServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `redis-server` from PATH or Debian's package, installed with apt-get when missing and we are root. */
export function resolveRedisServer(): string {
  const found = which('redis-server') ?? (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    say("installing Debian's redis-server package");
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (install.status === 0 && existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  }
  throw new Error(
    'redis-server is not installed and could not be installed automatically. ' +
      'Install it (apt-get install redis-server) or set REDIS_URL to a running Redis.',
  );
}

/** Starts a private redis-server on a free port with its append-only file in `dir`. */
export async function startRedis(dir: string, options: { port?: number; appendOnly?: boolean } = {}): Promise<RedisServer> {
  const binary = resolveRedisServer();
  const port = options.port ?? (await freePort());
  mkdirSync(dir, { recursive: true });
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    options.appendOnly === false ? 'no' : 'yes',
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
    '--loglevel',
    'warning',
  ];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForPort('127.0.0.1', port, 15_000, child, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, process: child, stop: () => stopChild(child) };
}
