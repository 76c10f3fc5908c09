import request from 'supertest';
import { Role } from '@sro/common';
import { addDuration } from '@sro/workflows/shared/duration';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

/**
 * The Temporal Schedule itself, on the dev server (the time-skipping test server has no
 * schedules): its calendar follows the definition's two years, and a backfill over four past
 * years starts exactly the two cycles the schedule would have started.
 */
describe('the interview schedule (Temporal Schedule on the dev server)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let coordinator: string;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-interview-schedule');
    coordinator = await bearer(Role.Coordinator);
    // Cycles without partners close at once: this suite is about when cycles start.
    await system.db.query(`UPDATE contract_partner SET exit_date = current_date`);
  });
  afterAll(async () => {
    await api().delete('/interview-cycles/schedule').set('Authorization', coordinator);
    await system?.close();
  });

  it('answers 404 while there is no schedule and refuses bad settings', async () => {
    const none = await api().get('/interview-cycles/schedule').set('Authorization', coordinator);
    expect(none.status).toBe(404);
    expect(none.body.detail).toBe(
      'Es gibt noch keinen Zeitplan der Interviewzyklen; bitte legen Sie ihn an (PUT /interview-cycles/schedule).',
    );
    const unknown = await api()
      .put('/interview-cycles/schedule')
      .set('Authorization', coordinator)
      .send({ coordinatorId: 'demo-caseworker' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        pointer: '/coordinatorId',
        code: 'user.role',
        params: { roles: ['coordinator'] },
        message: 'Bitte eine aktive Person mit der Rolle Koordination auswählen.',
      },
    ]);
    const extra = await api().put('/interview-cycles/schedule').set('Authorization', coordinator).send({ every: 'P1Y' });
    expect(extra.status).toBe(400);
  });

  it('starts two cycles in four years: the calendar is two years apart and a four-year backfill starts two', async () => {
    // The first cycle was due four years ago less a day; the third is due tomorrow.
    const anchor = addDuration(addDuration(new Date(), 'P4Y', -1), 'P1D');
    anchor.setUTCSeconds(0, 0);
    const created = await api().put('/interview-cycles/schedule').set('Authorization', coordinator).send({ anchor: anchor.toISOString() });
    expect(created.status).toBe(200);
    const next = created.body.nextCycles.slice(0, 2).map((t: string) => Date.parse(t));
    // Same local date and hour in Europe/Berlin; an hour apart at most when a DST change falls near it.
    const close = (actual: number, wanted: Date) => expect(Math.abs(actual - wanted.getTime())).toBeLessThanOrEqual(3_600_000);
    close(next[0], addDuration(anchor, 'P4Y'));
    close(next[1], addDuration(anchor, 'P6Y'));

    const filled = await api()
      .post('/interview-cycles/schedule/backfill')
      .set('Authorization', coordinator)
      .send({ from: new Date(anchor.getTime() - 3_600_000).toISOString(), to: new Date().toISOString() });
    expect(filled.status).toBe(200);
    await eventually(
      async () => (await system.db.query(`SELECT 1 FROM interview_cycle WHERE status = 'completed'`)).length === 2,
      30_000,
      'two cycles completed',
    );
    const described = await api().get('/interview-cycles/schedule').set('Authorization', coordinator);
    const started = described.body.recentCycles.map((c: { scheduledAt: string }) => Date.parse(c.scheduledAt));
    expect(started).toHaveLength(2);
    close(started[0], anchor);
    close(started[1], addDuration(anchor, 'P2Y'));
    const cycles = await api().get('/interview-cycles').set('Authorization', coordinator);
    expect(cycles.body.items.map((c: { number: number }) => c.number)).toEqual([2, 1]);
  });

  it('pauses, resumes and triggers for coordinators only', async () => {
    expect(
      (
        await api()
          .post('/interview-cycles/schedule/pause')
          .set('Authorization', await bearer(Role.Caseworker))
          .send({})
      ).status,
    ).toBe(403);
    const paused = await api().post('/interview-cycles/schedule/pause').set('Authorization', coordinator).send({ note: 'Kommunalwahl' });
    expect(paused.body).toMatchObject({ paused: true, note: 'Kommunalwahl' });
    const resumed = await api().post('/interview-cycles/schedule/unpause').set('Authorization', coordinator).send({});
    expect(resumed.body.paused).toBe(false);
    await api().post('/interview-cycles/schedule/trigger').set('Authorization', coordinator).send({});
    await eventually(async () => (await system.db.query(`SELECT 1 FROM interview_cycle`)).length === 3, 30_000, 'a third cycle');
    const backwards = await api()
      .post('/interview-cycles/schedule/backfill')
      .set('Authorization', coordinator)
      .send({ from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].pointer).toBe('/to');
  });
});
