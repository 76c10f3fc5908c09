import { DomainError } from '@sro/common';
import { NewReminder, ReminderDue, ReminderQueue, ReminderRepository, ReminderService, ScheduleRequest } from '@sro/reminders';

const request = (key: string, overrides: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
  key,
  dueAt: '2027-03-01T08:00:00.000Z',
  recipients: [{ type: 'user', id: 'demo-coordinator' }],
  template: 'step-due',
  context: { processTitle: 'Sozialraum Teltow', stepTitle: 'Sozialraum analysieren', dueAt: '2027-03-01T08:00:00.000Z' },
  ...overrides,
});

function setup(options: { existing?: string[]; activeUsers?: string[] } = {}) {
  const existing = new Set(options.existing ?? []);
  const inserted: NewReminder[][] = [];
  const repo = {
    activeUserIds: jest.fn(
      async (ids: string[]) => new Set(ids.filter((id) => (options.activeUsers ?? ['demo-coordinator']).includes(id))),
    ),
    insertNew: jest.fn(async (rows: NewReminder[]): Promise<ReminderDue[]> => {
      inserted.push(rows);
      return rows.filter((r) => !existing.has(r.key)).map((r) => ({ key: r.key, dueAt: r.dueAt }));
    }),
    reschedule: jest.fn(async (key: string) => key === 'known/key'),
    cancel: jest.fn(async (keyOrPrefix: string, o: { prefix?: boolean } = {}) =>
      o.prefix ? [`${keyOrPrefix}/P14D`, `${keyOrPrefix}/P3D`] : [keyOrPrefix],
    ),
  } satisfies Partial<Record<keyof ReminderRepository, unknown>>;
  const queue = {
    enqueue: jest.fn(async (_key: string, _dueAt: Date) => undefined),
    enqueueMany: jest.fn(async (_items: ReminderDue[]) => undefined),
    remove: jest.fn(async (_key: string) => undefined),
  } satisfies Partial<Record<keyof ReminderQueue, unknown>>;
  const service = new ReminderService(repo as unknown as ReminderRepository, queue as unknown as ReminderQueue);
  return { service, repo, queue, inserted };
}

const problemsOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).problems;
};

