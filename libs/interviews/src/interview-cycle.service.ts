import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { temporalCall } from '@sro/temporal';
import {
  cycleStateQuery,
  cycleUpdates,
  INTERVIEW_STATUSES,
  InterviewStatus,
  interviewUpdates,
} from '@sro/workflows/contracts';
import type { Answer } from '@sro/workflows/partner-interview-cycle/answers';
import { activePartners } from './interview.activities';
import { reportToCsv } from './interview-report';
import { InterviewReportService } from './interview-report.service';

export interface Page {
  limit: number;
  offset: number;
}

const WHAT = 'The interview cycle';

const STATUS_COUNTS = INTERVIEW_STATUSES.map((s) => `count(*) FILTER (WHERE i.status = '${s}')::int AS "${s}"`).join(', ');

const CYCLE_COLUMNS = `c.id, c.number, c.status, c.workflow_id AS "workflowId", c.definition_version AS "definitionVersion",
  c.questionnaire->>'version' AS "questionnaireVersion", c.coordinator_id AS "coordinatorId", c.started_at AS "startedAt", c.completed_at AS "completedAt"`;

const INTERVIEW_COLUMNS = `i.id, i.cycle_id AS "cycleId", i.contract_partner_id AS "partnerId", p.name AS "partnerName", p.code AS "partnerCode", i.status,
  i.planned_at AS "plannedAt", i.interviewer_id AS "interviewerId", i.due_at AS "dueAt", i.questionnaire_version AS "questionnaireVersion",
  i.answered_at AS "answeredAt", i.withdrawn_reason AS "withdrawnReason", i.closed_by_cycle AS "closedByCycle", i.error, i.updated_at AS "updatedAt"`;

