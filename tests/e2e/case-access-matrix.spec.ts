import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

type Who = 'caseworker' | 'otherCaseworker' | 'coordinator' | 'admin' | 'adviser' | 'uninvitedAdviser' | 'approver' | 'anonymous';
const WHO: Who[] = ['caseworker', 'otherCaseworker', 'coordinator', 'admin', 'adviser', 'uninvitedAdviser', 'approver', 'anonymous'];

describe('role × endpoint matrix for cases and consultations', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const tokens = {} as Record<Who, string | undefined>;
  const ids = { caseId: '', consultationId: '', consentId: '', sessionId: '' };

  beforeAll(async () => {
    system = await isolatedSystem('e2e-matrix');
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('cw-other', 'Fachkraft ohne Zuständigkeit', '{caseworker}'), ('adviser-2', 'Andere Beratung', '{adviser}')`,
    );
    tokens.caseworker = await bearer(Role.Caseworker);
    tokens.otherCaseworker = await bearer(Role.Caseworker, 'cw-other');
    tokens.coordinator = await bearer(Role.Coordinator);
    tokens.admin = await bearer(Role.Admin);
    tokens.adviser = await bearer(Role.Adviser);
    tokens.uninvitedAdviser = await bearer(Role.Adviser, 'adviser-2');
    tokens.approver = await bearer(Role.Approver);
    tokens.anonymous = undefined;
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' LIMIT 1`,
    );
    const cw = tokens.caseworker!;
    ids.caseId = (await request(system.http).post('/cases').set('Authorization', cw).send(caseBody(spaceId))).body.id;
    ids.consentId = (
      await request(system.http)
        .post(`/cases/${ids.caseId}/consents`)
        .set('Authorization', cw)
        .send({ givenBy: 'Mutter', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: '2026-11-01' })
    ).body.id;
    ids.sessionId = (
      await request(system.http)
        .post('/fallteam-sessions')
        .set('Authorization', cw)
        .send({
          startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
          place: 'Rathaus',
          capacity: 10,
          moderatorId: 'demo-caseworker',
        })
    ).body.id;
    ids.consultationId = (
      await request(system.http)
        .post(`/cases/${ids.caseId}/consultations`)
        .set('Authorization', cw)
        .send({ questions: ['Frage'] })
    ).body.id;
    await request(system.http)
      .post(`/consultations/${ids.consultationId}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: ids.sessionId })
      .expect(200);
    await request(system.http)
      .post(`/consultations/${ids.consultationId}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser'] })
      .expect(200);
  });
  afterAll(() => system?.close());

  // Expected status per caller; `ok` means the owner's call gets past access control (2xx, or 409 from the state machine).
  const F = 403;
  const N = 404;
  const routes: Array<{
    name: string;
    call: () => [method: 'get' | 'post', path: string, body?: object];
    expect: Record<Who, number | 'ok'>;
  }> = [
    {
      name: 'POST /cases',
      call: () => ['post', '/cases', { zone: 'x' }],
      expect: {
        caseworker: 400,
        otherCaseworker: 400,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /cases',
      call: () => ['get', '/cases'],
      expect: {
        caseworker: 200,
        otherCaseworker: 200,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /cases/:id',
      call: () => ['get', `/cases/${ids.caseId}`],
      expect: {
        caseworker: 200,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /cases/:id/consents',
      call: () => ['get', `/cases/${ids.caseId}/consents`],
      expect: {
        caseworker: 200,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /cases/:id/consents',
      call: () => [
        'post',
        `/cases/${ids.caseId}/consents`,
        { givenBy: 'Vater', purpose: 'fallteam', fields: ['address'], form: 'written', givenAt: '2026-11-02' },
      ],
      expect: {
        caseworker: 201,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /cases/:id/consents/:c/revoke',
      call: () => ['post', `/cases/${ids.caseId}/consents/${ids.consentId}/revoke`],
      expect: {
        caseworker: 'ok',
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /cases/:id/consultations',
      call: () => ['post', `/cases/${ids.caseId}/consultations`, { questions: ['Noch eine Frage'] }],
      expect: {
        caseworker: 201,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /fallteam-sessions',
      call: () => ['get', '/fallteam-sessions'],
      expect: {
        caseworker: 200,
        otherCaseworker: 200,
        coordinator: 200,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /consultations',
      call: () => ['get', '/consultations'],
      expect: {
        caseworker: F,
        otherCaseworker: F,
        coordinator: F,
        admin: F,
        adviser: 200,
        uninvitedAdviser: 200,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /consultations/:id',
      call: () => ['get', `/consultations/${ids.consultationId}`],
      expect: {
        caseworker: 200,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'GET /consultations/:id/packet',
      call: () => ['get', `/consultations/${ids.consultationId}/packet`],
      expect: {
        caseworker: 200,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: 200,
        uninvitedAdviser: N,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /consultations/:id/schedule',
      call: () => ['post', `/consultations/${ids.consultationId}/schedule`, { sessionId: ids.sessionId }],
      expect: {
        caseworker: 'ok',
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /consultations/:id/invitations',
      call: () => ['post', `/consultations/${ids.consultationId}/invitations`, { adviserIds: ['demo-adviser'] }],
      expect: {
        caseworker: 'ok',
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /consultations/:id/outcome',
      call: () => [
        'post',
        `/consultations/${ids.consultationId}/outcome`,
        { participants: [{ role: 'family' }], recommendations: [], decision: 'x', helpSetting: 'y' },
      ],
      expect: {
        caseworker: 400,
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
    {
      name: 'POST /consultations/:id/cancel',
      call: () => ['post', `/consultations/${ids.consultationId}/cancel`, {}],
      expect: {
        caseworker: 'ok',
        otherCaseworker: N,
        coordinator: F,
        admin: F,
        adviser: F,
        uninvitedAdviser: F,
        approver: F,
        anonymous: 401,
      },
    },
  ];

  // Owner last: a successful cancel must not change what the others see.
  const ORDER: Who[] = [...WHO.filter((w) => w !== 'caseworker'), 'caseworker'];

  it.each(routes.map((r) => [r.name, r]))('%s', async (_name, route) => {
    const outcome: Record<string, number | 'ok'> = {};
    for (const who of ORDER) {
      const [method, path, body] = route.call();
      const req = request(system.http)[method](path);
      if (tokens[who]) req.set('Authorization', tokens[who]!);
      const res = body ? await req.send(body) : await req;
      expect(res.headers['content-type']).toMatch(res.status >= 400 ? /application\/problem\+json/ : /json/);
      outcome[who] = route.expect[who] === 'ok' && ((res.status >= 200 && res.status < 300) || res.status === 409) ? 'ok' : res.status;
    }
    expect(outcome).toEqual(route.expect);
  });

  it('audits every read of case data, allowed or refused', async () => {
    const rows = await system.db.query(
      `SELECT actor_id, outcome FROM audit_event WHERE resource_type IN ('case', 'consultation', 'consultation-packet') AND resource_id = ANY($1)`,
      [[ids.caseId, ids.consultationId]],
    );
    const by = (actor: string, outcome: string) => rows.filter((r: any) => r.actor_id === actor && r.outcome === outcome).length;
    expect(by('demo-caseworker', 'allowed')).toBeGreaterThan(5);
    expect(by('cw-other', 'denied')).toBeGreaterThan(5);
    expect(by('demo-coordinator', 'denied')).toBeGreaterThan(5);
    expect(by('adviser-2', 'denied')).toBeGreaterThan(0);
  });
});
