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

  /**
   * An admin sends a failed reminder again: failed e-mails return to the outbox (the worker looks
   * for them every few seconds); a reminder that failed before delivery gets a new job, due now.
   */
  async retryFailed(id: string): Promise<Reminder> {
    const retried = await this.reminders.retryFailed(id);
    if (!retried) {
      const reminder = await this.reminders.findById(id);
      if (!reminder) throw DomainError.notFound('Die Erinnerung');
      throw DomainError.conflict('Die Erinnerung ist nicht fehlgeschlagen; es gibt nichts erneut zu senden.');
    }
    if (retried.status === 'scheduled') {
      // The failed job keeps its id in BullMQ: remove it, or the new one would be a no-op.
      await this.queue.remove(retried.key);
      await this.queue.enqueue(retried.key, new Date());
    }
    return (await this.reminders.findById(id))!;
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
      if (!REMINDER_KEY.test(request.key))
        problems.push({
          pointer: '/key',
          code: 'format.key',
          params: { min: 1, max: 300 },
          message: 'Bitte 1 bis 300 Zeichen aus A-Z, a-z, 0-9, ., _, / und - angeben.',
        });
      if (keys.has(request.key))
        problems.push({ pointer: '/key', code: 'duplicate', message: 'Dieser Schlüssel kommt in der Anfrage doppelt vor.' });
      keys.add(request.key);
      if (Number.isNaN(new Date(request.dueAt).getTime()))
        problems.push({ pointer: '/dueAt', code: 'format.date-time', message: 'Bitte ein gültiges Datum angeben.' });
      if (!Array.isArray(request.recipients) || request.recipients.length === 0)
        problems.push({
          pointer: '/recipients',
          code: 'array.min',
          params: { min: 1 },
          message: 'Bitte mindestens eine Empfängerin oder einen Empfänger angeben.',
        });
      (request.channels ?? []).forEach(
        (c, i) =>
          !CHANNELS.includes(c) &&
          problems.push({
            pointer: `/channels/${i}`,
            code: 'enum',
            params: { allowed: [...CHANNELS] },
            message: `Bitte einen der vorgesehenen Kanäle wählen: ${CHANNELS.join(', ')}.`,
          }),
      );
      (request.recipients ?? []).forEach((r, i) => {
        if (r?.type === 'user' && typeof r.id === 'string' && r.id) {
          if (!known.has(r.id))
            problems.push({
              pointer: `/recipients/${i}`,
              code: 'unknown-reference',
              message: 'Diese Person ist nicht bekannt oder nicht aktiv.',
            });
        } else if (!(r?.type === 'role' && isRole(r.role))) {
          problems.push({
            pointer: `/recipients/${i}`,
            code: 'invalid',
            message: 'Bitte eine Person ({ type: "user", id }) oder eine Rolle ({ type: "role", role }) angeben.',
          });
        }
      });
      if (problems.length > 0) throw DomainError.invalid('Die Erinnerung kann so nicht geplant werden; nichts wurde geplant.', problems);
      renderReminder(request.template, request.context);
    }
  }
}
