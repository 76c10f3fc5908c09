import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sro/config';
import { Recipient, Reminder } from './reminder.entity';
import { Mailer } from './mailer';
import { renderReminder } from './reminder.templates';

/** A delivery more than this after its due time counts as late. */
export const LATE_AFTER_MS = 60_000;

export type DeliveryOutcome = 'sent' | 'late' | 'skipped';

interface Addressee {
  id: string;
  email: string | null;
}

/** Delivers a due reminder exactly once per channel and recipient, however often its job runs. */
@Injectable()
export class ReminderDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  /**
   * Delivers many due reminders with a handful of statements: in-app deliveries of the whole batch
   * in one insert, one status update. A failing batch falls back to one-by-one, so one bad reminder
   * never holds up the others.
   */
  async deliverMany(keys: string[]): Promise<Array<PromiseSettledResult<DeliveryOutcome>>> {
    if (keys.length === 1) return Promise.allSettled([this.deliver(keys[0])]);
    try {
      return await this.deliverBatch(keys);
    } catch {
      return Promise.allSettled(keys.map((key) => this.deliver(key)));
    }
  }

  private async deliverBatch(keys: string[]): Promise<Array<PromiseSettledResult<DeliveryOutcome>>> {
    const now = new Date();
    // Plain rows: entity hydration costs more than the query at thousands per second.
    const reminders: Reminder[] = await this.dataSource.query(
      `SELECT id, key, due_at AS "dueAt", recipients, template, context, channels, status FROM reminder WHERE key = ANY($1) AND status = 'scheduled'`,
      [keys],
    );
    const due = reminders.filter((r) => r.status === 'scheduled' && r.dueAt.getTime() <= now.getTime() + 1_000);
    // E-mail keeps its per-recipient transaction; those go one by one.
    const withEmail = due.filter((r) => r.channels.includes('email'));
    const inAppOnly = due.filter((r) => !r.channels.includes('email'));
    const outcomes = new Map<string, PromiseSettledResult<DeliveryOutcome>>();
    const recipientCache = new Map<string, Addressee[]>();
    const rows: Array<{ reminder_id: string; user_id: string; title: string; body: string; link: string | null }> = [];
    const delivered: Reminder[] = [];
    for (const reminder of inAppOnly) {
      try {
        const message = renderReminder(reminder.template, reminder.context);
        const cacheKey = JSON.stringify(reminder.recipients);
        if (!recipientCache.has(cacheKey)) recipientCache.set(cacheKey, await this.resolve(reminder.recipients));
        const addressees = recipientCache.get(cacheKey)!;
        if (addressees.length === 0) throw new Error(`No active recipient for reminder ${reminder.key}`);
        for (const a of addressees) rows.push({ reminder_id: reminder.id, user_id: a.id, title: message.title, body: message.body, link: message.link ?? null });
        delivered.push(reminder);
      } catch (error) {
        outcomes.set(reminder.key, { status: 'rejected', reason: error });
      }
    }
    if (rows.length > 0) {
      await this.dataSource.transaction(async (m) => {
        await m.query(
          `WITH targets AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(reminder_id uuid, user_id text, title text, body text, link text)),
                claimed AS (
                  INSERT INTO reminder_delivery (reminder_id, channel, user_id)
                  SELECT reminder_id, 'in_app', user_id FROM targets ON CONFLICT DO NOTHING RETURNING reminder_id, user_id)
           INSERT INTO notification (user_id, reminder_id, title, body, link)
           SELECT t.user_id, t.reminder_id, t.title, t.body, t.link FROM targets t JOIN claimed c USING (reminder_id, user_id)`,
          [JSON.stringify(rows)],
        );
        const sentAt = new Date();
        await m.query(
          `UPDATE reminder r SET status = CASE WHEN $2::timestamptz - r.due_at > make_interval(secs => $3) THEN 'late' ELSE 'sent' END,
                  sent_at = $2, lag_ms = GREATEST(0, (extract(epoch FROM ($2::timestamptz - r.due_at)) * 1000)::int),
                  attempts = attempts + 1, last_error = NULL, updated_at = now()
            WHERE r.id = ANY($1) AND r.status = 'scheduled'`,
          [delivered.map((r) => r.id), sentAt, LATE_AFTER_MS / 1000],
        );
      });
      for (const r of delivered) outcomes.set(r.key, { status: 'fulfilled', value: now.getTime() - r.dueAt.getTime() > LATE_AFTER_MS ? 'late' : 'sent' });
    }
    for (const r of withEmail) outcomes.set(r.key, (await Promise.allSettled([this.deliver(r.key, now)]))[0]);
    return keys.map((key) => outcomes.get(key) ?? { status: 'fulfilled', value: 'skipped' });
  }

  async deliver(key: string, now: Date = new Date()): Promise<DeliveryOutcome> {
    const reminder = await this.dataSource.getRepository(Reminder).findOneBy({ key });
    // Cancelled, already delivered, or moved later (its new job will come): nothing to do.
    if (!reminder || reminder.status !== 'scheduled' || reminder.dueAt.getTime() > now.getTime() + 1_000) return 'skipped';
    const message = renderReminder(reminder.template, reminder.context);
    const addressees = await this.resolve(reminder.recipients);
    if (addressees.length === 0) throw new Error(`No active recipient for reminder ${key}`);

    if (reminder.channels.includes('in_app')) {
      await this.dataSource.query(
        `WITH targets AS (SELECT unnest($2::text[]) AS user_id),
              delivered AS (
                INSERT INTO reminder_delivery (reminder_id, channel, user_id)
                SELECT $1, 'in_app', user_id FROM targets ON CONFLICT DO NOTHING RETURNING user_id)
         INSERT INTO notification (user_id, reminder_id, title, body, link)
         SELECT user_id, $1, $3, $4, $5 FROM delivered`,
        [reminder.id, addressees.map((a) => a.id), message.title, message.body, message.link ?? null],
      );
    }
    if (reminder.channels.includes('email')) {
      for (const addressee of addressees.filter((a) => a.email)) {
        await this.dataSource.transaction(async (m) => {
          const claimed: unknown[] = await m.query(
            `INSERT INTO reminder_delivery (reminder_id, channel, user_id) VALUES ($1, 'email', $2) ON CONFLICT DO NOTHING RETURNING 1`,
            [reminder.id, addressee.id],
          );
          if (claimed.length === 0) return;
          // Sent inside the transaction: if sending fails, the claim rolls back and a retry sends again.
          await this.mailer.send({
            to: addressee.email!,
            subject: message.title,
            text: `${message.body}${message.link ? `\n\n${this.config.appBaseUrl}${message.link}` : ''}\n\n– SRO Engine`,
            messageId: `<${reminder.id}.${addressee.id}@sro-engine>`,
          });
        });
      }
    }
    const lagMs = Math.max(0, now.getTime() - reminder.dueAt.getTime());
    const status = lagMs > LATE_AFTER_MS ? 'late' : 'sent';
    await this.dataSource.query(
      `UPDATE reminder SET status = $2, sent_at = $3, lag_ms = $4, attempts = attempts + 1, last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'scheduled'`,
      [reminder.id, status, new Date(), Math.max(0, Date.now() - reminder.dueAt.getTime())],
    );
    return status;
  }

  /** Records a failed attempt; the final one marks the reminder `failed`, visible to admins. */
  async recordFailure(key: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
        WHERE key = $1 AND status = 'scheduled'`,
      [key, error.slice(0, 1000), final],
    );
  }

  private async resolve(recipients: Recipient[]): Promise<Addressee[]> {
    const userIds = recipients.filter((r): r is Extract<Recipient, { type: 'user' }> => r.type === 'user').map((r) => r.id);
    const roles = recipients.filter((r): r is Extract<Recipient, { type: 'role' }> => r.type === 'role');
    const rows: Addressee[] = await this.dataSource.query(
      `SELECT DISTINCT u.id, u.email FROM app_user u
        WHERE u.active AND (u.id = ANY($1::text[]) OR EXISTS (
          SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(role text, "planningRegionId" uuid, "socialSpaceId" uuid)
           WHERE r.role = ANY(u.roles)
             AND (r."planningRegionId" IS NULL OR r."planningRegionId" = ANY(u.planning_region_ids))
             AND (r."socialSpaceId" IS NULL OR r."socialSpaceId" = ANY(u.social_space_ids))))
        ORDER BY u.id`,
      [userIds, JSON.stringify(roles)],
    );
    return rows;
  }
}
