import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Notification } from './reminder.entity';
import { Page } from './reminder.repository';

const UNREAD = 'AND read_at IS NULL';

/** The number of a user's ($1) notifications, or of the unread ones: a range of one index, read without the table. */
export const INBOX_COUNT_SQL = (unreadOnly: boolean) =>
  `SELECT count(*)::int AS total FROM notification WHERE user_id = $1 ${unreadOnly ? UNREAD : ''}`;

export const UNREAD_COUNT_SQL = INBOX_COUNT_SQL(true);

/** A page ($2 rows from $3) of a user's ($1) notifications, newest first, with the total in every row (one round trip). */
export const INBOX_PAGE_SQL = (unreadOnly: boolean) =>
  `SELECT c.total, p.id, p.user_id AS "userId", p.reminder_id AS "reminderId", p.title, p.body, p.link,
          p.created_at AS "createdAt", p.read_at AS "readAt"
     FROM (${INBOX_COUNT_SQL(unreadOnly)}) c
     LEFT JOIN LATERAL (
       SELECT * FROM notification WHERE user_id = $1 ${unreadOnly ? UNREAD : ''}
        ORDER BY created_at DESC, id ASC LIMIT $2 OFFSET $3) p ON true
    ORDER BY p.created_at DESC, p.id ASC`;

/** All SQL of the `notification` table outside the delivery transaction: the users' inboxes. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(Notification);
  }

  /**
   * A user's notifications, newest first, optionally only the unread ones, with the total: one
   * statement (TypeORM's findAndCount took two round trips and more CPU than the SQL); the total is
   * a range of an index, read without the table.
   */
  async inbox(userId: string, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<Page<Notification>> {
    const rows: Array<Notification & { total: number }> = await this.dataSource.query(INBOX_PAGE_SQL(options.unreadOnly), [
      userId,
      options.limit,
      options.offset,
    ]);
    const total = rows[0]?.total ?? 0;
    const items = rows.filter((r) => r.id !== null).map(({ total: _t, ...n }) => Object.assign(new Notification(), n));
    return { items, total };
  }

  async countUnread(userId: string): Promise<number> {
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(UNREAD_COUNT_SQL, [userId]);
    return total;
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
