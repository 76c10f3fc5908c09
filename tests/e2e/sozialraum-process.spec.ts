import request from 'supertest';
import { Role } from '@sro/common';
import { validDeliverables } from '../factories/sozialraum';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

describe('social-space process over HTTP (all six phases)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let coordinator: string;
  let space: { id: string; planning_region_id: string };
  let municipality: string;
  let partner: string;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-srd');
    coordinator = await bearer(Role.Coordinator);
    [space] = await system.db.query(
      `SELECT s.id, s.planning_region_id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    [{ id: municipality }] = await system.db.query('SELECT id FROM municipality WHERE social_space_id = $1', [space.id]);
    [{ id: partner }] = await system.db.query(`SELECT id FROM contract_partner ORDER BY code LIMIT 1`);
  });
  afterAll(() => system?.close());

  it('walks one process from phase 1 to the end, with a refused completion and a deadline extension', async () => {
    const http = system.http;
    const started = await request(http)
      .post('/sozialraum-processes')
      .set('Authorization', coordinator)
      .send({
        socialSpaceId: space.id,
        members: [{ kind: 'contract_partner', refId: partner, function: 'Familienzentrum' }],
      });
    expect(started.status).toBe(201);
    const id = started.body.id;
    expect(started.body).toMatchObject({ definitionVersion: 1, currentStep: 'identify', status: 'running' });

    // A second start for the same social space is a conflict.
    const twice = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: space.id });
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toMatch(/problem\+json/);

    // Completing before the deliverable is there is refused and names what is missing.
    const refused = await request(http).post(`/sozialraum-processes/${id}/phases/identify/complete`).set('Authorization', coordinator);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/missing deliverables boundaries/);
    expect(refused.body.errors).toEqual([{ pointer: '/deliverables/boundaries', message: 'required deliverable is missing' }]);

    // Out of order: refused too.
    const outOfOrder = await request(http).post(`/sozialraum-processes/${id}/phases/goals/complete`).set('Authorization', coordinator);
    expect(outOfOrder.status).toBe(409);

    // Extension with a reason, audited.
    const before = (await request(http).get(`/sozialraum-processes/${id}`).set('Authorization', coordinator)).body.process.currentDueAt;
    const newDue = new Date(Date.parse(before) + 21 * 86_400_000).toISOString();
    const extended = await request(http)
      .post(`/sozialraum-processes/${id}/phases/identify/extension`)
      .set('Authorization', coordinator)
      .send({ dueAt: newDue, reason: 'Gründungsveranstaltung nach der Kommunalwahl' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ phaseKey: 'identify', to: newDue });
    await eventually(
      async () =>
        (await request(http).get(`/sozialraum-processes/${id}`).set('Authorization', coordinator)).body.process.currentDueAt === newDue,
      10_000,
      'extended due date in the read model',
    );
    const [audit] = await system.db.query(
      `SELECT * FROM audit_event WHERE resource_type = 'sozialraum-process' AND action = 'extend-deadline' AND resource_id = $1`,
      [id],
    );
    expect(audit).toMatchObject({ actor_id: 'demo-coordinator', outcome: 'allowed' });

    // An invalid deliverable: 400 with pointers, nothing changes.
    const bad = await request(http)
      .put(`/sozialraum-processes/${id}/phases/identify/deliverables/boundaries`)
      .set('Authorization', coordinator)
      .send({ value: { description: '', municipalityIds: ['not-a-uuid'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/value/description', '/value/municipalityIds/0']);
    // Municipality ids must name municipalities of the reference data.
    const unknownMunicipality = '00000000-0000-4000-8000-0000000000aa';
    const unknown = await request(http)
      .put(`/sozialraum-processes/${id}/phases/identify/deliverables/boundaries`)
      .set('Authorization', coordinator)
      .send({ value: { description: 'Grenzen', municipalityIds: [municipality, unknownMunicipality] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ pointer: '/value/municipalityIds/1', message: `no municipality ${unknownMunicipality}` }]);

    for (const d of validDeliverables(municipality, partner)) {
      const put = await request(http)
        .put(`/sozialraum-processes/${id}/phases/${d.phaseKey}/deliverables/${d.deliverableKey}`)
        .set('Authorization', coordinator)
        .send({ value: d.value });
      expect({ phase: d.phaseKey, status: put.status, body: put.status === 200 ? 'ok' : put.body }).toEqual({
        phase: d.phaseKey,
        status: 200,
        body: 'ok',
      });
      const done = await request(http).post(`/sozialraum-processes/${id}/phases/${d.phaseKey}/complete`).set('Authorization', coordinator);
      expect(done.status).toBe(200);
      expect(done.body.completed).toBe(d.phaseKey);
    }

    await eventually(
      async () =>
        (await request(http).get(`/sozialraum-processes/${id}`).set('Authorization', coordinator)).body.process.status === 'completed',
      10_000,
      'completed',
    );
    const detail = await request(http).get(`/sozialraum-processes/${id}`).set('Authorization', coordinator);
    expect(detail.body.process.steps.map((s: { status: string }) => s.status)).toEqual(Array(6).fill('completed'));
    expect(detail.body.state.members).toEqual([expect.objectContaining({ kind: 'contract_partner', refId: partner })]);

    const history = await request(http).get(`/sozialraum-processes/${id}/history?limit=100`).set('Authorization', coordinator);
    const kinds = history.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe('started');
    expect(kinds.filter((k: string) => k === 'phase_completed')).toHaveLength(6);
    expect(kinds).toContain('due_date_extended');

    // The phase reminders were cancelled as the phases completed.
    const [{ scheduled }] = await system.db.query(
      `SELECT count(*)::int AS scheduled FROM reminder WHERE key LIKE $1 AND status = 'scheduled'`,
      [`srd/${id}/%`],
    );
    expect(scheduled).toBe(0);
  });

  it('lets a caseworker of the social space read but not write, and hides processes of other regions', async () => {
    const http = system.http;
    const [other] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR2' LIMIT 1`,
    );
    const foreign = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: other.id });
    expect(foreign.status).toBe(404);
    const started = await request(http)
      .post('/sozialraum-processes')
      .set('Authorization', await bearer(Role.Coordinator, 'demo-coordinator-pr2'))
      .send({ socialSpaceId: other.id });
    expect(started.status).toBe(201);
    expect((await request(http).get(`/sozialraum-processes/${started.body.id}`).set('Authorization', coordinator)).status).toBe(404);
    const caseworker = await bearer(Role.Caseworker);
    const list = await request(http).get('/sozialraum-processes').set('Authorization', caseworker);
    expect(list.status).toBe(200);
    expect(list.body.items.every((p: { planningRegionId: string }) => p.planningRegionId === space.planning_region_id)).toBe(true);
    const write = await request(http).post(`/sozialraum-processes/${started.body.id}/pause`).set('Authorization', caseworker).send({});
    expect(write.status).toBe(403);
    const unknown = await request(http)
      .post('/sozialraum-processes')
      .set('Authorization', coordinator)
      .send({ socialSpaceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/socialSpaceId' })]);
  });

  it('keeps the social-space budget: allocations beyond it are 409 and book nothing', async () => {
    const http = system.http;
    const path = `/sozialraum-budgets/${space.id}/2026`;
    expect((await request(http).put(path).set('Authorization', coordinator).send({ amountCents: 500_000 })).status).toBe(200);
    const ok = await request(http)
      .post(`${path}/allocations`)
      .set('Authorization', coordinator)
      .send({ kind: 'initiative', title: 'Nachbarschaftsfest', amountCents: 300_000 });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ amountCents: 500_000, allocatedCents: 300_000, availableCents: 200_000 });
    const tooMuch = await request(http)
      .post(`${path}/allocations`)
      .set('Authorization', coordinator)
      .send({ kind: 'initiative', title: 'Zu teuer', amountCents: 250_000 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.errors).toEqual([{ pointer: '/amountCents', message: 'at most 200000' }]);
    const view = await request(http)
      .get(path)
      .set('Authorization', await bearer(Role.Caseworker));
    expect(view.body.allocations).toHaveLength(1);
    const noMeasure = await request(http)
      .post(`${path}/allocations`)
      .set('Authorization', coordinator)
      .send({ kind: 'measure', title: 'X', amountCents: 1 });
    expect(noMeasure.status).toBe(400);
  });
});
