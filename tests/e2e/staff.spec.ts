import request from 'supertest';
import { Role } from '@sro/common';
import { TeamRepository } from '@sro/reference-data';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

/** Staff administration (admins): users and teams, validation in German, audit, deactivation without silent reassignment. */
describe('staff administration (HTTP, real services)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let admin: string;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-staff');
    admin = await bearer(Role.Admin);
  });
  afterAll(async () => system?.close());

  it('is for admins only', async () => {
    for (const role of [Role.Caseworker, Role.Lead, Role.Coordinator]) {
      const res = await api()
        .get('/staff/users')
        .set('Authorization', await bearer(role));
      expect(res.status).toBe(403);
    }
  });

  it('lists users and teams page by page, filtered by role and team', async () => {
    const page = await api().get('/staff/users?limit=5&offset=5').set('Authorization', admin);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 5, offset: 5, total: 23 }); // 22 demo staff and the demo statistics user
    expect(page.body.items).toHaveLength(5);
    const leads = await api().get('/staff/users?role=lead').set('Authorization', admin);
    expect(leads.body.items.map((u: { id: string }) => u.id).sort()).toEqual([
      'demo-lead',
      'demo-lead-pr2',
      'demo-lead-pr3',
      'demo-lead-pr4',
    ]);
    const teams = await api().get('/staff/teams?limit=3').set('Authorization', admin);
    expect(teams.body).toMatchObject({ total: 8, limit: 3 });
    expect(teams.body.items).toHaveLength(3);
    const asd1 = (await api().get('/staff/teams?limit=50').set('Authorization', admin)).body.items.find(
      (t: { name: string }) => t.name === 'ASD-Team Planregion 1',
    );
    expect(asd1).toMatchObject({ kind: 'asd_team', leadId: 'demo-lead', memberCount: 3 });
    const members = await api().get(`/staff/users?teamId=${asd1.id}`).set('Authorization', admin);
    expect(members.body.items.map((u: { id: string }) => u.id).sort()).toEqual(['demo-caseworker', 'demo-caseworker-pr1-2', 'demo-lead']);
    const bad = await api().get('/staff/users?role=chef&limit=0').set('Authorization', admin);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/limit', '/role']);
  });

  it('finds the active lead of a user’s team', async () => {
    const teams = system.api.app.get(TeamRepository);
    expect(await teams.leadIdsOfUser('demo-caseworker')).toEqual(['demo-lead']);
    expect(await teams.leadIdsOfUser('demo-caseworker-pr3-1')).toEqual(['demo-lead-pr3']);
    expect(await teams.leadIdsOfUser('demo-admin')).toEqual([]);
  });

  it('creates a user after validating every field, with German problems and pointers, and audits it', async () => {
    const [space] = await system.db.query(`SELECT id FROM social_space WHERE code = 'SR02'`);
    const invalid = await api()
      .post('/staff/users')
      .set('Authorization', admin)
      .send({
        id: 'neu 1',
        displayName: 'X',
        email: 'keine-adresse',
        roles: ['caseworker', 'chef'],
        socialSpaceIds: ['00000000-0000-4000-8000-000000000000'],
      });
    expect(invalid.status).toBe(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pointer: '/id',
          code: 'format',
          message: 'Die Kennung besteht aus 1–200 sichtbaren Zeichen ohne Leerzeichen.',
        }),
        { pointer: '/displayName', code: 'length.min', params: { min: 2 }, message: 'Der Name ist zu kurz (mindestens 2 Zeichen).' },
        { pointer: '/email', code: 'format.email', message: 'Die E-Mail-Adresse ist ungültig.' },
        expect.objectContaining({ pointer: '/roles/1', code: 'enum', message: expect.stringMatching(/^Unbekannte Rolle/) }),
      ]),
    );
    const unknownSpace = await api()
      .post('/staff/users')
      .set('Authorization', admin)
      .send({
        id: 'fk-neu-1',
        displayName: 'Fachkraft Neu',
        roles: ['caseworker'],
        socialSpaceIds: ['00000000-0000-4000-8000-000000000000'],
      });
    expect(unknownSpace.status).toBe(400);
    expect(unknownSpace.body.errors).toEqual([
      { pointer: '/socialSpaceIds/0', code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' },
    ]);
    const adviserWithoutOrg = await api()
      .post('/staff/users')
      .set('Authorization', admin)
      .send({ id: 'berater-neu', displayName: 'Beratung Neu', roles: ['adviser'] });
    expect(adviserWithoutOrg.body.errors).toEqual([
      { pointer: '/organisation', code: 'required', message: 'Für externe Beratung ist die Organisation anzugeben.' },
    ]);

    const created = await api()
      .post('/staff/users')
      .set('Authorization', admin)
      .send({
        id: 'fk-neu-1',
        displayName: 'Fachkraft Neu',
        email: 'fk-neu-1@jugendamt.example',
        roles: ['caseworker'],
        socialSpaceIds: [space.id],
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'fk-neu-1', active: true, provisionedBy: 'admin', socialSpaceIds: [space.id], teamId: null });
    const twice = await api()
      .post('/staff/users')
      .set('Authorization', admin)
      .send({ id: 'fk-neu-1', displayName: 'Noch einmal', roles: ['caseworker'] });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('Es gibt bereits einen Zugang mit dieser Kennung.');
    const log = await api().get('/audit?resourceType=user&resourceId=fk-neu-1').set('Authorization', admin);
    expect(log.body.items).toEqual([expect.objectContaining({ action: 'create', outcome: 'allowed', actorId: 'demo-admin' })]);
    expect((await api().get('/staff/users/niemand').set('Authorization', admin)).status).toBe(404);
  });

  it('keeps team leads valid: the lead must hold the lead role, and a lead keeps the role while leading', async () => {
    const notALead = await api()
      .post('/staff/teams')
      .set('Authorization', admin)
      .send({ name: 'ASD-Team Nord', kind: 'asd_team', leadId: 'demo-caseworker' });
    expect(notALead.status).toBe(400);
    expect(notALead.body.errors).toEqual([
      {
        pointer: '/leadId',
        code: 'user.role',
        params: { roles: ['lead'] },
        message: 'Die Leitung muss eine aktive Person mit der Rolle Leitung sein.',
      },
    ]);
    const badKind = await api().post('/staff/teams').set('Authorization', admin).send({ name: 'Team X', kind: 'abteilung' });
    expect(badKind.body.errors).toEqual([expect.objectContaining({ pointer: '/kind' })]);
    const duplicate = await api()
      .post('/staff/teams')
      .set('Authorization', admin)
      .send({ name: 'ASD-Team Planregion 1', kind: 'asd_team' });
    expect(duplicate.body.errors).toEqual([{ pointer: '/name', code: 'duplicate', message: 'Ein Team mit diesem Namen gibt es bereits.' }]);
    // A select left empty sends "": no lead, not a database error (found by the body fuzzer).
    const emptyChoices = await api()
      .post('/staff/teams')
      .set('Authorization', admin)
      .send({ name: 'Regionalteam ohne Leitung', kind: 'regional_team', leadId: '' });
    expect(emptyChoices.status).toBe(201);
    expect(emptyChoices.body).toMatchObject({ leadId: null });

    const team = await api()
      .post('/staff/teams')
      .set('Authorization', admin)
      .send({ name: 'ASD-Team Nord', kind: 'asd_team', leadId: 'demo-lead' });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ name: 'ASD-Team Nord', leadId: 'demo-lead', memberCount: 0, memberIds: [] });

    const lead = (await api().get('/staff/users/demo-lead').set('Authorization', admin)).body;
    const dropRole = await api()
      .put('/staff/users/demo-lead')
      .set('Authorization', admin)
      .send({ displayName: lead.displayName, roles: ['caseworker'], socialSpaceIds: lead.socialSpaceIds, teamId: lead.teamId });
    expect(dropRole.status).toBe(400);
    expect(dropRole.body.errors).toEqual([
      expect.objectContaining({ pointer: '/roles', code: 'role.leads-team', message: expect.stringMatching(/leitet/) }),
    ]);

    // A team with members is not deleted (they would be left without team silently); an empty one is.
    await api()
      .put('/staff/users/fk-neu-1')
      .set('Authorization', admin)
      .send({ displayName: 'Fachkraft Neu', roles: ['caseworker'], teamId: team.body.id });
    const withMembers = await api().delete(`/staff/teams/${team.body.id}`).set('Authorization', admin);
    expect(withMembers.status).toBe(409);
    expect(await system.api.app.get(TeamRepository).leadIdsOfUser('fk-neu-1')).toEqual(['demo-lead']);
    const leave = await api()
      .put('/staff/users/fk-neu-1')
      .set('Authorization', admin)
      .send({ displayName: 'Fachkraft Neu', roles: ['caseworker'], teamId: null });
    expect(leave.body).toMatchObject({ teamId: null });
    expect((await api().delete(`/staff/teams/${team.body.id}`).set('Authorization', admin)).status).toBe(204);
    expect((await api().get(`/staff/teams/${team.body.id}`).set('Authorization', admin)).status).toBe(404);
  });

  it('deactivating keeps the user and their cases, and a deactivated lead no longer counts as the team’s lead', async () => {
    const res = await api().post('/staff/users/demo-lead-pr4/deactivate').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: 'demo-lead-pr4', active: false }, openCases: [] });
    expect(res.body.ledTeamIds).toHaveLength(2);
    expect(await system.api.app.get(TeamRepository).leadIdsOfUser('demo-caseworker-pr4-1')).toEqual([]);
    const refused = await api()
      .get('/me')
      .set('Authorization', await bearer(Role.Lead, 'demo-lead-pr4'));
    expect(refused.status).toBe(403);
    const inactive = await api().get('/staff/users?active=false').set('Authorization', admin);
    expect(inactive.body.items.map((u: { id: string }) => u.id)).toEqual(['demo-lead-pr4']);
    expect((await api().post('/staff/users/demo-lead-pr4/reactivate').set('Authorization', admin)).body).toMatchObject({
      active: true,
      deactivatedAt: null,
    });
  });

  it('lists the active external advisers with organisation and expertise to caseworkers, not to advisers', async () => {
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, organisation, expertise, active) VALUES ('adviser-away', 'Beratung weg', '{adviser}', 'Weg e.V.', '{Kinderschutz}', false)`,
    );
    const res = await api()
      .get('/staff/advisers?search=kinderschutz')
      .set('Authorization', await bearer(Role.Caseworker));
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: 'demo-adviser',
        displayName: 'Demo Externe Beratung',
        organisation: 'Erziehungsberatung Am See gGmbH',
        expertise: ['Erziehungsberatung', 'Kinderschutz'],
      },
    ]);
    expect(
      (
        await api()
          .get('/staff/advisers')
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
  });

  it('names the active coordinators, caseworkers and approvers to coordinators and caseworkers (names and roles only), not to advisers', async () => {
    const res = await api()
      .get('/staff/colleagues')
      .set('Authorization', await bearer(Role.Coordinator));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(1);
    for (const item of res.body.items) {
      expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'roles']);
      expect(item.roles.some((r: string) => ['coordinator', 'caseworker', 'approver'].includes(r))).toBe(true);
    }
    expect(res.body.items.map((u: { id: string }) => u.id)).not.toContain('demo-adviser');
    expect(
      (
        await api()
          .get('/staff/colleagues')
          .set('Authorization', await bearer(Role.Caseworker))
      ).status,
    ).toBe(200);
    for (const role of [Role.Adviser, Role.Approver]) {
      expect(
        (
          await api()
            .get('/staff/colleagues')
            .set('Authorization', await bearer(role))
        ).status,
      ).toBe(403);
    }
  });
});
