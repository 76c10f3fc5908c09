import { ActivityOptions, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { StepSpec } from '@sro/definitions';
import type { ProcessActivities } from '@sro/processes';
import type { ReminderActivities, ScheduleRequest } from '@sro/reminders';
import { UPDATE_REJECTED } from './contract';
import { addDuration } from './duration';
import type { Problem } from './validation';

/** Errors that mean a bug: retrying them would only hide it. */
export const PROGRAMMING_ERRORS = ['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError'];

/**
 * Timeouts and retries of the activities that write to PostgreSQL and Redis. No attempt limit: a
 * write must eventually happen, and a database or Redis outage must not fail a case's process (the
 * fault tests expect recovery). Retrying stops for what no retry can fix: domain refusals (the
 * worker interceptor makes them non-retryable) and programming errors, named here by the error
 * types the interceptor passes on. Query errors stay retryable: some are races a retry resolves.
 */
export const WRITE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: PROGRAMMING_ERRORS,
  },
};

/** Activities every process workflow uses. */
export const processActivities = proxyActivities<ProcessActivities & ReminderActivities>(WRITE_ACTIVITY);

/** Rejects an update (nothing changes) with the problems listed by pointer. */
export function reject(kind: keyof typeof UPDATE_REJECTED, message: string, problems: Problem[] = []): never {
  throw ApplicationFailure.create({ type: UPDATE_REJECTED[kind], message, details: [problems], nonRetryable: true });
}

/** Runs side effects one after another, so concurrent update handlers never interleave their writes. */
export function serialQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const next = tail.then(fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

export interface StepReminderOptions {
  /** Key prefix of this step's reminders, e.g. `srd/<process>/<step>`. */
  prefix: string;
  cycle: number;
  step: StepSpec;
  dueAt: Date;
  now: Date;
  responsibleUserId: string;
  planningRegionId?: string;
  /** The case the process belongs to: an escalation to `lead` goes to the lead of this case's team. */
  caseId?: string;
  context: Record<string, string>;
}

/** The reminders before a step's due date (one per offset still ahead) and the escalation at it. */
export function stepReminders(o: StepReminderOptions): ScheduleRequest[] {
  const base = `${o.prefix}/c${o.cycle}`;
  const context = { ...o.context, stepTitle: o.step.title, dueAt: o.dueAt.toISOString() };
  const reminders: ScheduleRequest[] = o.step.reminderOffsets
    .map((offset) => ({ offset, at: addDuration(o.dueAt, offset, -1) }))
    .filter(({ at }) => at.getTime() > o.now.getTime())
    .map(({ offset, at }) => ({
      key: `${base}/${offset}`,
      dueAt: at.toISOString(),
      recipients: [{ type: 'user' as const, id: o.responsibleUserId }],
      template: 'step-due',
      context,
    }));
  if (o.step.escalationRole) {
    reminders.push({
      key: `${base}/escalation`,
      dueAt: o.dueAt.toISOString(),
      recipients: [
        {
          type: 'role',
          role: o.step.escalationRole,
          planningRegionId: o.planningRegionId,
          ...(o.step.escalationRole === 'lead' && o.caseId ? { caseId: o.caseId } : {}),
        },
      ],
      template: 'step-overdue',
      context,
    });
  }
  return reminders;
}
