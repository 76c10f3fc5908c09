import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference data, users and the append-only, hash-chained audit log. */
export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE planning_region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL
      );
      CREATE TABLE social_space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        planning_region_id uuid NOT NULL REFERENCES planning_region(id)
      );
      CREATE INDEX social_space_planning_region_idx ON social_space (planning_region_id);
      CREATE TABLE municipality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        social_space_id uuid NOT NULL REFERENCES social_space(id)
      );
      CREATE TABLE contract_partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('municipality', 'free_provider')),
        accession_date date NOT NULL,
        exit_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (exit_date IS NULL OR exit_date >= accession_date)
      );
      CREATE TABLE contract_partner_social_space (
        contract_partner_id uuid NOT NULL REFERENCES contract_partner(id) ON DELETE CASCADE,
        social_space_id uuid NOT NULL REFERENCES social_space(id),
        PRIMARY KEY (contract_partner_id, social_space_id)
      );
      CREATE TABLE app_user (
        id text PRIMARY KEY,
        display_name text NOT NULL,
        email text,
        roles text[] NOT NULL,
        planning_region_ids uuid[] NOT NULL DEFAULT '{}',
        social_space_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE audit_event (
        id bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text,
        purpose text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'failed')),
        request_id text,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      );
      CREATE INDEX audit_event_resource_idx ON audit_event (resource_type, resource_id, id);
      CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, id);
      CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at);

      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_event;
      DROP FUNCTION audit_event_refuse_change();
      DROP TABLE app_user;
      DROP TABLE contract_partner_social_space;
      DROP TABLE contract_partner;
      DROP TABLE municipality;
      DROP TABLE social_space;
      DROP TABLE planning_region;
    `);
  }
}
