import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deletion by policy: a case's deletion date is derived from its definition's retention rule at
 * closure (FallteamRetentionRule1764180000000 gave the Fallteam definition its rule), never typed.
 * Open cases lose the dates that were typed or defaulted at intake, and the database refuses a
 * deletion date on an open case from now on. A legal hold records its reason (sealed).
 */
export class RetentionByPolicy1764180000500 implements MigrationInterface {
  name = 'RetentionByPolicy1764180000500';

  async up(q: QueryRunner): Promise<void> {
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
  }
}
