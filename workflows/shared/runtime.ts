import { allHandlersFinished, CancellationScope, condition, patched, sleep } from '@temporalio/workflow';
import { ONE_WRITE_PATCH, processActivities as act, serialQueue } from './process-kit';
import type { ProcessChange, ProcessEventRecord, ProcessSnapshot } from './process';
import type { ScheduleRequest } from '@sro/reminders';
import { ReminderRecorder, ReminderWriter } from './reminders';

/** One entry of an instance's history as a workflow states it; the runtime numbers and dates it. */
export interface ProcessEvent {
  kind: string;
  actorId?: string;
  details?: Record<string, unknown>;
}

/**
 * A new run's first history entry, recorded before its update handlers are registered (in runs that
 * carry `patchId`): an update that came with the start is dispatched as soon as its handler is
 * registered and would otherwise be recorded first. Call it before the handlers; await what it
 * answers where the run records its start (runs from before the marker record it only there).
 */
export function recordedBeforeHandlers(patchId: string, record: () => Promise<void>): () => Promise<void> {
  const written = patched(patchId) ? record() : undefined;
  return () => written ?? record();
}

/** The counters a process workflow keeps in its (queryable, carried-over) state. */
export interface Revisioned {
  /** Increases with every change; the read model keeps the highest. */
  revision: number;
  /** The sequence number of the last history entry. */
  eventSequence: number;
}

export interface ProcessRuntimeOptions {
  /** The instance the history entries belong to. */
  processId: string;
  /**
   * Brings the reminders in line with the state; runs after the writes of every change, given the
   * read model as `persist` took it at the change. Its reminder writes must go to `writer` (the
   * activities, or the recorder of a change's one activity), or they would run ahead of the change's writes.
   */
  syncReminders?: (written: ProcessSnapshot | undefined, writer: ReminderWriter) => Promise<void>;
}

/** Runs that record this marker keep their wake timer across changes that leave the earliest timer where it was. */
export const STEADY_WAKE_PATCH = 'steady-wake-timer';

/**
 * What every process workflow does around its own rules: each change gets the next revision and
 * (with an event) the next history entry; its writes run one after another in a serial queue, so
 * concurrent handlers never interleave, and the reminders follow after each; the main loop sleeps
 * until the earliest timer or the next change.
 */
export class ProcessRuntime {
  private readonly serial = serialQueue();
  /**
   * Decided once per run, when the runtime is built (synchronously at the start of the workflow
   * function, so the marker is among the first task's commands). Asked lazily at the loop's first
   * wait instead, 2 of 60 Jugendhilfedienst runs of a benchmark failed their replay after eviction
   * ("patch marker encountered … but there is no corresponding change command").
   */
  private readonly timer = patched(STEADY_WAKE_PATCH) ? new WakeTimer() : undefined;

  constructor(
    private readonly state: Revisioned,
    private readonly options: ProcessRuntimeOptions,
  ) {}

  /**
   * The usual change: the history entry, then the read model (as it is now), then the reminders. In
   * runs that record the `one-write-per-change` marker all of it is one local activity: the reminder
   * synchronisation is recorded, not run, and `recordProcessChange` writes the history entry and the
   * read model in one statement, then the reminders in the recorded order. A phase completion costs
   * one workflow activation for its writes instead of four (history, read model, cancel, schedule).
   */
  persist(event: ProcessEvent | undefined, snapshot: () => ProcessSnapshot): Promise<void> {
    const record = this.change(event);
    const snap = snapshot();
    return this.serial(async () => {
      if (patched(ONE_WRITE_PATCH)) return this.recordChange(record, snap, (change) => act.recordProcessChange(change));
      if (record) await act.recordProcessEvent(record);
      await act.recordProcessState(snap);
      await this.options.syncReminders?.(snap, act);
    });
  }

  /**
   * A change's writes as one activity (runs with the `one-write-per-change` marker): the reminder
   * synchronisation is recorded, not run, the `extra` reminders after it, and `write` gets the
   * history entry, the read model and the reminder writes in their order. Call it inside the serial
   * queue (`persist`, or `run` for a process with rows of its own, like the agreement's).
   */
  async recordChange(
    event: ProcessEventRecord | undefined,
    snapshot: ProcessSnapshot,
    write: (change: ProcessChange) => Promise<void>,
    extra: ScheduleRequest[] = [],
  ): Promise<void> {
    const reminders = new ReminderRecorder();
    await this.options.syncReminders?.(snapshot, reminders);
    if (extra.length > 0) await reminders.scheduleReminders(extra);
    await write({ event, snapshot, reminders: reminders.writes });
  }

