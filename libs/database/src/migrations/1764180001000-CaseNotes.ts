import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes of a case file (Aktenvermerke): dated, with author and kind, the text sealed. Append-only: a
 * mistake is answered by a correction entry that names the note it corrects; the database refuses
 * every UPDATE, and a DELETE unless the case is anonymised (the retention takes the notes with it).
 */
export class CaseNotes1764180001000 implements MigrationInterface {
  name = 'CaseNotes1764180001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_note (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('conversation', 'phone_call', 'home_visit', 'memo')),
        occurred_on date NOT NULL,
        author_id text NOT NULL,
        text_enc text NOT NULL,
        corrects_note_id uuid REFERENCES case_note(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_note_case_idx ON case_note (case_id, created_at DESC, id);
      CREATE INDEX case_note_corrects_idx ON case_note (corrects_note_id) WHERE corrects_note_id IS NOT NULL;

      CREATE FUNCTION case_note_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM case_file WHERE id = OLD.case_id AND anonymised_at IS NULL) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'case_note is append-only: correct a note with a new entry';
      END $$;
      CREATE TRIGGER case_note_append_only BEFORE UPDATE OR DELETE ON case_note
        FOR EACH ROW EXECUTE FUNCTION case_note_refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE case_note;
      DROP FUNCTION case_note_refuse_change();
    `);
  }
}
