import { SEED_SPECS, specChecksum, validateSpec } from '@sro/definitions';
import { BudgetLedger1764100000000 } from '../../libs/database/src/migrations/1764100000000-BudgetLedger';
import { scratchDatabase } from '../support/database';

describe('migration BudgetLedger (PostgreSQL)', () => {
  it('gives a stored version 1 of the social-space definition its yearly default budget and a matching checksum', async () => {
    const db = await scratchDatabase();
    const runner = db.dataSource.createQueryRunner();
    try {
      const migration = new BudgetLedger1764100000000();
      await migration.down(runner);
      // Version 1 as installations stored it before the field existed.
      const { annualBudgetCents: _added, ...before } = SEED_SPECS['sozialraum-development'];
      await runner.query(
        `INSERT INTO workflow_definition (key, version, status, spec, checksum, author, published_at)
         VALUES ('sozialraum-development', 1, 'published', $1, $2, 'system', now())`,
        [JSON.stringify(before), specChecksum(before)],
      );
      expect(validateSpec('sozialraum-development', before).map((p) => p.pointer)).toEqual(['/annualBudgetCents']);

      await migration.up(runner);
      const [row] = await runner.query(`SELECT spec, checksum FROM workflow_definition WHERE key = 'sozialraum-development'`);
      expect(row.spec.annualBudgetCents).toBe(500_000);
      expect(row.spec).toEqual(SEED_SPECS['sozialraum-development']);
      expect(row.checksum).toBe(specChecksum(SEED_SPECS['sozialraum-development']));
      expect(validateSpec('sozialraum-development', row.spec)).toEqual([]);
    } finally {
      await runner.release();
      await db.drop();
    }
  });
});
