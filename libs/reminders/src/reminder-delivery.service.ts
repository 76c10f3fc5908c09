import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sro/config';
import { Recipient, Reminder } from './reminder.entity';
import { Mailer } from './mailer';
import { RenderedMessage, renderReminder } from './reminder.templates';

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
   * Delivers many due reminders with a handful of statements: the in-app deliveries of the whole
   * batch in one insert, e-mails one claimed transaction per recipient, one status update. A batch
   * that fails as a whole is retried reminder by reminder, so one bad reminder never holds up others.
   */
  async deliverMany(keys: string[]): Promise<Array<PromiseSettledResult<DeliveryOutcome>>> {
    try {
      return await this.deliverBatch(keys);
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

  private async deliverBatch(keys: string[]): Promise<Array<PromiseSettledResult<DeliveryOutcome>>> {
    const now = new Date();
    // Plain rows: entity hydration costs more than the query at thousands per second.
    const reminders: Reminder[] = await this.dataSource.query(
      `SELECT id, key, due_at AS "dueAt", recipients, template, context, channels FROM reminder WHERE key = ANY($1) AND status = 'scheduled'`,
      [keys],
    );
    // Cancelled, delivered, or moved later (its new job will come) reminders are simply skipped.
    const due = reminders.filter((r) => r.dueAt.getTime() <= now.getTime() + 1_000);
    const outcomes = new Map<string, PromiseSettledResult<DeliveryOutcome>>();
    const recipientCache = new Map<string, Addressee[]>();
    const prepared: Array<{ reminder: Reminder; message: RenderedMessage; addressees: Addressee[] }> = [];
    for (const reminder of due) {
      try {
        const message = renderReminder(reminder.template, reminder.context);
        const cacheKey = JSON.stringify(reminder.recipients);
        if (!recipientCache.has(cacheKey)) recipientCache.set(cacheKey, await this.resolve(reminder.recipients));
        const addressees = recipientCache.get(cacheKey)!;
        if (addressees.length === 0) throw new Error(`No active recipient for reminder ${reminder.key}`);
        prepared.push({ reminder, message, addressees });
      } catch (error) {
        outcomes.set(reminder.key, { status: 'rejected', reason: error });
      }
    }

    const inApp = prepared
      .filter((p) => p.reminder.channels.includes('in_app'))
      .flatMap((p) => p.addressees.map((a) => ({ reminder_id: p.reminder.id, user_id: a.id, title: p.message.title, body: p.message.body, link: p.message.link ?? null })));
    if (inApp.length > 0) {
      await this.dataSource.query(
        `WITH targets AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(reminder_id uuid, user_id text, title text, body text, link text)),
              claimed AS (
                INSERT INTO reminder_delivery (reminder_id, channel, user_id)
                SELECT reminder_id, 'in_app', user_id FROM targets ON CONFLICT DO NOTHING RETURNING reminder_id, user_id)
         INSERT INTO notification (user_id, reminder_id, title, body, link)
         SELECT t.user_id, t.reminder_id, t.title, t.body, t.link FROM targets t JOIN claimed c USING (reminder_id, user_id)`,
        [JSON.stringify(inApp)],
      );
    }

    const delivered: Reminder[] = [];
    for (const { reminder, message, addressees } of prepared) {
      try {
        if (reminder.channels.includes('email')) await this.sendEmails(reminder, message, addressees);
        delivered.push(reminder);
      } catch (error) {
        outcomes.set(reminder.key, { status: 'rejected', reason: error });
      }
    }
    if (delivered.length > 0) {
      await this.dataSource.query(
        `UPDATE reminder r SET status = CASE WHEN $2::timestamptz - r.due_at > make_interval(secs => $3) THEN 'late' ELSE 'sent' END,
                sent_at = $2, lag_ms = GREATEST(0, (extract(epoch FROM ($2::timestamptz - r.due_at)) * 1000)::int),
                attempts = attempts + 1, last_error = NULL, updated_at = now()
          WHERE r.id = ANY($1) AND r.status = 'scheduled'`,
        [delivered.map((r) => r.id), new Date(), LATE_AFTER_MS / 1000],
      );
      for (const r of delivered) outcomes.set(r.key, { status: 'fulfilled', value: now.getTime() - r.dueAt.getTime() > LATE_AFTER_MS ? 'late' : 'sent' });
    }
    return keys.map((key) => outcomes.get(key) ?? { status: 'fulfilled', value: 'skipped' });
  }

  /** One transaction per recipient: the claim rolls back when sending fails, so a retry sends again. */
  private async sendEmails(reminder: Reminder, message: RenderedMessage, addressees: Addressee[]): Promise<void> {
    for (const addressee of addressees.filter((a) => a.email)) {
      await this.dataSource.transaction(async (m) => {
        const claimed: unknown[] = await m.query(
          `INSERT INTO reminder_delivery (reminder_id, channel, user_id) VALUES ($1, 'email', $2) ON CONFLICT DO NOTHING RETURNING 1`,
          [reminder.id, addressee.id],
        );
        if (claimed.length === 0) return;
        await this.mailer.send({
          to: addressee.email!,
          subject: message.title,
          text: `${message.body}${message.link ? `\n\n${this.config.appBaseUrl}${message.link}` : ''}\n\n– SRO Engine`,
          messageId: `<${reminder.id}.${addressee.id}@sro-engine>`,
        });
      });
    }
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
