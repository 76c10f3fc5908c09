import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

const STEP = {
  key: 'immediate_protection',
  title: 'Sofortschutz (§ 42 SGB VIII Inobhutnahme oder Anrufung des Familiengerichts, § 8a Abs. 2)',
  duration: 'PT12H',
  reminderOffsets: ['PT4H'],
  escalationRole: 'admin',
  deliverables: [],
};

/** The definitions lib's checksum (SHA-256 of the spec with sorted keys); this lib imports no domain code. */
function checksum(spec: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(spec)))
    .digest('hex');
}

type Step = { key: string };

/**
 * An acute § 8a result leads to an immediate-protection step (§ 42 Inobhutnahme, or the family
 * court, § 8a Abs. 2) with its own short deadline: the step joins version 1 of the
 * jugendhilfedienst-case definition after the risk assessment (running cases keep the version they
 * pinned), and the measures are recorded with their sealed reason.
 */
export class ImmediateProtection1764130000000 implements MigrationInterface {
  name = 'ImmediateProtection1764130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE immediate_protection (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        assessment_id uuid REFERENCES risk_assessment(id) ON DELETE SET NULL,
        measure text NOT NULL CHECK (measure IN ('protective_custody', 'family_court', 'other')),
        reason_enc text,
        taken_at timestamptz NOT NULL,
        late boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX immediate_protection_case_idx ON immediate_protection (case_id);
    `);
    await this.changeVersion1(q, (steps) => {
      if (steps.some((s) => s.key === STEP.key)) return steps;
      const at = steps.findIndex((s) => s.key === 'risk_assessment');
      return [...steps.slice(0, at + 1), STEP, ...steps.slice(at + 1)];
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await this.changeVersion1(q, (steps) => steps.filter((s) => s.key !== STEP.key));
    await q.query('DROP TABLE immediate_protection');
  }

  private async changeVersion1(q: QueryRunner, change: (steps: Step[]) => Step[]): Promise<void> {
    const rows: Array<{ id: string; spec: { steps: Step[] } }> = await q.query(
      `SELECT id, spec FROM workflow_definition WHERE key = 'jugendhilfedienst-case' AND version = 1`,
    );
    for (const row of rows) {
      const spec = { ...row.spec, steps: change(row.spec.steps) };
      await q.query('UPDATE workflow_definition SET spec = $2, checksum = $3, updated_at = now() WHERE id = $1', [
        row.id,
        JSON.stringify(spec),
        checksum(spec),
      ]);
    }
  }
}
