import { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned workflow definitions and the read model of running processes with their history. */
export class DefinitionsAndProcesses1763710000000 implements MigrationInterface {
  name = 'DefinitionsAndProcesses1763710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workflow_definition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version int NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
        spec jsonb NOT NULL,
        checksum text NOT NULL,
        author text NOT NULL,
        change_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        retired_at timestamptz,
        UNIQUE (key, version)
      );
      CREATE UNIQUE INDEX workflow_definition_one_published ON workflow_definition (key) WHERE status = 'published';
      CREATE UNIQUE INDEX workflow_definition_one_draft ON workflow_definition (key) WHERE status = 'draft';

      CREATE TABLE process_instance (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        definition_key text NOT NULL,
        definition_version int NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'paused', 'completed', 'cancelled')),
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        planning_region_id uuid,
        social_space_id uuid,
        current_step text,
        current_step_title text,
        current_due_at timestamptz,
        steps jsonb NOT NULL,
        summary jsonb NOT NULL DEFAULT '{}',
        revision int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX process_instance_key_status_idx ON process_instance (definition_key, status);
      CREATE INDEX process_instance_due_idx ON process_instance (definition_key, current_due_at) WHERE status IN ('running', 'paused');
      CREATE INDEX process_instance_region_idx ON process_instance (planning_region_id, definition_key);

      CREATE TABLE process_event (
        id bigserial PRIMARY KEY,
        process_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        kind text NOT NULL,
        actor_id text,
        details jsonb NOT NULL DEFAULT '{}',
        dedupe_key text NOT NULL UNIQUE
      );
      CREATE INDEX process_event_process_idx ON process_event (process_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE process_event; DROP TABLE process_instance; DROP TABLE workflow_definition;`);
  }
}
