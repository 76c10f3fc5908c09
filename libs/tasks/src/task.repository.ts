import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { transactionOpenedWith } from '@sro/database';
import { TaskKind } from './task.types';

/** One open step as the read models show it: ids, a pseudonym or reference and a date, never personal data. */
export interface TaskRow {
  kind: TaskKind;
  /** What the step is about: the consultation, case, process, interview or agreement (stable per step). */
  targetId: string;
  dueAt: Date | null;
  overdue: boolean;
  subjectType: 'case' | 'sozialraum-process' | 'contract-partner' | 'cooperation-agreement' | 'meeting';
  subjectId: string;
  /** The case's pseudonym, the process title, the partner organisation or the agreement reference. */
  subjectLabel: string;
  /** A second id the link needs (the interview's partner), else null. */
  extraId: string | null;
  /** Per kind: the phase number and title, or the agreement's title. */
  detail: string | null;
}

export interface TaskPageRows {
  rows: TaskRow[];
  total: number;
}

/**
 * Follow-ups and help-plan reviews are dated months ahead; they become tasks this close to their
 * date (before that they are on `GET /me/follow-ups`). The trigger function `task_refresh_cases`
 * (migration MaintainedTasks) writes the same number into `task.shown_from_date`.
 */
export const UPCOMING_HORIZON_DAYS = 14;

const COLUMNS = (o: {
  kind: TaskKind;
  target: string;
  due: string;
  subjectType: TaskRow['subjectType'];
  subjectId: string;
  label: string;
  extra?: string;
  detail?: string;
  /** When it counts as overdue, if not at `due` (a date is overdue from the day after). */
  lateFrom?: string;
}) =>
  `SELECT NULL::bigint AS task_id, '${o.kind}'::text AS kind, (${o.target})::text AS target_id, (${o.due})::timestamptz AS due_at,
          (${o.lateFrom ?? o.due})::timestamptz AS late_from,
          '${o.subjectType}'::text AS subject_type, (${o.subjectId})::text AS subject_id, (${o.label})::text AS subject_label,
          (${o.extra ?? 'NULL'})::text AS extra_id, (${o.detail ?? 'NULL'})::text AS detail`;

/**
 * The kinds kept in the maintained table `task` (migration MaintainedTasks): the steps of the case
 * processes, follow-ups and social-space phases, written by triggers on their read models in the same
 * transaction. The rest are small per-caller queries and stay derived per request.
 */
export const STORED_KINDS: readonly TaskKind[] = [
  'consultation_schedule',
  'consultation_invite',
  'consultation_release',
  'consultation_outcome',
  'jhd_classification',
  'jhd_risk_assessment',
  'jhd_immediate_protection',
  'jhd_help_plan',
  'jhd_help_plan_review',
  'case_follow_up',
  'sozialraum_phase',
];

/**
 * The stored steps of the given kinds waiting for the caller ($1), as keys (the display columns come
 * after the page is cut). Case steps are for the case team and for whoever stands in for a team
 * member right now (the need-to-know rule of `caseAccessSql`, 'team' or 'substitute'; break-glass and
 * the lead give no tasks); a follow-up only for its own person; a phase for its coordinator. The
 * clock decides here what the triggers could not: whether a step is shown yet or still, and whether
 * it is overdue. `own` are the caller's rows: one range of `task_member_due_idx`, read without the
 * table in the list's order; `substitute` reads the absent members' rows once per step, and not those
 * of a team the caller is on.
 */
