import { Injectable } from '@nestjs/common';
import { DomainError } from '@sro/common';
import { MailOutboxRepository } from './mail-outbox.repository';
import { NotificationRepository } from './notification.repository';
import { Notification, Reminder, ReminderStatus } from './reminder.entity';
import { ReminderRepository } from './reminder.repository';
import { renderReminder } from './reminder.templates';

export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A scheduled reminder addressed to a user, rendered as it will read. */
export interface UpcomingReminder {
  id: string;
  template: string;
  dueAt: Date;
  title: string;
  body: string;
  link: string | null;
}

/** The in-app inbox of a user, and the admin view of reminders. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly reminderRepository: ReminderRepository,
    private readonly emails: MailOutboxRepository,
  ) {}

  async inbox(userId: string, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<Paged<Notification>> {
    const { items, total } = await this.notifications.inbox(userId, options);
    return { items, total, limit: options.limit, offset: options.offset };
  }

  /** What is still to come for the user: scheduled reminders addressed to them by id (Wiedervorlagen, deadlines), earliest first. */
  async upcoming(userId: string, options: { limit: number; offset: number }): Promise<Paged<UpcomingReminder>> {
    const { items, total } = await this.reminderRepository.scheduledFor(userId, options);
    return {
      items: items.map((r) => {
        const message = renderReminder(r.template, r.context);
        return { id: r.id, template: r.template, dueAt: r.dueAt, title: message.title, body: message.body, link: message.link ?? null };
      }),
      total,
      limit: options.limit,
      offset: options.offset,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.notifications.countUnread(userId);
  }

  /** Marks one of the user's notifications read; someone else's is "not found". */
  async markRead(userId: string, id: string): Promise<Notification> {
    const found = await this.notifications.findOwn(userId, id);
    if (!found) throw DomainError.notFound('Notification');
    if (found.readAt) return found;
    return this.notifications.markRead(found, new Date());
  }

  async reminders(options: { status?: ReminderStatus; limit: number; offset: number }): Promise<Paged<Reminder>> {
    const { items, total } = await this.reminderRepository.list(options);
    return { items, total, limit: options.limit, offset: options.offset };
  }

  /** Counts by status, the e-mails not yet delivered, and the due→delivered lag of the last 24 hours. */
  async metrics() {
    const [byStatus, emails, lagMsLast24h] = await Promise.all([
      this.reminderRepository.countByStatus(),
      this.emails.countUndelivered(),
      this.reminderRepository.deliveryLagLast24h(),
    ]);
    return { byStatus, emails, lagMsLast24h };
  }
}
