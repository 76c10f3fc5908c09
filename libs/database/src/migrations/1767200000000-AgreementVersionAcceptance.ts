import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new version of an agreement's text is committed before the workflow's update (no transaction
 * held across the Temporal call) with no status yet: lists and reads leave it out until the
 * workflow's activity gives it its status with the agreement's state (`recordState`). A refused
 * update removes it; one whose answer was lost and that the workflow never took is replaced by the
 * next attempt after two minutes.
 */
export class AgreementVersionAcceptance1767200000000 implements MigrationInterface {
  name = 'AgreementVersionAcceptance1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cooperation_agreement_version ALTER COLUMN status DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM cooperation_agreement_version WHERE status IS NULL;
      ALTER TABLE cooperation_agreement_version ALTER COLUMN status SET NOT NULL;
    `);
  }
}
