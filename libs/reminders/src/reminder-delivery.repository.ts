import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Recipient, Reminder } from './reminder.entity';

/** A reminder claimed for delivery: the columns rendering and addressing need. */
export type DueReminder = Pick<Reminder, 'id' | 'key' | 'dueAt' | 'recipients' | 'template' | 'context' | 'channels'>;

/** A user a reminder goes to. */
export interface Addressee {
  id: string;
  email: string | null;
}

/** One in-app notification of a reminder for one user. */
export interface InAppDelivery {
  reminderId: string;
  userId: string;
  title: string;
  body: string;
  link: string | null;
}

/** Plain rows: entity hydration costs more than the query at thousands per second. */
const COLUMNS = `id, key, due_at AS "dueAt", recipients, template, context, channels`;

/**
 * The statements of the delivery transaction (claims, delivery rows, notifications, status) and
 * the transaction itself. Every method but `transaction` and `recordFailure` runs inside the
 * caller's transaction `tx`, which holds the claimed rows until it commits.
 */
@Injectable()
export class ReminderDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Locks up to `limit` reminders due by `now` that no other transaction holds and have not
   * failed before (those follow their job's backoff).
   */
  async claimDue(tx: EntityManager, now: Date, limit: number): Promise<DueReminder[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM reminder
        WHERE status = 'scheduled' AND due_at <= $1 AND attempts = 0 AND last_error IS NULL
        ORDER BY due_at LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Locks the named reminders due by `until`, waiting for a sweep that holds one; ordered so two batches cannot deadlock. */
  async claimKeys(tx: EntityManager, keys: string[], until: Date): Promise<DueReminder[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM reminder WHERE key = ANY($1) AND status = 'scheduled' AND due_at <= $2 ORDER BY id FOR NO KEY UPDATE`,
      [keys, until],
    );
  }

  /**
   * The active users a recipient list names: by id, or by role within the optional planning region
   * or social space; the lead of a case (`role: 'lead'` with `caseId`) is the lead of the team of its
   * responsible caseworker (`case_lead`), else the leads of the case's planning region.
   */
  async addressees(tx: EntityManager, recipients: Recipient[]): Promise<Addressee[]> {
    const userIds = recipients.filter((r): r is Extract<Recipient, { type: 'user' }> => r.type === 'user').map((r) => r.id);
    const roles = recipients.filter((r): r is Extract<Recipient, { type: 'role' }> => r.type === 'role');
    return tx.query(
      `WITH r AS (
         SELECT r.role, r."socialSpaceId",
                COALESCE(r."planningRegionId", (SELECT s.planning_region_id FROM case_file f JOIN social_space s ON s.id = f.social_space_id
                                                  WHERE f.id = r."caseId")) AS "planningRegionId",
                CASE WHEN r.role = 'lead' AND r."caseId" IS NOT NULL THEN case_lead(r."caseId") END AS "caseLeadId"
           FROM jsonb_to_recordset($2::jsonb) AS r(role text, "planningRegionId" uuid, "socialSpaceId" uuid, "caseId" uuid))
       SELECT DISTINCT u.id, u.email FROM app_user u
        WHERE u.active AND (u.id = ANY($1::text[]) OR EXISTS (
          SELECT 1 FROM r
           WHERE r.role = ANY(u.roles)
             AND CASE WHEN r."caseLeadId" IS NOT NULL THEN u.id = r."caseLeadId"
                 ELSE (r."planningRegionId" IS NULL OR r."planningRegionId" = ANY(u.planning_region_ids))
                  AND (r."socialSpaceId" IS NULL OR r."socialSpaceId" = ANY(u.social_space_ids)) END))
        ORDER BY u.id`,
      [userIds, JSON.stringify(roles)],
    );
  }

  /** The in-app delivery rows and their notifications in one statement; a delivery that exists already adds nothing. */
  async insertInApp(tx: EntityManager, deliveries: InAppDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const targets = deliveries.map((d) => ({ reminder_id: d.reminderId, user_id: d.userId, title: d.title, body: d.body, link: d.link }));
    await tx.query(
      `WITH targets AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(reminder_id uuid, user_id text, title text, body text, link text)),
            claimed AS (
              INSERT INTO reminder_delivery (reminder_id, channel, user_id)
              SELECT reminder_id, 'in_app', user_id FROM targets ON CONFLICT DO NOTHING RETURNING reminder_id, user_id)
       INSERT INTO notification (user_id, reminder_id, title, body, link)
       SELECT t.user_id, t.reminder_id, t.title, t.body, t.link FROM targets t JOIN claimed c USING (reminder_id, user_id)`,
      [JSON.stringify(targets)],
    );
  }

  /**
   * One outbox row per e-mail recipient (unique with the delivery key, so a second run queues
   * nothing). Returns how many were queued.
   */
  async queueEmails(tx: EntityManager, targets: Array<{ reminderId: string; userId: string }>): Promise<number> {
    if (targets.length === 0) return 0;
    const queued: unknown[] = await tx.query(
      `INSERT INTO reminder_delivery (reminder_id, channel, user_id, status, next_attempt_at, delivered_at)
       SELECT t.reminder_id, 'email', t.user_id, 'pending', now(), NULL FROM jsonb_to_recordset($1::jsonb) AS t(reminder_id uuid, user_id text)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [JSON.stringify(targets.map((t) => ({ reminder_id: t.reminderId, user_id: t.userId })))],
    );
    return queued.length;
  }

  /** Marks the reminders delivered at `now`: `late` when more than `lateAfterMs` after their due time, else `sent`. */
  async markDelivered(tx: EntityManager, ids: string[], now: Date, lateAfterMs: number): Promise<void> {
    await tx.query(
      `UPDATE reminder r SET status = CASE WHEN $2::timestamptz - r.due_at > make_interval(secs => $3) THEN 'late' ELSE 'sent' END,
              sent_at = $2, lag_ms = GREATEST(0, (extract(epoch FROM ($2::timestamptz - r.due_at)) * 1000)::int),
              attempts = attempts + 1, last_error = NULL, updated_at = now()
        WHERE r.id = ANY($1) AND r.status = 'scheduled'`,
      [ids, now, lateAfterMs / 1000],
    );
  }

  /** Records the error of each reminder that could not be delivered (it stays scheduled). */
  async markErrors(tx: EntityManager, errors: Array<{ id: string; error: string }>): Promise<void> {
    await tx.query(
      `UPDATE reminder r SET last_error = e.error, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, error text) WHERE r.id = e.id AND r.status = 'scheduled'`,
      [JSON.stringify(errors)],
    );
  }

  /** Records a failed attempt of a reminder's job; the final one marks the reminder `failed`. */
  async recordFailure(key: string, error: string, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE reminder SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
        WHERE key = $1 AND status = 'scheduled'`,
      [key, error, final],
    );
  }
}
