import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { Notification } from './reminder.entity';
import { Page } from './reminder.repository';

/** All SQL of the `notification` table outside the delivery transaction: the users' inboxes. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(Notification);
  }

  /** A user's notifications, newest first, optionally only the unread ones. */
  async inbox(userId: string, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<Page<Notification>> {
    const [items, total] = await this.repo.findAndCount({
      where: { userId, ...(options.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: options.limit,
      skip: options.offset,
    });
    return { items, total };
  }

  async countUnread(userId: string): Promise<number> {
    return this.repo.countBy({ userId, readAt: IsNull() });
  }

  /** One notification of the user; null when it does not exist or is someone else's. */
  async findOwn(userId: string, id: string): Promise<Notification | null> {
    return this.repo.findOneBy({ id, userId });
  }

  async markRead(notification: Notification, readAt: Date): Promise<Notification> {
    notification.readAt = readAt;
    return this.repo.save(notification);
  }
}
