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
      -- Append-only: the retention only drops the reasons of an anonymised case; rows go only with their case.
      CREATE FUNCTION case_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM case_file WHERE id = OLD.case_id AND anonymised_at IS NULL) THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.reason_enc IS NULL
           AND (NEW.case_id, NEW.version, NEW.action, NEW.fields, NEW.actor_id, NEW.occurred_at)
               IS NOT DISTINCT FROM (OLD.case_id, OLD.version, OLD.action, OLD.fields, OLD.actor_id, OLD.occurred_at)
           AND EXISTS (SELECT 1 FROM case_file WHERE id = OLD.case_id AND anonymised_at IS NOT NULL) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'case_history is append-only';
      END $$;
      CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
        FOR EACH ROW EXECUTE FUNCTION case_history_refuse_change();

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
      DROP FUNCTION case_history_refuse_change();
      ALTER TABLE case_file DROP COLUMN closed_reason_enc, DROP COLUMN closed_by, DROP COLUMN version;
    `);
  }
}
