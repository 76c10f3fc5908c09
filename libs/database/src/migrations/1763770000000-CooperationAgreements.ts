import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cooperation agreements: the agreement, every version of its text, the approvers' decisions and their open requests. */
export class CooperationAgreements1763770000000 implements MigrationInterface {
  name = 'CooperationAgreements1763770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cooperation_agreement (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('cooperation', 'three_party', 'social_space_contract')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'active', 'expired', 'terminated')),
        planning_region_id uuid NOT NULL REFERENCES planning_region(id),
        coordinator_id text NOT NULL,
        parties jsonb NOT NULL DEFAULT '[]',
        social_space_ids uuid[] NOT NULL DEFAULT '{}',
        workflow_id text NOT NULL UNIQUE,
        definition_version int NOT NULL,
        latest_version int NOT NULL DEFAULT 1,
        active_version int,
        valid_from date,
        valid_until date,
        renewal_due_at timestamptz,
        approval jsonb,
        last_rejection jsonb,
        approver_ids text[] NOT NULL DEFAULT '{}',
        termination_reason text,
        state_revision int NOT NULL DEFAULT 0,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX cooperation_agreement_region_idx ON cooperation_agreement (planning_region_id, status);
      CREATE INDEX cooperation_agreement_approvers_idx ON cooperation_agreement USING gin (approver_ids);

      CREATE TABLE cooperation_agreement_version (
        agreement_id uuid NOT NULL REFERENCES cooperation_agreement(id) ON DELETE CASCADE,
        version int NOT NULL CHECK (version > 0),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'rejected', 'approved', 'superseded', 'discarded', 'withdrawn')),
        body text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        change_note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, version),
        CHECK (valid_until > valid_from)
      );

      CREATE TABLE cooperation_agreement_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agreement_id uuid NOT NULL REFERENCES cooperation_agreement(id) ON DELETE CASCADE,
        version int NOT NULL,
        round int NOT NULL,
        stage_key text NOT NULL,
        party_key text NOT NULL,
        approver_id text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
        comment text,
        resolution_number text,
        resolution_date date,
        decided_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (agreement_id, version) REFERENCES cooperation_agreement_version (agreement_id, version),
        UNIQUE (agreement_id, round, stage_key, party_key)
      );

      CREATE TABLE cooperation_agreement_pending (
        agreement_id uuid NOT NULL REFERENCES cooperation_agreement(id) ON DELETE CASCADE,
        approver_id text NOT NULL,
        round int NOT NULL,
        version int NOT NULL,
        stage_key text NOT NULL,
        party_key text NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (agreement_id, round, stage_key, party_key, approver_id)
      );
      CREATE INDEX cooperation_agreement_pending_approver_idx ON cooperation_agreement_pending (approver_id, due_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE cooperation_agreement_pending;
      DROP TABLE cooperation_agreement_decision;
      DROP TABLE cooperation_agreement_version;
      DROP TABLE cooperation_agreement;
    `);
  }
}
