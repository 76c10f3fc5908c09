import { MigrationInterface, QueryRunner } from 'typeorm';

/** The yearly Sozialraumbudget per social space and its ledger of allocations. */
export class SocialSpaceBudget1763730000000 implements MigrationInterface {
  name = 'SocialSpaceBudget1763730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE social_space_budget (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        social_space_id uuid NOT NULL REFERENCES social_space(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (social_space_id, year)
      );
      CREATE TABLE budget_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL REFERENCES social_space_budget(id),
        kind text NOT NULL CHECK (kind IN ('measure', 'initiative')),
        title text NOT NULL,
        process_id uuid,
        measure_key text,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX budget_allocation_budget_idx ON budget_allocation (budget_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_allocation; DROP TABLE social_space_budget;`);
  }
}
