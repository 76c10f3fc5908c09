import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case file as caseworkers keep it: a version for optimistic concurrency on edits, the sealed
 * reason of a closure, a history of what changed (field names only, never values), and the packet
 * versions a caseworker released to the Fallteam's advisers (advisers see nothing before a release;
 * an edit of packet-relevant fields marks the release stale).
 */
export class CaseFileEditing1765000000000 implements MigrationInterface {
  name = 'CaseFileEditing1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE case_file
        ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN closed_by text,
        ADD COLUMN closed_reason_enc text;

      CREATE TABLE case_history (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        version int NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'close', 'reopen', 'packet-release')),
        fields text[] NOT NULL DEFAULT '{}',
        reason_enc text,
        actor_id text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_history_case_idx ON case_history (case_id, id);
      -- Cases from before start their history with their intake.
      INSERT INTO case_history (case_id, version, action, actor_id, occurred_at)
        SELECT id, 1, 'create', created_by, created_at FROM case_file WHERE anonymised_at IS NULL;

      CREATE TABLE consultation_packet_release (
        id uuid PRIMARY KEY,
        consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
        case_version int NOT NULL,
        packet_enc text NOT NULL,
        released_by text NOT NULL,
        released_at timestamptz NOT NULL DEFAULT now(),
        stale_since timestamptz,
        stale_fields text[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX consultation_packet_release_idx ON consultation_packet_release (consultation_id, released_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE consultation_packet_release;
      DROP TABLE case_history;
      ALTER TABLE case_file DROP COLUMN closed_reason_enc, DROP COLUMN closed_by, DROP COLUMN version;
    `);
  }
}
