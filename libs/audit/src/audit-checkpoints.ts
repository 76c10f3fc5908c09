import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A signed statement that the audit chain of a database had, at a time, this row as its end. */
export interface AuditCheckpoint {
  v: 1;
  database: string;
  id: string;
  hash: string;
  at: string;
  mac: string;
}

export type UnsignedCheckpoint = Omit<AuditCheckpoint, 'mac' | 'v'>;

function macOf(key: Buffer, checkpoint: UnsignedCheckpoint): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([1, checkpoint.database, checkpoint.id, checkpoint.hash, checkpoint.at]))
    .digest('hex');
}

/** Signs a checkpoint with HMAC-SHA-256 (the checkpoint key, not the chain key). */
export function signCheckpoint(key: Buffer, checkpoint: UnsignedCheckpoint): AuditCheckpoint {
  return { v: 1, ...checkpoint, mac: macOf(key, checkpoint) };
}

/** Whether a checkpoint's signature holds. */
export function checkpointSignatureHolds(key: Buffer, checkpoint: AuditCheckpoint): boolean {
  const expected = Buffer.from(macOf(key, checkpoint), 'hex');
  const given = Buffer.from(String(checkpoint.mac), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Checkpoints kept outside the database, one JSON line each in `<dir>/<database>.checkpoints.jsonl`,
 * only ever appended to (mark the file append-only, `chattr +a`, or ship it to write-once storage).
 */
export class CheckpointFile {
  constructor(private readonly dir: string) {}

  private fileOf(database: string): string {
    return join(this.dir, `${database.replace(/[^A-Za-z0-9_-]/g, '_')}.checkpoints.jsonl`);
  }

  append(checkpoint: AuditCheckpoint): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    appendFileSync(this.fileOf(checkpoint.database), `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o600 });
  }

  /** Every checkpoint of a database, oldest first; a line that is not a checkpoint counts as a forged one. */
  read(database: string): AuditCheckpoint[] {
    const file = this.fileOf(database);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return JSON.parse(line) as AuditCheckpoint;
        } catch {
          return { v: 1 as const, database, id: '0', hash: '', at: '', mac: '' };
        }
      })
      .filter((checkpoint) => checkpoint.database === database);
  }
}
