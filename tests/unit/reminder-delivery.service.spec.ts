import type { EntityManager } from 'typeorm';
import {
  Addressee,
  DueReminder,
  InAppDelivery,
  MailOutbox,
  Recipient,
  ReminderDeliveryRepository,
  ReminderDeliveryService,
} from '@sro/reminders';

const TX = {} as EntityManager;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

const due = (key: string, overrides: Partial<DueReminder> = {}): DueReminder => ({
  id: `id-${key}`,
  key,
  dueAt: minutesAgo(0.5),
  recipients: [{ type: 'user', id: 'demo-coordinator' }],
  template: 'generic',
  context: { title: `Erinnerung ${key}` },
  channels: ['in_app', 'email'],
  ...overrides,
});

function setup(
  claimed: DueReminder[],
  addressees: (r: Recipient[]) => Addressee[] = () => [{ id: 'demo-coordinator', email: 'c@example.org' }],
) {
  const repo = {
    transaction: jest.fn(async <T>(work: (tx: EntityManager) => Promise<T>) => work(TX)),
    claimDue: jest.fn(async (_tx: EntityManager, _now: Date, _limit: number) => claimed),
    claimKeys: jest.fn(async (_tx: EntityManager, keys: string[], _until: Date) => claimed.filter((r) => keys.includes(r.key))),
    addressees: jest.fn(async (_tx: EntityManager, r: Recipient[]) => addressees(r)),
    insertInApp: jest.fn(async (_tx: EntityManager, _deliveries: InAppDelivery[]) => undefined),
    queueEmails: jest.fn(async (_tx: EntityManager, targets: Array<{ reminderId: string; userId: string }>) => targets.length),
    markDelivered: jest.fn(async (_tx: EntityManager, _ids: string[], _now: Date, _lateAfterMs: number) => undefined),
    markErrors: jest.fn(async (_tx: EntityManager, _errors: Array<{ id: string; error: string }>) => undefined),
  } satisfies Partial<Record<keyof ReminderDeliveryRepository, unknown>>;
  const outbox = { kick: jest.fn() };
  const service = new ReminderDeliveryService(repo as unknown as ReminderDeliveryRepository, outbox as unknown as MailOutbox);
  return { service, repo, outbox };
}

describe('ReminderDeliveryService', () => {
  it('delivers a claimed batch in one transaction: in-app notifications, queued e-mails, sent or late by due time', async () => {
    const { service, repo, outbox } = setup([due('a'), due('b', { dueAt: minutesAgo(5) })]);
    const outcomes = await service.deliverDue(1_000);
    expect(repo.transaction).toHaveBeenCalledTimes(1);
    expect([...outcomes]).toEqual([
      ['a', { status: 'fulfilled', value: 'sent' }],
      ['b', { status: 'fulfilled', value: 'late' }],
    ]);
    expect(repo.insertInApp.mock.calls[0][1].map((d) => [d.reminderId, d.userId, d.title])).toEqual([
      ['id-a', 'demo-coordinator', 'Erinnerung a'],
      ['id-b', 'demo-coordinator', 'Erinnerung b'],
    ]);
    expect(repo.markDelivered).toHaveBeenCalledWith(TX, ['id-a', 'id-b'], expect.any(Date), 60_000);
    expect(outbox.kick).toHaveBeenCalledTimes(1); // after the commit, once per batch
  });

  it('resolves a recipient list shared by several reminders once per batch', async () => {
    const { service, repo } = setup([due('a'), due('b'), due('c', { recipients: [{ type: 'role', role: 'coordinator' }] })]);
    await service.deliverDue(1_000);
    expect(repo.addressees).toHaveBeenCalledTimes(2);
  });

  it('records a reminder that cannot be rendered or has no active recipient as an error without holding up the others', async () => {
    const { service, repo } = setup(
      [due('good'), due('no-title', { context: {} }), due('nobody', { recipients: [{ type: 'user', id: 'gone' }] })],
      (r) => (r.some((x) => x.type === 'user' && x.id === 'gone') ? [] : [{ id: 'demo-coordinator', email: null }]),
    );
    const outcomes = await service.deliverDue(1_000);
    expect(outcomes.get('good')).toEqual({ status: 'fulfilled', value: 'sent' });
    expect(outcomes.get('no-title')?.status).toBe('rejected');
    expect(outcomes.get('nobody')?.status).toBe('rejected');
    expect(repo.markDelivered).toHaveBeenCalledWith(TX, ['id-good'], expect.any(Date), 60_000);
    expect(repo.markErrors.mock.calls[0][1]).toEqual([
      { id: 'id-no-title', error: 'Die Vorlage „generic“ braucht im Kontext noch: title.' },
      { id: 'id-nobody', error: 'No active recipient for reminder nobody' },
    ]);
    expect(repo.queueEmails).toHaveBeenCalledWith(TX, []); // a recipient without an address gets no e-mail
  });

  it('skips a named reminder that is no longer due or scheduled', async () => {
    const { service } = setup([due('a')]);
    expect(await service.deliverMany(['a', 'cancelled'])).toEqual([
      { status: 'fulfilled', value: 'sent' },
      { status: 'fulfilled', value: 'skipped' },
    ]);
  });

  it('retries a batch that failed as a whole reminder by reminder', async () => {
    const { service, repo } = setup([due('a'), due('b')]);
    repo.markDelivered.mockRejectedValueOnce(new Error('deadlock detected'));
    expect(await service.deliverMany(['a', 'b'])).toEqual([
      { status: 'fulfilled', value: 'sent' },
      { status: 'fulfilled', value: 'sent' },
    ]);
    expect(repo.transaction).toHaveBeenCalledTimes(3);
  });
});
