import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The standardised Jugendhilfedienst process on the existing case files: intake (source, anonymous
 * reports), § 8a risk assessments with their anonymous statistics fields, help plans with reviews,
 * closure and anonymisation, legal hold; staff time entries (case, preventive, other).
 */
export class JugendhilfedienstCases1763780000000 implements MigrationInterface {
  name = 'JugendhilfedienstCases1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A reported case has no zone until it is classified and no deletion date until it is closed;
      -- an anonymised case has no sealed fields any more.
      ALTER TABLE case_file
        ALTER COLUMN zone DROP NOT NULL,
        ALTER COLUMN deletion_date DROP NOT NULL,
        ALTER COLUMN personal_enc DROP NOT NULL,
        ALTER COLUMN content_enc DROP NOT NULL,
        ALTER COLUMN confided_enc DROP NOT NULL,
        ADD COLUMN source text,
        ADD COLUMN anonymous_report boolean NOT NULL DEFAULT false,
        ADD COLUMN report_enc text,
        ADD COLUMN reported_at timestamptz,
        ADD COLUMN workflow_id text UNIQUE,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN anonymised_at timestamptz,
        ADD COLUMN legal_hold_by text,
        ADD COLUMN legal_hold_at timestamptz;
      CREATE INDEX case_file_deletion_idx ON case_file (deletion_date) WHERE anonymised_at IS NULL;

      CREATE TABLE risk_assessment (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        social_space_id uuid NOT NULL REFERENCES social_space(id),
        professional_count int NOT NULL CHECK (professional_count > 0),
        professionals_enc text,
        parents_involved boolean NOT NULL,
        child_involved boolean NOT NULL,
        involvement_enc text,
        home_visit boolean NOT NULL,
        details_enc text,
        result text NOT NULL CHECK (result IN ('acute', 'latent', 'help_needed', 'none')),
        completed_at timestamptz NOT NULL,
        -- Anonymous fields of the official statistics (§§ 98 ff. SGB VIII); kept after anonymisation.
        age_group text NOT NULL,
        sex text NOT NULL CHECK (sex IN ('female', 'male', 'diverse', 'unknown')),
        danger_kinds text[] NOT NULL,
        reported_by text NOT NULL,
        existing_help text[] NOT NULL,
        new_help text[] NOT NULL,
        family_court boolean NOT NULL,
        late boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX risk_assessment_case_idx ON risk_assessment (case_id);
      CREATE INDEX risk_assessment_completed_idx ON risk_assessment (completed_at);

      CREATE TABLE help_plan (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        version int NOT NULL,
        plan_date date NOT NULL,
        review_at date NOT NULL CHECK (review_at > plan_date),
        help_kinds text[] NOT NULL,
        content_enc text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, version)
      );

      CREATE TABLE help_plan_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        help_plan_id uuid NOT NULL REFERENCES help_plan(id) ON DELETE CASCADE,
        reviewed_at date NOT NULL,
        next_review_at date NOT NULL CHECK (next_review_at > reviewed_at),
        notes_enc text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX help_plan_review_plan_idx ON help_plan_review (help_plan_id);

      CREATE TABLE time_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL,
        work_date date NOT NULL,
        start_minute int CHECK (start_minute BETWEEN 0 AND 1439),
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        kind text NOT NULL CHECK (kind IN ('case', 'preventive', 'other')),
        social_space_id uuid REFERENCES social_space(id),
        case_id uuid REFERENCES case_file(id) ON DELETE SET NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (start_minute IS NULL OR start_minute + minutes <= 1440),
        CHECK (kind <> 'preventive' OR social_space_id IS NOT NULL)
      );
      CREATE INDEX time_entry_user_date_idx ON time_entry (user_id, work_date);
      CREATE INDEX time_entry_date_idx ON time_entry (work_date);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE time_entry; DROP TABLE help_plan_review; DROP TABLE help_plan; DROP TABLE risk_assessment;
      DROP INDEX case_file_deletion_idx;
      -- Rows the older schema cannot hold (unclassified, open or anonymised Jugendhilfedienst cases) go.
      DELETE FROM case_file WHERE zone IS NULL OR deletion_date IS NULL OR personal_enc IS NULL OR content_enc IS NULL OR confided_enc IS NULL;
      ALTER TABLE case_file
        DROP COLUMN source, DROP COLUMN anonymous_report, DROP COLUMN report_enc, DROP COLUMN reported_at, DROP COLUMN workflow_id,
        DROP COLUMN closed_at, DROP COLUMN anonymised_at, DROP COLUMN legal_hold_by, DROP COLUMN legal_hold_at,
        ALTER COLUMN zone SET NOT NULL, ALTER COLUMN deletion_date SET NOT NULL, ALTER COLUMN personal_enc SET NOT NULL,
        ALTER COLUMN content_enc SET NOT NULL, ALTER COLUMN confided_enc SET NOT NULL;
    `);
  }
}
