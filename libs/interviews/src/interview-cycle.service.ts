import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { temporalCall, WorkflowStateReader } from '@sro/temporal';
import {
  CycleEntry,
  cycleStateQuery,
  cycleUpdates,
  InterviewCycleState,
  InterviewStatus,
  interviewUpdates,
} from '@sro/workflows/contracts';
import { Answer, checkConductedOn, validateAnswers } from '@sro/workflows/partner-interview-cycle/answers';
import { InterviewCycleRepository, InterviewCycleWithCounts } from './interview-cycle.repository';
import { InterviewReport, reportToCsv } from './interview-report';
import { InterviewReportService } from './interview-report.service';
import {
  AnswersVersion,
  AssignedInterview,
  InterviewEvent,
  InterviewRecord,
  InterviewRepository,
  PartnerInterview,
} from './interview.repository';

export interface Page {
  limit: number;
  offset: number;
}

/** An interview with its answers and its history, as its readers see it. */
export interface InterviewDetail extends PartnerInterview {
  answers: Answer[] | null;
  /** Every version of the answers: as first recorded, then each correction with its reason. */
  answerVersions: AnswersVersion[];
  history: InterviewEvent[];
}

/** Answers as recorded or corrected: the day of the interview, and for a correction its reason. */
export interface AnswersInput {
  answers: Answer[];
  conductedOn?: string;
  reason?: string;
}

/** The interview as an update left it, with the workflow's revision. */
export interface UpdatedInterview extends PartnerInterview {
  revision: number;
}

const WHAT = 'Der Interviewzyklus';

/** The interview cycles as coordinators, interviewers and readers see and steer them. */
@Injectable()
export class InterviewCycleService {
  constructor(
    private readonly cycles: InterviewCycleRepository,
    private readonly interviews: InterviewRepository,
    private readonly temporal: Client,
    private readonly states: WorkflowStateReader,
    private readonly reports: InterviewReportService,
  ) {}

  async list(page: Page): Promise<{ items: InterviewCycleWithCounts[]; total: number } & Page> {
    const { items, total } = await this.cycles.list(page);
    return { items, total, ...page };
  }

  async get(cycleId: string): Promise<InterviewCycleWithCounts> {
    const cycle = await this.cycles.findById(cycleId);
    if (!cycle) throw DomainError.notFound('Der Interviewzyklus');
    return { ...cycle, counts: await this.cycles.counts(cycleId) };
  }

  /** The running cycle (the latest when several run after a backfill). */
  async current(): Promise<InterviewCycleWithCounts> {
    const id = await this.cycles.latestRunningId();
    if (!id) throw DomainError.notFound('Ein laufender Interviewzyklus');
    return this.get(id);
  }