/** The interview cycles as coordinators, interviewers and readers see and steer them. */
@Injectable()
export class InterviewCycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly reports: InterviewReportService,
  ) {}

  async list(page: Page) {
    const items = await this.dataSource.query(
      `SELECT ${CYCLE_COLUMNS}, (SELECT json_build_object('total', count(*)::int, ${INTERVIEW_STATUSES.map((s) => `'${s}', count(*) FILTER (WHERE i.status = '${s}')::int`).join(', ')})
                                 FROM partner_interview i WHERE i.cycle_id = c.id) AS counts
         FROM interview_cycle c ORDER BY c.number DESC LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM interview_cycle`);
    return { items, total, ...page };
  }

  async get(cycleId: string) {
    const [cycle] = await this.dataSource.query(`SELECT ${CYCLE_COLUMNS} FROM interview_cycle c WHERE c.id = $1`, [cycleId]);
    if (!cycle) throw DomainError.notFound('Interview cycle');
    const [counts] = await this.dataSource.query(`SELECT count(*)::int AS total, ${STATUS_COUNTS} FROM partner_interview i WHERE i.cycle_id = $1`, [cycleId]);
    return { ...cycle, counts };
  }

  /** The running cycle (the latest when several run after a backfill). */
  async current() {
    const [row] = await this.dataSource.query(`SELECT id FROM interview_cycle WHERE status = 'running' ORDER BY number DESC LIMIT 1`);
    if (!row) throw DomainError.notFound('A running interview cycle');
    return this.get(row.id);
  }

  /** Every partner of the cycle with the status of its interview; overdue first, then by due date. */
  async progress(cycleId: string, filter: Page & { status?: InterviewStatus }) {
    if ((await this.dataSource.query(`SELECT 1 FROM interview_cycle WHERE id = $1`, [cycleId])).length === 0) throw DomainError.notFound('Interview cycle');
    const where = `i.cycle_id = $1 AND ($2::text IS NULL OR i.status = $2)`;
    const params = [cycleId, filter.status ?? null];
    const items = await this.dataSource.query(
      `SELECT ${INTERVIEW_COLUMNS} FROM partner_interview i JOIN contract_partner p ON p.id = i.contract_partner_id
        WHERE ${where}
        ORDER BY CASE i.status WHEN 'overdue' THEN 0 WHEN 'failed' THEN 1 WHEN 'open' THEN 2 WHEN 'planned' THEN 3 WHEN 'done' THEN 4 ELSE 5 END, i.due_at NULLS LAST, p.code
        LIMIT $3 OFFSET $4`,
      [...params, filter.limit, filter.offset],
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM partner_interview i WHERE ${where}`, params);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** One interview with its answers and history: coordinators, admins and its interviewer. */
  async interview(user: Principal, cycleId: string, partnerId: string) {
    const row = await this.find(cycleId, partnerId, { answers: true });
    this.assertMayRead(user, row);
    const history = await this.dataSource.query(
      `SELECT occurred_at AS "occurredAt", kind, actor_id AS "actorId", details FROM process_event WHERE process_id = $1 ORDER BY occurred_at, id`,
      [row.id],
    );
    return { ...this.publicRow(row), history };
  }

  /** The interviews the caller conducts that still wait for answers. */
  async mine(user: Principal, page: Page) {
    const items = await this.dataSource.query(
      `SELECT ${INTERVIEW_COLUMNS}, c.number AS "cycleNumber" FROM partner_interview i
         JOIN contract_partner p ON p.id = i.contract_partner_id JOIN interview_cycle c ON c.id = i.cycle_id
        WHERE i.interviewer_id = $1 AND i.status IN ('planned', 'overdue') ORDER BY i.due_at LIMIT $2 OFFSET $3`,
      [user.sub, page.limit, page.offset],
    );
    return { items, ...page };
  }

  async plan(user: Principal, cycleId: string, partnerId: string, input: { plannedAt: string; interviewerId: string }) {
    const row = await this.find(cycleId, partnerId);
    const [interviewer] = await this.dataSource.query(`SELECT id FROM app_user WHERE id = $1 AND active AND roles && ARRAY['coordinator', 'caseworker']`, [input.interviewerId]);
    if (!interviewer) throw DomainError.invalid('Unknown interviewer', [{ pointer: '/interviewerId', message: 'must be an active coordinator or caseworker' }]);
    const state = await temporalCall(
      this.temporal.workflow.getHandle(row.workflowId).executeUpdate(interviewUpdates.plan, { args: [{ ...input, plannedAt: new Date(input.plannedAt).toISOString(), actorId: user.sub }] }),
      'The interview',
    );
    return this.afterUpdate(row, state.revision);
  }

  /** Records the organisation's answers: the interviewer or a coordinator. Invalid answers change nothing. */
  async recordAnswers(user: Principal, cycleId: string, partnerId: string, answers: Answer[]) {
    const row = await this.find(cycleId, partnerId);
    if (!user.roles.includes(Role.Coordinator) && row.interviewerId !== user.sub) {
      throw new DomainError(ErrorCode.Forbidden, 'Only the interviewer or a coordinator records the answers of this interview');
    }
    const state = await temporalCall(this.temporal.workflow.getHandle(row.workflowId).executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers, actorId: user.sub }] }), 'The interview');
    return this.afterUpdate(row, state.revision);
  }

  async withdraw(user: Principal, cycleId: string, partnerId: string, reason: string) {
    const row = await this.find(cycleId, partnerId);
    const state = await temporalCall(this.temporal.workflow.getHandle(row.workflowId).executeUpdate(interviewUpdates.withdraw, { args: [{ reason, actorId: user.sub }] }), 'The interview');
    return this.afterUpdate(row, state.revision);
  }

  /** Adds a partner to a running cycle by hand (one that joined and should not wait for the daily check). */
  async addPartner(user: Principal, cycleId: string, partnerId: string) {
    const cycle = await this.get(cycleId);
    if (cycle.status !== 'running') throw new DomainError(ErrorCode.InvalidState, `Interview cycle ${cycle.number} has ended`);
    const partner = (await activePartners(this.dataSource)).find((p) => p.partnerId === partnerId);
    if (!partner) throw DomainError.invalid('The partner is not in the contract', [{ pointer: '/partnerId', message: 'unknown, not yet joined, or already left' }]);
    const entry = await temporalCall(this.temporal.workflow.getHandle(cycle.workflowId).executeUpdate(cycleUpdates.addPartner, { args: [{ ...partner, actorId: user.sub }] }), WHAT);
    return entry;
  }

  /** Checks the registry now: partners who joined are added, those who left are withdrawn. */
  async sync(user: Principal, cycleId: string) {
    const cycle = await this.get(cycleId);
    if (cycle.status !== 'running') throw new DomainError(ErrorCode.InvalidState, `Interview cycle ${cycle.number} has ended`);
    return temporalCall(this.temporal.workflow.getHandle(cycle.workflowId).executeUpdate(cycleUpdates.syncPartners, { args: [{ actorId: user.sub }] }), WHAT);
  }

  /** After a registry change: tells every running cycle (none running is fine). */
  async syncRunning(user: Principal): Promise<void> {
    const running: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM interview_cycle WHERE status = 'running'`);
    for (const cycle of running) await this.sync(user, cycle.id);
  }

  async state(cycleId: string) {
    const cycle = await this.get(cycleId);
    return temporalCall(this.temporal.workflow.getHandle(cycle.workflowId).query(cycleStateQuery), WHAT);
  }

  report(cycleId: string) {
    return this.reports.report(cycleId);
  }

  async reportCsv(cycleId: string): Promise<string> {
    return reportToCsv(await this.reports.report(cycleId));
  }

  private async find(cycleId: string, partnerId: string, include: { answers?: boolean } = {}) {
    const [row] = await this.dataSource.query(
      `SELECT ${INTERVIEW_COLUMNS}, i.workflow_id AS "workflowId"${include.answers ? ', i.answers' : ''} FROM partner_interview i JOIN contract_partner p ON p.id = i.contract_partner_id
        WHERE i.cycle_id = $1 AND i.contract_partner_id = $2`,
      [cycleId, partnerId],
    );
    if (!row) throw DomainError.notFound('Interview');
    return row;
  }

  private assertMayRead(user: Principal, row: { interviewerId: string | null }) {
    if (user.roles.includes(Role.Coordinator) || user.roles.includes(Role.Admin) || row.interviewerId === user.sub) return;
    throw new DomainError(ErrorCode.Forbidden, 'Only coordinators, admins and the interviewer read an interview');
  }

  private publicRow(row: Record<string, unknown>) {
    const { workflowId: _workflowId, ...rest } = row;
    return rest;
  }

  /** Answers with the interview as written by the update (the activity ran before the update returned). */
  private async afterUpdate(row: { cycleId: string; partnerId: string }, revision: number) {
    const fresh = await this.find(row.cycleId, row.partnerId);
    return { ...this.publicRow(fresh), revision };
  }
}
