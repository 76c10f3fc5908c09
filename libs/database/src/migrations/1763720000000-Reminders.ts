import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders (the record behind BullMQ jobs), their unique deliveries, and in-app notifications. */
export class Reminders1763720000000 implements MigrationInterface {
  name = 'Reminders1763720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        due_at timestamptz NOT NULL,
        recipients jsonb NOT NULL,
        template text NOT NULL,
        context jsonb NOT NULL,
        channels text[] NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'cancelled', 'failed', 'late')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        sent_at timestamptz,
        lag_ms int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX reminder_scheduled_idx ON reminder (key) WHERE status = 'scheduled';
      CREATE INDEX reminder_status_idx ON reminder (status, due_at);
      CREATE TABLE reminder_delivery (
        id bigserial PRIMARY KEY,
        reminder_id uuid NOT NULL REFERENCES reminder(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email')),
        user_id text NOT NULL,
        delivered_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (reminder_id, channel, user_id)
      );
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL,
        reminder_id uuid NOT NULL REFERENCES reminder(id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (reminder_id, user_id)
      );
      CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
      CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification; DROP TABLE reminder_delivery; DROP TABLE reminder;`);
  }
}
