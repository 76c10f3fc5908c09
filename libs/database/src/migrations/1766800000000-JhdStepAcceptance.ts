import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sealed records of a Jugendhilfedienst step (§ 8a assessment, immediate protection, help plan,
 * help-plan review) are written before the case's workflow accepts the step, never in a transaction
 * held across the Temporal call: a row starts `accepted = false`, is set `true` once the workflow
 * has accepted the step, and is removed when the workflow refuses it. Lists, the case view and the
 * statistics read accepted rows only; a row whose answer was lost is accepted when the case is next
 * read and the workflow names it. Rows from before are accepted.
 */
export class JhdStepAcceptance1766800000000 implements MigrationInterface {
  name = 'JhdStepAcceptance1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE risk_assessment ADD COLUMN accepted boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE immediate_protection ADD COLUMN accepted boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE help_plan ADD COLUMN accepted boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE help_plan_review ADD COLUMN accepted boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE help_plan_review DROP COLUMN accepted`);
    await q.query(`ALTER TABLE help_plan DROP COLUMN accepted`);
    await q.query(`ALTER TABLE immediate_protection DROP COLUMN accepted`);
    await q.query(`ALTER TABLE risk_assessment DROP COLUMN accepted`);
  }
}
