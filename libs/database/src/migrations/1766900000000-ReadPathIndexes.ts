import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The adviser's tasks (`GET /me/tasks`, kind `consultation_recommend`) read each open case's
 * pseudonym by id: with this covering index that is an index-only lookup per consultation instead
 * of a sequential scan and hash of every case (22,500 in `npm run bench:tasks`; the list's
 * `random_page_cost` lets the planner take it, see `TASK_LIST_SETTINGS`).
 */
export class ReadPathIndexes1766900000000 implements MigrationInterface {
  name = 'ReadPathIndexes1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX case_file_open_pseudonym_idx ON case_file (id) INCLUDE (pseudonym) WHERE anonymised_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_file_open_pseudonym_idx`);
  }
}
