import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail deliveries become an outbox: the row is written `pending` in the transaction that
 * delivers the reminder, and committed as `sending` before the SMTP send. A worker that dies
 * mid-send leaves `sending` (never sent twice, shown to admins as in doubt) instead of a row that
 * a retry would send again.
 */
export class EmailOutbox1763790000000 implements MigrationInterface {
  name = 'EmailOutbox1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reminder_delivery ALTER COLUMN delivered_at DROP NOT NULL;
      ALTER TABLE reminder_delivery ADD COLUMN status text NOT NULL DEFAULT 'delivered' CHECK (status IN ('pending', 'sending', 'delivered', 'failed'));
      ALTER TABLE reminder_delivery ADD COLUMN attempts int NOT NULL DEFAULT 0;
      ALTER TABLE reminder_delivery ADD COLUMN last_error text;
      ALTER TABLE reminder_delivery ADD COLUMN next_attempt_at timestamptz;
      ALTER TABLE reminder_delivery ADD COLUMN sending_since timestamptz;
      CREATE INDEX reminder_delivery_outbox_idx ON reminder_delivery (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX reminder_delivery_in_doubt_idx ON reminder_delivery (sending_since) WHERE status = 'sending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX reminder_delivery_in_doubt_idx;
      DROP INDEX reminder_delivery_outbox_idx;
      ALTER TABLE reminder_delivery DROP COLUMN sending_since, DROP COLUMN next_attempt_at, DROP COLUMN last_error, DROP COLUMN attempts, DROP COLUMN status;
      UPDATE reminder_delivery SET delivered_at = now() WHERE delivered_at IS NULL;
      ALTER TABLE reminder_delivery ALTER COLUMN delivered_at SET NOT NULL;
    `);
  }
}
