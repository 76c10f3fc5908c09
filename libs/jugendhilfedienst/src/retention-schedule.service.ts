import { Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleDescription, ScheduleNotFoundError } from '@temporalio/client';
import { AppConfig } from '@sro/config';
import { DomainError, ErrorCode } from '@sro/common';
import { temporalCall } from '@sro/temporal';
import { CaseRetentionInput, workflowIds, WorkflowType } from '@sro/workflows/contracts';
import { AnonymisedCase, LegalHoldEntry, RetentionRepository } from './retention.repository';

export interface RetentionScheduleView {
  scheduleId: string;
  /** Hour of the day (Europe/Berlin) the run starts. */
  hour: number;
  paused: boolean;
  nextRuns: string[];
  recentRuns: Array<{ scheduledAt: string; startedAt: string; workflowId: string }>;
  runningRuns: string[];
  runsStarted: number;
}

export interface AnonymisedCaseList {
  items: AnonymisedCase[];
  total: number;
  limit: number;
  offset: number;
}

const WHAT = 'Der Zeitplan der Löschläufe';

/** The installation's Temporal Schedule that runs the case retention once a day. */
@Injectable()
export class RetentionScheduleService {
  constructor(
    private readonly retention: RetentionRepository,
    private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  get scheduleId(): string {
    return workflowIds.caseRetentionSchedule(this.config.temporal.taskQueue);
  }

  private handle() {
    return this.temporal.schedule.getHandle(this.scheduleId);
  }

  async describe(): Promise<RetentionScheduleView> {
    return this.view(await this.call(this.handle().describe()));
  }

  /** Creates the daily schedule or moves it to another hour. */
  async upsert(settings: { hour?: number; batchSize?: number }, note: string): Promise<RetentionScheduleView> {
    const hour = settings.hour ?? 2;
    const spec = { calendars: [{ hour, minute: 0 }], timezone: 'Europe/Berlin' };
    const args: [CaseRetentionInput] = [settings.batchSize ? { batchSize: settings.batchSize } : {}];
    const action = {
      type: 'startWorkflow' as const,
      workflowType: WorkflowType.CaseRetention,
      taskQueue: this.config.temporal.taskQueue,
      workflowId: workflowIds.caseRetention('scheduled'),
      args,
    };
    const memo = { hour };
    try {
      await this.temporal.schedule.create({
        scheduleId: this.scheduleId,
        spec,
        action,
        memo,
        policies: { overlap: 'SKIP', catchupWindow: '1 day' },
        state: { note },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await this.call(this.handle().update((previous) => ({ ...previous, spec, action, memo })));
    }
    return this.describe();
  }

  /** Runs the retention now (unless a run is going on). */
  async trigger(): Promise<RetentionScheduleView> {
    await this.call(this.handle().trigger('SKIP'));
    return this.describe();
  }

  async remove(): Promise<void> {
    await this.call(this.handle().delete());
  }

  /** What the runs anonymised, from the audit log: ids and times only. */
  async anonymised(page: { limit: number; offset: number }): Promise<AnonymisedCaseList> {
    const { items, total } = await this.retention.anonymisedCases(page);
    return { items, total, ...page };
  }

  /** The cases a legal hold keeps, for the administrators' overview (pseudonym, who and when; never the reason). */
  async legalHolds(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: LegalHoldEntry[]; total: number; limit: number; offset: number }> {
    const { items, total } = await this.retention.legalHolds(page);
    return { items, total, ...page };
  }

  private async call<T>(promise: Promise<T>): Promise<T> {
    try {
      return await temporalCall(promise, WHAT);
    } catch (error) {
      if (error instanceof ScheduleNotFoundError)
        throw new DomainError(
          ErrorCode.NotFound,
          'Es gibt noch keinen Zeitplan der Löschläufe; bitte legen Sie ihn an (PUT /retention/schedule).',
        );
      throw error;
    }
  }

  private view(d: ScheduleDescription): RetentionScheduleView {
    const memo = (d.memo ?? {}) as { hour?: number };
    return {
      scheduleId: d.scheduleId,
      hour: memo.hour ?? 2,
      paused: d.state.paused,
      nextRuns: d.info.nextActionTimes.map((t) => t.toISOString()),
      recentRuns: d.info.recentActions.map((a) => ({
        scheduledAt: a.scheduledAt.toISOString(),
        startedAt: a.takenAt.toISOString(),
        workflowId: a.action.workflow.workflowId,
      })),
      runningRuns: d.info.runningActions.map((a) => a.workflow.workflowId),
      runsStarted: d.info.numActionsTaken,
    };
  }
}
