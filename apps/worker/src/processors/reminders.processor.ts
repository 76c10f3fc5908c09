import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { DomainError } from '@sro/common';
import { AppConfig } from '@sro/config';
import { redisConnection } from '@sro/queue';
import { MailOutbox, REMINDER_QUEUE, ReminderDeliveryService, ReminderDispatcher, ReminderJob, ReminderReconciler } from '@sro/reminders';

/** How often queued e-mails are looked for besides the kicks after each delivery (after a restart, retries). */
const OUTBOX_INTERVAL_MS = 5_000;

/** Consumes the reminder queue and runs the reconciler at start and every interval. */
@Injectable()
export class RemindersProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RemindersProcessor');
  private worker?: Worker<ReminderJob>;
  private connection?: ReturnType<typeof redisConnection>;
  private timer?: NodeJS.Timeout;
  private outboxTimer?: NodeJS.Timeout;

  private readonly handlers: Record<string, (job: Job<ReminderJob>) => Promise<unknown>> = {
    deliver: (job) => this.dispatcher.dispatch(job.data.key),
  };

  constructor(
    private readonly config: AppConfig,
    private readonly delivery: ReminderDeliveryService,
    private readonly dispatcher: ReminderDispatcher,
    private readonly reconciler: ReminderReconciler,
    private readonly outbox: MailOutbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // BullMQ leaves a connection it was given open on close; this one is ours to quit.
    this.connection = redisConnection(this.config.redis);
    this.worker = new Worker<ReminderJob>(REMINDER_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redis.queuePrefix,
      concurrency: this.config.reminders.concurrency,
    });
    this.worker.on('error', (error) => this.logger.error({ msg: 'reminder worker error', error: error.message }));
    await this.reconcileSafely();
    this.timer = setInterval(() => void this.reconcileSafely(), this.config.reminders.reconcileIntervalMs);
    this.timer.unref();
    this.outbox.kick();
    this.outboxTimer = setInterval(() => this.outbox.kick(), OUTBOX_INTERVAL_MS);
    this.outboxTimer.unref();
  }

  private async process(job: Job<ReminderJob>): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new UnrecoverableError(`No handler for reminder job ${job.name}`);
    try {
      return await handler(job);
    } catch (error) {
      const message = (error as Error).message;
      const final = error instanceof DomainError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.delivery.recordFailure(job.data.key, message, final);
      this.logger.warn({ msg: 'reminder delivery failed', key: job.data.key, attempt: job.attemptsMade + 1, final, error: message });
      throw error instanceof DomainError ? new UnrecoverableError(message) : error;
    }
  }

  async reconcileSafely(): Promise<void> {
    try {
      await this.reconciler.reconcile();
    } catch (error) {
      this.logger.error({ msg: 'reconciliation failed', error: (error as Error).message });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.outboxTimer);
    await this.worker?.close();
    await this.outbox.settled();
    await this.connection?.quit().catch(() => undefined);
  }
}
