import type { ScheduleRequest } from '@sro/reminders';
import { processActivities as act } from './process-kit';

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

  async sync(context: C): Promise<void> {
    const wanted = this.spec.version(context);
    if (wanted === this.armed) return;
    const cancel = this.spec.cancel(this.armed);
    if (cancel !== undefined) await act.cancelReminders(cancel);
    if (wanted) await act.scheduleReminders(this.spec.build());
    this.armed = wanted;
  }

  /** Cancels what is armed (at the end of the workflow). */
  async disarm(): Promise<void> {
    const cancel = this.armed ? this.spec.cancel(this.armed) : undefined;
    if (cancel !== undefined) await act.cancelReminders(cancel);
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

  async sync(): Promise<void> {
    const wanted = this.wanted();
    for (const key of [...this.armed]) {
      if (wanted.has(key)) continue;
      await act.cancelReminders(key);
      this.armed.delete(key);
    }
    const fresh = [...wanted].filter(([key]) => !this.armed.has(key));
    const requests = fresh.flatMap(([, build]) => build());
    if (requests.length > 0) await act.scheduleReminders(requests);
    for (const [key] of fresh) this.armed.add(key);
  }

  /** Cancels every armed group (at the end of the workflow). */
  async disarm(): Promise<void> {
    for (const key of [...this.armed]) await act.cancelReminders(key);
    this.armed.clear();
  }
}
