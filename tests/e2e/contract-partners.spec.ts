import request from 'supertest';
import { Role } from '@sro/common';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

describe('contract-partner registry over HTTP', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let coordinator: string;
  let spaces: Array<{ id: string }>;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-partners');
    coordinator = await bearer(Role.Coordinator);
    spaces = await system.db.query('SELECT id FROM social_space ORDER BY code LIMIT 2');
  });
  afterAll(() => system?.close());

  const body = () => ({
    name: 'Familienzentrum Seehof e.V.',
    kind: 'free_provider',
    socialSpaceIds: spaces.map((s) => s.id),
    accessionDate: '2024-03-01',
    contacts: [{ role: 'Geschäftsführung', email: 'info@fz-seehof.example', phone: '+49 3328 12345' }],
  });

  it('lists the 35 demo partners, paged and filtered, to every staff role but advisers', async () => {
    const all = await request(system.http)
      .get('/contract-partners?limit=100')
      .set('Authorization', await bearer(Role.Approver));
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(35);
    const municipalities = await request(system.http)
      .get('/contract-partners?kind=municipality&limit=100')
      .set('Authorization', coordinator);
    expect(municipalities.body.total).toBe(19);
    const inSpace = await request(system.http)
      .get(`/contract-partners?socialSpaceId=${spaces[0].id}`)
      .set('Authorization', await bearer(Role.Caseworker));
    expect(
      inSpace.body.items.every((p: { socialSpaces: Array<{ id: string }> }) => p.socialSpaces.some((s) => s.id === spaces[0].id)),
    ).toBe(true);
    expect(
      (
        await request(system.http)
          .get('/contract-partners')
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
  });

  it('lets coordinators create, update and close a partner; others may not write', async () => {
    expect(
      (
        await request(system.http)
          .post('/contract-partners')
          .set('Authorization', await bearer(Role.Caseworker))
          .send(body())
      ).status,
    ).toBe(403);
    const created = await request(system.http).post('/contract-partners').set('Authorization', coordinator).send(body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Familienzentrum Seehof e.V.',
      kind: 'free_provider',
      exitDate: null,
      updatedBy: 'demo-coordinator',
    });
    expect(created.body.socialSpaces).toHaveLength(2);
    const updated = await request(system.http)
      .put(`/contract-partners/${created.body.id}`)
      .set('Authorization', coordinator)
      .send({ ...body(), name: 'Familienzentrum Seehof gGmbH', socialSpaceIds: [spaces[0].id] });
    expect(updated.body).toMatchObject({
      name: 'Familienzentrum Seehof gGmbH',
      socialSpaces: [expect.objectContaining({ id: spaces[0].id })],
    });
    const exited = await request(system.http)
      .post(`/contract-partners/${created.body.id}/exit`)
      .set('Authorization', coordinator)
      .send({ exitDate: '2026-01-31', reason: 'Träger hat den Betrieb im Sozialraum eingestellt' });
    expect(exited.body.exitDate).toBe('2026-01-31');
    expect(exited.body.exitReason).toBe('Träger hat den Betrieb im Sozialraum eingestellt');
    const active = await request(system.http).get('/contract-partners?active=true&limit=100').set('Authorization', coordinator);
    expect(active.body.items.some((p: { id: string }) => p.id === created.body.id)).toBe(false);
  });

  it('rejects bad input with pointers and stores nothing', async () => {
    const before = (await system.db.query('SELECT count(*)::int AS n FROM contract_partner'))[0].n;
    const bad = await request(system.http)
      .post('/contract-partners')
      .set('Authorization', coordinator)
      .send({
        ...body(),
        kind: 'church',
        accessionDate: '2024-03-01',
        exitDate: '2020-01-01',
        socialSpaceIds: ['00000000-0000-4000-8000-000000000000'],
        contacts: [{ role: 'x', email: 'nope' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/kind', '/contacts/0/email']));
    const order = await request(system.http)
      .post('/contract-partners')
      .set('Authorization', coordinator)
      .send({ ...body(), exitDate: '2020-01-01', socialSpaceIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(order.status).toBe(400);
    expect(order.body.errors).toEqual([
      {
        pointer: '/exitDate',
        code: 'date.min',
        params: { min: '2024-03-01' },
        message: 'Der Austritt darf nicht vor dem Beitritt am 01.03.2024 liegen.',
      },
      { pointer: '/socialSpaceIds/0', code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' },
    ]);
    expect((await system.db.query('SELECT count(*)::int AS n FROM contract_partner'))[0].n).toBe(before);
    expect(
      (await request(system.http).get('/contract-partners/00000000-0000-4000-8000-000000000000').set('Authorization', coordinator)).status,
    ).toBe(404);
  });

  it('lets a coordinator change partners only in their planning regions (a partner of several regions: any of them), audited', async () => {
    const region2 = await bearer(Role.Coordinator, 'demo-coordinator-pr2');
    const [teltow] = await system.db.query(`SELECT id, name FROM contract_partner WHERE code = 'VP01'`);
    const [werder] = await system.db.query(`SELECT id FROM social_space WHERE code = 'SR06'`);
    const onlyRegion1 = {
      name: teltow.name,
      kind: 'municipality',
      socialSpaceIds: [spaces[0].id],
      accessionDate: '2012-01-01',
      contacts: [],
    };
    const refused = await request(system.http).put(`/contract-partners/${teltow.id}`).set('Authorization', region2).send(onlyRegion1);
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toBe('Sie können nur Vertragspartner ändern, die in einer Ihrer Planregionen tätig sind.');
    const exit = await request(system.http)
      .post(`/contract-partners/${teltow.id}/exit`)
      .set('Authorization', region2)
      .send({ exitDate: '2030-12-31' });
    expect(exit.status).toBe(403);
    const create = await request(system.http).post('/contract-partners').set('Authorization', region2).send(body());
    expect(create.status).toBe(403);
    expect((await system.db.query(`SELECT exit_date FROM contract_partner WHERE id = $1`, [teltow.id]))[0].exit_date).toBeNull();

    // Serving Teltow (region 1) and Werder (region 2): either coordinator may change it.
    const shared = await request(system.http)
      .post('/contract-partners')
      .set('Authorization', coordinator)
      .send({ ...body(), name: 'Verbund Teltow-Werder e.V.', socialSpaceIds: [spaces[0].id, werder.id] });
    expect(shared.status).toBe(201);
    const byRegion2 = await request(system.http)
      .put(`/contract-partners/${shared.body.id}`)
      .set('Authorization', region2)
      .send({ ...body(), name: 'Verbund Teltow-Werder gGmbH', socialSpaceIds: [spaces[0].id, werder.id] });
    expect(byRegion2.status).toBe(200);

    const audit = await request(system.http)
      .get(`/audit?resourceType=contract-partner&actorId=demo-coordinator-pr2`)
      .set('Authorization', await bearer(Role.Admin));
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'update', resourceId: teltow.id, outcome: 'denied' }),
        expect.objectContaining({ action: 'exit', resourceId: teltow.id, outcome: 'denied' }),
        expect.objectContaining({ action: 'update', resourceId: shared.body.id, outcome: 'allowed' }),
      ]),
    );
  });
});
