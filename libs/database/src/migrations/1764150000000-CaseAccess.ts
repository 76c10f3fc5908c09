import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Need-to-know access to case files: substitutions (Vertretung) for a period, break-glass openings
 * with reason and expiry, and the history of transfers. The case team stays in
 * `case_file.assigned_caseworker_ids`; its first entry is the responsible caseworker.
 */
export class CaseAccess1764150000000 implements MigrationInterface {
  name = 'CaseAccess1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_substitution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        absent_user_id text NOT NULL REFERENCES app_user(id),
        substitute_user_id text NOT NULL REFERENCES app_user(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        named_by text NOT NULL,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (absent_user_id <> substitute_user_id)
      );
      CREATE INDEX case_substitution_substitute_idx ON case_substitution (substitute_user_id, ends_at);

      CREATE TABLE case_break_glass (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        user_id text NOT NULL,
        reason text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX case_break_glass_user_idx ON case_break_glass (user_id, case_id, expires_at);

      CREATE TABLE case_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        from_user_id text NOT NULL,
        to_user_id text NOT NULL,
        note_enc text,
        transferred_by text NOT NULL,
        transferred_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_transfer_case_idx ON case_transfer (case_id, transferred_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_transfer; DROP TABLE case_break_glass; DROP TABLE case_substitution;`);
  }
}