const storedSql = (kinds: readonly TaskKind[]) => {
  // Compared by bytes: in the database's language collation this filter cost half of a 7,834-row count.
  const shown = `t.kind COLLATE "C" IN (${kinds.map((k) => `'${k}'`).join(', ')}) AND (t.assignee_id IS NULL OR t.assignee_id = $1)
       AND (t.shown_from IS NULL OR t.shown_from <= now()) AND (t.shown_until IS NULL OR t.shown_until > now())
       AND (t.shown_from_date IS NULL OR t.shown_from_date <= current_date)`;
  const keys = `t.id AS task_id, t.kind, t.target_id, t.due_at, t.late_from, NULL::text AS subject_type, NULL::text AS subject_id,
           NULL::text AS subject_label, NULL::text AS extra_id, NULL::text AS detail`;
  return {
    own: { keys, from: `task t WHERE t.member_id = $1 AND ${shown}` },
    substitute: `SELECT DISTINCT ON (t.kind, t.target_id) ${keys}
      FROM case_substitution s JOIN task t ON t.member_id = s.absent_user_id
     WHERE s.substitute_user_id = $1 AND s.ended_at IS NULL AND now() >= s.starts_at AND now() < s.ends_at
       AND t.case_id IS NOT NULL AND NOT ($1 = ANY(t.team_ids)) AND ${shown}`,
  };
};

/** One query per kind not kept in `task`; each is entered from the caller ($1) through an index. */
export const TASK_QUERIES: Record<
  'consultation_recommend' | 'interview_plan' | 'interview_conduct' | 'agreement_decision' | 'meeting_task',
  { sql: string }
> = {
  consultation_recommend: {
    // The adviser's window is open, no outcome yet, and they have not recommended: the packet route's rule.
    sql: `${COLUMNS({ kind: 'consultation_recommend', target: 'k.id', due: 'inv.closes_at', subjectType: 'case', subjectId: 'f.id', label: 'f.pseudonym' })}
      FROM consultation_invitation inv
      JOIN consultation k ON k.id = inv.consultation_id AND k.outcome_enc IS NULL
      JOIN case_file f ON f.id = k.case_id AND f.anonymised_at IS NULL
     WHERE inv.adviser_id = $1 AND inv.closed_at IS NULL AND inv.opens_at <= now() AND inv.closes_at > now()
       AND EXISTS (SELECT 1 FROM consultation_packet_release pr WHERE pr.consultation_id = k.id)
       AND NOT EXISTS (SELECT 1 FROM consultation_recommendation r WHERE r.consultation_id = k.id AND r.adviser_id = $1)`,
  },
  interview_plan: {
    sql: `${COLUMNS({ kind: 'interview_plan', target: 'i.id', due: 'i.due_at', subjectType: 'contract-partner', subjectId: 'cp.id', label: 'cp.name', extra: 'i.cycle_id' })}
      FROM interview_cycle ic
      JOIN partner_interview i ON i.cycle_id = ic.id AND i.planned_at IS NULL AND i.status IN ('open', 'overdue')
      JOIN contract_partner cp ON cp.id = i.contract_partner_id
     WHERE ic.coordinator_id = $1 AND ic.status = 'running'`,
  },
  interview_conduct: {
    sql: `${COLUMNS({ kind: 'interview_conduct', target: 'i.id', due: 'coalesce(i.due_at, i.planned_at)', subjectType: 'contract-partner', subjectId: 'cp.id', label: 'cp.name', extra: 'i.cycle_id' })}
      FROM partner_interview i
      JOIN interview_cycle ic ON ic.id = i.cycle_id AND ic.status = 'running'
      JOIN contract_partner cp ON cp.id = i.contract_partner_id
     WHERE i.interviewer_id = $1 AND i.status IN ('planned', 'overdue') AND i.planned_at IS NOT NULL`,
  },
  agreement_decision: {
    sql: `${COLUMNS({
      kind: 'agreement_decision',
      target: `a.id || '/' || pd.round || '/' || pd.stage_key`,
      due: 'min(pd.due_at)',
      subjectType: 'cooperation-agreement',
      subjectId: 'a.id',
      label: 'a.reference',
      detail: 'a.title',
    })}
      FROM cooperation_agreement_pending pd JOIN cooperation_agreement a ON a.id = pd.agreement_id
     WHERE pd.approver_id = $1
     -- One task per agreement and stage, also for an approver named for several of its parties.
     GROUP BY a.id, pd.round, pd.stage_key`,
  },
  meeting_task: {
    // A task of submitted (or approved) minutes, for its assignee while they are a member of the committee.
    sql: `${COLUMNS({
      kind: 'meeting_task',
      target: 'mt.id',
      due: 'mt.due_on',
      lateFrom: 'mt.due_on + 1',
      subjectType: 'meeting',
      subjectId: 'm.id',
      label: `c.name || ', ' || to_char(m.starts_at AT TIME ZONE 'Europe/Berlin', 'DD.MM.YYYY')`,
      detail: 'mt.title',
    })}
      FROM meeting_task mt
      JOIN meeting m ON m.id = mt.meeting_id AND m.minutes_status IN ('submitted', 'approved')
      JOIN committee c ON c.id = m.committee_id
     WHERE mt.assignee_id = $1 AND mt.done_at IS NULL
       AND EXISTS (SELECT 1 FROM committee_member cm WHERE cm.committee_id = c.id AND cm.user_id = $1 AND cm.removed_at IS NULL)`,
  },
};

