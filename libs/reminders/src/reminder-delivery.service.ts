import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Recipient } from './reminder.entity';
import { MailOutbox } from './mail-outbox';
import { Addressee, DueReminder, ReminderDeliveryRepository } from './reminder-delivery.repository';
import { RenderedMessage, renderReminder } from './reminder.templates';

/** A delivery more than this after its due time counts as late. */
export const LATE_AFTER_MS = 60_000;

/** A job may fire this much before the application clock says its reminder is due. */
const EARLY_TOLERANCE_MS = 1_000;

export type DeliveryOutcome = 'sent' | 'late' | 'skipped';
export type DeliveryResult = PromiseSettledResult<DeliveryOutcome>;

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
    private readonly deliveries: ReminderDeliveryRepository,
    private readonly outbox: MailOutbox,
  ) {}

  /**
   * Claims up to `limit` due reminders that no other transaction holds and have not failed before
   * (those follow their job's backoff), and delivers them in one transaction. Returns an outcome per
   * claimed key; fewer than `limit` means nothing else was due and free to claim.
   */
  async deliverDue(limit: number): Promise<Map<string, DeliveryResult>> {
    return this.delivering((tx) => this.deliveries.claimDue(tx, new Date(), limit));
  }

  /** One delivering transaction over the rows `claim` locks; the e-mails it queued leave after its commit. */
  private async delivering(claim: (tx: EntityManager) => Promise<DueReminder[]>): Promise<Map<string, DeliveryResult>> {
    const { outcomes, queued } = await this.deliveries.transaction(async (tx) => this.deliverRows(tx, await claim(tx)));
    if (queued > 0) this.outbox.kick();
    return outcomes;
  }

  /**
   * Delivers the named reminders that are due with a handful of statements. A batch that fails as a
   * whole is retried reminder by reminder, so one bad reminder never holds up others.
   */
  async deliverMany(keys: string[]): Promise<DeliveryResult[]> {
    try {
      // Waits for a sweep that holds one of them.
      const outcomes = await this.delivering((tx) => this.deliveries.claimKeys(tx, keys, new Date(Date.now() + EARLY_TOLERANCE_MS)));
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
  private async deliverRows(tx: EntityManager, rows: DueReminder[]): Promise<{ outcomes: Map<string, DeliveryResult>; queued: number }> {
    const outcomes = new Map<string, DeliveryResult>();
    if (rows.length === 0) return { outcomes, queued: 0 };
    // Per transaction, not longer: a user who left or changed roles stops receiving with the next batch.
    const cache = new RecipientCache();
    const failed = new Map<string, { reminder: DueReminder; error: unknown }>();
    const prepared: Array<{ reminder: DueReminder; message: RenderedMessage; addressees: Addressee[] }> = [];
    for (const reminder of rows) {
      try {
        const message = renderReminder(reminder.template, reminder.context);
        const addressees = await cache.resolve(reminder.recipients, (r) => this.deliveries.addressees(tx, r));
        if (addressees.length === 0) throw new Error(`No active recipient for reminder ${reminder.key}`);
        prepared.push({ reminder, message, addressees });
      } catch (error) {
        failed.set(reminder.id, { reminder, error });
      }
    }

    await this.deliveries.insertInApp(
      tx,
      prepared
        .filter((p) => p.reminder.channels.includes('in_app'))
        .flatMap((p) =>
          p.addressees.map((a) => ({
            reminderId: p.reminder.id,
            userId: a.id,
            title: p.message.title,
            body: p.message.body,
            link: p.message.link ?? null,
          })),
        ),
    );

    // The outbox sends them after the commit.
    const queued = await this.deliveries.queueEmails(
      tx,
      prepared
        .filter((p) => p.reminder.channels.includes('email'))
        .flatMap((p) => p.addressees.filter((a) => a.email).map((a) => ({ reminderId: p.reminder.id, userId: a.id }))),
    );

    const now = new Date();
    const delivered = prepared.map((p) => p.reminder).filter((r) => !failed.has(r.id));
    if (delivered.length > 0) {
      await this.deliveries.markDelivered(
        tx,
        delivered.map((r) => r.id),
        now,
        LATE_AFTER_MS,
      );
      for (const r of delivered)
        outcomes.set(r.key, { status: 'fulfilled', value: now.getTime() - r.dueAt.getTime() > LATE_AFTER_MS ? 'late' : 'sent' });
    }
    if (failed.size > 0) {
      // The error keeps later sweeps off the reminder; its job records the attempt and retries with backoff.
      const errors = [...failed.values()].map(({ reminder, error }) => ({
        id: reminder.id,
        error: String((error as Error)?.message ?? error).slice(0, 1000),
      }));
      await this.deliveries.markErrors(tx, errors);
      for (const { reminder, error } of failed.values()) outcomes.set(reminder.key, { status: 'rejected', reason: error });
    }
    return { outcomes, queued };
  }

  /** Records a failed attempt; the final one marks the reminder `failed`, visible to admins. */
  async recordFailure(key: string, error: string, final: boolean): Promise<void> {
    await this.deliveries.recordFailure(key, error.slice(0, 1000), final);
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