describe('ReminderService', () => {
  it('schedules new keys, leaves existing ones unchanged, and enqueues a job only for the new ones', async () => {
    const { service, queue, inserted } = setup({ existing: ['p/old'] });
    expect(await service.scheduleMany([request('p/new'), request('p/old')])).toEqual(['scheduled', 'unchanged']);
    expect(inserted[0].map((r) => r.channels)).toEqual([
      ['in_app', 'email'],
      ['in_app', 'email'],
    ]);
    expect(queue.enqueueMany).toHaveBeenCalledWith([{ key: 'p/new', dueAt: new Date('2027-03-01T08:00:00.000Z') }]);
  });

  it('inserts a large request in batches of 1,000', async () => {
    const { service, repo } = setup();
    const outcomes = await service.scheduleMany(Array.from({ length: 2_500 }, (_, i) => request(`p/${i}`)));
    expect(outcomes.every((o) => o === 'scheduled')).toBe(true);
    expect(repo.insertNew.mock.calls.map(([rows]) => rows.length)).toEqual([1_000, 1_000, 500]);
  });

  it('refuses a bad key, a duplicate key, a bad date, no recipients and an unknown channel, storing nothing', async () => {
    const { service, repo, queue } = setup();
    expect(await problemsOf(service.schedule(request('bad:key')))).toEqual([
      {
        pointer: '/key',
        code: 'format.key',
        params: { min: 1, max: 300 },
        message: 'Bitte 1 bis 300 Zeichen aus A-Z, a-z, 0-9, ., _, / und - angeben.',
      },
    ]);
    expect(await problemsOf(service.scheduleMany([request('p/a'), request('p/a')]))).toEqual([
      { pointer: '/key', code: 'duplicate', message: 'Dieser Schlüssel kommt in der Anfrage doppelt vor.' },
    ]);
    expect(await problemsOf(service.schedule(request('p/b', { dueAt: 'tomorrow' })))).toEqual([
      { pointer: '/dueAt', code: 'format.date-time', message: 'Bitte ein gültiges Datum angeben.' },
    ]);
    expect(await problemsOf(service.schedule(request('p/c', { recipients: [] })))).toEqual([
      {
        pointer: '/recipients',
        code: 'array.min',
        params: { min: 1 },
        message: 'Bitte mindestens eine Empfängerin oder einen Empfänger angeben.',
      },
    ]);
    expect(await problemsOf(service.schedule(request('p/d', { channels: ['in_app', 'fax' as 'email'] })))).toEqual([
      {
        pointer: '/channels/1',
        code: 'enum',
        params: { allowed: ['in_app', 'email'] },
        message: 'Bitte einen der vorgesehenen Kanäle wählen: in_app, email.',
      },
    ]);
    expect(repo.insertNew).not.toHaveBeenCalled();
    expect(queue.enqueueMany).not.toHaveBeenCalled();
  });

  it('refuses recipients that are neither an active user nor a known role, asking for all users in one lookup', async () => {
    const { service, repo } = setup({ activeUsers: ['demo-coordinator'] });
    const recipients = [
      { type: 'user' as const, id: 'demo-coordinator' },
      { type: 'user' as const, id: 'gone' },
      { type: 'role' as const, role: 'coordinator' },
      { type: 'role' as const, role: 'pope' },
    ];
    expect(await problemsOf(service.schedule(request('p/e', { recipients })))).toEqual([
      { pointer: '/recipients/1', code: 'unknown-reference', message: 'Diese Person ist nicht bekannt oder nicht aktiv.' },
      {
        pointer: '/recipients/3',
        code: 'invalid',
        message: 'Bitte eine Person ({ type: "user", id }) oder eine Rolle ({ type: "role", role }) angeben.',
      },
    ]);
    expect(repo.activeUserIds).toHaveBeenCalledTimes(1);
    expect(repo.activeUserIds).toHaveBeenCalledWith(['demo-coordinator', 'gone']);
  });

  it('refuses an unknown template and a context that misses what the template needs', async () => {
    const { service, repo } = setup();
    await expect(service.schedule(request('p/f', { template: 'nope' }))).rejects.toThrow(
      /Die Vorlage „nope“ für Erinnerungen gibt es nicht/,
    );
    await expect(service.schedule(request('p/g', { context: { processTitle: 'x' } }))).rejects.toThrow(
      /braucht im Kontext noch: stepTitle, dueAt\./,
    );
    expect(repo.insertNew).not.toHaveBeenCalled();
  });

  it('moves the job of a rescheduled reminder, and leaves the queue alone when nothing is scheduled under the key', async () => {
    const { service, queue } = setup();
    expect(await service.reschedule('known/key', '2027-04-01T00:00:00.000Z')).toBe(true);
    expect(queue.remove).toHaveBeenCalledWith('known/key');
    expect(queue.enqueue).toHaveBeenCalledWith('known/key', new Date('2027-04-01T00:00:00.000Z'));
    queue.remove.mockClear();
    expect(await service.reschedule('other/key', '2027-04-01T00:00:00.000Z')).toBe(false);
    expect(queue.remove).not.toHaveBeenCalled();
  });

  it('removes the job of every reminder it cancels and returns how many', async () => {
    const { service, repo, queue } = setup();
    expect(await service.cancel('sozialraum/p1/phase', { prefix: true })).toBe(2);
    expect(repo.cancel).toHaveBeenCalledWith('sozialraum/p1/phase', { prefix: true });
    expect(queue.remove.mock.calls.map(([key]) => key)).toEqual(['sozialraum/p1/phase/P14D', 'sozialraum/p1/phase/P3D']);
  });
});
