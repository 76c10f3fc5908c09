import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QuestionnaireSpec } from '@sro/definitions';
import { INTERVIEW_STATUSES, InterviewStatus } from '@sro/workflows/contracts';
import type { CyclePartner } from '@sro/workflows/contracts';
import type { InterviewReport, ReportCycle, ReportInterview } from './interview-report';

/** `'<status>', count` pairs of a cycle's interviews for json_build_object (fixed SQL from the status list). */
const STATUS_COUNT_PAIRS = INTERVIEW_STATUSES.map((s) => `'${s}', count(*) FILTER (WHERE i.status = '${s}')::int`).join(', ');

/** One interview cycle as coordinators and readers see it. */
export interface InterviewCycle {
  id: string;
  number: number;
  status: 'running' | 'completed';
  workflowId: string;
  definitionVersion: number;
  questionnaireVersion: string;
  coordinatorId: string;
  startedAt: Date;
  completedAt: Date | null;
}

/** How many interviews of a cycle there are, in all and by status. */
export type InterviewCounts = { total: number } & Record<InterviewStatus, number>;

export interface InterviewCycleWithCounts extends InterviewCycle {
  counts: InterviewCounts;
}

/** The row a cycle's workflow opened: it carries the definition version it pinned. */
export interface OpenedCycleRow {
  id: string;
  number: number;
  definitionVersion: number;
}

const STATUS_COUNTS = INTERVIEW_STATUSES.map((s) => `count(*) FILTER (WHERE i.status = '${s}')::int AS "${s}"`).join(', ');

const CYCLE_COLUMNS = `c.id, c.number, c.status, c.workflow_id AS "workflowId", c.definition_version AS "definitionVersion",
  c.questionnaire->>'version' AS "questionnaireVersion", c.coordinator_id AS "coordinatorId", c.started_at AS "startedAt", c.completed_at AS "completedAt"`;

/**
 * All SQL of the interview cycles (`interview_cycle`), the inputs of their report, and the
 * registry look-ups the cycles need (active partners, users who may plan or conduct interviews).
 * Steps that must share a transaction take the `EntityManager` of {@link InterviewCycleRepository.transaction}.
 */
