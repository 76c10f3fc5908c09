import { Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { ReminderQueue } from './reminder.queue';

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
    private readonly dataSource: DataSource,
    private readonly queue: ReminderQueue,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, restored: 0, pastDue: 0 };
    const client = (await this.queue.queue.client) as unknown as Redis;
    let after = '';
    for (;;) {
      const rows: Array<{ key: string; due_at: Date }> = await this.dataSource.query(
        `SELECT key, due_at FROM reminder WHERE status = 'scheduled' AND key > $1 ORDER BY key LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].key;
      const pipeline = client.pipeline();
      for (const row of rows) pipeline.exists(this.queue.queue.toKey(row.key));
      const exists = (await pipeline.exec()) ?? [];
      const missing = rows.filter((_, i) => exists[i]?.[1] === 0);
      report.checked += rows.length;
      report.restored += missing.length;
      report.pastDue += missing.filter((r) => r.due_at.getTime() <= Date.now()).length;
      // Past-due ones get no delay: they are delivered at once and marked late.
      await this.queue.enqueueMany(missing.map((r) => ({ key: r.key, dueAt: r.due_at })));
    }
    if (report.restored > 0) this.logger.warn({ msg: 'restored reminder jobs lost by Redis', ...report });
    return report;
  }
}