/**
 * The list runs without parallel workers: a person's range is a few thousand index entries (3 ms),
 * and starting two workers for it cost 50 ms on a loaded 2-core machine (EXPLAIN ANALYZE in
 * `npm run bench:tasks`). Its tables are read from memory (every plan in the bench hits shared
 * buffers only), so a random page costs about what a sequential one does: with the default cost of 4
 * the adviser's list scanned and hashed all 22,500 cases instead of 1,000 index-only lookups
 * (`case_file_open_pseudonym_idx`), 65–82 against 37 ms per list under load (pgbench, same data).
 */
export const TASK_LIST_SETTINGS = ['max_parallel_workers_per_gather = 0', 'random_page_cost = 1.1'] as const;
const SET_LOCAL = TASK_LIST_SETTINGS.map((setting) => `SET LOCAL ${setting}`).join('; ');

// The tie-breakers compare bytes: many steps share a due date, and the database's language collation
// made the sort of a 7,834-task list cost 22 of its 28 ms (EXPLAIN ANALYZE, bench:tasks).
const ORDER = `coalesce(p.late_from <= now(), false) DESC, p.due_at ASC NULLS LAST, p.kind COLLATE "C", p.target_id COLLATE "C"`;

// The order of `task_member_due_idx` after the overdue flag: within each flag the caller's rows come from it sorted.
const INDEX_ORDER = `t.due_at, t.kind COLLATE "C", t.target_id COLLATE "C"`;

/**
 * The one statement for the given kinds: the caller's stored steps, the substitute's and the queried
 * ones, overdue first, then by due date; the page's stored rows are read from `task` only after the
 * cut. Unpaged, the whole list (what the page is cut from).
 *
 * Paged, the caller's own rows are not all sorted (7,834 for the bench's caseworker): they come from
 * `task_member_due_idx` in the list's order as two ranges, overdue and not (`late_from` is a column,
 * not a key), and only the part the page can reach is read. The other rows (`other`: substitutions and
 * the queried kinds, a few per caller) can be anywhere, so an own row at position i of the own order
 * is at position i to i + |other| of the list: the first `skip` = offset − |other| own rows all lie
 * before the page and are left out, the page is cut from the own rows up to offset + limit and all
 * others, at offset − skip. The counts come from the same snapshot (one statement), so `total` is exact.
 */
