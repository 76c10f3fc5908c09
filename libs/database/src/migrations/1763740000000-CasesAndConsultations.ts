import { MigrationInterface, QueryRunner } from 'typeorm';

/** Case files with field-encrypted personal data, consents, Fallteam sessions, consultations and adviser access windows. */
export class CasesAndConsultations1763740000000 implements MigrationInterface {
  name = 'CasesAndConsultations1763740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pseudonym text NOT NULL UNIQUE,
        zone text NOT NULL CHECK (zone IN ('service', 'unclear', 'endangerment')),
        social_space_id uuid NOT NULL REFERENCES social_space(id),
        assigned_caseworker_ids text[] NOT NULL,
        personal_enc text NOT NULL,
        content_enc text NOT NULL,
        confided_enc text NOT NULL,
        deletion_date date NOT NULL,
        legal_hold boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_file_space_idx ON case_file (social_space_id);
      CREATE INDEX case_file_assigned_idx ON case_file USING gin (assigned_caseworker_ids);

      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        version int NOT NULL,
        given_by text NOT NULL,
        purpose text NOT NULL,
        fields text[] NOT NULL,
        form text NOT NULL CHECK (form IN ('written', 'oral_documented', 'electronic')),
        given_at date NOT NULL,
        revoked_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, version)
      );

      CREATE TABLE fallteam_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        starts_at timestamptz NOT NULL,
        place text NOT NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        moderator_id text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE consultation (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        workflow_id text NOT NULL UNIQUE,
        session_id uuid REFERENCES fallteam_session(id),
        questions_enc text NOT NULL,
        outcome_enc text,
        requested_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX consultation_session_idx ON consultation (session_id);

      CREATE TABLE consultation_invitation (
        consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
        adviser_id text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        closed_at timestamptz,
        PRIMARY KEY (consultation_id, adviser_id)
      );
      CREATE INDEX consultation_invitation_adviser_idx ON consultation_invitation (adviser_id, closes_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE consultation_invitation; DROP TABLE consultation; DROP TABLE fallteam_session; DROP TABLE consent; DROP TABLE case_file;`,
    );
  }
}
