import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The closure of a Jugendhilfedienst case is one operation over two systems: the intent (who, why)
 * is stored first, the workflow closes the case (closing time and deletion date), then the intent is
 * confirmed into `closed_by` / `closed_reason_enc` with the history entry. An intent left behind by a
 * failed confirmation is completed by the next attempt.
 */
export class CaseClosureIntent1766100000000 implements MigrationInterface {
  name = 'CaseClosureIntent1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_file
        ADD COLUMN closing_by text,
        ADD COLUMN closing_reason_enc text,
        ADD COLUMN closing_requested_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file DROP COLUMN closing_requested_at, DROP COLUMN closing_reason_enc, DROP COLUMN closing_by`);
  }
}
