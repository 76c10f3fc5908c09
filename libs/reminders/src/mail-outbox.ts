import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@sro/config';
import { ClaimedEmail, MailOutboxRepository } from './mail-outbox.repository';
import { Mailer } from './mailer';
import { renderReminder } from './reminder.templates';

/** E-mails claimed and sent together. */
const BATCH = 200;

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
    private readonly emails: MailOutboxRepository,
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
      const claimed = await this.emails.claim(BATCH);
      if (claimed.length === 0) return attempted;
      await Promise.all(claimed.map((row) => this.send(row)));
      attempted += claimed.length;
    }
  }

  private async send(row: ClaimedEmail): Promise<void> {
    try {
      if (!row.email) throw new Error(`user ${row.userId} has no e-mail address`);
      const message = renderReminder(row.template, row.context);
      await this.mailer.send({
        to: row.email,
        subject: message.title,
        text: `${message.body}${message.link ? `\n\n${this.config.appBaseUrl}${message.link}` : ''}\n\n– SRO Engine`,
        messageId: `<${row.reminderId}.${row.userId}@sro-engine>`,
      });
      await this.emails.markDelivered(row.id);
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 1000);
      const final = row.attempts >= this.config.reminders.attempts;
      const retryInMs = this.config.reminders.backoffMs * 2 ** (row.attempts - 1);
      await this.emails.markRefused(row.id, message, { final, retryInMs });
      if (final) await this.emails.failReminder(row.reminderId, `e-mail to ${row.userId}: ${message}`, row.attempts);
      this.logger.warn({ msg: 'e-mail not sent', reminderId: row.reminderId, attempt: row.attempts, final, error: message });
      if (!final) setTimeout(() => this.kick(), retryInMs + 10).unref();
    }
  }
}
