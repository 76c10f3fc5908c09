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

/** A thing ahead of a user (a follow-up, a deadline), once, with its due date and the page it is on. */
export interface UpcomingReminder {
  id: string;
  /** What the reminders are about (their keys' common part). */
  subject: string;
  template: string;
  /** When the thing is due, not when a reminder goes out. */
  dueAt: Date;
  /** The next reminder about it. */
  nextReminderAt: Date;
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

  /** What is still to come for the user (Wiedervorlagen, deadlines): each thing once, the earliest due first. */
  async upcoming(userId: string, options: { limit: number; offset: number }): Promise<Paged<UpcomingReminder>> {
    const { items, total } = await this.reminderRepository.upcomingFor(userId, options);
    return {
      items: items.map((r) => {
        const message = renderReminder(r.template, r.context);
        return {
          id: r.id,
          subject: r.subject,
          template: r.template,
          dueAt: r.dueAt,
          nextReminderAt: r.nextReminderAt,
          title: message.title,
          body: message.body,
          link: message.link ?? null,
        };
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
    if (!found) throw DomainError.notFound('Die Benachrichtigung');
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
