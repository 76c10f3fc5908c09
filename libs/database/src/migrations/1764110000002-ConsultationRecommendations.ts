import { MigrationInterface, QueryRunner } from 'typeorm';

/** Advisers' recommendations to a Fallteam consultation (sealed: free text about the family). */
export class ConsultationRecommendations1764110000002 implements MigrationInterface {
  name = 'ConsultationRecommendations1764110000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation_recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
        adviser_id text NOT NULL,
        content_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX consultation_recommendation_consultation_idx ON consultation_recommendation (consultation_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consultation_recommendation;`);
  }
}
