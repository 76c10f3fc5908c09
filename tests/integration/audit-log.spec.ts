import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditRepository, AuditService, AuditSettings } from '@sro/audit';
import { testConfig } from '../support/config';
import { scratchDatabase } from '../support/database';

/** An audit service on a database, with the test stack's chain key (the one `audit:verify` gets). */
function auditOn(dataSource: DataSource): AuditService {
  const { audit } = testConfig();
  return new AuditService(new AuditRepository(dataSource), new AuditSettings(audit.chainKey, audit.checkpointDir));
}

const entry = (n: number) => ({
  actorId: `user-${n % 3}`,
  actorRoles: ['caseworker'],
  action: 'read',
  resourceType: 'case',
  resourceId: `case-${n}`,
  purpose: 'Hilfeplanung',
  outcome: 'allowed' as const,
  details: { n, nested: { z: 1, a: 2 } },
});

function auditVerifyCli(databaseUrl: string) {
  // The compiled CLI behind `npm run -s audit:verify` (npm test builds dist first).
  return spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'scripts', 'cli', 'audit-verify.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
}

describe('audit log (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let audit: AuditService;

  beforeAll(async () => {
    db = await scratchDatabase();
    audit = auditOn(db.dataSource);
  });
  afterAll(() => db.drop());

  it('keeps an unbroken chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => audit.record(entry(i))));
    const result = await audit.verify();
    expect(result).toEqual({ ok: true, checked: 60 });
  });

  it('stores details with quotes, backslashes and umlauts exactly (the rows go with the COMMIT as an escaped literal)', async () => {
    const own = await scratchDatabase();
    try {
      const service = auditOn(own.dataSource);
      const details = { note: 'O\'Brien \\ "zitiert" $1 ; COMMIT; -- Größe', path: 'C:\\temp\\x', list: ["'", '\\', '\u00e4'] };
      const [row] = await service.recordAll([{ ...entry(1), details }]);
      const [stored] = await own.dataSource.query('SELECT details, hash FROM audit_event WHERE id = $1', [row.id]);
      expect(stored.details).toEqual(details);
      expect(stored.hash).toBe(row.hash);
      expect(await service.verify()).toEqual({ ok: true, checked: 1 });
    } finally {
      await own.drop();
    }
  });

  it('commits concurrent events in groups, across two writers (two API processes), each caller getting its own row', async () => {
    const own = await scratchDatabase();
    try {
      const [first, second] = [auditOn(own.dataSource), auditOn(own.dataSource)];
      const rows = await Promise.all(Array.from({ length: 400 }, (_, i) => (i % 2 ? second : first).record(entry(i))));
      expect(rows.map((r) => r.resourceId)).toEqual(Array.from({ length: 400 }, (_, i) => `case-${i}`));
      expect(new Set(rows.map((r) => r.id)).size).toBe(400);
      expect(await first.verify()).toEqual({ ok: true, checked: 400 });
      // Fewer transactions than events: each batch shares its commit instant.
      const [{ commits }] = await own.dataSource.query(`SELECT count(DISTINCT occurred_at)::int AS commits FROM audit_event`);
      expect(commits).toBeLessThan(400);
    } finally {
      await own.drop();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(db.dataSource.query(`UPDATE audit_event SET purpose = 'x' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_event WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('lists with filters and paging, newest first', async () => {
    const page = await audit.list({ actorId: 'user-1', limit: 5, offset: 0 });
    expect(page.total).toBe(20);
    expect(page.items).toHaveLength(5);
    expect(Number(page.items[0].id)).toBeGreaterThan(Number(page.items[1].id));
    expect(page.items.every((e) => e.actorId === 'user-1')).toBe(true);
  });

  it('audit:verify exits 0 on an intact chain and non-zero on a row forged by a superuser', async () => {
    const intact = auditVerifyCli(db.url);
    expect(intact.stdout).toMatch(/audit chain intact: 60 events verified/);
    expect(intact.status).toBe(0);

    // A superuser can switch the trigger off; the chain still gives the forgery away.
    await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    await db.dataSource.query(`UPDATE audit_event SET purpose = 'forged' WHERE id = 17`);
    await db.dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');

    const broken = auditVerifyCli(db.url);
    expect(broken.stdout).toMatch(/BROKEN at event 17/);
    expect(broken.status).toBe(1);
  });

  it('detects an appended row whose hash was made up', async () => {
    const other = await scratchDatabase();
    try {
      const service = auditOn(other.dataSource);
      await service.record(entry(1));
      await other.dataSource.query(
        `INSERT INTO audit_event (id, occurred_at, actor_id, actor_roles, action, resource_type, purpose, outcome, prev_hash, hash)
         SELECT 2, now(), 'intruder', '{admin}', 'read', 'case', 'x', 'allowed', hash, repeat('a', 64) FROM audit_event WHERE id = 1`,
      );
      expect(await service.verify()).toMatchObject({ ok: false, brokenAt: '2', reason: 'content does not match its hash' });
    } finally {
      await other.drop();
    }
  });
});
