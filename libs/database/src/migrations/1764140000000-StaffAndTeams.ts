import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff administration: teams (ASD-Team, Regionalteam) with their lead, a user's team, how a user
 * came to exist (seed, admin, just-in-time sign-in), when they were deactivated, and what an
 * external adviser brings (organisation, expertise). Roles are limited to the roles the system
 * knows, so no user can hold a role that nothing checks for.
 */
export class StaffAndTeams1764140000000 implements MigrationInterface {
  name = 'StaffAndTeams1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('asd_team', 'regional_team')),
        planning_region_id uuid REFERENCES planning_region(id),
        lead_id text REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX team_lead_idx ON team (lead_id);
      ALTER TABLE app_user
        ADD COLUMN team_id uuid REFERENCES team(id),
        ADD COLUMN organisation text,
        ADD COLUMN expertise text[] NOT NULL DEFAULT '{}',
        ADD COLUMN provisioned_by text NOT NULL DEFAULT 'admin' CHECK (provisioned_by IN ('seed', 'admin', 'jit')),
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
      CREATE INDEX app_user_team_idx ON app_user (team_id);
      CREATE INDEX app_user_roles_idx ON app_user USING gin (roles);
      UPDATE app_user SET deactivated_at = created_at WHERE NOT active;
      UPDATE app_user SET provisioned_by = 'seed' WHERE id LIKE 'demo-%';
      UPDATE app_user SET roles = ARRAY(
        SELECT r FROM unnest(roles) r WHERE r IN ('caseworker', 'lead', 'coordinator', 'admin', 'adviser', 'approver'));
      ALTER TABLE app_user ADD CONSTRAINT app_user_roles_known
        CHECK (roles <@ ARRAY['caseworker', 'lead', 'coordinator', 'admin', 'adviser', 'approver']::text[]);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_roles_known;
      UPDATE app_user SET roles = array_remove(roles, 'lead');
      DROP INDEX app_user_roles_idx;
      DROP INDEX app_user_team_idx;
      ALTER TABLE app_user DROP COLUMN team_id, DROP COLUMN organisation, DROP COLUMN expertise, DROP COLUMN provisioned_by,
        DROP COLUMN deactivated_at, DROP COLUMN updated_at;
      DROP TABLE team;
    `);
  }
}
