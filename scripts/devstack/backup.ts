import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a backup of the embedded stack holds, relative to `.data/`. SQLite's write-ahead log and
 * shared-memory files belong to the Temporal database when present: without them a copy can miss
 * the last transactions, and a stale log left beside a restored file would be replayed into it.
 */
export const BACKUP_ITEMS = [
  'postgres',
  'temporal.sqlite',
  'temporal.sqlite-wal',
  'temporal.sqlite-shm',
  'redis',
  'dev-secrets.json',
  'audit-checkpoints',
] as const;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a running embedded PostgreSQL (the stack is up), or undefined. */
export function runningStackPid(dataDir: string): number | undefined {
  const pidFile = join(dataDir, 'postgres', 'cluster', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

function tar(args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar ${args[0]} failed: ${result.stderr || result.error?.message}`);
}

/**
 * A cold, consistent copy of the embedded stack: PostgreSQL's cluster directory, the Temporal dev
 * server's SQLite file, Redis' data (AOF), the local secrets (keys that open the sealed fields and
 * payloads) and the audit checkpoints, all taken while nothing runs, so the three stores agree on
 * one moment. Refuses while the stack is up.
 */
export function backupDataDir(dataDir: string, archive: string): string[] {
  const pid = runningStackPid(dataDir);
  if (pid) throw new Error(`the stack is running (PostgreSQL pid ${pid}); stop npm start first`);
  const items = BACKUP_ITEMS.filter((item) => existsSync(join(dataDir, item)));
  if (!items.includes('postgres')) throw new Error(`no embedded PostgreSQL under ${dataDir}`);
  tar(['-czf', archive, '-C', dataDir, ...items]);
  return items;
}

/**
 * Restores an archive of backupDataDir into `.data/`; what was there moves to
 * `.data/pre-restore-<time>/` (nothing is deleted). Refuses while the stack is up.
 */
export function restoreDataDir(dataDir: string, archive: string, now = new Date()): string {
  const pid = runningStackPid(dataDir);
  if (pid) throw new Error(`the stack is running (PostgreSQL pid ${pid}); stop npm start first`);
  if (!existsSync(archive)) throw new Error(`no archive at ${archive}`);
  tar(['-tzf', archive]); // readable before anything moves
  const aside = join(dataDir, `pre-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { recursive: true });
  for (const item of BACKUP_ITEMS) {
    if (existsSync(join(dataDir, item))) renameSync(join(dataDir, item), join(aside, item));
  }
  tar(['-xzf', archive, '-C', dataDir]);
  return aside;
}
