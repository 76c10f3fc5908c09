import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approver's decision is committed before the workflow's update (no transaction held across the
 * Temporal call) as a row that is not accepted yet; the workflow's activity accepts it with the
 * agreement's state. Rows from before were accepted with their update. One accepted decision per
 * party of a stage and round: the uniqueness holds for accepted rows, so an attempt whose answer was
 * lost does not block the next one.
 */
export class AgreementDecisionAcceptance1767100000000 implements MigrationInterface {
  name = 'AgreementDecisionAcceptance1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cooperation_agreement_decision ADD COLUMN accepted boolean NOT NULL DEFAULT true;
      ALTER TABLE cooperation_agreement_decision ALTER COLUMN accepted SET DEFAULT false;
      DO $$ DECLARE unique_name text; BEGIN
        SELECT conname INTO unique_name FROM pg_constraint WHERE conrelid = 'cooperation_agreement_decision'::regclass AND contype = 'u';
        EXECUTE format('ALTER TABLE cooperation_agreement_decision DROP CONSTRAINT %I', unique_name);
      END $$;
      CREATE UNIQUE INDEX cooperation_agreement_decision_party_idx
        ON cooperation_agreement_decision (agreement_id, round, stage_key, party_key) WHERE accepted;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM cooperation_agreement_decision WHERE NOT accepted;
      DROP INDEX cooperation_agreement_decision_party_idx;
      ALTER TABLE cooperation_agreement_decision ADD UNIQUE (agreement_id, round, stage_key, party_key);
      ALTER TABLE cooperation_agreement_decision DROP COLUMN accepted;
    `);
  }
}
