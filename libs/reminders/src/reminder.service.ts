import { Injectable } from '@nestjs/common';
import { DomainError, FieldProblem, isRole } from '@sro/common';
import { Channel, CHANNELS, Recipient, Reminder } from './reminder.entity';
import { REMINDER_KEY, ReminderQueue } from './reminder.queue';
import { ReminderDue, ReminderRepository } from './reminder.repository';
import { renderReminder } from './reminder.templates';

export interface ScheduleRequest {
  /** Deterministic, e.g. `sozialraum/<process>/<phase>/P14D`: scheduling twice changes nothing. */
  key: string;
  dueAt: Date | string;
  recipients: Recipient[];
  template: string;
  context: Record<string, string | number | boolean | null>;
  channels?: Channel[];
}

export type ScheduleOutcome = 'scheduled' | 'unchanged';

const INSERT_BATCH = 1_000;

/** Schedules, reschedules and cancels reminders: a PostgreSQL row, then a delayed BullMQ job keyed alike. */
@Injectable()
export class ReminderService {
  constructor(
    private readonly reminders: ReminderRepository,
    private readonly queue: ReminderQueue,
  ) {}

  /** Validates and schedules; a due time in the past is delivered at once (and marked late). */
  async schedule(request: ScheduleRequest): Promise<ScheduleOutcome> {
    const [outcome] = await this.scheduleMany([request]);
    return outcome;
  }

  async scheduleMany(requests: ScheduleRequest[]): Promise<ScheduleOutcome[]> {
    await this.check(requests);
    const fresh: ReminderDue[] = [];
    for (let i = 0; i < requests.length; i += INSERT_BATCH) {
      const batch = requests.slice(i, i + INSERT_BATCH);
      fresh.push(
        ...(await this.reminders.insertNew(
          batch.map((r) => ({
            key: r.key,
            dueAt: new Date(r.dueAt),
            recipients: r.recipients,
            template: r.template,
            context: r.context,
            channels: r.channels ?? [...CHANNELS],
          })),
        )),
      );
    }
    const scheduled = new Set(fresh.map((r) => r.key));
    // After the rows are committed: a lost enqueue is restored by the reconciler from these rows.
    await this.queue.enqueueMany(fresh);
    return requests.map((r) => (scheduled.has(r.key) ? 'scheduled' : 'unchanged'));
  }

  /** Moves a scheduled reminder to a new due time. */
  async reschedule(key: string, dueAt: Date | string): Promise<boolean> {
    const due = new Date(dueAt);
    if (!(await this.reminders.reschedule(key, due))) return false;
    await this.queue.remove(key);
    await this.queue.enqueue(key, due);
    return true;
  }

  /** Cancels one reminder, or every scheduled one whose key starts with `prefix/`. Returns how many. */
  async cancel(keyOrPrefix: string, options: { prefix?: boolean } = {}): Promise<number> {
    const keys = await this.reminders.cancel(keyOrPrefix, options);
    await Promise.all(keys.map((key) => this.queue.remove(key)));
    return keys.length;
  }

  async get(key: string): Promise<Reminder | null> {
    return this.reminders.findByKey(key);
  }

  /** Validates every request (one query for all user recipients); the first bad one is reported with its problems. */
  private async check(requests: ScheduleRequest[]): Promise<void> {
    const userIds = new Set<string>();
    for (const request of requests)
      for (const r of request.recipients ?? []) if (r?.type === 'user' && typeof r.id === 'string') userIds.add(r.id);
    const known = await this.reminders.activeUserIds([...userIds]);
    const keys = new Set<string>();
    for (const request of requests) {
      const problems: FieldProblem[] = [];
      if (!REMINDER_KEY.test(request.key)) problems.push({ pointer: '/key', message: 'must be 1–300 characters of A-Z a-z 0-9 . _ / -' });
      if (keys.has(request.key)) problems.push({ pointer: '/key', message: 'appears twice in one request' });
      keys.add(request.key);
      if (Number.isNaN(new Date(request.dueAt).getTime())) problems.push({ pointer: '/dueAt', message: 'must be a date' });
      if (!Array.isArray(request.recipients) || request.recipients.length === 0)
        problems.push({ pointer: '/recipients', message: 'needs at least one recipient' });
      (request.channels ?? []).forEach(
        (c, i) => !CHANNELS.includes(c) && problems.push({ pointer: `/channels/${i}`, message: `unknown channel ${c}` }),
      );
      (request.recipients ?? []).forEach((r, i) => {
        if (r?.type === 'user' && typeof r.id === 'string' && r.id) {
          if (!known.has(r.id)) problems.push({ pointer: `/recipients/${i}`, message: `unknown user ${r.id}` });
        } else if (!(r?.type === 'role' && isRole(r.role))) {
          problems.push({ pointer: `/recipients/${i}`, message: `unknown recipient ${JSON.stringify(r)}` });
        }
      });
      if (problems.length > 0) throw DomainError.invalid(`Reminder ${request.key} cannot be scheduled`, problems);
      renderReminder(request.template, request.context);
    }
  }
}
