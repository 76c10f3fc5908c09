import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, FieldProblem, isRole } from '@sro/common';
import { Channel, CHANNELS, Recipient, Reminder } from './reminder.entity';
import { REMINDER_KEY, ReminderQueue } from './reminder.queue';
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
    private readonly dataSource: DataSource,
    private readonly queue: ReminderQueue,
  ) {}

  /** Validates and schedules; a due time in the past is delivered at once (and marked late). */
  async schedule(request: ScheduleRequest): Promise<ScheduleOutcome> {
    const [outcome] = await this.scheduleMany([request]);
    return outcome;
  }

  async scheduleMany(requests: ScheduleRequest[]): Promise<ScheduleOutcome[]> {
    await this.check(requests);
    const scheduled = new Set<string>();
    const fresh: Array<{ key: string; dueAt: Date }> = [];
    for (let i = 0; i < requests.length; i += INSERT_BATCH) {
      const batch = requests.slice(i, i + INSERT_BATCH);
      const inserted: Array<{ key: string; due_at: Date }> = await this.dataSource.query(
        `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
         SELECT r.key, r.due_at, r.recipients, r.template, r.context, r.channels, 'scheduled'
           FROM jsonb_to_recordset($1::jsonb) AS r(key text, due_at timestamptz, recipients jsonb, template text, context jsonb, channels text[])
         ON CONFLICT (key) DO NOTHING RETURNING key, due_at`,
        [
          JSON.stringify(
            batch.map((r) => ({
              key: r.key,
              due_at: new Date(r.dueAt).toISOString(),
              recipients: r.recipients,
              template: r.template,
              context: r.context,
              channels: r.channels ?? [...CHANNELS],
            })),
          ),
        ],
      );
      for (const row of inserted) {
        scheduled.add(row.key);
        fresh.push({ key: row.key, dueAt: row.due_at });
      }
    }
    // After the rows are committed: a lost enqueue is restored by the reconciler from these rows.
    await this.queue.enqueueMany(fresh);
    return requests.map((r) => (scheduled.has(r.key) ? 'scheduled' : 'unchanged'));
  }

  /** Moves a scheduled reminder to a new due time. */
  async reschedule(key: string, dueAt: Date | string): Promise<boolean> {
    const due = new Date(dueAt);
    const updated: Array<{ key: string }> = await this.dataSource.query(
      `WITH moved AS (UPDATE reminder SET due_at = $2, updated_at = now() WHERE key = $1 AND status = 'scheduled' RETURNING key) SELECT key FROM moved`,
      [key, due],
    );
    if (updated.length === 0) return false;
    await this.queue.remove(key);
    await this.queue.enqueue(key, due);
    return true;
  }

  /** Cancels one reminder, or every scheduled one whose key starts with `prefix/`. Returns how many. */
  async cancel(keyOrPrefix: string, options: { prefix?: boolean } = {}): Promise<number> {
    const match = options.prefix ? 'key LIKE $1' : 'key = $1';
    const value = options.prefix ? `${keyOrPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}/%` : keyOrPrefix;
    // A CTE makes UPDATE … RETURNING come back as plain rows.
    const rows: Array<{ key: string }> = await this.dataSource.query(
      `WITH cancelled AS (UPDATE reminder SET status = 'cancelled', updated_at = now() WHERE ${match} AND status = 'scheduled' RETURNING key)
       SELECT key FROM cancelled`,
      [value],
    );
    await Promise.all(rows.map((r) => this.queue.remove(r.key)));
    return rows.length;
  }

  async get(key: string): Promise<Reminder | null> {
    return this.dataSource.getRepository(Reminder).findOneBy({ key });
  }

  /** Validates every request (one query for all user recipients); the first bad one is reported with its problems. */
  private async check(requests: ScheduleRequest[]): Promise<void> {
    const userIds = new Set<string>();
    for (const request of requests) for (const r of request.recipients ?? []) if (r?.type === 'user' && typeof r.id === 'string') userIds.add(r.id);
    const known = new Set<string>(
      userIds.size > 0 ? (await this.dataSource.query('SELECT id FROM app_user WHERE id = ANY($1) AND active', [[...userIds]])).map((u: { id: string }) => u.id) : [],
    );
    const keys = new Set<string>();
    for (const request of requests) {
      const problems: FieldProblem[] = [];
      if (!REMINDER_KEY.test(request.key)) problems.push({ pointer: '/key', message: 'must be 1–300 characters of A-Z a-z 0-9 . _ / -' });
      if (keys.has(request.key)) problems.push({ pointer: '/key', message: 'appears twice in one request' });
      keys.add(request.key);
      if (Number.isNaN(new Date(request.dueAt).getTime())) problems.push({ pointer: '/dueAt', message: 'must be a date' });
      if (!Array.isArray(request.recipients) || request.recipients.length === 0) problems.push({ pointer: '/recipients', message: 'needs at least one recipient' });
      (request.channels ?? []).forEach((c, i) => !CHANNELS.includes(c) && problems.push({ pointer: `/channels/${i}`, message: `unknown channel ${c}` }));
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