  /** Every partner of the cycle with the status of its interview; overdue first, then by due date. */
  async progress(
    cycleId: string,
    filter: Page & { status?: InterviewStatus },
  ): Promise<{ items: PartnerInterview[]; total: number } & Page> {
    if (!(await this.cycles.exists(cycleId))) throw DomainError.notFound('Der Interviewzyklus');
    const { items, total } = await this.interviews.progress(cycleId, filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** One interview with its answers and history: coordinators, admins and its interviewer. */
  async interview(user: Principal, cycleId: string, partnerId: string): Promise<InterviewDetail> {
    const row = await this.find(cycleId, partnerId, { answers: true });
    this.assertMayRead(user, row);
    const [history, answerVersions] = await Promise.all([this.interviews.history(row.id), this.interviews.answerVersions(row.id)]);
    return { ...publicRow(row), answers: row.answers ?? null, answerVersions, history };
  }

  /** The interviews the caller conducts that still wait for answers. */
  async mine(user: Principal, page: Page): Promise<{ items: AssignedInterview[] } & Page> {
    const items = await this.interviews.assignedTo(user.sub, page);
    return { items, ...page };
  }

  async plan(
    user: Principal,
    cycleId: string,
    partnerId: string,
    input: { plannedAt: string; interviewerId: string },
  ): Promise<UpdatedInterview> {
    const row = await this.find(cycleId, partnerId);
    if (!(await this.cycles.isActiveUserWithRole(input.interviewerId, [Role.Coordinator, Role.Caseworker])))
      throw DomainError.invalid('Diese Person kann das Interview nicht führen.', [
        {
          pointer: '/interviewerId',
          code: 'user.role',
          params: { roles: [Role.Coordinator, Role.Caseworker] },
          message: 'Bitte eine aktive Person mit der Rolle Koordination oder Fachkraft auswählen.',
        },
      ]);
    const state = await temporalCall(
      this.temporal.workflow.getHandle(row.workflowId).executeUpdate(interviewUpdates.plan, {
        args: [{ ...input, plannedAt: new Date(input.plannedAt).toISOString(), actorId: user.sub }],
      }),
      'Das Interview',
    );
    return this.afterUpdate(row, state.revision);
  }

  /**
   * Records the organisation's answers: the interviewer or a coordinator. Invalid answers change
   * nothing. Once the interview is done, the same call corrects them (with a reason) as a new
   * version, until the cycle has completed and its report is final.
   */
  async recordAnswers(user: Principal, cycleId: string, partnerId: string, input: AnswersInput): Promise<UpdatedInterview> {
    const row = await this.find(cycleId, partnerId);
    if (!user.roles.includes(Role.Coordinator) && row.interviewerId !== user.sub) {
      throw new DomainError(
        ErrorCode.Forbidden,
        'Die Antworten dieses Interviews erfasst nur die interviewende Person oder die Koordination.',
      );
    }
    if (row.status === 'done') return this.correctAnswers(user, row, input);
    const state = await temporalCall(
      this.temporal.workflow.getHandle(row.workflowId).executeUpdate(interviewUpdates.recordAnswers, {
        args: [{ answers: input.answers, conductedOn: input.conductedOn, actorId: user.sub }],
      }),
      'Das Interview',
    );
    return this.afterUpdate(row, state.revision);
  }

  /** A correction of a done interview's answers: checked like the first recording, stored as the next version. */
  private async correctAnswers(user: Principal, row: InterviewRecord, input: AnswersInput): Promise<UpdatedInterview> {
    const questionnaire = await this.cycles.questionnaire(row.cycleId);
    if (!questionnaire) throw DomainError.notFound('Der Interviewzyklus');
    const problems = validateAnswers(questionnaire, input.answers).list;
    if (input.conductedOn !== undefined && row.plannedAt)
      problems.push(...checkConductedOn(input.conductedOn, row.plannedAt.toISOString(), new Date()).list);
    if (!input.reason?.trim()) problems.push({ pointer: '/reason', code: 'required', message: 'Bitte begründen Sie die Korrektur.' });
    if (problems.length > 0) throw DomainError.invalid('Die Korrektur der Antworten ist ungültig; nichts wurde geändert.', problems);
    const version = await this.interviews.correctAnswers(row.id, row.cycleId, {
      answers: input.answers,
      conductedOn: input.conductedOn ?? row.conductedOn,
      recordedBy: user.sub,
      reason: input.reason!.trim(),
    });
    if (version === null)
      throw new DomainError(
        ErrorCode.InvalidState,
        'Der Bericht dieses Interviewzyklus ist abgeschlossen; die Antworten können nicht mehr korrigiert werden.',
      );
    const fresh = await this.find(row.cycleId, row.partnerId);
    return { ...publicRow(fresh), revision: (await this.interviews.revision(row.id)) ?? 0 };
  }

  async withdraw(user: Principal, cycleId: string, partnerId: string, reason: string): Promise<UpdatedInterview> {
    const row = await this.find(cycleId, partnerId);
    const state = await temporalCall(
      this.temporal.workflow.getHandle(row.workflowId).executeUpdate(interviewUpdates.withdraw, { args: [{ reason, actorId: user.sub }] }),
      'Das Interview',
    );
    return this.afterUpdate(row, state.revision);
  }

  /** Adds a partner to a running cycle by hand (one that joined and should not wait for the daily check). */
  async addPartner(user: Principal, cycleId: string, partnerId: string): Promise<CycleEntry> {
    const cycle = await this.get(cycleId);
    if (cycle.status !== 'running')
      throw new DomainError(ErrorCode.InvalidState, `Der Interviewzyklus ${cycle.number} ist beendet; nichts wurde geändert.`);
    const partner = (await this.cycles.activePartners()).find((p) => p.partnerId === partnerId);
    if (!partner)
      throw DomainError.invalid('Dieser Vertragspartner gehört nicht zum Vertrag.', [
        {
          pointer: '/partnerId',
          code: 'partner.inactive',
          message: 'Der Vertragspartner ist unbekannt, noch nicht beigetreten oder bereits ausgeschieden.',
        },
      ]);
    const entry = await temporalCall(
      this.temporal.workflow
        .getHandle(cycle.workflowId)
        .executeUpdate(cycleUpdates.addPartner, { args: [{ ...partner, actorId: user.sub }] }),
      WHAT,
    );
    return entry;
  }

  /** Checks the registry now: partners who joined are added, those who left are withdrawn. */
  async sync(user: Principal, cycleId: string): Promise<{ added: string[]; withdrawn: string[] }> {
    const cycle = await this.get(cycleId);
    if (cycle.status !== 'running')
      throw new DomainError(ErrorCode.InvalidState, `Der Interviewzyklus ${cycle.number} ist beendet; nichts wurde geändert.`);
    return temporalCall(
      this.temporal.workflow.getHandle(cycle.workflowId).executeUpdate(cycleUpdates.syncPartners, { args: [{ actorId: user.sub }] }),
      WHAT,
    );
  }

  /** After a registry change: tells every running cycle (none running is fine). */
  async syncRunning(user: Principal): Promise<void> {
    for (const id of await this.cycles.runningIds()) await this.sync(user, id);
  }

  async state(cycleId: string): Promise<InterviewCycleState> {
    const cycle = await this.get(cycleId);
    return this.states.read(cycle.workflowId, cycleStateQuery, WHAT);
  }

  report(cycleId: string): Promise<InterviewReport> {
    return this.reports.report(cycleId);
  }

  async reportCsv(cycleId: string): Promise<string> {
    return reportToCsv(await this.reports.report(cycleId));
  }

  private async find(cycleId: string, partnerId: string, include: { answers?: boolean } = {}): Promise<InterviewRecord> {
    const row = await this.interviews.find(cycleId, partnerId, include);
    if (!row) throw DomainError.notFound('Das Interview');
    return row;
  }

  private assertMayRead(user: Principal, row: { interviewerId: string | null }) {
    if (user.roles.includes(Role.Coordinator) || user.roles.includes(Role.Admin) || row.interviewerId === user.sub) return;
    throw new DomainError(
      ErrorCode.Forbidden,
      'Ein Interview lesen nur die Koordination, die Administration und die interviewende Person.',
    );
  }

  /** Answers with the interview as written by the update (the activity ran before the update returned). */
  private async afterUpdate(row: { cycleId: string; partnerId: string }, revision: number): Promise<UpdatedInterview> {
    const fresh = await this.find(row.cycleId, row.partnerId);
    return { ...publicRow(fresh), revision };
  }
}

/** The interview without the id of its workflow (and without answers unless they were read). */
function publicRow<T extends InterviewRecord>(row: T): Omit<T, 'workflowId'> {
  const { workflowId: _workflowId, ...rest } = row;
  return rest;
}