  /**
   * Counts one change: the next revision and, for an event, its history entry. Take the
   * snapshots of the change right after and hand their writes to `write`.
   */
  change(event: ProcessEvent): ProcessEventRecord;
  change(event?: ProcessEvent): ProcessEventRecord | undefined;
  change(event?: ProcessEvent): ProcessEventRecord | undefined {
    this.state.revision += 1;
    if (!event) return undefined;
    return { processId: this.options.processId, sequence: ++this.state.eventSequence, occurredAt: new Date().toISOString(), ...event };
  }

  /** Runs a change's writes after all earlier ones, then synchronises the reminders, then `after`. */
  write(writes: () => Promise<void>, after?: () => Promise<void>): Promise<void> {
    return this.serial(async () => {
      await writes();
      await this.options.syncReminders?.(undefined, act);
      if (after) await after();
    });
  }

  /** Runs a side effect in the serial queue (between the writes of changes, never inside one). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.serial(fn);
  }

  /** Synchronises the reminders without a change (e.g. after continue-as-new). */
  resyncReminders(): Promise<void> {
    return this.serial(async () => this.options.syncReminders?.(undefined, act));
  }

  /**
   * Sleeps until the earliest of the timers (epoch ms; Infinity for none) or the next change (or
   * `woken`). True when a timer is due, false when woken by a change.
   */
  wake(timers: number[], woken?: () => boolean): Promise<boolean> {
    return this.timer ? this.timer.until(this.state, timers, woken) : untilTimerOrChange(this.state, timers, woken);
  }

  /** Waits for the handlers still running and the writes still queued, then runs `cleanup` last. */
  async finish(cleanup?: () => Promise<void>): Promise<void> {
    await condition(allHandlersFinished);
    await this.serial(async () => cleanup?.());
  }
}

/** True once the state's revision moves from where it is now, or when `woken` answers true. */
function changedSince(state: { revision: number }, woken?: () => boolean): () => boolean {
  const seen = state.revision;
  return () => state.revision !== seen || (woken?.() ?? false);
}

/**
 * The wake loop's wait: until the earliest timer or until the state's revision moves (or `woken`
 * answers true). True when a timer is due, false when woken by a change.
 */
export async function untilTimerOrChange(state: { revision: number }, timers: number[], woken?: () => boolean): Promise<boolean> {
  const wakeAt = Math.min(...timers);
  const changed = changedSince(state, woken);
  if (wakeAt === Infinity) {
    await condition(changed);
    return false;
  }
  return !(await condition(changed, Math.max(1, wakeAt - Date.now())));
}

/**
 * The wake loop's timer, kept across changes: `untilTimerOrChange` starts a timer for every wait and
 * cancels it when a change wakes the loop, two more history events and commands for every update
 * even when the due date stays. This one stays armed while the earliest timer is the same instant
 * and is replaced only when it moves.
 */
export class WakeTimer {
  private armed?: { at: number; scope: CancellationScope; due: Promise<true> };

  /** As `untilTimerOrChange`: true when the timer is due, false when woken by a change. */
  async until(state: { revision: number }, timers: number[], woken?: () => boolean): Promise<boolean> {
    const wakeAt = Math.min(...timers);
    const changed = changedSince(state, woken);
    if (this.armed && this.armed.at !== wakeAt) {
      this.armed.scope.cancel();
      this.armed = undefined;
    }
    if (wakeAt === Infinity) {
      await condition(changed);
      return false;
    }
    const armed = (this.armed ??= this.arm(wakeAt));
    // The wait for a change in a scope of its own, cancelled once the race is decided, so no
    // condition outlives it; the timer's scope is not a child of it and stays armed.
    const due = await CancellationScope.cancellable(async () => {
      try {
        return await Promise.race([armed.due, condition(changed).then(() => false)]);
      } finally {
        CancellationScope.current().cancel();
      }
    });
    if (due) this.armed = undefined;
    return due;
  }

  private arm(at: number) {
    const scope = new CancellationScope();
    // One promise per timer for every wait to race (not one more reaction per wait while it stays).
    const due = scope.run(() => sleep(Math.max(1, at - Date.now()))).then(() => true as const);
    // Cancelled when the earliest timer moves, after which nobody awaits it.
    due.catch(() => undefined);
    return { at, scope, due };
  }
}
