import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a contract partner left the Sozialraumvertrag (given with the exit date). */
export class ContractPartnerExitReason1766700000000 implements MigrationInterface {
  name = 'ContractPartnerExitReason1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_partner ADD COLUMN exit_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contract_partner DROP COLUMN exit_reason`);
  }
}
