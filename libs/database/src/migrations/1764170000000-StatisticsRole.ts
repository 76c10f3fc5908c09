import { MigrationInterface, QueryRunner } from 'typeorm';

/** The `statistics` role (record-level § 8a statistics, issue 21 item 11) becomes a known role of app_user. */
export class StatisticsRole1764170000000 implements MigrationInterface {
  name = 'StatisticsRole1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_roles_known;
      ALTER TABLE app_user ADD CONSTRAINT app_user_roles_known
        CHECK (roles <@ ARRAY['caseworker', 'lead', 'coordinator', 'admin', 'adviser', 'approver', 'statistics']::text[]);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE app_user SET roles = array_remove(roles, 'statistics');
      ALTER TABLE app_user DROP CONSTRAINT app_user_roles_known;
      ALTER TABLE app_user ADD CONSTRAINT app_user_roles_known
        CHECK (roles <@ ARRAY['caseworker', 'lead', 'coordinator', 'admin', 'adviser', 'approver']::text[]);
    `);
  }
}
