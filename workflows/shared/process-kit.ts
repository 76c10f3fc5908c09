import {
  ActivityOptions,
  ApplicationFailure,
  LocalActivityOptions,
  patched,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { StepSpec } from '@sro/definitions';
import type { ProcessActivities, ProcessChangeActivities } from '@sro/processes';
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

/**
 * The same writes as local activities: the worker runs them inside the workflow task that made the
 * change, so an update that awaits its read-model and reminder writes costs one workflow task
 * instead of a round trip through the server per activity. They are at-least-once like the others
 * (a worker killed mid-task runs them again), which the writes allow: the read model keeps the
 * highest revision, history entries and reminders have unique keys. Retries past a minute wait on a
 * workflow timer, so a database outage still ends in recovery.
 */
export const LOCAL_WRITE_ACTIVITY: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  localRetryThreshold: '10 seconds',
  retry: WRITE_ACTIVITY.retry,
};

/** Histories recorded before the writes became local replay their scheduled activities; new runs record this marker. */
export const LOCAL_WRITES_PATCH = 'local-write-activities';

/** Runs whose changes write through one activity (`recordProcessChange`) instead of one per write record this marker. */
export const ONE_WRITE_PATCH = 'one-write-per-change';

/**
 * The activities of `T` as local activities in runs that carry the `LOCAL_WRITES_PATCH` marker, as
 * regular activities in runs recorded before it (so their histories still replay).
 */
export function writeActivities<T extends object>(options: ActivityOptions = WRITE_ACTIVITY): T {
  const remote = proxyActivities<Record<string, (...args: unknown[]) => Promise<unknown>>>(options);
  const local = proxyLocalActivities<Record<string, (...args: unknown[]) => Promise<unknown>>>({
    ...LOCAL_WRITE_ACTIVITY,
    startToCloseTimeout: options.startToCloseTimeout ?? LOCAL_WRITE_ACTIVITY.startToCloseTimeout,
    retry: options.retry ?? LOCAL_WRITE_ACTIVITY.retry,
  });
  return new Proxy({} as T, {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined;
      return (...args: unknown[]) => (patched(LOCAL_WRITES_PATCH) ? local : remote)[name](...args);
    },
  });
}

/** Activities every process workflow uses. */
export const processActivities = writeActivities<ProcessActivities & ProcessChangeActivities & ReminderActivities>();

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
