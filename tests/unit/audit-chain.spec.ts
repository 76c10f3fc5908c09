import { chainHash, GENESIS_HASH } from '@sro/audit';

const row = {
  id: '1',
  occurredAt: new Date('2026-11-21T10:00:00.000Z'),
  actorId: 'demo-caseworker',
  actorRoles: ['caseworker'],
  action: 'read',
  resourceType: 'case',
  resourceId: 'c-1',
  purpose: 'Hilfeplanung',
  outcome: 'allowed',
  requestId: 'r-1',
  details: { b: 1, a: { y: 2, x: 1 } },
};

describe('audit hash chain', () => {
  it('does not depend on the key order of details (jsonb reorders them)', () => {
    expect(chainHash(GENESIS_HASH, row)).toBe(chainHash(GENESIS_HASH, { ...row, details: { a: { x: 1, y: 2 }, b: 1 } }));
  });

  it('changes with any covered field and with the previous hash', () => {
    const base = chainHash(GENESIS_HASH, row);
    expect(chainHash(GENESIS_HASH, { ...row, purpose: 'other' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...row, id: '2' })).not.toBe(base);
    expect(chainHash('f'.repeat(64), row)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
