import { DataSource } from 'typeorm';
import { NotificationRepository } from '@sro/reminders';
import { scratchDatabase } from '../support/database';

/** The inbox's one statement: page, order, total (also past the end), the unread filter and count, only the caller's rows. */
describe('inbox (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof scratchDatabase>>;
  let db: DataSource;
  let inbox: NotificationRepository;

  beforeAll(async () => {
    database = await scratchDatabase();
    db = database.dataSource;
    inbox = new NotificationRepository(db);
    // One reminder per notification (the unique key is reminder and user).
    const reminders: Array<{ id: string }> = await db.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
       SELECT 'inbox-test/' || n, now(), '[]', 'step-due', '{}', ARRAY['in_app'], 'sent' FROM generate_series(1, 6) n RETURNING id`,
    );
    // Five of u1 (n = 1 newest; 2 and 4 unread; 4 and 5 at the same time, ordered by id then), one unread of u2.
    for (const n of [1, 2, 3, 4, 5]) {
      await db.query(
        `INSERT INTO notification (user_id, reminder_id, title, body, created_at, read_at) VALUES ('u1', $1, $2, 'Text', $3, $4)`,
        [reminders[n - 1].id, `Titel ${n}`, new Date(Date.UTC(2026, 11, 1, 10 - Math.min(n, 4))), n % 2 === 0 ? null : new Date()],
      );
    }
    await db.query(
      `INSERT INTO notification (user_id, reminder_id, title, body, created_at) VALUES ('u2', $1, 'Titel von u2', 'Text', now())`,
      [reminders[5].id],
    );
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('pages newest first with the total, ties by id, only the caller’s rows', async () => {
    const all = await inbox.inbox('u1', { unreadOnly: false, limit: 10, offset: 0 });
    expect(all.total).toBe(5);
    expect(all.items.map((n) => n.title).slice(0, 3)).toEqual(['Titel 1', 'Titel 2', 'Titel 3']);
    const tied = all.items.slice(3);
    expect(tied.map((n) => n.id)).toEqual([...tied.map((n) => n.id)].sort());
    expect(all.items.every((n) => n.userId === 'u1' && n.createdAt instanceof Date)).toBe(true);

    const second = await inbox.inbox('u1', { unreadOnly: false, limit: 2, offset: 2 });
    expect({ total: second.total, titles: second.items.map((n) => n.title) }).toEqual({
      total: 5,
      titles: ['Titel 3', all.items[3].title],
    });
  });

  it('keeps the total past the end and for an empty inbox', async () => {
    expect(await inbox.inbox('u1', { unreadOnly: false, limit: 10, offset: 50 })).toEqual({ items: [], total: 5 });
    expect(await inbox.inbox('nobody', { unreadOnly: false, limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('filters and counts the unread ones', async () => {
    const unread = await inbox.inbox('u1', { unreadOnly: true, limit: 10, offset: 0 });
    expect({ total: unread.total, titles: unread.items.map((n) => n.title), read: unread.items.map((n) => n.readAt) }).toEqual({
      total: 2,
      titles: ['Titel 2', 'Titel 4'],
      read: [null, null],
    });
    expect(await inbox.countUnread('u1')).toBe(2);
    expect(await inbox.countUnread('u2')).toBe(1);
  });
});
