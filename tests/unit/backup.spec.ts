import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDataDir, restoreDataDir } from '../../scripts/devstack/backup';

describe('backup and restore of the embedded stack', () => {
  let dir: string;
  const data = () => join(dir, '.data');
  const write = (path: string, text: string) => {
    mkdirSync(join(data(), path, '..'), { recursive: true });
    writeFileSync(join(data(), path), text);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sro-backup-'));
    write('postgres/cluster/PG_VERSION', '16');
    write('temporal.sqlite', 'temporal-v1');
    write('redis/appendonly.aof', 'redis-v1');
    write('dev-secrets.json', '{"k":1}');
    write('audit-checkpoints/sro.checkpoints.jsonl', 'c1');
    write('logs/api.log', 'not backed up');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('restores every store to the moment of the backup and keeps what it replaced', () => {
    const archive = join(dir, 'b.tar.gz');
    expect(backupDataDir(data(), archive)).toEqual(['postgres', 'temporal.sqlite', 'redis', 'dev-secrets.json', 'audit-checkpoints']);
    rmSync(join(data(), 'postgres'), { recursive: true }); // the data directory destroyed
    write('temporal.sqlite', 'temporal-v2');
    const aside = restoreDataDir(data(), archive);
    expect(readFileSync(join(data(), 'postgres/cluster/PG_VERSION'), 'utf8')).toBe('16');
    expect(readFileSync(join(data(), 'temporal.sqlite'), 'utf8')).toBe('temporal-v1');
    expect(readFileSync(join(data(), 'redis/appendonly.aof'), 'utf8')).toBe('redis-v1');
    expect(readFileSync(join(aside, 'temporal.sqlite'), 'utf8')).toBe('temporal-v2');
    expect(existsSync(join(data(), 'logs/api.log'))).toBe(true);
  });

  it("carries the Temporal database's write-ahead log, and moves a stale one aside on restore", () => {
    write('temporal.sqlite-wal', 'wal-v1');
    const archive = join(dir, 'b.tar.gz');
    expect(backupDataDir(data(), archive)).toContain('temporal.sqlite-wal');
    rmSync(join(data(), 'temporal.sqlite-wal'));
    write('temporal.sqlite-shm', 'shm-after-backup'); // from a later run: must not meet the restored file
    const aside = restoreDataDir(data(), archive);
    expect(readFileSync(join(data(), 'temporal.sqlite-wal'), 'utf8')).toBe('wal-v1');
    expect(existsSync(join(data(), 'temporal.sqlite-shm'))).toBe(false);
    expect(readFileSync(join(aside, 'temporal.sqlite-shm'), 'utf8')).toBe('shm-after-backup');
  });

  it('refuses while the stack runs (a live PostgreSQL pid), and a missing archive, changing nothing', () => {
    write('postgres/cluster/postmaster.pid', `${process.pid}\n/x\n`);
    expect(() => backupDataDir(data(), join(dir, 'b.tar.gz'))).toThrow(/running/);
    expect(() => restoreDataDir(data(), join(dir, 'b.tar.gz'))).toThrow(/running/);
    rmSync(join(data(), 'postgres/cluster/postmaster.pid'));
    expect(() => restoreDataDir(data(), join(dir, 'missing.tar.gz'))).toThrow(/no archive/);
    expect(readFileSync(join(data(), 'temporal.sqlite'), 'utf8')).toBe('temporal-v1');
  });
});
