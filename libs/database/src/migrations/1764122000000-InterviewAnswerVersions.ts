import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interview answers are versioned: the first recording is version 1, each correction (until the
 * cycle's report is final) a new version with its reason; the interview row holds the latest.
 * The day the interview took place is kept with the answers.
 */
export class InterviewAnswerVersions1764122000000 implements MigrationInterface {
  name = 'InterviewAnswerVersions1764122000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_interview_answers (
        interview_id uuid NOT NULL REFERENCES partner_interview (id),
        version int NOT NULL CHECK (version > 0),
        answers jsonb NOT NULL,
        conducted_on date,
        recorded_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        reason text,
        PRIMARY KEY (interview_id, version)
      );
      ALTER TABLE partner_interview ADD COLUMN answers_version int, ADD COLUMN conducted_on date;
      INSERT INTO partner_interview_answers (interview_id, version, answers, recorded_at, recorded_by)
        SELECT id, 1, answers, coalesce(answered_at, updated_at), coalesce(answered_by, 'unknown') FROM partner_interview WHERE answers IS NOT NULL;
      UPDATE partner_interview SET answers_version = 1 WHERE answers IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE partner_interview DROP COLUMN conducted_on, DROP COLUMN answers_version;
      DROP TABLE partner_interview_answers;
    `);
  }
}
