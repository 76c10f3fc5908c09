import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisational contacts of contract partners (never client data) and who changed a partner last. */
export class ContractPartnerContacts1763750000000 implements MigrationInterface {
  name = 'ContractPartnerContacts1763750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contract_partner ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]';
      ALTER TABLE contract_partner ADD COLUMN updated_by text;
      CREATE INDEX contract_partner_active_idx ON contract_partner (kind) WHERE exit_date IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX contract_partner_active_idx;
      ALTER TABLE contract_partner DROP COLUMN updated_by;
      ALTER TABLE contract_partner DROP COLUMN contacts;
    `);
  }
}
