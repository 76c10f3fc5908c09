import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sro/config';
import { Mailer } from './mailer';
import { renderReminder } from './reminder.templates';

/** E-mails claimed and sent together. */
const BATCH = 200;

interface Claimed {
  id: string;
  reminder_id: string;
  user_id: string;
  attempts: number;
  template: string;
  context: Record<string, string>;
  email: string | null;
}

/**
 * Sends the e-mails that reminder deliveries queued. Each row is committed as `sending` before
 * its SMTP send, so a crash can never send it twice: the row stays `sending` (in doubt, shown to
 * admins) rather than being sent again. A refused send goes back to `pending` with exponential
 * backoff; after the configured attempts it is `failed`, and so is its reminder, with the error.
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger('MailOutbox');
  private running?: Promise<number>;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  /** Sends what is due in the background; a kick while a drain runs makes it look once more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => {
        this.logger.error({ msg: 'sending queued e-mails failed', error: (error as Error).message });
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for the drain under way, if any (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Claims and sends due e-mails until none is left; returns how many were attempted. */
  async drain(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return attempted;
      await Promise.all(claimed.map((row) => this.send(row)));
      attempted += claimed.length;
    }
  }

  private claim(): Promise<Claimed[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT id FROM reminder_delivery WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE reminder_delivery d SET status = 'sending', sending_since = now(), attempts = d.attempts + 1
           FROM due WHERE d.id = due.id RETURNING d.id, d.reminder_id, d.user_id, d.attempts)
       SELECT c.id, c.reminder_id, c.user_id, c.attempts, r.template, r.context, u.email
         FROM claimed c JOIN reminder r ON r.id = c.reminder_id LEFT JOIN app_user u ON u.id = c.user_id`,
      [BATCH],
    );
  }

  private async send(row: Claimed): Promise<void> {
    try {
      if (!row.email) throw new Error(`user ${row.user_id} has no e-mail address`);
      const message = renderReminder(row.template, row.context);
      await this.mailer.send({
        to: row.email,
        subject: message.title,
        text: `${message.body}${message.link ? `\n\n${this.config.appBaseUrl}${message.link}` : ''}\n\n– SRO Engine`,
        messageId: `<${row.reminder_id}.${row.user_id}@sro-engine>`,
      });
      await this.dataSource.query(`UPDATE reminder_delivery SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`, [row.id]);
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 1000);
      const final = row.attempts >= this.config.reminders.attempts;
      const retryInMs = this.config.reminders.backoffMs * 2 ** (row.attempts - 1);
      await this.dataSource.query(
        `UPDATE reminder_delivery SET status = CASE WHEN $3 THEN 'failed' ELSE 'pending' END, last_error = $2,
                next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
        [row.id, message, final, retryInMs / 1000],
      );
      if (final) {
        await this.dataSource.query(
          `UPDATE reminder SET status = 'failed', last_error = $2, attempts = GREATEST(attempts, $3), updated_at = now() WHERE id = $1`,
          [row.reminder_id, `e-mail to ${row.user_id}: ${message}`, row.attempts],
        );
      }
      this.logger.warn({ msg: 'e-mail not sent', reminderId: row.reminder_id, attempt: row.attempts, final, error: message });
      if (!final) setTimeout(() => this.kick(), retryInMs + 10).unref();
    }
  }
}
