import { Injectable, Logger } from '@nestjs/common';
import { MicroBatcher } from '@sro/common';
import { DeliveryOutcome, DeliveryResult, ReminderDeliveryService } from './reminder-delivery.service';

/** Reminders claimed per sweep transaction. */
export const SWEEP_BATCH = 1_000;
/** Transactions a sweep runs side by side (they skip each other's rows): one renders while another writes. */
const SWEEP_LANES = 2;
/** Outcomes kept for jobs that have not run yet; an evicted one only costs that job a lookup by key. */
const REMEMBERED = 100_000;

/**
 * Turns fired reminder jobs into deliveries. BullMQ is only the trigger: the first job that fires
 * starts a sweep that claims every due reminder in PostgreSQL in large batches, and the jobs whose
 * reminder a sweep of this worker already delivered finish at once with that outcome. A job the
 * sweep did not cover (not yet due by the database, cancelled, failed before, claimed by another
 * worker) is delivered by its key, which waits for any transaction that holds the reminder.
 */
@Injectable()
export class ReminderDispatcher {
  private readonly logger = new Logger('ReminderDispatcher');
  private readonly swept = new Map<string, DeliveryResult>();
  private readonly waiting = new Map<string, Array<(result: DeliveryResult | undefined) => void>>();
  private sweeping = false;
  /** Counts jobs that joined a sweep: a lane claims once more when one joined during its last claim. */
  private joined = 0;
  // Jobs that become due together and were not swept are still delivered together.
  private readonly batcher = new MicroBatcher<string, DeliveryOutcome>((keys) => this.delivery.deliverMany(keys), 100, 5);

  constructor(private readonly delivery: ReminderDeliveryService) {}

  /** Delivers the reminder of a fired job, or hands over what a sweep did with it; rejects when it failed. */
  async dispatch(key: string): Promise<DeliveryOutcome> {
    const result = this.take(key) ?? (await this.joinSweep(key)) ?? (await this.batcher.submit(key).then(fulfilled, rejected));
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  /** Claims and delivers every due reminder, batch by batch, until none is left. Returns how many it claimed. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    let delivered = 0;
    try {
      const lane = async () => {
        for (;;) {
          const joined = this.joined;
          const outcomes = await this.delivery.deliverDue(SWEEP_BATCH);
          for (const [key, result] of outcomes) this.settle(key, result);
          delivered += outcomes.size;
          if (outcomes.size < SWEEP_BATCH && this.joined === joined) break;
        }
      };
      // Every lane ends before the sweep does, so no claim outlives it.
      const lanes = await Promise.allSettled(Array.from({ length: SWEEP_LANES }, lane));
      const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
      if (failure) throw failure.reason;
    } finally {
      this.sweeping = false;
      // Jobs the sweep did not cover go by key.
      for (const resolvers of this.waiting.values()) resolvers.forEach((resolve) => resolve(undefined));
      this.waiting.clear();
    }
    return delivered;
  }

  private take(key: string): DeliveryResult | undefined {
    const result = this.swept.get(key);
    this.swept.delete(key);
    return result;
  }

  private joinSweep(key: string): Promise<DeliveryResult | undefined> {
    return new Promise((resolve) => {
      this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]);
      this.joined += 1;
      if (!this.sweeping)
        void this.sweep().catch((error: Error) => this.logger.warn({ msg: 'reminder sweep failed; jobs go by key', error: error.message }));
    });
  }

  private settle(key: string, result: DeliveryResult): void {
    const resolvers = this.waiting.get(key);
    if (resolvers) {
      this.waiting.delete(key);
      // One job gets the outcome; a concurrent duplicate of it finds the reminder delivered.
      resolvers.forEach((resolve, i) => resolve(i === 0 ? result : fulfilled('skipped')));
      return;
    }
    if (this.swept.size >= REMEMBERED) this.swept.delete(this.swept.keys().next().value!);
    this.swept.set(key, result);
  }
}

const fulfilled = (value: DeliveryOutcome): DeliveryResult => ({ status: 'fulfilled', value });
const rejected = (reason: unknown): DeliveryResult => ({ status: 'rejected', reason });
