import { DataSource } from 'typeorm';
import { TaskRepository, taskListSql, TaskService } from '@sro/tasks';
import { Role } from '@sro/common';
import { sharedDataSource } from '../support/database';

const ME = 'tl-caseworker';
const ABSENT = 'tl-absent';

/**
 * The page of `GET /me/tasks` is cut from the caller's rows in index order (overdue and not apart) and
 * the few other rows; every page must be the same slice of the whole list, with the exact total.
 */
describe('task list pages (PostgreSQL)', () => {
  let db: DataSource;
  let repository: TaskRepository;
  const kinds = TaskService.kindsFor({ sub: ME, roles: [Role.Caseworker] });

  beforeAll(async () => {
    db = await sharedDataSource();
    repository = new TaskRepository(db);
    await db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ($1, 'Fachkraft', '{caseworker}'), ($2, 'Abwesend', '{caseworker}')`,
      [ME, ABSENT],
    );
    const [{ id: caseId }]: Array<{ id: string }> = await db.query(
      `INSERT INTO case_file (pseudonym, social_space_id, assigned_caseworker_ids, created_by)
       SELECT 'TL-0000001', id, ARRAY[$1], 'task-list-test' FROM social_space ORDER BY code LIMIT 1 RETURNING id`,
      [ABSENT],
    );
    // The caller's own rows: follow-ups (overdue from the day after) and steps (overdue at their date)
    // on the same days, undated ones, some not shown yet or anymore, and one of another person. No date
    // lies within half an hour after the insert, so no row turns overdue while the pages are compared
    // (dates at the day's start plus 12 hours did, for a run at noon).
    await db.query(
      `INSERT INTO task (member_id, kind, target_id, team_ids, assignee_id, due_at, late_from, shown_from, shown_until, shown_from_date,
                         subject_type, subject_id, subject_label)
       SELECT $1, k.kind, k.kind || '-' || n, ARRAY[$1], CASE WHEN n % 17 = 0 THEN 'someone-else' END,
              d.due, CASE WHEN k.kind = 'case_follow_up' THEN d.due + interval '1 day' ELSE d.due END,
              CASE WHEN n % 13 = 0 THEN now() + interval '1 day' END, CASE WHEN n % 11 = 0 THEN now() - interval '1 hour' END, NULL,
              'case', 'c-' || n, 'Fall ' || n
         FROM generate_series(1, 60) n
        CROSS JOIN (VALUES ('case_follow_up'), ('jhd_help_plan'), ('consultation_schedule')) k(kind)
        CROSS JOIN LATERAL (SELECT CASE WHEN n % 19 = 0 THEN NULL ELSE now() + ((n % 9) - 4) * interval '12 hours' + interval '30 minutes' END AS due) d`,
      [ME],
    );
    // The absent colleague's rows reach the caller as substitute, between their own.
    await db.query(
      `INSERT INTO task (member_id, kind, target_id, case_id, team_ids, due_at, late_from, subject_type, subject_id, subject_label)
       SELECT $1, 'jhd_classification', 'sub-' || n, $2::uuid, ARRAY[$1], now() + ((n % 7) - 3) * interval '1 day', now() + ((n % 7) - 3) * interval '1 day',
              'case', $2::uuid::text, 'TL-0000001'
         FROM generate_series(1, 25) n`,
      [ABSENT, caseId],
    );
    await db.query(
      `INSERT INTO case_substitution (absent_user_id, substitute_user_id, starts_at, ends_at, named_by)
       VALUES ($1, $2, now() - interval '1 day', now() + interval '1 day', 'task-list-test')`,
      [ABSENT, ME],
    );
  });
  afterAll(async () => {
    await db.query(`DELETE FROM case_substitution WHERE named_by = 'task-list-test'`);
    await db.query(`DELETE FROM task WHERE member_id IN ($1, $2)`, [ME, ABSENT]);
    await db.query(`DELETE FROM case_file WHERE created_by = 'task-list-test'`);
    await db.query(`DELETE FROM app_user WHERE id IN ($1, $2)`, [ME, ABSENT]);
    await db.destroy();
  });

  it('gives every page, first, across the overdue boundary and deep, as the slice of the whole list, with the exact total', async () => {
    const whole: Array<{ kind: string; targetId: string; overdue: boolean }> = await db.query(taskListSql(kinds, false), [ME]);
    expect(whole.length).toBeGreaterThan(100);
    expect(whole.some((t) => t.targetId.startsWith('sub-'))).toBe(true);
    const firstLater = whole.findIndex((t) => !t.overdue);
    expect(firstLater).toBeGreaterThan(0);
    expect(whole.slice(firstLater).every((t) => !t.overdue)).toBe(true);
    for (const limit of [1, 7, 50]) {
      for (let offset = 0; offset <= whole.length + limit; offset += 1) {
        const page = await repository.page(ME, kinds, { limit, offset });
        expect(page.total).toBe(whole.length);
        expect(page.rows.map((t) => `${t.kind}:${t.targetId}`)).toEqual(
          whole.slice(offset, offset + limit).map((t) => `${t.kind}:${t.targetId}`),
        );
      }
    }
  });
});
