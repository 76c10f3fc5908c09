import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '@sro/config';

export const REMINDER_QUEUE = 'reminders';

/** The job carries the reminder key only; everything else is read from PostgreSQL. */
export interface ReminderJob {
  key: string;
}

/** A BullMQ job id may not contain ':'; keys are validated to a safe alphabet. */
export const REMINDER_KEY = /^[A-Za-z0-9._/-]{1,300}$/;

/** Producer side of the reminder queue. */
@Injectable()
export class ReminderQueue implements OnApplicationShutdown {
  readonly queue: Queue<ReminderJob>;
  /** Delivery retries with exponential backoff; after the last one the reminder is `failed`. */
  private readonly jobOptions: JobsOptions;

  constructor(@Inject(Redis) redis: Redis, config: AppConfig) {
    this.jobOptions = {
      attempts: config.reminders.attempts,
      backoff: { type: 'exponential', delay: config.reminders.backoffMs },
      removeOnComplete: true,
      removeOnFail: 1_000,
    };
    this.queue = new Queue<ReminderJob>(REMINDER_QUEUE, {
      connection: redis,
      prefix: config.redis.queuePrefix,
      defaultJobOptions: this.jobOptions,
    });
  }

  /** Adds the delayed job; adding an id that exists is a no-op in BullMQ. */
  async enqueue(key: string, dueAt: Date): Promise<void> {
    await this.queue.add('deliver', { key }, { jobId: key, delay: Math.max(0, dueAt.getTime() - Date.now()) });
  }

  async enqueueMany(items: Array<{ key: string; dueAt: Date }>): Promise<void> {
    if (items.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      items.map(({ key, dueAt }) => ({
        name: 'deliver',
        data: { key },
        opts: { ...this.jobOptions, jobId: key, delay: Math.max(0, dueAt.getTime() - now) },
      })),
    );
  }

  async remove(key: string): Promise<void> {
    // One script call (not reading the job first); an active job cannot be removed, and the
    // processor will see the new status and skip it; a job that is gone is fine.
    await this.queue.remove(key).catch(() => undefined);
  }

  /** Whether Redis still holds a job for the key (waiting, delayed or active). */
  async has(key: string): Promise<boolean> {
    const job = await this.queue.getJob(key);
    if (!job) return false;
    const state = await job.getState();
    return state === 'waiting' || state === 'delayed' || state === 'active' || state === 'prioritized' || state === 'waiting-children';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
