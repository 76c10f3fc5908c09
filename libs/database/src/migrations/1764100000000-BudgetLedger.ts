import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

const SEED_ANNUAL_BUDGET_CENTS = 500_000;

/**
 * SHA-256 of a spec in canonical form, as the definitions lib computes it. Written out here because a
 * migration must keep doing what it did when it was written, whatever the lib does later.
 */
function checksum(spec: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(spec)))
    .digest('hex');
}

/**
 * The budget ledger grows up: a reversal is a counter-booking (negative, with a reason) of one
 * allocation, at most one per allocation; actual spending is booked against an allocation. The
 * social-space definition gets its yearly default budget (`annualBudgetCents`, 5,000 € from the seed)
 * in every stored version that lacks it.
 */
export class BudgetLedger1764100000000 implements MigrationInterface {
  name = 'BudgetLedger1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE budget_allocation
        ADD COLUMN reverses_id uuid REFERENCES budget_allocation(id),
        ADD COLUMN reason text,
        DROP CONSTRAINT budget_allocation_amount_cents_check,
        ADD CONSTRAINT budget_allocation_amount_sign CHECK (
          (reverses_id IS NULL AND amount_cents > 0) OR (reverses_id IS NOT NULL AND amount_cents < 0 AND reason IS NOT NULL)
        );
      CREATE UNIQUE INDEX budget_allocation_reversed_once ON budget_allocation (reverses_id) WHERE reverses_id IS NOT NULL;
      CREATE TABLE budget_spending (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        allocation_id uuid NOT NULL REFERENCES budget_allocation(id),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        spent_on date NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX budget_spending_allocation_idx ON budget_spending (allocation_id);
    `);
    const rows: Array<{ id: string; spec: Record<string, unknown> }> = await q.query(
      `SELECT id, spec FROM workflow_definition WHERE key = 'sozialraum-development' AND NOT spec ? 'annualBudgetCents'`,
    );
    for (const row of rows) {
      // An empty draft stays empty: the editor shows the field's problem when the admin fills it in.
      if (Object.keys(row.spec).length === 0) continue;
      const spec = { ...row.spec, annualBudgetCents: SEED_ANNUAL_BUDGET_CENTS };
      await q.query('UPDATE workflow_definition SET spec = $2, checksum = $3 WHERE id = $1', [
        row.id,
        JSON.stringify(spec),
        checksum(spec),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const rows: Array<{ id: string; spec: Record<string, unknown> }> = await q.query(
      `SELECT id, spec FROM workflow_definition WHERE key = 'sozialraum-development' AND spec ? 'annualBudgetCents'`,
    );
    for (const row of rows) {
      const { annualBudgetCents: _dropped, ...spec } = row.spec;
      await q.query('UPDATE workflow_definition SET spec = $2, checksum = $3 WHERE id = $1', [
        row.id,
        JSON.stringify(spec),
        checksum(spec),
      ]);
    }
    await q.query(`
      DROP TABLE budget_spending;
      DELETE FROM budget_allocation WHERE reverses_id IS NOT NULL;
      DROP INDEX budget_allocation_reversed_once;
      ALTER TABLE budget_allocation
        DROP CONSTRAINT budget_allocation_amount_sign,
        DROP COLUMN reason,
        DROP COLUMN reverses_id,
        ADD CONSTRAINT budget_allocation_amount_cents_check CHECK (amount_cents > 0);
    `);
  }
}
