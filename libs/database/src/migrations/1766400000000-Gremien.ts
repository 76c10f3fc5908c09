import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The committees of the Gremienlandschaft (seed 004): Sozialraumkonferenz per social space, Regionalteam
 * per planning region, Fallteam and Jugendhilfeausschuss, with their members (staff, named external
 * people, contract partners), meetings with agenda, attendance and minutes (decisions, tasks); and the
 * Trägerverbünde (seed 002): contract partners of a social space with a lead partner and an agreement.
 */
export class Gremien1766400000000 implements MigrationInterface {
  name = 'Gremien1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE committee (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('sozialraumkonferenz', 'regionalteam', 'fallteam', 'jugendhilfeausschuss')),
        name text NOT NULL,
        planning_region_id uuid REFERENCES planning_region(id),
        social_space_id uuid REFERENCES social_space(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind <> 'sozialraumkonferenz' OR social_space_id IS NOT NULL),
        CHECK (kind NOT IN ('regionalteam', 'fallteam') OR planning_region_id IS NOT NULL)
      );
      CREATE INDEX committee_region_idx ON committee (planning_region_id);
      CREATE TABLE committee_member (
        id uuid PRIMARY KEY,
        committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('user', 'external', 'contract_partner')),
        user_id text REFERENCES app_user(id),
        contract_partner_id uuid REFERENCES contract_partner(id),
        name text,
        organisation text,
        function text,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        CHECK ((kind = 'user') = (user_id IS NOT NULL)),
        CHECK ((kind = 'contract_partner') = (contract_partner_id IS NOT NULL)),
        CHECK (kind <> 'external' OR name IS NOT NULL)
      );
      CREATE UNIQUE INDEX committee_member_user_once ON committee_member (committee_id, user_id) WHERE removed_at IS NULL AND user_id IS NOT NULL;
      CREATE UNIQUE INDEX committee_member_partner_once ON committee_member (committee_id, contract_partner_id)
        WHERE removed_at IS NULL AND contract_partner_id IS NOT NULL;
      CREATE INDEX committee_member_user_idx ON committee_member (user_id) WHERE removed_at IS NULL;

      CREATE TABLE meeting (
        id uuid PRIMARY KEY,
        committee_id uuid NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        place text NOT NULL,
        sozialraum_process_id uuid,
        minutes_status text CHECK (minutes_status IN ('draft', 'submitted', 'approved')),
        minutes_summary text,
        minutes_submitted_at timestamptz,
        minutes_submitted_by text,
        minutes_approved_at timestamptz,
        minutes_approved_by text,
        minutes_approved_in uuid REFERENCES meeting(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((minutes_status = 'approved') = (minutes_approved_in IS NOT NULL))
      );
      CREATE INDEX meeting_committee_idx ON meeting (committee_id, starts_at);
      CREATE INDEX meeting_process_idx ON meeting (sozialraum_process_id) WHERE sozialraum_process_id IS NOT NULL;
      CREATE TABLE meeting_agenda_item (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        ref_kind text CHECK (ref_kind IN ('process', 'measure', 'agreement', 'interview_report')),
        ref_id text,
        PRIMARY KEY (meeting_id, position),
        CHECK ((ref_kind IS NULL) = (ref_id IS NULL))
      );
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES committee_member(id),
        status text NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
        PRIMARY KEY (meeting_id, member_id)
      );
      CREATE TABLE meeting_decision (
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position int NOT NULL,
        text text NOT NULL,
        PRIMARY KEY (meeting_id, position)
      );
      CREATE TABLE meeting_task (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        assignee_id text NOT NULL REFERENCES app_user(id),
        due_on date NOT NULL,
        done_at timestamptz,
        done_by text
      );
      CREATE INDEX meeting_task_open_assignee_idx ON meeting_task (assignee_id, due_on) WHERE done_at IS NULL;
      CREATE INDEX meeting_task_meeting_idx ON meeting_task (meeting_id);

      CREATE TABLE provider_network (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        social_space_id uuid NOT NULL REFERENCES social_space(id),
        lead_partner_id uuid NOT NULL REFERENCES contract_partner(id),
        agreement_id uuid REFERENCES cooperation_agreement(id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX provider_network_space_idx ON provider_network (social_space_id);
      CREATE TABLE provider_network_member (
        network_id uuid NOT NULL REFERENCES provider_network(id) ON DELETE CASCADE,
        contract_partner_id uuid NOT NULL REFERENCES contract_partner(id),
        PRIMARY KEY (network_id, contract_partner_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE provider_network_member;
      DROP TABLE provider_network;
      DROP TABLE meeting_task;
      DROP TABLE meeting_decision;
      DROP TABLE meeting_attendance;
      DROP TABLE meeting_agenda_item;
      DROP TABLE meeting;
      DROP TABLE committee_member;
      DROP TABLE committee;
    `);
  }
}
