import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Channel, Recipient, Reminder, ReminderStatus } from './reminder.entity';

/** A reminder row to insert; `dueAt` is already a valid date. */
export interface NewReminder {
  key: string;
  dueAt: Date;
  recipients: Recipient[];
  template: string;
  context: Record<string, string | number | boolean | null>;
  channels: Channel[];
}

/** A reminder's key and due time: what its BullMQ job needs. */
export interface ReminderDue {
  key: string;
  dueAt: Date;
}

/** One thing ahead of a user: the reminders about it folded into one line. */
export interface UpcomingThing {
  /** The earliest scheduled reminder about it. */
  id: string;
  /** The reminder keys' common part: what the reminders are about. */
  subject: string;
  template: string;
  context: Record<string, string | number | boolean | null>;
  /** When the thing itself is due (not when a reminder goes out). */
  dueAt: Date;
  nextReminderAt: Date;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** The due→delivered lag of the reminders sent in the last 24 hours, in milliseconds (null without any). */
export interface DeliveryLag {
  delivered: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** All SQL of the `reminder` table outside the delivery transaction (scheduling, cancelling, reading). */
@Injectable()
export class ReminderRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the reminders whose key is new; returns those inserted (an existing key is left as it is). */
  async insertNew(reminders: NewReminder[]): Promise<ReminderDue[]> {
    return this.dataSource.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
       SELECT r.key, r.due_at, r.recipients, r.template, r.context, r.channels, 'scheduled'
         FROM jsonb_to_recordset($1::jsonb) AS r(key text, due_at timestamptz, recipients jsonb, template text, context jsonb, channels text[])
       ON CONFLICT (key) DO NOTHING RETURNING key, due_at AS "dueAt"`,
      [
        JSON.stringify(
          reminders.map((r) => ({
            key: r.key,
            due_at: r.dueAt.toISOString(),
            recipients: r.recipients,
            template: r.template,
            context: r.context,
            channels: r.channels,
          })),
        ),
      ],
    );
  }

  /** Moves a scheduled reminder to a new due time; false when none is scheduled under the key. */
  async reschedule(key: string, dueAt: Date): Promise<boolean> {
    const updated: Array<{ key: string }> = await this.dataSource.query(
      `WITH moved AS (UPDATE reminder SET due_at = $2, updated_at = now() WHERE key = $1 AND status = 'scheduled' RETURNING key) SELECT key FROM moved`,
      [key, dueAt],
    );
    return updated.length > 0;
  }

  /** Cancels the scheduled reminder with the key, or every scheduled one under `prefix/`; returns their keys. */
  async cancel(keyOrPrefix: string, options: { prefix?: boolean } = {}): Promise<string[]> {
    const value = options.prefix ? `${keyOrPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}/%` : keyOrPrefix;
    // A CTE makes UPDATE … RETURNING come back as plain rows.
    const rows: Array<{ key: string }> = await this.dataSource.query(
      options.prefix
        ? `WITH cancelled AS (UPDATE reminder SET status = 'cancelled', updated_at = now() WHERE key LIKE $1 AND status = 'scheduled' RETURNING key)
           SELECT key FROM cancelled`
        : `WITH cancelled AS (UPDATE reminder SET status = 'cancelled', updated_at = now() WHERE key = $1 AND status = 'scheduled' RETURNING key)
           SELECT key FROM cancelled`,
      [value],
    );
    return rows.map((r) => r.key);
  }

  /**
   * Sends a failed reminder again: its failed e-mails go back to the outbox (`pending`, attempts
   * from zero), and a reminder that failed before any delivery is `scheduled` again. Null when the
   * reminder is not (or no longer) `failed`; a concurrent second retry finds it so.
   */
  async retryFailed(id: string): Promise<{ key: string; dueAt: Date; status: ReminderStatus } | null> {
    return this.dataSource.transaction(async (m) => {
      const [reminder]: Array<{ key: string }> = await m.query(`SELECT key FROM reminder WHERE id = $1 AND status = 'failed' FOR UPDATE`, [
        id,
      ]);
      if (!reminder) return null;
      const emails: Array<{ id: string }> = await m.query(
        `WITH requeued AS (
           UPDATE reminder_delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
            WHERE reminder_id = $1 AND status = 'failed' RETURNING id)
         SELECT id FROM requeued`,
        [id],
      );
      const [row]: Array<{ key: string; dueAt: Date; status: ReminderStatus }> = await m.query(
        `WITH retried AS (
           UPDATE reminder SET status = CASE WHEN $2 THEN 'sent' ELSE 'scheduled' END, attempts = 0, last_error = NULL, updated_at = now()
            WHERE id = $1 RETURNING key, due_at, status)
         SELECT key, due_at AS "dueAt", status FROM retried`,
        [id, emails.length > 0],
      );
      return row;
    });
  }

  findById(id: string): Promise<Reminder | null> {
    return this.dataSource.getRepository(Reminder).findOneBy({ id });
  }

  async findByKey(key: string): Promise<Reminder | null> {
    return this.dataSource.getRepository(Reminder).findOneBy({ key });
  }

  /** Which of the user ids belong to active users (recipients must exist when a reminder is scheduled). */
  async activeUserIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM app_user WHERE id = ANY($1) AND active', [ids]);
    return new Set(rows.map((u) => u.id));
  }

  /** Scheduled reminders with a key after `after`, in key order (the reconciler walks them all). */
  async scheduledAfter(after: string, limit: number): Promise<ReminderDue[]> {
    return this.dataSource.query(
      `SELECT key, due_at AS "dueAt" FROM reminder WHERE status = 'scheduled' AND key > $1 ORDER BY key LIMIT $2`,
      [after, limit],
    );
  }

  /**
   * What is still ahead for the user: their scheduled reminders grouped by the thing they are about
   * (the key without its last segment, the offset: `jhd/<case>/review/1-0/P14D` → `jhd/<case>/review/1-0`),
   * each thing once with its own due date (the context's `dueAt`, or `validUntil`) and its next reminder;
   * the earliest due first.
   */
  async upcomingFor(userId: string, page: { limit: number; offset: number }): Promise<Page<UpcomingThing>> {
    const rows: Array<UpcomingThing & { total: number }> = await this.dataSource.query(
      `WITH mine AS (
         SELECT id, key, template, context, due_at, regexp_replace(key, '/[^/]*$', '') AS subject
           FROM reminder WHERE status = 'scheduled' AND recipients @> $1::jsonb
       ), things AS (
         SELECT DISTINCT ON (subject) subject, id, template, context, due_at AS next_reminder_at,
                CASE WHEN coalesce(context->>'dueAt', context->>'validUntil') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?$'
                     THEN coalesce(context->>'dueAt', context->>'validUntil')::timestamptz END AS thing_due,
                max(due_at) OVER (PARTITION BY subject) AS last_reminder_at
           FROM mine ORDER BY subject, due_at, id
       )
       SELECT id, subject, template, context, coalesce(thing_due, last_reminder_at) AS "dueAt", next_reminder_at AS "nextReminderAt",
              count(*) OVER ()::int AS total
         FROM things ORDER BY coalesce(thing_due, last_reminder_at), subject LIMIT $2 OFFSET $3`,
      [JSON.stringify([{ type: 'user', id: userId }]), page.limit, page.offset],
    );
    return { items: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /** Reminders of any recipient, optionally of one status, latest due first. */
  async list(options: { status?: ReminderStatus; limit: number; offset: number }): Promise<Page<Reminder>> {
    const [items, total] = await this.dataSource.getRepository(Reminder).findAndCount({
      where: options.status ? { status: options.status } : {},
      order: { dueAt: 'DESC' },
      take: options.limit,
      skip: options.offset,
    });
    return { items, total };
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows: Array<{ status: string; n: number }> = await this.dataSource.query(
      `SELECT status, count(*)::int AS n FROM reminder GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  async deliveryLagLast24h(): Promise<DeliveryLag> {
    const [lag] = await this.dataSource.query(`
      SELECT count(*)::int AS delivered,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY lag_ms) AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99,
             max(lag_ms) AS max
        FROM reminder WHERE sent_at > now() - interval '24 hours' AND lag_ms IS NOT NULL`);
    return { delivered: lag.delivered, p50: lag.p50, p95: lag.p95, p99: lag.p99, max: lag.max };
  }
}
