import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Caseworkers' own follow-ups (Wiedervorlagen) on a case: a date and a sealed German text; the
 * reminder for it carries only ids, the pseudonym and the date. Done follow-ups stay as history.
 */
export class CaseFollowUps1764131000000 implements MigrationInterface {
  name = 'CaseFollowUps1764131000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_follow_up (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        user_id text NOT NULL,
        due_on date NOT NULL,
        text_enc text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        done_by text
      );
      CREATE INDEX case_follow_up_case_idx ON case_follow_up (case_id, due_on);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_follow_up');
  }
}
