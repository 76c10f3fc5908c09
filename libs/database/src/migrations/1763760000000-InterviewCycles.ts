import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two-yearly interview cycles with the contract partners: one row per cycle (with the
 * questionnaire it runs and, once closed, its report) and one per partner and cycle (status,
 * plan, the organisation's answers). Organisations' data only; no client data.
 */
export class InterviewCycles1763760000000 implements MigrationInterface {
  name = 'InterviewCycles1763760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interview_cycle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number int NOT NULL UNIQUE,
        workflow_id text NOT NULL UNIQUE,
        definition_version int NOT NULL,
        questionnaire jsonb NOT NULL,
        coordinator_id text NOT NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        report jsonb
      );

      CREATE TABLE partner_interview (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES interview_cycle (id),
        contract_partner_id uuid NOT NULL REFERENCES contract_partner (id),
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('open', 'planned', 'overdue', 'done', 'withdrawn', 'failed')),
        planned_at timestamptz,
        interviewer_id text,
        due_at timestamptz,
        questionnaire_version text,
        answers jsonb,
        answered_at timestamptz,
        answered_by text,
        withdrawn_reason text,
        closed_by_cycle boolean NOT NULL DEFAULT false,
        error text,
        revision int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cycle_id, contract_partner_id)
      );
      CREATE INDEX partner_interview_interviewer_idx ON partner_interview (interviewer_id) WHERE status IN ('planned', 'overdue');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_interview; DROP TABLE interview_cycle;`);
  }
}