@Injectable()
export class InterviewCycleRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The cycles with their counts, the latest first. */
  async list(page: { limit: number; offset: number }): Promise<{ items: InterviewCycleWithCounts[]; total: number }> {
    const items: InterviewCycleWithCounts[] = await this.dataSource.query(
      `SELECT ${CYCLE_COLUMNS}, (SELECT json_build_object('total', count(*)::int, ${STATUS_COUNT_PAIRS})
                                 FROM partner_interview i WHERE i.cycle_id = c.id) AS counts
         FROM interview_cycle c ORDER BY c.number DESC LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(`SELECT count(*)::int AS total FROM interview_cycle`);
    return { items, total };
  }

  async findById(cycleId: string): Promise<InterviewCycle | null> {
    const [cycle]: InterviewCycle[] = await this.dataSource.query(`SELECT ${CYCLE_COLUMNS} FROM interview_cycle c WHERE c.id = $1`, [
      cycleId,
    ]);
    return cycle ?? null;
  }

  /** The questionnaire the cycle pinned (the version its interviews are planned with). */
  async questionnaire(cycleId: string): Promise<QuestionnaireSpec | null> {
    const [row]: Array<{ questionnaire: QuestionnaireSpec }> = await this.dataSource.query(
      `SELECT questionnaire FROM interview_cycle WHERE id = $1`,
      [cycleId],
    );
    return row?.questionnaire ?? null;
  }

  async counts(cycleId: string): Promise<InterviewCounts> {
    const [counts]: InterviewCounts[] = await this.dataSource.query(
      `SELECT count(*)::int AS total, ${STATUS_COUNTS} FROM partner_interview i WHERE i.cycle_id = $1`,
      [cycleId],
    );
    return counts;
  }

  async exists(cycleId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM interview_cycle WHERE id = $1`, [cycleId])).length > 0;
  }

  /** The running cycle with the highest number (several run after a backfill), or null. */
  async latestRunningId(): Promise<string | null> {
    const [row]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM interview_cycle WHERE status = 'running' ORDER BY number DESC LIMIT 1`,
    );
    return row?.id ?? null;
  }

  async runningIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM interview_cycle WHERE status = 'running'`);
    return rows.map((r) => r.id);
  }

  // --- opening and closing (the cycle workflow's activities) ----------------------------------

  /** Numbers are handed out one cycle at a time: holds until the transaction ends. */
  async lockNumbers(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('interview_cycle'))`);
  }

  async findByWorkflowId(workflowId: string, tx: EntityManager = this.dataSource.manager): Promise<OpenedCycleRow | null> {
    const [row]: OpenedCycleRow[] = await tx.query(
      `SELECT id, number, definition_version AS "definitionVersion" FROM interview_cycle WHERE workflow_id = $1`,
      [workflowId],
    );
    return row ?? null;
  }

  /** Inserts the cycle with the next number (call under {@link lockNumbers}). */
  async insert(
    cycle: { workflowId: string; definitionVersion: number; questionnaire: QuestionnaireSpec; coordinatorId: string },
    tx: EntityManager,
  ): Promise<{ id: string; number: number }> {
    const [row]: Array<{ id: string; number: number }> = await tx.query(
      `INSERT INTO interview_cycle (number, workflow_id, definition_version, questionnaire, coordinator_id)
       VALUES ((SELECT coalesce(max(number), 0) + 1 FROM interview_cycle), $1, $2, $3, $4) RETURNING id, number`,
      [cycle.workflowId, cycle.definitionVersion, JSON.stringify(cycle.questionnaire), cycle.coordinatorId],
    );
    return row;
  }

  /** Marks the cycle completed; the first completion time stays. */
  async complete(cycleId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE interview_cycle SET status = 'completed', completed_at = coalesce(completed_at, now()) WHERE id = $1`, [
      cycleId,
    ]);
  }

  async storeReport(cycleId: string, report: InterviewReport, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE interview_cycle SET report = $2 WHERE id = $1`, [cycleId, JSON.stringify(report)]);
  }

  // --- the report's inputs --------------------------------------------------------------------

  /** The report kept at the end, null while the cycle runs; undefined when there is no such cycle. */
  async storedReport(cycleId: string): Promise<InterviewReport | null | undefined> {
    const [row]: Array<{ report: InterviewReport | null }> = await this.dataSource.query(
      `SELECT report FROM interview_cycle WHERE id = $1`,
      [cycleId],
    );
    return row ? row.report : undefined;
  }

  reportCycle(cycleId: string, tx: EntityManager = this.dataSource.manager): Promise<ReportCycle | undefined> {
    return this.reportCycleWhere(tx, `id = $1`, [cycleId]);
  }

  /** The cycle before the one with this number, if any. */
  previousReportCycle(number: number, tx: EntityManager = this.dataSource.manager): Promise<ReportCycle | undefined> {
    return this.reportCycleWhere(tx, `number < $1 ORDER BY number DESC LIMIT 1`, [number]);
  }

  reportInterviews(cycleId: string, tx: EntityManager = this.dataSource.manager): Promise<ReportInterview[]> {
    return tx.query(`SELECT status, answers FROM partner_interview WHERE cycle_id = $1`, [cycleId]);
  }

  private async reportCycleWhere(tx: EntityManager, where: string, params: unknown[]): Promise<ReportCycle | undefined> {
    const [row] = await tx.query(
      /* eslint-disable no-restricted-syntax -- callers pass a fixed condition; values are $n parameters */
      `SELECT id, number, status, started_at AS "startedAt", completed_at AS "completedAt", definition_version AS "definitionVersion", questionnaire
         FROM interview_cycle WHERE ${where}`,
      /* eslint-enable no-restricted-syntax */
      params,
    );
    return row ? { ...row, startedAt: row.startedAt.toISOString(), completedAt: row.completedAt?.toISOString() ?? null } : undefined;
  }

  // --- registry look-ups ----------------------------------------------------------------------

  /** Partners in the contract today: joined (accession date reached) and not yet left. */
  activePartners(tx: EntityManager = this.dataSource.manager): Promise<CyclePartner[]> {
    return tx.query(
      `SELECT id AS "partnerId", name FROM contract_partner
        WHERE accession_date <= current_date AND (exit_date IS NULL OR exit_date > current_date) ORDER BY code`,
    );
  }

  /** Whether the user is active and has at least one of the roles. */
  async isActiveUserWithRole(userId: string, roles: string[]): Promise<boolean> {
    return (
      (await this.dataSource.query(`SELECT id FROM app_user WHERE id = $1 AND active AND roles && $2::text[]`, [userId, roles])).length > 0
    );
  }
}
