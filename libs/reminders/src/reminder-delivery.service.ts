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
      [reminder.id, status, new Date(), Date.now() - reminder.dueAt.getTime()],
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
