import { Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleDescription, ScheduleNotFoundError } from '@temporalio/client';
import { AppConfig } from '@sro/config';
import { DomainError, ErrorCode, germanDateTime, Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { temporalCall } from '@sro/temporal';
import { InterviewCycleInput, workflowIds, WorkflowType } from '@sro/workflows/contracts';
import { cycleScheduleSpec } from './cycle-schedule-spec';
import { InterviewCycleRepository } from './interview-cycle.repository';

export interface ScheduleSettings {
  /** The first cycle's start (date and time); later ones follow every interval of the definition. */
  anchor?: string;
  /** Start a cycle at once as well. */
  startNow?: boolean;
  /** The coordinator who plans the interviews; defaults to the caller. */
  coordinatorId?: string;
}

export interface ScheduleView {
  scheduleId: string;
  interval: string;
  anchor: string;
  coordinatorId: string;
  paused: boolean;
  note: string | null;
  nextCycles: string[];
  recentCycles: Array<{ scheduledAt: string; startedAt: string; workflowId: string }>;
  runningCycles: string[];
  cyclesStarted: number;
}

const WHAT = 'Der Zeitplan der Interviewzyklen';

/** The installation's Temporal Schedule that starts an interview cycle every interval of the definition. */
@Injectable()
export class InterviewScheduleService {
  constructor(
    private readonly cycles: InterviewCycleRepository,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
  ) {}

  get scheduleId(): string {
    return workflowIds.interviewCycleSchedule(this.config.temporal.taskQueue);
  }

  private handle() {
    return this.temporal.schedule.getHandle(this.scheduleId);
  }

  async describe(): Promise<ScheduleView> {
    return this.view(await this.call(this.handle().describe()));
  }

  /** Creates the schedule, or moves an existing one to the definition's current interval and the new anchor. */
  async upsert(user: Principal, settings: ScheduleSettings): Promise<ScheduleView> {
    const coordinatorId = settings.coordinatorId ?? user.sub;
    await this.assertCoordinator(coordinatorId);
    const definition = await this.definitions.published('partner-interview-cycle');
    const interval = definition.spec.cycleInterval;
    const anchor = settings.anchor ? new Date(settings.anchor) : new Date();
    const spec = cycleScheduleSpec(interval, anchor);
    const args: [InterviewCycleInput] = [{ coordinatorId }];
    const memo = { interval, anchor: anchor.toISOString(), coordinatorId };
    const action = {
      type: 'startWorkflow' as const,
      workflowType: WorkflowType.PartnerInterviewCycle,
      taskQueue: this.config.temporal.taskQueue,
      workflowId: workflowIds.interviewCycle('scheduled'),
      args,
    };
    try {
      await this.temporal.schedule.create({
        scheduleId: this.scheduleId,
        spec,
        action,
        memo,
        // A cycle closes the day before the next is due; should one still run, the next waits for no one.
        policies: { overlap: 'SKIP', catchupWindow: '1 day' },
        state: { triggerImmediately: settings.startNow ?? false, note: `created by ${user.sub}` },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await this.call(this.handle().update((previous) => ({ ...previous, spec, action, memo })));
      if (settings.startNow) await this.call(this.handle().trigger('ALLOW_ALL'));
    }
    return this.describe();
  }

  async pause(note: string): Promise<ScheduleView> {
    await this.call(this.handle().pause(note));
    return this.describe();
  }

  async unpause(note: string): Promise<ScheduleView> {
    await this.call(this.handle().unpause(note));
    return this.describe();
  }

  /** Starts a cycle now (unless one is running). */
  async trigger(): Promise<ScheduleView> {
    await this.call(this.handle().trigger('SKIP'));
    return this.describe();
  }

  /** Starts the cycles the schedule would have started between two instants (e.g. after an outage). */
  async backfill(from: string, to: string): Promise<ScheduleView> {
    const start = new Date(from);
    const end = new Date(to);
    if (end <= start)
      throw DomainError.invalid('Der Zeitraum endet, bevor er beginnt.', [
        {
          pointer: '/to',
          code: 'date.min',
          params: { after: from },
          message: `Das Ende muss nach dem Beginn (${germanDateTime(start)}) liegen.`,
        },
      ]);
    if (end.getTime() > Date.now())
      throw DomainError.invalid('Nachgeholt werden nur vergangene Zeiträume.', [
        { pointer: '/to', code: 'date.future', message: 'Das Ende darf nicht in der Zukunft liegen.' },
      ]);
    await this.call(this.handle().backfill([{ start, end, overlap: 'ALLOW_ALL' }]));
    return this.describe();
  }

  async remove(): Promise<void> {
    await this.call(this.handle().delete());
  }

  private async assertCoordinator(userId: string) {
    if (!(await this.cycles.isActiveUserWithRole(userId, [Role.Coordinator])))
      throw DomainError.invalid('Diese Person koordiniert nicht.', [
        {
          pointer: '/coordinatorId',
          code: 'user.role',
          params: { roles: [Role.Coordinator] },
          message: 'Bitte eine aktive Person mit der Rolle Koordination auswählen.',
        },
      ]);
  }

  private async call<T>(promise: Promise<T>): Promise<T> {
    try {
      return await temporalCall(promise, WHAT);
    } catch (error) {
      if (error instanceof ScheduleNotFoundError)
        throw new DomainError(
          ErrorCode.NotFound,
          'Es gibt noch keinen Zeitplan der Interviewzyklen; bitte legen Sie ihn an (PUT /interview-cycles/schedule).',
        );
      throw error;
    }
  }

  private view(d: ScheduleDescription): ScheduleView {
    const memo = (d.memo ?? {}) as { interval?: string; anchor?: string; coordinatorId?: string };
    return {
      scheduleId: d.scheduleId,
      interval: memo.interval ?? '',
      anchor: memo.anchor ?? '',
      coordinatorId: memo.coordinatorId ?? '',
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextCycles: d.info.nextActionTimes.map((t) => t.toISOString()),
      recentCycles: d.info.recentActions.map((a) => ({
        scheduledAt: a.scheduledAt.toISOString(),
        startedAt: a.takenAt.toISOString(),
        workflowId: a.action.workflow.workflowId,
      })),
      runningCycles: d.info.runningActions.map((a) => a.workflow.workflowId),
      cyclesStarted: d.info.numActionsTaken,
    };
  }
}
