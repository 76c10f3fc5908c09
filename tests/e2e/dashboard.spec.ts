import request from 'supertest';
import { Role } from '@sro/common';
import { startDemoProcesses } from '../../scripts/devstack/demo-processes';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

describe('phase-deadline dashboard with the 19 demo processes', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-dashboard');
    await system.api.app.listen(0, '127.0.0.1');
    const started = await startDemoProcesses(await system.api.app.getUrl(), system.config.database.url, process.env.AUTH_DEV_SECRET!);
    expect(started).toBe(19);
    // Starting again is idempotent.
    expect(await startDemoProcesses(await system.api.app.getUrl(), system.config.database.url, process.env.AUTH_DEV_SECRET!)).toBe(0);
    await eventually(
      async () => (await system.db.query(`SELECT count(*)::int AS n FROM process_instance WHERE revision > 0`))[0].n === 19,
      15_000,
      'read model written',
    );
  });
  afterAll(() => system?.close());

  it('lists every demo process with phase, due date, days left and status, overdue first', async () => {
    // Make two of them late in the read model: one overdue, one due within a week.
    const [late, soon] = await system.db.query(`SELECT id FROM process_instance ORDER BY id LIMIT 2`);
    await system.db.query(`UPDATE process_instance SET current_due_at = now() - interval '3 days' WHERE id = $1`, [late.id]);
    await system.db.query(`UPDATE process_instance SET current_due_at = now() + interval '5 days' WHERE id = $1`, [soon.id]);

    const res = await request(system.http)
      .get('/dashboard/phase-deadlines?limit=50')
      .set('Authorization', await bearer(Role.Admin));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(19);
    expect(res.body.items).toHaveLength(19);
    expect(res.body.items[0]).toMatchObject({
      processId: late.id,
      status: 'overdue',
      daysLeft: -3,
      phaseKey: 'identify',
      phaseNumber: 1,
      phaseTitle: 'Sozialraum identifizieren',
    });
    expect(res.body.items[1]).toMatchObject({ processId: soon.id, status: 'due_soon', daysLeft: 5 });
    expect(res.body.items.slice(2).every((i: { status: string }) => i.status === 'on_track')).toBe(true);
    const dues = res.body.items.map((i: { dueAt: string }) => Date.parse(i.dueAt));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(new Set(res.body.items.map((i: { socialSpaceName: string }) => i.socialSpaceName)).size).toBe(19);

    const overdue = await request(system.http)
      .get('/dashboard/phase-deadlines?status=overdue')
      .set('Authorization', await bearer(Role.Admin));
    expect(overdue.body).toMatchObject({ total: 1, items: [expect.objectContaining({ processId: late.id })] });
    const paged = await request(system.http)
      .get('/dashboard/phase-deadlines?limit=5&offset=15')
      .set('Authorization', await bearer(Role.Admin));
    expect(paged.body.items).toHaveLength(4);
  });

  it('filters by planning region and limits coordinators to their own', async () => {
    const [pr2] = await system.db.query(`SELECT id FROM planning_region WHERE code = 'PR2'`);
    const byRegion = await request(system.http)
      .get(`/dashboard/phase-deadlines?planningRegionId=${pr2.id}`)
      .set('Authorization', await bearer(Role.Admin));
    expect(byRegion.body.total).toBe(5);
    const mine = await request(system.http)
      .get('/dashboard/phase-deadlines')
      .set('Authorization', await bearer(Role.Coordinator));
    expect(mine.body.total).toBe(5);
    expect(new Set(mine.body.items.map((i: { planningRegionName: string }) => i.planningRegionName))).toEqual(
      new Set(['Planregion 1 – Teltow/Kleinmachnow']),
    );
    const notMine = await request(system.http)
      .get(`/dashboard/phase-deadlines?planningRegionId=${pr2.id}`)
      .set('Authorization', await bearer(Role.Coordinator));
    expect(notMine.body.total).toBe(0);
    expect(
      (
        await request(system.http)
          .get('/dashboard/phase-deadlines')
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
    const bad = await request(system.http)
      .get('/dashboard/phase-deadlines?status=late')
      .set('Authorization', await bearer(Role.Admin));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/status');
  });

  it('shows a paused process as paused with since when, and counts every traffic light', async () => {
    const admin = await bearer(Role.Admin);
    const before = await request(system.http).get('/dashboard/phase-deadlines?limit=50').set('Authorization', admin);
    const candidate = before.body.items.find(
      (i: { status: string; planningRegionName: string }) => i.status === 'on_track' && i.planningRegionName.startsWith('Planregion 1'),
    );
    const pausedAt = Date.now();
    const paused = await request(system.http)
      .post(`/sozialraum-processes/${candidate.processId}/pause`)
      .set('Authorization', await bearer(Role.Coordinator))
      .send({ reason: 'Koordinatorin in Elternzeit' });
    expect(paused.status).toBe(200);
    await eventually(
      async () =>
        (await system.db.query(`SELECT status FROM process_instance WHERE id = $1`, [candidate.processId]))[0].status === 'paused',
      10_000,
      'paused in the read model',
    );

    const res = await request(system.http).get('/dashboard/phase-deadlines?limit=50').set('Authorization', admin);
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { processId: string }) => i.processId === candidate.processId);
    expect(item).toMatchObject({ status: 'paused', processStatus: 'paused' });
    expect(Math.abs(Date.parse(item.pausedSince) - pausedAt)).toBeLessThan(10_000);
    expect(res.body.items.filter((i: { pausedSince: string | null }) => i.pausedSince !== null)).toHaveLength(1);
    // Paused processes come after the running ones.
    expect(res.body.items[res.body.items.length - 1].processId).toBe(candidate.processId);
    expect(res.body.counts).toEqual({ overdue: 1, dueSoon: 1, onTrack: 16, paused: 1 });
    expect(res.body.total).toBe(19);

    const onlyPaused = await request(system.http).get('/dashboard/phase-deadlines?status=paused').set('Authorization', admin);
    expect(onlyPaused.body).toMatchObject({ total: 1, items: [expect.objectContaining({ processId: candidate.processId })] });
    expect(onlyPaused.body.counts).toEqual(res.body.counts);
    const onTrack = await request(system.http).get('/dashboard/phase-deadlines?status=on_track&limit=50').set('Authorization', admin);
    expect(onTrack.body.total).toBe(16);
    expect(onTrack.body.items.some((i: { processId: string }) => i.processId === candidate.processId)).toBe(false);
  });
});
