import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseAccessSql } from '@sro/cases';
import { TaskKind } from './task.types';

/** One open step as the read models show it: ids, a pseudonym or reference and a date, never personal data. */
export interface TaskRow {
  kind: TaskKind;
  /** What the step is about: the consultation, case, process, interview or agreement (stable per step). */
  targetId: string;
  dueAt: Date | null;
  overdue: boolean;
  subjectType: 'case' | 'sozialraum-process' | 'contract-partner' | 'cooperation-agreement';
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
 * date (before that they are on `GET /me/follow-ups`).
 */
export const UPCOMING_HORIZON_DAYS = 14;

/**
 * The cases whose steps wait for the caller ($1), and their running Fallteam and Jugendhilfedienst
 * processes, looked up once (one index probe per case) for all kinds of case steps: those of their case team and those of a team member
 * they stand in for right now. The array conditions let PostgreSQL enter through the GIN index of
 * `assigned_caseworker_ids`; the shared need-to-know expression decides, so this list cannot disagree
 * with the case routes. Break-glass (reading in an emergency) and the lead (reads, does not act) give
 * no tasks.
 */
const MY_CASES = `my_cases AS MATERIALIZED (
  SELECT f.id, f.id::text AS id_text, f.pseudonym FROM case_file f
   WHERE f.anonymised_at IS NULL
     AND (f.assigned_caseworker_ids @> ARRAY[$1::text]
          OR f.assigned_caseworker_ids && ARRAY(
               SELECT s.absent_user_id FROM case_substitution s
                WHERE s.substitute_user_id = $1 AND s.ended_at IS NULL AND now() >= s.starts_at AND now() < s.ends_at))
     AND (${caseAccessSql('$1')}) IN ('team', 'substitute')),
my_processes AS MATERIALIZED (
  SELECT c.id AS case_id, c.pseudonym, p.id, p.definition_key, p.definition_version, p.current_due_at, p.summary
    FROM my_cases c JOIN process_instance p
      ON p.subject_id = c.id_text AND p.status = 'running' AND p.definition_key IN ('fallteam-consultation', 'jugendhilfedienst-case'))`;

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
  `SELECT '${o.kind}'::text AS kind, (${o.target})::text AS target_id, (${o.due})::timestamptz AS due_at,
          (${o.lateFrom ?? o.due})::timestamptz AS late_from,
          '${o.subjectType}'::text AS subject_type, (${o.subjectId})::text AS subject_id, (${o.label})::text AS subject_label,
          (${o.extra ?? 'NULL'})::text AS extra_id, (${o.detail ?? 'NULL'})::text AS detail`;

const CONSULTATION = (phaseCondition: string) =>
  `FROM my_processes p WHERE p.definition_key = 'fallteam-consultation' AND ${phaseCondition}`;

const JHD = (phase: string) => `FROM my_processes p WHERE p.definition_key = 'jugendhilfedienst-case' AND p.summary->>'phase' = '${phase}'`;

const JHD_STEP = (kind: TaskKind, phase: string) =>
  `${COLUMNS({ kind, target: 'p.case_id', due: 'p.current_due_at', subjectType: 'case', subjectId: 'p.case_id', label: 'p.pseudonym' })} ${JHD(phase)}`;

/** One query per kind; each is entered from the caller ($1) through an index. */
export const TASK_QUERIES: Record<TaskKind, { sql: string; needsMyCases: boolean }> = {
  consultation_schedule: {
    needsMyCases: true,
    sql: `${COLUMNS({ kind: 'consultation_schedule', target: 'p.id', due: 'p.current_due_at', subjectType: 'case', subjectId: 'p.case_id', label: 'p.pseudonym' })}
      ${CONSULTATION(`p.summary->>'phase' = 'requested'`)}`,
  },
  consultation_invite: {
    needsMyCases: true,
    sql: `${COLUMNS({ kind: 'consultation_invite', target: 'p.id', due: `p.summary->>'sessionAt'`, subjectType: 'case', subjectId: 'p.case_id', label: 'p.pseudonym' })}
      ${CONSULTATION(`p.summary->>'phase' = 'scheduled' AND (p.summary->>'advisers')::int = 0 AND (p.summary->>'sessionAt')::timestamptz > now()`)}`,
  },
  consultation_release: {
    // Advisers see a packet only once the caseworker released it, and again after an edit made it stale.
    needsMyCases: true,
    sql: `${COLUMNS({ kind: 'consultation_release', target: 'p.id', due: `p.summary->>'sessionAt'`, subjectType: 'case', subjectId: 'p.case_id', label: 'p.pseudonym' })}
      ${CONSULTATION(`p.summary->>'phase' = 'scheduled' AND (p.summary->>'sessionAt')::timestamptz > now()
        AND NOT EXISTS (SELECT 1 FROM consultation_packet_release pr WHERE pr.consultation_id = p.id AND pr.stale_since IS NULL)`)}`,
  },
  consultation_outcome: {
    // Due when the outcome step of the pinned definition ends after the session (P7D in the seed).
    needsMyCases: true,
    sql: `${COLUMNS({
      kind: 'consultation_outcome',
      target: 'p.id',
      due: `(p.summary->>'sessionAt')::timestamptz + coalesce((SELECT (st->>'duration')::interval FROM workflow_definition d, jsonb_array_elements(d.spec->'steps') st
                WHERE d.key = p.definition_key AND d.version = p.definition_version AND st->>'key' = 'outcome'), interval '7 days')`,
      subjectType: 'case',
      subjectId: 'p.case_id',
      label: 'p.pseudonym',
    })}
      ${CONSULTATION(`p.summary->>'phase' = 'scheduled' AND (p.summary->>'sessionAt')::timestamptz <= now()`)}`,
  },
  consultation_recommend: {
    // The adviser's window is open, no outcome yet, and they have not recommended: the packet route's rule.
    needsMyCases: false,
    sql: `${COLUMNS({ kind: 'consultation_recommend', target: 'k.id', due: 'inv.closes_at', subjectType: 'case', subjectId: 'f.id', label: 'f.pseudonym' })}
      FROM consultation_invitation inv
      JOIN consultation k ON k.id = inv.consultation_id AND k.outcome_enc IS NULL
      JOIN case_file f ON f.id = k.case_id AND f.anonymised_at IS NULL
     WHERE inv.adviser_id = $1 AND inv.closed_at IS NULL AND inv.opens_at <= now() AND inv.closes_at > now()
       AND EXISTS (SELECT 1 FROM consultation_packet_release pr WHERE pr.consultation_id = k.id)
       AND NOT EXISTS (SELECT 1 FROM consultation_recommendation r WHERE r.consultation_id = k.id AND r.adviser_id = $1)`,
  },
  jhd_classification: { needsMyCases: true, sql: JHD_STEP('jhd_classification', 'classification') },
  jhd_risk_assessment: { needsMyCases: true, sql: JHD_STEP('jhd_risk_assessment', 'risk_assessment') },
  jhd_immediate_protection: { needsMyCases: true, sql: JHD_STEP('jhd_immediate_protection', 'immediate_protection') },
  jhd_help_plan: { needsMyCases: true, sql: JHD_STEP('jhd_help_plan', 'help_plan') },
  jhd_help_plan_review: {
    needsMyCases: true,
    sql: `${COLUMNS({ kind: 'jhd_help_plan_review', target: 'p.case_id', due: `(p.summary->>'nextReviewAt')::date`, lateFrom: `(p.summary->>'nextReviewAt')::date + 1`, subjectType: 'case', subjectId: 'p.case_id', label: 'p.pseudonym' })}
      ${JHD('help')} AND (p.summary->>'nextReviewAt')::date <= current_date + ${UPCOMING_HORIZON_DAYS}`,
  },
  case_follow_up: {
    needsMyCases: true,
    sql: `${COLUMNS({ kind: 'case_follow_up', target: 'fu.id', due: 'fu.due_on', lateFrom: 'fu.due_on + 1', subjectType: 'case', subjectId: 'c.id', label: 'c.pseudonym' })}
      FROM case_follow_up fu JOIN my_cases c ON c.id = fu.case_id
     WHERE fu.user_id = $1 AND fu.done_at IS NULL AND fu.due_on <= current_date + ${UPCOMING_HORIZON_DAYS}`,
  },
  sozialraum_phase: {
    // The current phase of each running process the caller coordinates, with how many required deliverables are missing.
    needsMyCases: false,
    sql: `${COLUMNS({
      kind: 'sozialraum_phase',
      target: 'p.id',
      due: 'p.current_due_at',
      subjectType: 'sozialraum-process',
      subjectId: 'p.id',
      label: `coalesce(p.summary->>'title', p.current_step_title)`,
      detail: `(SELECT i FROM jsonb_array_elements(p.steps) WITH ORDINALITY AS e(step, i) WHERE e.step->>'key' = p.current_step)
        || '|' || (SELECT count(*) FROM workflow_definition d, jsonb_array_elements(d.spec->'phases') ph, jsonb_array_elements(ph->'deliverables') dl
                    WHERE d.key = p.definition_key AND d.version = p.definition_version AND ph->>'key' = p.current_step
                      AND (dl->>'required')::boolean AND NOT coalesce((p.summary->'deliverables'->p.current_step) ? (dl->>'key'), false))
        || '|' || coalesce(p.current_step_title, '')`,
    })}
      FROM process_instance p
     WHERE p.summary->>'coordinatorId' = $1 AND p.definition_key = 'sozialraum-development' AND p.status = 'running'
       AND p.current_step IS NOT NULL`,
  },
  interview_plan: {
    needsMyCases: false,
    sql: `${COLUMNS({ kind: 'interview_plan', target: 'i.id', due: 'i.due_at', subjectType: 'contract-partner', subjectId: 'cp.id', label: 'cp.name', extra: 'i.cycle_id' })}
      FROM interview_cycle ic
      JOIN partner_interview i ON i.cycle_id = ic.id AND i.planned_at IS NULL AND i.status IN ('open', 'overdue')
      JOIN contract_partner cp ON cp.id = i.contract_partner_id
     WHERE ic.coordinator_id = $1 AND ic.status = 'running'`,
  },
  interview_conduct: {
    needsMyCases: false,
    sql: `${COLUMNS({ kind: 'interview_conduct', target: 'i.id', due: 'coalesce(i.due_at, i.planned_at)', subjectType: 'contract-partner', subjectId: 'cp.id', label: 'cp.name', extra: 'i.cycle_id' })}
      FROM partner_interview i
      JOIN interview_cycle ic ON ic.id = i.cycle_id AND ic.status = 'running'
      JOIN contract_partner cp ON cp.id = i.contract_partner_id
     WHERE i.interviewer_id = $1 AND i.status IN ('planned', 'overdue') AND i.planned_at IS NOT NULL`,
  },
  agreement_decision: {
    needsMyCases: false,
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
};

/** The one statement for the given kinds: their queries joined by UNION ALL, overdue first, then by due date. */
export function taskListSql(kinds: readonly TaskKind[], paged = true): string {
  const parts = kinds.map((k) => TASK_QUERIES[k]);
  const withCases = parts.some((p) => p.needsMyCases) ? `WITH ${MY_CASES}` : '';
  return `${withCases}
    SELECT t.kind, t.target_id AS "targetId", t.due_at AS "dueAt", coalesce(t.late_from <= now(), false) AS overdue,
           t.subject_type AS "subjectType", t.subject_id AS "subjectId", t.subject_label AS "subjectLabel",
           t.extra_id AS "extraId", t.detail, count(*) OVER ()::int AS total
      FROM (${parts.map((p) => p.sql).join('\n      UNION ALL\n')}) t
     ORDER BY coalesce(t.late_from <= now(), false) DESC, t.due_at ASC NULLS LAST, t.kind, t.target_id
     ${paged ? 'LIMIT $2 OFFSET $3' : ''}`;
}

/** All SQL of the task list (the read models of cases, consultations, processes, interviews and agreements). */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(userId: string, kinds: readonly TaskKind[], page: { limit: number; offset: number }): Promise<TaskPageRows> {
    if (kinds.length === 0) return { rows: [], total: 0 };
    const rows: Array<TaskRow & { total: number }> = await this.dataSource.query(taskListSql(kinds), [userId, page.limit, page.offset]);
    if (rows.length === 0 && page.offset > 0) {
      // Past the end the window function has no row to count on.
      // Fixed fragments only (the kinds are codes from TASK_KINDS); the user is a parameter.
      const countSql = `SELECT count(*)::int AS total FROM (${taskListSql(kinds, false)}) x`;
      const [{ total }]: Array<{ total: number }> = await this.dataSource.query(countSql, [userId]);
      return { rows: [], total };
    }
    return { rows: rows.map(({ total: _t, ...row }) => row), total: rows[0]?.total ?? 0 };
  }
}
