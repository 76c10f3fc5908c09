import { randomUUID } from 'node:crypto';
import { timeSkippingSuite } from '../support/time-skipping';
import { eventually } from '../support/eventually';
import { finish, fixtureState, moveStep, runtimeFixture, setTags, touch } from './fixtures/runtime.workflow';

const DAY = 86_400_000;

/** The shared process runtime (workflows/shared/runtime.ts, reminders.ts) through a tiny workflow of its own. */
describe('process runtime (time-skipping)', () => {
  const suite = timeSkippingSuite('runtime', require.resolve('./fixtures/runtime.workflow'));
  const { fake } = suite;

  /** A reminder key without its `fx/<process>/` prefix. */
  const short = (key: string) => key.split('/').slice(2).join('/');
  /** This instance's writes in the order the activities ran, in short. */
  const writes = (processId: string) =>
    fake.calls.flatMap(({ name, args: [arg] }) => {
      if (name === 'recordProcessEvent' && arg.processId === processId) return [`event ${arg.sequence} ${arg.kind}`];
      if (name === 'recordProcessState' && arg.processId === processId) return [`state r${arg.revision}`];
      if (name === 'scheduleReminders' && arg[0]?.key.startsWith(`fx/${processId}/`))
        return [`schedule ${arg.map((r: { key: string }) => short(r.key)).join(',')}`];
      if (name === 'cancelReminders' && arg.startsWith(`fx/${processId}/`)) return [`cancel ${short(arg)}`];
      return [];
    });

  async function start() {
    const processId = randomUUID();
    const dueAt = (await suite.env.currentTimeMs()) + 10 * DAY;
    const handle = await suite.env.client.workflow.start(runtimeFixture, {
      taskQueue: suite.taskQueue,
      workflowId: `runtime-${processId}`,
      args: [{ processId, dueAt }],
    });
    // The start's writes are done (a change meanwhile would be synchronised with them).
    await eventually(async () => writes(processId).some((w) => w.startsWith('schedule step/')), 10_000, 'started');
    return { handle, processId, dueAt };
  }

  it('numbers revisions and history entries and writes event, read model, reminders in that order', async () => {
    const { handle, processId, dueAt } = await start();
    await handle.executeUpdate(touch);
    await handle.executeUpdate(moveStep, { args: [{ step: 'second', dueAt: dueAt + DAY }] });
    expect(writes(processId)).toEqual([
      'event 1 started',
      'state r1',
      'cancel step',
      `schedule step/first/${dueAt}`,
      // A change without an event writes the read model only; the step's reminders stay as they are.
      'state r2',
      'event 2 step_moved',
      'state r3',
      'cancel step',
      `schedule step/second/${dueAt + DAY}`,
    ]);
    expect(await handle.query(fixtureState)).toMatchObject({ revision: 3, eventSequence: 2 });
  });

  it('arms each reminder group once, cancels the groups no longer wanted and disarms them all at the end', async () => {
    const { handle, processId } = await start();
    await handle.executeUpdate(setTags, { args: [['a', 'b']] });
    await handle.executeUpdate(setTags, { args: [['b', 'c']] });
    await handle.executeUpdate(finish);
    await handle.result();
    expect(writes(processId).filter((w) => w.includes('tag') || w.startsWith('event'))).toEqual([
      'event 1 started',
      'event 2 tags_set',
      // New groups are scheduled together.
      'schedule tag/a/due,tag/b/due',
      'event 3 tags_set',
      'cancel tag/a',
      'schedule tag/c/due',
      'event 4 finished',
      // The workflow ends after the last write with every group cancelled.
      'cancel tag/b',
      'cancel tag/c',
    ]);
    // A finished process wants no step reminders: the slot is cancelled and not re-armed.
    expect(writes(processId).slice(-5)).toEqual(['event 4 finished', 'state r4', 'cancel step', 'cancel tag/b', 'cancel tag/c']);
  });

  it('wakes on the earliest timer and on a change that moves it', async () => {
    const { handle, processId, dueAt } = await start();
    await suite.env.sleep(5 * DAY);
    expect((await handle.query(fixtureState)).overdue).toBe(false);
    // Moved earlier: the loop wakes on the change and sleeps until the new due date only.
    await handle.executeUpdate(moveStep, { args: [{ step: 'first', dueAt: dueAt - 3 * DAY }] });
    await suite.env.sleep(2 * DAY + 60_000);
    await eventually(async () => (await handle.query(fixtureState)).overdue, 10_000, 'overdue');
    expect(writes(processId).filter((w) => w.startsWith('event'))).toEqual(['event 1 started', 'event 2 step_moved', 'event 3 overdue']);
    // Overdue: no timer left, the loop waits for the next change.
    await suite.env.sleep(30 * DAY);
    expect((await handle.query(fixtureState)).revision).toBe(3);
    await handle.executeUpdate(finish);
    expect((await handle.result()).done).toBe(true);
  });

  it('keeps its wake timer across changes that leave the due date, and replaces it once when the date moves', async () => {
    const { handle, processId, dueAt } = await start();
    await handle.executeUpdate(touch);
    await handle.executeUpdate(touch);
    await handle.executeUpdate(moveStep, { args: [{ step: 'first', dueAt: dueAt + DAY }] });
    await handle.executeUpdate(touch);
    const timers = async () => {
      const { events } = await handle.fetchHistory();
      return events!.flatMap((e) => (e.timerStartedEventAttributes ? ['started'] : e.timerCanceledEventAttributes ? ['canceled'] : []));
    };
    // Before the marker, every change cancelled the timer and started a new one (eight events here);
    // the replacement's start is issued in the same task as the old one's cancellation, just before it.
    expect(await timers()).toEqual(['started', 'started', 'canceled']);
    // The kept timer still fires at the moved date, not before.
    await suite.env.sleep(10 * DAY + 60_000);
    expect((await handle.query(fixtureState)).overdue).toBe(false);
    await suite.env.sleep(DAY);
    await eventually(async () => (await handle.query(fixtureState)).overdue, 10_000, 'overdue');
    expect(writes(processId).filter((w) => w.startsWith('event'))).toEqual(['event 1 started', 'event 2 step_moved', 'event 3 overdue']);
    await handle.executeUpdate(finish);
    expect((await handle.result()).done).toBe(true);
  });
});
