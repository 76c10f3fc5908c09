import { MigrationInterface, QueryRunner } from 'typeorm';
import { patchDefinitionSpecs } from './1764110000000-FallteamConsentPurposes';

/**
 * Deletion by policy: a case's deletion date is derived from its definition's retention rule at
 * closure, never typed. The Fallteam definition gets its rule (closure + five years, two without
 * help), open cases lose the dates that were typed or defaulted at intake, and the database refuses
 * a deletion date on an open case from now on. A legal hold records its reason (sealed).
 */
export class RetentionByPolicy1764180000000 implements MigrationInterface {
  name = 'RetentionByPolicy1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await patchDefinitionSpecs(q, 'fallteam-consultation', (spec) => ({
      ...spec,
      retentionAfterClosure: spec.retentionAfterClosure ?? 'P5Y',
      retentionAfterClosureWithoutHelp: spec.retentionAfterClosureWithoutHelp ?? 'P2Y',
    }));
    await q.query(`
      UPDATE case_file SET deletion_date = NULL WHERE closed_at IS NULL AND anonymised_at IS NULL AND deletion_date IS NOT NULL;
      ALTER TABLE case_file
        ADD COLUMN legal_hold_reason_enc text,
        ADD CONSTRAINT case_file_open_without_deletion_date CHECK (closed_at IS NOT NULL OR anonymised_at IS NOT NULL OR deletion_date IS NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_file DROP CONSTRAINT case_file_open_without_deletion_date, DROP COLUMN legal_hold_reason_enc;
      UPDATE case_file SET deletion_date = (created_at + interval '5 years')::date
       WHERE workflow_id IS NULL AND closed_at IS NULL AND anonymised_at IS NULL AND deletion_date IS NULL;
    `);
    await patchDefinitionSpecs(
      q,
      'fallteam-consultation',
      ({ retentionAfterClosure: _a, retentionAfterClosureWithoutHelp: _b, ...spec }) => spec,
    );
  }
}
