import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A queued e-mail claimed for sending, with what its message is rendered from. */
export interface ClaimedEmail {
  id: string;
  reminderId: string;
  userId: string;
  /** Including the one under way. */
  attempts: number;
  template: string;
  context: Record<string, string>;
  email: string | null;
}

/** Queued e-mails that are not delivered: waiting, being sent, in doubt (sending for five minutes without confirmation), failed. */
export interface EmailCounts {
  pending: number;
  sending: number;
  inDoubt: number;
  failed: number;
}

/** All SQL of the e-mail rows of `reminder_delivery` (the outbox) after the delivery queued them. */
@Injectable()
export class MailOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Commits up to `limit` due e-mails as `sending` (one more attempt each), skipping rows another sender holds. */
  async claim(limit: number): Promise<ClaimedEmail[]> {
    return this.dataSource.query(
      `WITH due AS (
         SELECT id FROM reminder_delivery WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE reminder_delivery d SET status = 'sending', sending_since = now(), attempts = d.attempts + 1
           FROM due WHERE d.id = due.id RETURNING d.id, d.reminder_id, d.user_id, d.attempts)
       SELECT c.id, c.reminder_id AS "reminderId", c.user_id AS "userId", c.attempts, r.template, r.context, u.email
         FROM claimed c JOIN reminder r ON r.id = c.reminder_id LEFT JOIN app_user u ON u.id = c.user_id`,
      [limit],
    );
  }

  async markDelivered(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder_delivery SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** A refused send: back to `pending` for another attempt after `retryInMs`, or `failed` when it was the final one. */
  async markRefused(id: string, error: string, options: { final: boolean; retryInMs: number }): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder_delivery SET status = CASE WHEN $3 THEN 'failed' ELSE 'pending' END, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [id, error, options.final, options.retryInMs / 1000],
    );
  }

  /** Marks the reminder of an e-mail that finally failed `failed`, with the error and the attempts made. */
  async failReminder(reminderId: string, error: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET status = 'failed', last_error = $2, attempts = GREATEST(attempts, $3), updated_at = now() WHERE id = $1`,
      [reminderId, error, attempts],
    );
  }

  async countUndelivered(): Promise<EmailCounts> {
    // In doubt: committed as sending, no confirmation for five minutes (the worker died mid-send); never resent.
    const [counts] = await this.dataSource.query(`
      SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
             count(*) FILTER (WHERE status = 'sending' AND sending_since > now() - interval '5 minutes')::int AS sending,
             count(*) FILTER (WHERE status = 'sending' AND sending_since <= now() - interval '5 minutes')::int AS "inDoubt",
             count(*) FILTER (WHERE status = 'failed')::int AS failed
        FROM reminder_delivery WHERE channel = 'email' AND status <> 'delivered'`);
    return { pending: counts.pending, sending: counts.sending, inDoubt: counts.inDoubt, failed: counts.failed };
  }
}
