import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  AuditCheckpointer,
  AuditRepository,
  AuditService,
  AuditSettings,
  chainHash,
  CheckpointFile,
  GENESIS_HASH,
  KEYED_CHAIN_MARKER,
} from '@sro/audit';
import { scratchDatabase } from '../support/database';

const entry = (n: number) => ({
  actorId: `user-${n % 3}`,
  actorRoles: ['caseworker'],
  action: 'read',
  resourceType: 'case',
  resourceId: `case-${n}`,
  purpose: 'Hilfeplanung',
  outcome: 'allowed' as const,
  details: { n },
});

function auditVerifyCli(databaseUrl: string, checkpointDir: string, key: string) {
  return spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'scripts', 'cli', 'audit-verify.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, AUDIT_CHECKPOINT_DIR: checkpointDir, AUDIT_CHAIN_KEY: key },
    encoding: 'utf8',
  });
}

/** What someone who can write the table (and knows the key) does: change a row and recompute the chain from it on. */
async function rewriteAndRecompute(db: DataSource, fromId: number, key?: Buffer): Promise<void> {
  await db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
  try {
    await db.query(`UPDATE audit_event SET purpose = 'forged' WHERE id = $1`, [fromId]);
    const rows = await new AuditRepository(db).batchFrom(1n, 10_000);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      if (Number(row.id) >= fromId) {
        const hash = chainHash(prev, row, key);
        await db.query('UPDATE audit_event SET prev_hash = $1, hash = $2 WHERE id = $3', [prev, hash, row.id]);
        prev = hash;
      } else prev = row.hash;
    }
  } finally {
    await db.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
  }
}

describe('keyed audit chain and checkpoints (PostgreSQL)', () => {
  const secret = randomBytes(32);
  const dirs: string[] = [];
  const settingsWith = (key = secret) => {
    const dir = mkdtempSync(join(tmpdir(), 'sro-checkpoints-'));
    dirs.push(dir);
    return new AuditSettings(key, dir);
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('links rows with HMAC-SHA-256: another key does not verify them, and an unkeyed recomputation is caught', async () => {
    const db = await scratchDatabase();
    try {
      const settings = settingsWith();
      const audit = new AuditService(new AuditRepository(db.dataSource), settings);
      for (let i = 0; i < 5; i += 1) await audit.record(entry(i));
      expect(await audit.verify()).toEqual({ ok: true, checked: 5 });
      expect(await new AuditService(new AuditRepository(db.dataSource), settingsWith(randomBytes(32))).verify()).toMatchObject({
        ok: false,
        brokenAt: '1',
      });
      await rewriteAndRecompute(db.dataSource, 3);
      expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: '3', reason: 'content does not match its hash' });
    } finally {
      await db.drop();
    }
  });

  it('keeps verifying rows written before the chain was keyed, and keys the chain from a marker row on', async () => {
    const db = await scratchDatabase();
    try {
      let prev = GENESIS_HASH;
      for (let id = 1; id <= 3; id += 1) {
        const row = {
          id: String(id),
          occurredAt: new Date(),
          actorId: 'old',
          actorRoles: ['admin'],
          action: 'read',
          resourceType: 'case',
          resourceId: null,
          purpose: 'p',
          outcome: 'allowed',
          requestId: null,
          details: {},
        };
        const hash = chainHash(prev, row);
        await db.dataSource.query(
          `INSERT INTO audit_event (id, occurred_at, actor_id, actor_roles, action, resource_type, resource_id, purpose, outcome, request_id, details, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            row.id,
            row.occurredAt,
            row.actorId,
            row.actorRoles,
            row.action,
            row.resourceType,
            null,
            row.purpose,
            row.outcome,
            null,
            row.details,
            prev,
            hash,
          ],
        );
        prev = hash;
      }
      const audit = new AuditService(new AuditRepository(db.dataSource), settingsWith());
      expect(await audit.verify()).toEqual({ ok: true, checked: 3, legacyRows: 3 });
      const written = await audit.record(entry(9));
      expect(written.id).toBe('5');
      const [marker] = await db.dataSource.query('SELECT action, resource_type FROM audit_event WHERE id = 4');
      expect(marker).toEqual({ action: KEYED_CHAIN_MARKER.action, resource_type: KEYED_CHAIN_MARKER.resourceType });
      expect(await audit.verify()).toEqual({ ok: true, checked: 5, legacyRows: 3 });
      await audit.record(entry(10));
      expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'chain-keyed'`)).toEqual([{ n: 1 }]);
    } finally {
      await db.drop();
    }
  });

  it('detects a chain recomputed with the key after a checkpoint, and a chain cut short, by its signed checkpoints', async () => {
    const db = await scratchDatabase();
    try {
      const settings = settingsWith();
      const repo = new AuditRepository(db.dataSource);
      const audit = new AuditService(repo, settings);
      const checkpointer = new AuditCheckpointer(repo, settings);
      for (let i = 0; i < 10; i += 1) await audit.record(entry(i));
      const checkpoint = await checkpointer.write();
      expect(checkpoint).toMatchObject({ id: '10', database: await repo.databaseName() });
      expect(await checkpointer.write()).toBeUndefined();
      const checkpoints = new CheckpointFile(settings.checkpointDir).read(await repo.databaseName());
      expect(await audit.verify(checkpoints)).toEqual({ ok: true, checked: 10, checkpoints: 1 });

      const intact = auditVerifyCli(db.url, settings.checkpointDir, secret.toString('base64'));
      expect(intact.stdout).toMatch(/audit chain intact: 10 events verified against 1 checkpoint/);
      expect(intact.status).toBe(0);

      await rewriteAndRecompute(db.dataSource, 4, settings.chainKey);
      // The chain alone holds: whoever has the key can recompute it ...
      expect(await audit.verify()).toEqual({ ok: true, checked: 10 });
      // ... but not the checkpoint kept outside the database.
      expect(await audit.verify(checkpoints)).toMatchObject({
        ok: false,
        brokenAt: '10',
        reason: expect.stringMatching(/differs from the checkpoint/),
      });
      const broken = auditVerifyCli(db.url, settings.checkpointDir, secret.toString('base64'));
      expect(broken.stdout).toMatch(/BROKEN at event 10/);
      expect(broken.status).toBe(1);

      await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      await db.dataSource.query('DELETE FROM audit_event WHERE id > 7');
      await db.dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
      expect(await audit.verify(checkpoints)).toMatchObject({
        ok: false,
        brokenAt: '8',
        reason: expect.stringMatching(/ends before row 10/),
      });
    } finally {
      await db.drop();
    }
  });

  it('refuses a checkpoint whose signature does not hold', async () => {
    const db = await scratchDatabase();
    try {
      const settings = settingsWith();
      const repo = new AuditRepository(db.dataSource);
      const audit = new AuditService(repo, settings);
      await audit.record(entry(1));
      await new AuditCheckpointer(repo, settings).write();
      const file = join(settings.checkpointDir, `${await repo.databaseName()}.checkpoints.jsonl`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${'b'.repeat(64)}"`));
      const checkpoints = new CheckpointFile(settings.checkpointDir).read(await repo.databaseName());
      expect(await audit.verify(checkpoints)).toMatchObject({ ok: false, reason: expect.stringMatching(/invalid signature/) });
    } finally {
      await db.drop();
    }
  });
});
