import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Municipalities become a list of their own (agreement parties, social-space boundaries): each is
 * a town (Stadt) or a municipality (Gemeinde), found by social space.
 */
export class MunicipalityKind1764123000000 implements MigrationInterface {
  name = 'MunicipalityKind1764123000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE municipality ADD COLUMN kind text NOT NULL DEFAULT 'gemeinde' CHECK (kind IN ('stadt', 'gemeinde'));
      CREATE INDEX municipality_social_space_idx ON municipality (social_space_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX municipality_social_space_idx;
      ALTER TABLE municipality DROP COLUMN kind;
    `);
  }
}
