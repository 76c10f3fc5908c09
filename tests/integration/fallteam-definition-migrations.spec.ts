import type { MigrationInterface } from 'typeorm';
import { SEED_SPECS, specChecksum, validateSpec } from '@sro/definitions';
import { FallteamConsentPurposes1764110000000 } from '../../libs/database/src/migrations/1764110000000-FallteamConsentPurposes';
import { scratchDatabase } from '../support/database';

/** The migrations that give stored Fallteam definitions the fields added since version 1, in order. */
const MIGRATIONS: MigrationInterface[] = [new FallteamConsentPurposes1764110000000()];

describe('Fallteam definition migrations (PostgreSQL)', () => {
  it('gives a stored version 1 without the new fields the seed values, with a matching checksum, and takes them away again', async () => {
    const db = await scratchDatabase();
    const runner = db.dataSource.createQueryRunner();
    try {
      const old: Record<string, unknown> = { ...SEED_SPECS['fallteam-consultation'], accessWindow: 'P14D' };
      for (const field of ['consentPurposes', 'packetOpensBefore', 'packetClosesAfter']) delete old[field];
      await runner.query(
        `INSERT INTO workflow_definition (key, version, status, spec, checksum, author) VALUES ('fallteam-consultation', 1, 'published', $1, $2, 'system')`,
        [JSON.stringify(old), specChecksum(old)],
      );
      for (const migration of MIGRATIONS) await migration.up(runner);
      const [row] = await runner.query(`SELECT spec, checksum FROM workflow_definition WHERE key = 'fallteam-consultation'`);
      expect(validateSpec('fallteam-consultation', row.spec)).toEqual([]);
      expect(row.spec.consentPurposes).toEqual(SEED_SPECS['fallteam-consultation'].consentPurposes);
      expect(row.checksum).toBe(specChecksum(row.spec));
      for (const migration of [...MIGRATIONS].reverse()) await migration.down(runner);
      const [back] = await runner.query(`SELECT spec, checksum FROM workflow_definition WHERE key = 'fallteam-consultation'`);
      expect(back.spec).toEqual(old);
      expect(back.checksum).toBe(specChecksum(old));
    } finally {
      await runner.release();
      await db.drop();
    }
  });
});
