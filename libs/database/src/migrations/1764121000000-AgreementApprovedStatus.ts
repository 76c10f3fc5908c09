import { MigrationInterface, QueryRunner } from 'typeorm';

/** An approved agreement whose validity has not begun is `approved`; it becomes `active` on its validFrom. */
export class AgreementApprovedStatus1764121000000 implements MigrationInterface {
  name = 'AgreementApprovedStatus1764121000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cooperation_agreement DROP CONSTRAINT cooperation_agreement_status_check;
      ALTER TABLE cooperation_agreement ADD CONSTRAINT cooperation_agreement_status_check
        CHECK (status IN ('draft', 'in_approval', 'approved', 'active', 'expired', 'terminated'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE cooperation_agreement SET status = 'active' WHERE status = 'approved';
      ALTER TABLE cooperation_agreement DROP CONSTRAINT cooperation_agreement_status_check;
      ALTER TABLE cooperation_agreement ADD CONSTRAINT cooperation_agreement_status_check
        CHECK (status IN ('draft', 'in_approval', 'active', 'expired', 'terminated'));
    `);
  }
}
