import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sozialraumprofile and Sozialindex: the indicator catalogue, yearly values per social space or
 * municipality (anonymised aggregates only), the versioned index method, the computed results per
 * method version (older versions' results stay), and the social spaces' map boundaries (GeoJSON).
 */
export class IndicatorsAndSocialIndex1766300000000 implements MigrationInterface {
  name = 'IndicatorsAndSocialIndex1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator (
        key text PRIMARY KEY CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
        name text NOT NULL,
        unit text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('need', 'resource')),
        source text NOT NULL,
        level text NOT NULL CHECK (level IN ('social_space', 'municipality')),
        description text,
        invented boolean NOT NULL DEFAULT false,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE indicator_value (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_key text NOT NULL REFERENCES indicator (key) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        social_space_id uuid REFERENCES social_space (id),
        municipality_id uuid REFERENCES municipality (id),
        value numeric NOT NULL,
        invented boolean NOT NULL DEFAULT false,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((social_space_id IS NULL) <> (municipality_id IS NULL))
      );
      CREATE UNIQUE INDEX indicator_value_space_uq ON indicator_value (indicator_key, year, social_space_id) WHERE social_space_id IS NOT NULL;
      CREATE UNIQUE INDEX indicator_value_municipality_uq ON indicator_value (indicator_key, year, municipality_id) WHERE municipality_id IS NOT NULL;
      CREATE INDEX indicator_value_year_idx ON indicator_value (year);
      CREATE TABLE social_index_method (
        version integer PRIMARY KEY CHECK (version > 0),
        weights jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE social_index_result (
        method_version integer NOT NULL REFERENCES social_index_method (version),
        year integer NOT NULL,
        social_space_id uuid NOT NULL REFERENCES social_space (id),
        need_index numeric,
        resource_index numeric,
        combined_index numeric NOT NULL,
        rank integer NOT NULL,
        contributions jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (method_version, year, social_space_id)
      );
      CREATE TABLE social_space_boundary (
        social_space_id uuid PRIMARY KEY REFERENCES social_space (id),
        geometry jsonb NOT NULL,
        schematic boolean NOT NULL DEFAULT false,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE social_space_boundary;
      DROP TABLE social_index_result;
      DROP TABLE social_index_method;
      DROP TABLE indicator_value;
      DROP TABLE indicator;
    `);
  }
}
