import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Recipient, Reminder } from './reminder.entity';
import { MailOutbox } from './mail-outbox';
import { RenderedMessage, renderReminder } from './reminder.templates';

/** A delivery more than this after its due time counts as late. */
export const LATE_AFTER_MS = 60_000;

/** A job may fire this much before the application clock says its reminder is due. */
const EARLY_TOLERANCE_MS = 1_000;

export type DeliveryOutcome = 'sent' | 'late' | 'skipped';
export type DeliveryResult = PromiseSettledResult<DeliveryOutcome>;

interface Addressee {
  id: string;
  email: string | null;
}

type DueReminder = Pick<Reminder, 'id' | 'key' | 'dueAt' | 'recipients' | 'template' | 'context' | 'channels'>;

/** Plain rows: entity hydration costs more than the query at thousands per second. */
const COLUMNS = `id, key, due_at AS "dueAt", recipients, template, context, channels`;

/**
 * Delivers due reminders exactly once per channel and recipient, however often their jobs run.
 * A reminder is claimed by locking its row in the transaction that writes its unique delivery rows
 * and marks it sent: a worker that dies before the commit leaves it `scheduled` and unlocked.
 * The lock is FOR NO KEY UPDATE, the one the status update takes anyway: it does not collide with
 * the key-share locks that inserting delivery rows takes on their reminder.
 */
