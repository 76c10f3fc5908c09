import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Meine Aufgaben" (`GET /me/tasks`) reads a person's stored steps in the list's order instead of
 * sorting all of them per page: `task_member_due_idx` is keyed like the list after its overdue flag
 * (due date, then kind and target compared by bytes, as `taskListSql` orders them) and carries what
 * the filters need, so a page is two ordered index-only ranges (overdue and not) cut at offset +
 * limit, and the count one more. It replaces `task_member_idx` (member, kind), which only the list read.
 */
export class TaskListOrderIndex1767000000000 implements MigrationInterface {
  name = 'TaskListOrderIndex1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX task_member_due_idx ON task (member_id, due_at, kind COLLATE "C", target_id COLLATE "C")
        INCLUDE (id, late_from, shown_from, shown_until, shown_from_date, assignee_id);
      DROP INDEX task_member_idx;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX task_member_idx ON task (member_id, kind)
        INCLUDE (id, target_id, due_at, late_from, shown_from, shown_until, shown_from_date, assignee_id, case_id);
      DROP INDEX task_member_due_idx;
    `);
  }
}
