import { randomUUID } from 'node:crypto';
import { SEED_SPECS } from '@sro/definitions';
import { FallteamConsultationInput, fallteamStateQuery, fallteamUpdates, WorkflowType } from '@sro/workflows/contracts';
import { eventually } from '../support/eventually';
import { timeSkippingSuite } from '../support/time-skipping';

const DAY = 86_400_000;

describe('fallteam-consultation workflow (time-skipping)', () => {
  const suite = timeSkippingSuite('ftc');
  const { taskQueue, fake } = suite;

  const input = (): FallteamConsultationInput => ({
    consultationId: randomUUID(),
    caseId: randomUUID(),
    pseudonym: 'F-2026-TEST01',
    caseworkerId: 'demo-caseworker',
    socialSpaceId: randomUUID(),
    definition: { key: 'fallteam-consultation', version: 1, checksum: 'v1', spec: SEED_SPECS['fallteam-consultation'] },
  });

  async function scheduledAndInvited() {
    const i = input();
    const handle = await suite.env.client.workflow.start(WorkflowType.FallteamConsultation, {
      taskQueue,
      workflowId: `ftc-${i.consultationId}`,
      args: [i],
    });
    // The test server's clock, which earlier tests have moved on.
    const sessionAt = new Date((await suite.env.currentTimeMs()) + 7 * DAY).toISOString();
    await handle.executeUpdate(fallteamUpdates.schedule, { args: [{ sessionId: randomUUID(), sessionAt, actorId: 'demo-caseworker' }] });
    const granted = await handle.executeUpdate(fallteamUpdates.inviteAdvisers, {
      args: [{ adviserIds: ['demo-adviser'], actorId: 'demo-caseworker' }],
    });
    return { i, handle, granted, sessionAt };
  }

  it('opens the packet access at invitation and closes it the definition’s time after the session', async () => {
    const { i, handle, granted, sessionAt } = await scheduledAndInvited();
    // The session is 7 days ahead, less than the 14 days the window opens before it: open from the invitation.
    expect(Date.parse(granted[0].opensAt)).toBeLessThan(Date.parse(sessionAt) - 6 * DAY);
    expect(Date.parse(granted[0].closesAt)).toBe(Date.parse(sessionAt) + 7 * DAY);
    expect(fake.of('openPacketAccess').find((a: any) => a.consultationId === i.consultationId)).toBeDefined();
    await suite.env.sleep(10 * DAY);
    expect((await handle.query(fallteamStateQuery)).access[0].closed).toBe(false);
    await suite.env.sleep(5 * DAY);
    await eventually(async () => (await handle.query(fallteamStateQuery)).access[0].closed, 10_000, 'access closed');
    await eventually(
      async () => fake.of('closePacketAccess').some((a: any) => a.consultationId === i.consultationId),
      10_000,
      'closePacketAccess',
    );
  });

  it('opens the window before a session 20 days ahead, keeps it open over the session day, and moves it with the session', async () => {
    const i = input();
    const handle = await suite.env.client.workflow.start(WorkflowType.FallteamConsultation, {
      taskQueue,
      workflowId: `ftc-${i.consultationId}`,
      args: [i],
    });
    const now = await suite.env.currentTimeMs();
    const sessionAt = now + 20 * DAY;
    await handle.executeUpdate(fallteamUpdates.schedule, {
      args: [{ sessionId: randomUUID(), sessionAt: new Date(sessionAt).toISOString(), actorId: 'demo-caseworker' }],
    });
    const [granted] = await handle.executeUpdate(fallteamUpdates.inviteAdvisers, {
      args: [{ adviserIds: ['demo-adviser'], actorId: 'demo-caseworker' }],
    });
    // Seed: from 14 days before to 7 days after the session (an invitation-based window would close on day 14).
    expect(Date.parse(granted.opensAt)).toBe(sessionAt - 14 * DAY);
    expect(Date.parse(granted.closesAt)).toBe(sessionAt + 7 * DAY);

    const movedTo = sessionAt + 10 * DAY;
    await handle.executeUpdate(fallteamUpdates.schedule, {
      args: [{ sessionId: randomUUID(), sessionAt: new Date(movedTo).toISOString(), actorId: 'demo-caseworker' }],
    });
    const moved = (await handle.query(fallteamStateQuery)).access[0];
    expect([Date.parse(moved.opensAt), Date.parse(moved.closesAt)]).toEqual([movedTo - 14 * DAY, movedTo + 7 * DAY]);
    const written = fake.of('openPacketAccess').filter((a: any) => a.consultationId === i.consultationId);
    expect(written.at(-1).access).toEqual([
      expect.objectContaining({ adviserId: 'demo-adviser', opensAt: moved.opensAt, closesAt: moved.closesAt }),
    ]);

    await suite.env.sleep(movedTo - now + 6 * DAY - ((await suite.env.currentTimeMs()) - now)); // the day after the moved session and more
    expect((await handle.query(fallteamStateQuery)).access[0].closed).toBe(false);
    await suite.env.sleep(2 * DAY);
    await eventually(async () => (await handle.query(fallteamStateQuery)).access[0].closed, 10_000, 'access closed after the window');
  });

  it('refuses an outcome before the session has begun', async () => {
    const { handle } = await scheduledAndInvited();
    const error = await handle
      .executeUpdate(fallteamUpdates.recordOutcome, { args: [{ professionals: 2, participants: 3, actorId: 'x' }] })
      .catch((e) => e);
    expect(error.cause).toMatchObject({ type: 'INVALID_STATE', message: expect.stringMatching(/Sitzung begonnen/) });
    expect((await handle.query(fallteamStateQuery)).phase).toBe('scheduled');
  });

  it('refuses an outcome with one professional and leaves the state as it was', async () => {
    const { handle } = await scheduledAndInvited();
    await suite.env.sleep(7 * DAY); // the session has begun
    const before = await handle.query(fallteamStateQuery);
    const error = await handle
      .executeUpdate(fallteamUpdates.recordOutcome, { args: [{ professionals: 1, participants: 3, actorId: 'x' }] })
      .catch((e) => e);
    expect(error.cause.message).toBe('Mindestens 2 Fachkräfte des Jugendamts müssen an der Beratung teilnehmen.');
    expect(error.cause.details[0]).toEqual([
      {
        pointer: '/participants',
        code: 'number.min',
        params: { min: 2 },
        message: 'Mindestens 2 Fachkräfte des Jugendamts müssen teilnehmen (externe Beratende zählen nicht mit).',
      },
    ]);
    const after = await handle.query(fallteamStateQuery);
    expect(after.revision).toBe(before.revision);
    expect(after.phase).toBe('scheduled');
  });

  it('sets the follow-up six months after the outcome, fires it then and closes', async () => {
    const { i, handle } = await scheduledAndInvited();
    await suite.env.sleep(7 * DAY); // the session has begun
    const state = await handle.executeUpdate(fallteamUpdates.recordOutcome, {
      args: [{ professionals: 2, participants: 3, actorId: 'demo-caseworker' }],
    });
    // The outcome ends the advisers' packet access at once, before their window would close.
    expect(state.access.map((a) => a.closed)).toEqual([true]);
    expect(fake.of('closePacketAccess')).toContainEqual({ consultationId: i.consultationId, adviserIds: ['demo-adviser'] });
    const recordedAt = Date.parse(state.outcome!.recordedAt);
    const followUp = Date.parse(state.followUpAt!);
    expect(followUp - recordedAt).toBeGreaterThanOrEqual(181 * DAY);
    expect(followUp - recordedAt).toBeLessThanOrEqual(184 * DAY);
    const due = fake
      .of('scheduleReminders')
      .flat()
      .find((r: any) => r.key === `ftc/${i.consultationId}/follow-up/due`);
    expect(due).toMatchObject({
      dueAt: state.followUpAt,
      template: 'follow-up-due',
      recipients: [{ type: 'user', id: 'demo-caseworker' }],
    });
    expect(Object.values(due.context).join(' ')).not.toMatch(/Muster/); // ids and pseudonym only

    await suite.env.sleep(100 * DAY);
    expect((await handle.query(fallteamStateQuery)).phase).toBe('outcome_recorded');
    const result = await handle.result(); // the time-skipping server jumps to the follow-up
    expect(result.phase).toBe('closed');
    expect(fake.of('recordProcessEvent').some((e: any) => e.processId === i.consultationId && e.kind === 'follow_up_due')).toBe(true);
    // Closing keeps the follow-up reminder that has just become due.
    expect(fake.of('cancelReminders')).not.toContain(`ftc/${i.consultationId}`);
  });
});