@Injectable()
export class ReminderDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: MailOutbox,
  ) {}

  /**
   * Claims up to `limit` due reminders that no other transaction holds and have not failed before
   * (those follow their job's backoff), and delivers them in one transaction. Returns an outcome per
   * claimed key; fewer than `limit` means nothing else was due and free to claim.
   */
  async deliverDue(limit: number): Promise<Map<string, DeliveryResult>> {
    return this.delivering(async (m) => {
      const rows: DueReminder[] = await m.query(
        `SELECT ${COLUMNS} FROM reminder
          WHERE status = 'scheduled' AND due_at <= $1 AND attempts = 0 AND last_error IS NULL
          ORDER BY due_at LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
        [new Date(), limit],
      );
      return rows;
    });
  }

  /** One delivering transaction over the rows `claim` locks; the e-mails it queued leave after its commit. */
  private async delivering(claim: (m: EntityManager) => Promise<DueReminder[]>): Promise<Map<string, DeliveryResult>> {
    const { outcomes, queued } = await this.dataSource.transaction(async (m) => this.deliverRows(m, await claim(m)));
    if (queued > 0) this.outbox.kick();
    return outcomes;
  }

  /**
   * Delivers the named reminders that are due with a handful of statements. A batch that fails as a
   * whole is retried reminder by reminder, so one bad reminder never holds up others.
   */
  async deliverMany(keys: string[]): Promise<DeliveryResult[]> {
    try {
      const outcomes = await this.delivering(async (m) => {
        // Waits for a sweep that holds one of them; ordered so two batches cannot deadlock.
        const rows: DueReminder[] = await m.query(
          `SELECT ${COLUMNS} FROM reminder WHERE key = ANY($1) AND status = 'scheduled' AND due_at <= $2 ORDER BY id FOR NO KEY UPDATE`,
          [keys, new Date(Date.now() + EARLY_TOLERANCE_MS)],
        );
        return rows;
      });
      // Cancelled, delivered, or moved later (its new job will come) reminders are simply skipped.
      return keys.map((key) => outcomes.get(key) ?? { status: 'fulfilled', value: 'skipped' });
    } catch (error) {
      if (keys.length === 1) return [{ status: 'rejected', reason: error }];
      return Promise.all(keys.map(async (key) => (await this.deliverMany([key]))[0]));
    }
  }

  /** Delivers one reminder (the same path as a batch of one). */
  async deliver(key: string): Promise<DeliveryOutcome> {
    const [result] = await this.deliverMany([key]);
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  /**
   * The in-app deliveries of all rows in one insert, the e-mails queued in the outbox in one insert,
   * one status update; everything inside the caller's transaction, which holds the rows.
   */
  private async deliverRows(m: EntityManager, rows: DueReminder[]): Promise<{ outcomes: Map<string, DeliveryResult>; queued: number }> {
    const outcomes = new Map<string, DeliveryResult>();
    if (rows.length === 0) return { outcomes, queued: 0 };
    // Per transaction, not longer: a user who left or changed roles stops receiving with the next batch.
    const cache = new RecipientCache();
    const failed = new Map<string, { reminder: DueReminder; error: unknown }>();
    const prepared: Array<{ reminder: DueReminder; message: RenderedMessage; addressees: Addressee[] }> = [];
    for (const reminder of rows) {
      try {
        const message = renderReminder(reminder.template, reminder.context);
        const addressees = await cache.resolve(reminder.recipients, (r) => this.resolve(m, r));
        if (addressees.length === 0) throw new Error(`No active recipient for reminder ${reminder.key}`);
        prepared.push({ reminder, message, addressees });
      } catch (error) {
        failed.set(reminder.id, { reminder, error });
      }
    }

    const inApp = prepared
      .filter((p) => p.reminder.channels.includes('in_app'))
      .flatMap((p) => p.addressees.map((a) => ({ reminder_id: p.reminder.id, user_id: a.id, title: p.message.title, body: p.message.body, link: p.message.link ?? null })));
    if (inApp.length > 0) {
      await m.query(
        `WITH targets AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(reminder_id uuid, user_id text, title text, body text, link text)),
              claimed AS (
                INSERT INTO reminder_delivery (reminder_id, channel, user_id)
                SELECT reminder_id, 'in_app', user_id FROM targets ON CONFLICT DO NOTHING RETURNING reminder_id, user_id)
         INSERT INTO notification (user_id, reminder_id, title, body, link)
         SELECT t.user_id, t.reminder_id, t.title, t.body, t.link FROM targets t JOIN claimed c USING (reminder_id, user_id)`,
        [JSON.stringify(inApp)],
      );
    }

    const queued = await this.queueEmails(m, prepared.filter((p) => p.reminder.channels.includes('email')));

    const now = new Date();
    const delivered = prepared.map((p) => p.reminder).filter((r) => !failed.has(r.id));
    if (delivered.length > 0) {
      await m.query(
        `UPDATE reminder r SET status = CASE WHEN $2::timestamptz - r.due_at > make_interval(secs => $3) THEN 'late' ELSE 'sent' END,
                sent_at = $2, lag_ms = GREATEST(0, (extract(epoch FROM ($2::timestamptz - r.due_at)) * 1000)::int),
                attempts = attempts + 1, last_error = NULL, updated_at = now()
          WHERE r.id = ANY($1) AND r.status = 'scheduled'`,
        [delivered.map((r) => r.id), now, LATE_AFTER_MS / 1000],
      );
      for (const r of delivered) outcomes.set(r.key, { status: 'fulfilled', value: now.getTime() - r.dueAt.getTime() > LATE_AFTER_MS ? 'late' : 'sent' });
    }
    if (failed.size > 0) {
      // The error keeps later sweeps off the reminder; its job records the attempt and retries with backoff.
      const errors = [...failed.values()].map(({ reminder, error }) => ({ id: reminder.id, error: String((error as Error)?.message ?? error).slice(0, 1000) }));
      await m.query(
        `UPDATE reminder r SET last_error = e.error, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, error text) WHERE r.id = e.id AND r.status = 'scheduled'`,
        [JSON.stringify(errors)],
      );
      for (const { reminder, error } of failed.values()) outcomes.set(reminder.key, { status: 'rejected', reason: error });
    }
    return { outcomes, queued };
  }

  /**
   * One outbox row per e-mail recipient (unique with the delivery key, so a second run queues
   * nothing); the outbox sends them after the commit. Returns how many were queued.
   */
  private async queueEmails(m: EntityManager, items: Array<{ reminder: DueReminder; addressees: Addressee[] }>): Promise<number> {
    const targets = items.flatMap((p) => p.addressees.filter((a) => a.email).map((a) => ({ reminder_id: p.reminder.id, user_id: a.id })));
    if (targets.length === 0) return 0;
    const queued: unknown[] = await m.query(
      `INSERT INTO reminder_delivery (reminder_id, channel, user_id, status, next_attempt_at, delivered_at)
       SELECT t.reminder_id, 'email', t.user_id, 'pending', now(), NULL FROM jsonb_to_recordset($1::jsonb) AS t(reminder_id uuid, user_id text)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [JSON.stringify(targets)],
    );
    return queued.length;
  }

  /** Records a failed attempt; the final one marks the reminder `failed`, visible to admins. */
  async recordFailure(key: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
        WHERE key = $1 AND status = 'scheduled'`,
      [key, error.slice(0, 1000), final],
    );
  }

  private async resolve(m: EntityManager, recipients: Recipient[]): Promise<Addressee[]> {
    const userIds = recipients.filter((r): r is Extract<Recipient, { type: 'user' }> => r.type === 'user').map((r) => r.id);
    const roles = recipients.filter((r): r is Extract<Recipient, { type: 'role' }> => r.type === 'role');
    return m.query(
      `SELECT DISTINCT u.id, u.email FROM app_user u
        WHERE u.active AND (u.id = ANY($1::text[]) OR EXISTS (
          SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(role text, "planningRegionId" uuid, "socialSpaceId" uuid)
           WHERE r.role = ANY(u.roles)
             AND (r."planningRegionId" IS NULL OR r."planningRegionId" = ANY(u.planning_region_ids))
             AND (r."socialSpaceId" IS NULL OR r."socialSpaceId" = ANY(u.social_space_ids))))
        ORDER BY u.id`,
      [userIds, JSON.stringify(roles)],
    );
  }
}

/** Recipient lists resolved once per batch: reminders of one step share theirs. */
class RecipientCache {
  private readonly resolved = new Map<string, Addressee[]>();

  async resolve(recipients: Recipient[], lookup: (r: Recipient[]) => Promise<Addressee[]>): Promise<Addressee[]> {
    const key = JSON.stringify(recipients);
    let addressees = this.resolved.get(key);
    if (!addressees) this.resolved.set(key, (addressees = await lookup(recipients)));
    return addressees;
  }
}
