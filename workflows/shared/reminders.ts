import type { ScheduleRequest } from '@sro/reminders';
import type { ReminderWrite } from './process';
import { processActivities as act } from './process-kit';

/** Where reminder writes go: the activities themselves, or a {@link ReminderRecorder} collecting them for one activity. */
export interface ReminderWriter {
  cancelReminders(prefix: string): Promise<unknown>;
  scheduleReminders(requests: ScheduleRequest[]): Promise<unknown>;
}

/**
 * Collects the reminder writes of one synchronisation instead of running them (each resolves at
 * once), for the change's one activity to run in the same order.
 */
export class ReminderRecorder implements ReminderWriter {
  readonly writes: ReminderWrite[] = [];

  async cancelReminders(prefix: string): Promise<void> {
    this.writes.push({ cancel: prefix });
  }

  async scheduleReminders(requests: ScheduleRequest[]): Promise<void> {
    this.writes.push({ schedule: requests });
  }
}

export interface ReminderSlotSpec<C> {
  /**
   * What the armed reminders stand for (e.g. the step and its due date); '' when none are wanted.
   * `context` is what the caller of `sync` passes (e.g. the read model written with the change).
   */
  version: (context: C) => string;
  /** The key prefix to cancel before re-arming, given the version armed until now; undefined: none. */
  cancel: (armed: string) => string | undefined;
  /** The reminders of the current version. */
  build: () => ScheduleRequest[];
}

/**
 * One group of reminders (a step's reminders and its escalation, a review's Wiedervorlage) that is
 * re-armed as a whole whenever what it stands for changes: its old keys cancelled, the new ones
 * scheduled.
 */
export class ReminderSlot<C = void> {
  private armed = '';

  constructor(private readonly spec: ReminderSlotSpec<C>) {}

  async sync(context: C, writer: ReminderWriter = act): Promise<void> {
    const wanted = this.spec.version(context);
    if (wanted === this.armed) return;
    const cancel = this.spec.cancel(this.armed);
    if (cancel !== undefined) await writer.cancelReminders(cancel);
    if (wanted) await writer.scheduleReminders(this.spec.build());
    this.armed = wanted;
  }

  /** Cancels what is armed (at the end of the workflow). */
  async disarm(writer: ReminderWriter = act): Promise<void> {
    const cancel = this.armed ? this.spec.cancel(this.armed) : undefined;
    if (cancel !== undefined) await writer.cancelReminders(cancel);
    this.armed = '';
  }

  /** Forgets what is armed: its reminders were cancelled with a wider prefix. */
  forget(): void {
    this.armed = '';
  }
}

/**
 * Reminder groups by key prefix, each armed at most once (so keys never repeat): groups no longer
 * wanted are cancelled one by one, new ones scheduled together.
 */
export class ReminderGroups {
  private readonly armed = new Set<string>();

  /** `wanted` lists the groups that should be armed now, each with the reminders it schedules. */
  constructor(private readonly wanted: () => Map<string, () => ScheduleRequest[]>) {}

  async sync(writer: ReminderWriter = act): Promise<void> {
    const wanted = this.wanted();
    for (const key of [...this.armed]) {
      if (wanted.has(key)) continue;
      await writer.cancelReminders(key);
      this.armed.delete(key);
    }
    const fresh = [...wanted].filter(([key]) => !this.armed.has(key));
    const requests = fresh.flatMap(([, build]) => build());
    if (requests.length > 0) await writer.scheduleReminders(requests);
    for (const [key] of fresh) this.armed.add(key);
  }

  /** Cancels every armed group (at the end of the workflow). */
  async disarm(): Promise<void> {
    for (const key of [...this.armed]) await act.cancelReminders(key);
    this.armed.clear();
  }
}
