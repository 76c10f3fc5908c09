import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ReminderQueue } from './reminder.queue';
import { ReminderRepository } from './reminder.repository';

const BATCH = 1_000;

export interface ReconcileReport {
  checked: number;
  restored: number;
  pastDue: number;
}

/** Restores jobs Redis lost (FLUSHALL, failover without persistence) from the PostgreSQL record. */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger('ReminderReconciler');

  constructor(
    private readonly reminders: ReminderRepository,
    private readonly queue: ReminderQueue,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, restored: 0, pastDue: 0 };
    const client = (await this.queue.queue.client) as unknown as Redis;
    let after = '';
    for (;;) {
      const rows = await this.reminders.scheduledAfter(after, BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].key;
      const pipeline = client.pipeline();
      for (const row of rows) pipeline.exists(this.queue.queue.toKey(row.key));
      const exists = (await pipeline.exec()) ?? [];
      const missing = rows.filter((_, i) => exists[i]?.[1] === 0);
      report.checked += rows.length;
      report.restored += missing.length;
      report.pastDue += missing.filter((r) => r.dueAt.getTime() <= Date.now()).length;
      // Past-due ones get no delay: they are delivered at once and marked late.
      await this.queue.enqueueMany(missing);
    }
    if (report.restored > 0) this.logger.warn({ msg: 'restored reminder jobs lost by Redis', ...report });
    return report;
  }
}