export function taskListSql(kinds: readonly TaskKind[], paged = true): string {
  const stored = kinds.filter((k) => STORED_KINDS.includes(k));
  const { own, substitute } = storedSql(stored);
  const others = [
    ...(stored.length > 0 ? [substitute] : []),
    ...kinds.filter((k): k is keyof typeof TASK_QUERIES => k in TASK_QUERIES).map((k) => TASK_QUERIES[k].sql),
  ];
  const columns = `p.kind, p.target_id AS "targetId", p.due_at AS "dueAt", coalesce(p.late_from <= now(), false) AS overdue,
           coalesce(t.subject_type, p.subject_type) AS "subjectType", coalesce(t.subject_id, p.subject_id) AS "subjectId",
           coalesce(t.subject_label, p.subject_label) AS "subjectLabel", coalesce(t.extra_id, p.extra_id) AS "extraId",
           coalesce(t.detail, p.detail) AS detail`;
  const ownAll = stored.length > 0 ? [`SELECT ${own.keys} FROM ${own.from}`] : [];
  if (!paged) {
    return `SELECT ${columns} FROM (${[...ownAll, ...others].join('\n      UNION ALL\n')}) p
      LEFT JOIN task t ON t.id = p.task_id ORDER BY ${ORDER}`;
  }
  // Without a query for the other rows, a row-less stand-in keeps one shape of statement.
  const other = others.length > 0 ? others.join('\n      UNION ALL\n') : `SELECT ${own.keys} FROM task t WHERE false`;
  const ownCounts =
    stored.length > 0
      ? `SELECT count(*)::int AS own, (count(*) FILTER (WHERE t.late_from <= now()))::int AS own_overdue FROM ${own.from}`
      : `SELECT 0 AS own, 0 AS own_overdue`;
  const ownPage =
    stored.length > 0
      ? `(SELECT ${own.keys} FROM ${own.from} AND t.late_from <= now()
           ORDER BY ${INDEX_ORDER} OFFSET (SELECT skip FROM n)
           LIMIT (SELECT greatest(least($2 + $3, own_overdue) - skip, 0) FROM n))
         UNION ALL
         (SELECT ${own.keys} FROM ${own.from} AND NOT coalesce(t.late_from <= now(), false)
           ORDER BY ${INDEX_ORDER} OFFSET (SELECT greatest(skip - own_overdue, 0) FROM n)
           LIMIT (SELECT greatest($2 + $3 - greatest(skip, own_overdue), 0) FROM n))
         UNION ALL\n`
      : '';
  return `WITH other AS (${other}),
    n AS (SELECT c.own, c.own_overdue, o.other, greatest($3 - o.other, 0) AS skip
            FROM (${ownCounts}) c, (SELECT count(*)::int AS other FROM other) o)
    SELECT ${columns}, (SELECT own + other FROM n) AS total
      FROM (SELECT u.* FROM (${ownPage} SELECT * FROM other) u
             ORDER BY ${ORDER.replace(/p\./g, 'u.')}
             LIMIT $2 OFFSET (SELECT $3 - skip FROM n)) p
      LEFT JOIN task t ON t.id = p.task_id
     ORDER BY ${ORDER}`;
}

/** All SQL of the task list (the read models of cases, consultations, processes, interviews and agreements). */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(userId: string, kinds: readonly TaskKind[], page: { limit: number; offset: number }): Promise<TaskPageRows> {
    if (kinds.length === 0) return { rows: [], total: 0 };
    // BEGIN and the setting in one round trip (the list is one statement; every trip waits on a busy machine).
    return transactionOpenedWith(this.dataSource, SET_LOCAL, async (_, m) => {
      const rows: Array<TaskRow & { total: number }> = await m.query(taskListSql(kinds), [userId, page.limit, page.offset]);
      if (rows.length === 0 && page.offset > 0) {
        // Past the end the window function has no row to count on.
        // Fixed fragments only (the kinds are codes from TASK_KINDS); the user is a parameter.
        const countSql = `SELECT count(*)::int AS total FROM (${taskListSql(kinds, false)}) x`;
        const [{ total }]: Array<{ total: number }> = await m.query(countSql, [userId]);
        return { rows: [], total };
      }
      return { rows: rows.map(({ total: _t, ...row }) => row), total: rows[0]?.total ?? 0 };
    });
  }
}
