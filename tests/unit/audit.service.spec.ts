import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AuditEvent,
  AuditRepository,
  AuditService,
  AuditSettings,
  chainHash,
  GENESIS_HASH,
  KEYED_CHAIN_MARKER,
  signCheckpoint,
} from '@sro/audit';

const settings = new AuditSettings(randomBytes(32), '/nonexistent');

function row(id: number, prevHash: string, key?: Buffer, overrides: Partial<AuditEvent> = {}): AuditEvent {
  const fields = {
    id: String(id),
    occurredAt: new Date('2026-12-01T10:00:00Z'),
    actorId: 'u',
    actorRoles: [],
    action: 'read',
    resourceType: 'case',
    resourceId: null,
    purpose: 'p',
    outcome: 'allowed' as const,
    requestId: null,
    details: {},
    prevHash,
    ...overrides,
  };
  return { ...fields, hash: chainHash(prevHash, fields, key) };
}

/** An in-memory audit_event behind the repository's methods the service uses. */
function fakeRepository(rows: AuditEvent[]) {
  const tx = {} as EntityManager;
  const repo = {
    withChainEnd: jest.fn(async <T>(work: (last: { id: string; hash: string } | undefined, t: EntityManager) => Promise<T>) =>
      work(rows.length ? { id: rows[rows.length - 1].id, hash: rows[rows.length - 1].hash } : undefined, tx),
    ),
    lastRow: jest.fn(async () => rows[rows.length - 1]),
    create: jest.fn((fields: Omit<AuditEvent, 'hash'>) => ({ ...fields }) as AuditEvent),
    insert: jest.fn(async (_: EntityManager, added: AuditEvent[]) => void rows.push(...added)),
    batchFrom: jest.fn(async (from: bigint) => rows.filter((r) => BigInt(r.id) >= from)),
  };
  return repo as unknown as Pick<AuditRepository, keyof typeof repo> as AuditRepository;
}

const entry = {
  actorId: 'a',
  actorRoles: ['admin'],
  action: 'read',
  resourceType: 'case',
  resourceId: 'c',
  purpose: 'p',
  outcome: 'allowed' as const,
};

describe('AuditService', () => {
  it('keys a new chain from its first row, without a marker', async () => {
    const rows: AuditEvent[] = [];
    const audit = new AuditService(fakeRepository(rows), settings);
    await audit.record(entry);
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).toBe(chainHash(GENESIS_HASH, rows[0], settings.chainKey));
    expect(await audit.verify()).toEqual({ ok: true, checked: 1 });
  });

  it('appends one keyed marker after rows from before the chain was keyed, and they still verify', async () => {
    const first = row(1, GENESIS_HASH);
    const rows = [first, row(2, first.hash)];
    const audit = new AuditService(fakeRepository(rows), settings);
    await audit.record(entry);
    await audit.record(entry);
    expect(rows.map((r) => r.action)).toEqual(['read', 'read', KEYED_CHAIN_MARKER.action, 'read', 'read']);
    expect(await audit.verify()).toEqual({ ok: true, checked: 5, legacyRows: 2 });
  });

  it('refuses unkeyed rows after the marker', async () => {
    const first = row(1, GENESIS_HASH);
    const marker = row(2, first.hash, settings.chainKey, { ...KEYED_CHAIN_MARKER });
    const forged = row(3, marker.hash);
    expect(await new AuditService(fakeRepository([first, marker, forged]), settings).verify()).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('holds the chain against signed checkpoints', async () => {
    const first = row(1, GENESIS_HASH, settings.chainKey);
    const audit = new AuditService(fakeRepository([first]), settings);
    const good = signCheckpoint(settings.checkpointKey, { database: 'sro', id: '1', hash: first.hash, at: 'now' });
    expect(await audit.verify([good])).toEqual({ ok: true, checked: 1, checkpoints: 1 });
    const other = signCheckpoint(settings.checkpointKey, { database: 'sro', id: '1', hash: 'f'.repeat(64), at: 'then' });
    expect(await audit.verify([other])).toMatchObject({
      ok: false,
      brokenAt: '1',
      reason: expect.stringMatching(/differs from the checkpoint/),
    });
    expect(await audit.verify([{ ...good, id: '2', mac: good.mac }])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/invalid signature/),
    });
  });
});
