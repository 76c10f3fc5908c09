import { ErrorCode } from '@sro/common';
import { MailOutboxRepository, Notification, NotificationRepository, NotificationService, ReminderRepository } from '@sro/reminders';

const notification = (readAt: Date | null): Notification => ({
  id: 'n1',
  userId: 'demo-caseworker',
  reminderId: 'r1',
  title: 'Frist',
  body: 'Bitte erledigen',
  link: null,
  createdAt: new Date('2027-01-01T08:00:00Z'),
  readAt,
});

function setup(found: Notification | null) {
  const notifications = {
    findOwn: jest.fn(async (_userId: string, _id: string) => found),
    markRead: jest.fn(async (n: Notification, readAt: Date) => ({ ...n, readAt })),
  } satisfies Partial<Record<keyof NotificationRepository, unknown>>;
  const reminders = {
    upcomingFor: jest.fn(async () => ({
      items: [
        {
          id: 'r1',
          subject: 'case-follow-up/4711/f1',
          template: 'follow-up-due',
          dueAt: new Date('2027-03-01T08:00:00Z'),
          nextReminderAt: new Date('2027-02-15T08:00:00Z'),
          context: { subjectTitle: 'Fall 4711', dueAt: '2027-03-01T08:00:00.000Z', link: '/cases/4711' },
        },
      ],
      total: 1,
    })),
  } satisfies Partial<Record<keyof ReminderRepository, unknown>>;
  const service = new NotificationService(
    notifications as unknown as NotificationRepository,
    reminders as unknown as ReminderRepository,
    {} as MailOutboxRepository,
  );
  return { service, notifications };
}

describe('NotificationService', () => {
  it('marks an unread notification read', async () => {
    const { service, notifications } = setup(notification(null));
    const read = await service.markRead('demo-caseworker', 'n1');
    expect(read.readAt).toBeInstanceOf(Date);
    expect(notifications.findOwn).toHaveBeenCalledWith('demo-caseworker', 'n1');
  });

  it('keeps the first read time of a notification read before', async () => {
    const first = new Date('2027-01-02T09:00:00Z');
    const { service, notifications } = setup(notification(first));
    expect((await service.markRead('demo-caseworker', 'n1')).readAt).toBe(first);
    expect(notifications.markRead).not.toHaveBeenCalled();
  });

  it("answers not found for a notification that is someone else's or does not exist", async () => {
    const { service } = setup(null);
    await expect(service.markRead('demo-caseworker', 'n1')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('renders upcoming things as they will read, linking the web app’s page, with the page it was asked for', async () => {
    const { service } = setup(null);
    expect(await service.upcoming('demo-caseworker', { limit: 10, offset: 0 })).toEqual({
      items: [
        {
          id: 'r1',
          subject: 'case-follow-up/4711/f1',
          template: 'follow-up-due',
          dueAt: new Date('2027-03-01T08:00:00Z'),
          nextReminderAt: new Date('2027-02-15T08:00:00Z'),
          title: 'Wiedervorlage am 01.03.2027',
          body: 'Wiedervorlage für „Fall 4711“ am 01.03.2027.',
          link: '/faelle/4711',
        },
      ],
      total: 1,
      limit: 10,
      offset: 0,
    });
  });
});
