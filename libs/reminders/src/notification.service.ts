import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { DomainError } from '@sro/common';
import { Notification, Reminder, ReminderStatus } from './reminder.entity';
import { renderReminder } from './reminder.templates';

/** The in-app inbox of a user, and the admin view of reminders. */
@Injectable()
export class NotificationService {
  constructor(private readonly dataSource: DataSource) {}

  async inbox(userId: string, options: { unreadOnly: boolean; limit: number; offset: number }) {
    const [items, total] = await this.dataSource.getRepository(Notification).findAndCount({
      where: { userId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: options.limit,
      skip: options.offset,
    });
    return { items, total, limit: options.limit, offset: options.offset };
  }

  /** What is still to come for the user: scheduled reminders addressed to them by id (Wiedervorlagen, deadlines), earliest first. */
  async upcoming(userId: string, options: { limit: number; offset: number }) {
    const [items, total] = await this.dataSource
      .getRepository(Reminder)
      .createQueryBuilder('r')
      .where(`r.status = 'scheduled'`)
      .andWhere('r.recipients @> :me::jsonb', { me: JSON.stringify([{ type: 'user', id: userId }]) })
      .orderBy('r.due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(options.limit)
      .skip(options.offset)
      .getManyAndCount();
    return {
      items: items.map((r) => {
        const message = renderReminder(r.template, r.context);
        return { id: r.id, template: r.template, dueAt: r.dueAt, title: message.title, body: message.body, link: message.link ?? null };
      }),
      total,
      ...options,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  /** Marks one of the user's notifications read; someone else's is "not found". */
  async markRead(userId: string, id: string): Promise<Notification> {
    const repo = this.dataSource.getRepository(Notification);
    const found = await repo.findOneBy({ id, userId });
    if (!found) throw DomainError.notFound('Notification');
    if (!found.readAt) {
      found.readAt = new Date();
      await repo.save(found);
    }
    return found;
  }

  async reminders(options: { status?: ReminderStatus; limit: number; offset: number }) {
    const [items, total] = await this.dataSource.getRepository(Reminder).findAndCount({
      where: options.status ? { status: options.status } : {},
      order: { dueAt: 'DESC' },
      take: options.limit,
      skip: options.offset,
    });
    return { items, total, limit: options.limit, offset: options.offset };
  }

  /** Counts by status and the due→delivered lag of the last 24 hours. */
  async metrics() {
    const byStatus: Array<{ status: string; n: number }> = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM reminder GROUP BY status`);
    const [lag] = await this.dataSource.query(`
      SELECT count(*)::int AS delivered,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY lag_ms) AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99,
             max(lag_ms) AS max
        FROM reminder WHERE sent_at > now() - interval '24 hours' AND lag_ms IS NOT NULL`);
    // E-mails in doubt: committed as sending, no confirmation for five minutes (the worker died mid-send); never resent.
    const [emails] = await this.dataSource.query(`
      SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
             count(*) FILTER (WHERE status = 'sending' AND sending_since > now() - interval '5 minutes')::int AS sending,
             count(*) FILTER (WHERE status = 'sending' AND sending_since <= now() - interval '5 minutes')::int AS "inDoubt",
             count(*) FILTER (WHERE status = 'failed')::int AS failed
        FROM reminder_delivery WHERE channel = 'email' AND status <> 'delivered'`);
    return {
      byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
      emails,
      lagMsLast24h: { delivered: lag.delivered, p50: lag.p50, p95: lag.p95, p99: lag.p99, max: lag.max },
    };
  }
}
