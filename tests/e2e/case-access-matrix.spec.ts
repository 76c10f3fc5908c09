import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { assessmentBody, intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

type Who =
  | 'caseworker'
  | 'otherCaseworker'
  | 'sameSpace'
  | 'substitute'
  | 'substituteAfter'
  | 'breakGlass'
  | 'lead'
  | 'otherLead'
  | 'coordinator'
  | 'admin'
  | 'adviser'
  | 'uninvitedAdviser'
  | 'approver'
  | 'anonymous';
const WHO: Who[] = [
  'caseworker',
  'otherCaseworker',
  'sameSpace',
  'substitute',
  'substituteAfter',
  'breakGlass',
  'lead',
  'otherLead',
  'coordinator',
  'admin',
  'adviser',
  'uninvitedAdviser',
  'approver',
  'anonymous',
];
/**
 * The need-to-know callers beside the case team: a caseworker of the case's social space who is not
 * on its team (`sameSpace`, may know the case exists: 403), the responsible caseworker's substitute
 * in and after the period (`substitute` has the team's rights, `substituteAfter` none, 404), a
 * caseworker of another space who opened the case by break-glass with a reason, the lead of the
 * responsible caseworker's team (reads, does not write) and the lead of another team (404).
 */
type NeedToKnow = Pick<Record<Who, number | 'ok'>, 'sameSpace' | 'substitute' | 'substituteAfter' | 'breakGlass' | 'lead' | 'otherLead'>;

describe('role × endpoint matrix for cases and consultations', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const tokens = {} as Record<Who, string | undefined>;
  const ownConsultation: Partial<Record<Who, string>> = {};
  const ids = { caseId: '', consultationId: '', consentId: '', sessionId: '', confidedId: '', jhdCaseId: '', closeCaseId: '' };

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
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, social_space_ids) VALUES
         ('cw-same', 'Fachkraft im selben Sozialraum', '{caseworker}', ARRAY[$1::uuid]),
         ('cw-sub', 'Vertretung', '{caseworker}', '{}'), ('cw-sub-old', 'Frühere Vertretung', '{caseworker}', '{}'),
         ('cw-bg', 'Rufbereitschaft', '{caseworker}', '{}'), ('lead-1', 'Leitung ASD 1', '{lead}', '{}'), ('lead-2', 'Leitung ASD 2', '{lead}', '{}')`,
      [spaceId],
    );
    await system.db.query(
      `INSERT INTO team (name, kind, lead_id) VALUES ('ASD Matrix 1', 'asd_team', 'lead-1'), ('ASD Matrix 2', 'asd_team', 'lead-2')`,
    );
    await system.db.query(`UPDATE app_user SET team_id = (SELECT id FROM team WHERE name = 'ASD Matrix 1') WHERE id = 'demo-caseworker'`);
    await system.db.query(
      `INSERT INTO case_substitution (absent_user_id, substitute_user_id, starts_at, ends_at, named_by)
       VALUES ('demo-caseworker', 'cw-sub-old', now() - interval '10 days', now() - interval '3 days', 'demo-caseworker')`,
    );
    tokens.sameSpace = await bearer(Role.Caseworker, 'cw-same');
    tokens.substitute = await bearer(Role.Caseworker, 'cw-sub');
    tokens.substituteAfter = await bearer(Role.Caseworker, 'cw-sub-old');
    tokens.breakGlass = await bearer(Role.Caseworker, 'cw-bg');
    tokens.lead = await bearer(Role.Lead, 'lead-1');
    tokens.otherLead = await bearer(Role.Lead, 'lead-2');
    const cw = tokens.caseworker!;
    const created = (await request(system.http).post('/cases').set('Authorization', cw).send(caseBody(spaceId))).body;
    ids.caseId = created.id;
    ids.confidedId = created.confided[0].id;
    // Closed and reopened by the matrix's own rows, so the other routes keep an open case.
    ids.closeCaseId = (await request(system.http).post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id;
    ids.jhdCaseId = (
      await request(system.http).post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId)).expect(201)
    ).body.id;
    await request(system.http)
      .post('/substitutions')
      .set('Authorization', cw)
      .send({
        substituteUserId: 'cw-sub',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    for (const id of [ids.caseId, ids.jhdCaseId, ids.closeCaseId])
      await request(system.http)
        .post(`/cases/${id}/break-glass`)
        .set('Authorization', tokens.breakGlass!)
        .send({ reason: 'Kinderschutz-Anruf der Polizei in der Nacht, zuständige Fachkraft nicht erreichbar' })
        .expect(201);
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
    for (const who of ['substitute', 'breakGlass'] as const)
      ownConsultation[who] = (
        await request(system.http)
          .post(`/cases/${ids.caseId}/consultations`)
          .set('Authorization', cw)
          .send({ questions: ['Frage'] })
          .expect(201)
      ).body.id;
    await request(system.http)
      .post(`/consultations/${ids.consultationId}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser'] })
      .expect(200);
    await request(system.http).post(`/consultations/${ids.consultationId}/packet-release`).set('Authorization', cw).expect(201);
  });
  afterAll(() => system?.close());

  // Expected status per caller; `ok` means the owner's call gets past access control (2xx, or 409 from the state machine).
  const F = 403;
  const N = 404;
  const routes: Array<{
    name: string;
    call: (who: Who) => [method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object];
    /** A write of the Jugendhilfedienst process: `ok` is any answer past access control (the process may refuse the step). */
    lenient?: boolean;
    need: NeedToKnow;
    expect: Omit<Record<Who, number | 'ok'>, keyof NeedToKnow>;
  }> = [
    {
      name: 'POST /cases',
      need: { sameSpace: 400, substitute: 400, substituteAfter: 400, breakGlass: 400, lead: F, otherLead: F },
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
      need: { sameSpace: 200, substitute: 200, substituteAfter: 200, breakGlass: 200, lead: 200, otherLead: 200 },
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
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
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
      name: 'GET /cases/:id/file',
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
      call: () => ['get', `/cases/${ids.caseId}/file`],
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
      // A stale version: whoever gets past the access rule learns 412, and nothing changes.
      name: 'PATCH /cases/:id',
      need: { sameSpace: F, substitute: 412, substituteAfter: N, breakGlass: 412, lead: F, otherLead: F },
      call: () => ['patch', `/cases/${ids.caseId}`, { version: 999_999, will: 'Überschrieben' }],
      expect: {
        caseworker: 412,
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
      // The first caller past the access rule closes the case; the later ones get 409 (already closed).
      name: 'POST /cases/:id/close',
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
      call: () => ['post', `/cases/${ids.closeCaseId}/close`, { reason: 'Ziele erreicht' }],
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
      name: 'POST /cases/:id/reopen',
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
      call: () => ['post', `/cases/${ids.closeCaseId}/reopen`, { reason: 'Neue Meldung der Schule' }],
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
      name: 'GET /consultations/:id/packet-preview',
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: F, otherLead: F },
      call: () => ['get', `/consultations/${ids.consultationId}/packet-preview`],
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
      name: 'POST /consultations/:id/packet-release',
      need: { sameSpace: F, substitute: 201, substituteAfter: N, breakGlass: 201, lead: F, otherLead: F },
      call: () => ['post', `/consultations/${ids.consultationId}/packet-release`],
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
      name: 'GET /cases/:id/consents',
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
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
      name: 'GET /cases/:id/documents',
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
      call: () => ['get', `/cases/${ids.caseId}/documents`],
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
      // A JSON body is no upload (415), but only for whoever may add to the case: the others are refused first.
      name: 'POST /cases/:id/documents',
      call: () => ['post', `/cases/${ids.caseId}/documents`, {}],
      lenient: true,
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      name: 'POST /cases/:id/consents',
      need: { sameSpace: F, substitute: 201, substituteAfter: N, breakGlass: 201, lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 201, substituteAfter: N, breakGlass: 201, lead: F, otherLead: F },
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
      need: { sameSpace: 200, substitute: 200, substituteAfter: 200, breakGlass: 200, lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: F, substituteAfter: F, breakGlass: F, lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
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
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 400, substituteAfter: N, breakGlass: 400, lead: F, otherLead: F },
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
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
      // Each caller with the team's rights cancels a consultation of their own: a cancelled one has ended.
      call: (who) => ['post', `/consultations/${ownConsultation[who] ?? ids.consultationId}/cancel`, {}],
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
      name: 'POST /cases/:id/confided',
      call: () => ['post', `/cases/${ids.caseId}/confided`, { text: 'Noch etwas Anvertrautes' }],
      need: { sameSpace: F, substitute: 201, substituteAfter: N, breakGlass: 201, lead: F, otherLead: F },
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
      name: 'POST /cases/:id/confided/:item/release',
      call: () => ['post', `/cases/${ids.caseId}/confided/${ids.confidedId}/release`],
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: N, lead: F, otherLead: F },
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
      name: 'PUT /cases/:id/team',
      call: () => ['put', `/cases/${ids.caseId}/team`, { coWorkerIds: [] }],
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: F, lead: F, otherLead: F },
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
      name: 'POST /cases/:id/break-glass (no reason)',
      call: () => ['post', `/cases/${ids.caseId}/break-glass`, { reason: '  ' }],
      need: { sameSpace: 400, substitute: 400, substituteAfter: 400, breakGlass: 400, lead: F, otherLead: F },
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
      name: 'POST /cases/:id/transfer',
      call: () => ['post', `/cases/${ids.caseId}/transfer`, { toCaseworkerId: 'nobody', note: 'Übergabe' }],
      need: { sameSpace: F, substitute: 400, substituteAfter: N, breakGlass: F, lead: 400, otherLead: N },
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
      name: 'GET /cases/:id/transfers',
      call: () => ['get', `/cases/${ids.caseId}/transfers`],
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
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
      name: 'PUT /cases/:id/legal-hold',
      call: () => ['put', `/cases/${ids.caseId}/legal-hold`, { hold: false, reason: 'Prüfung abgeschlossen' }],
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: F, otherLead: F },
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
      name: 'GET /jugendhilfedienst-cases',
      call: () => ['get', '/jugendhilfedienst-cases'],
      need: { sameSpace: 200, substitute: 200, substituteAfter: 200, breakGlass: 200, lead: 200, otherLead: 200 },
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
      name: 'GET /jugendhilfedienst-cases/:id',
      call: () => ['get', `/jugendhilfedienst-cases/${ids.jhdCaseId}`],
      need: { sameSpace: F, substitute: 200, substituteAfter: N, breakGlass: 200, lead: 200, otherLead: N },
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
      name: 'POST /jugendhilfedienst-cases/:id/classification',
      call: () => ['post', `/jugendhilfedienst-cases/${ids.jhdCaseId}/classification`, { zone: 'endangerment' }],
      lenient: true,
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      name: 'POST /jugendhilfedienst-cases/:id/risk-assessment',
      call: () => ['post', `/jugendhilfedienst-cases/${ids.jhdCaseId}/risk-assessment`, assessmentBody()],
      lenient: true,
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      name: 'POST /jugendhilfedienst-cases/:id/help-plans',
      call: () => [
        'post',
        `/jugendhilfedienst-cases/${ids.jhdCaseId}/help-plans`,
        {
          planDate: new Date().toISOString().slice(0, 10),
          helpKinds: ['educational_assistance'],
          goals: ['Ziel'],
          agreements: 'x',
          participants: ['ASD'],
        },
      ],
      lenient: true,
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      name: 'POST /jugendhilfedienst-cases/:id/help-plans/reviews',
      call: () => [
        'post',
        `/jugendhilfedienst-cases/${ids.jhdCaseId}/help-plans/reviews`,
        { reviewedAt: new Date().toISOString().slice(0, 10), notes: 'x' },
      ],
      lenient: true,
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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
      name: 'POST /jugendhilfedienst-cases/:id/close',
      call: () => ['post', `/jugendhilfedienst-cases/${ids.jhdCaseId}/close`],
      lenient: true,
      need: { sameSpace: F, substitute: 'ok', substituteAfter: N, breakGlass: 'ok', lead: F, otherLead: F },
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

  it('lists the case’s open steps in "Meine Aufgaben" (GET /me/tasks) to its team and a substitute in period only', async () => {
    const caseIds = [ids.caseId, ids.jhdCaseId];
    const seen = async (who: Who): Promise<string | number> => {
      const req = request(system.http).get('/me/tasks?limit=200');
      if (tokens[who]) req.set('Authorization', tokens[who]!);
      const res = await req;
      if (res.status !== 200) return res.status;
      const kinds = (res.body.items as Array<{ kind: string; subject: { id: string } }>)
        .filter((t) => caseIds.includes(t.subject.id))
        .map((t) => t.kind)
        .sort();
      return kinds.join(',') || 'none';
    };
    // The read models are written by the workflows' activities, just after the requests answered.
    await eventually(async () => /jhd_classification/.test(String(await seen('caseworker'))), 20_000, 'the team’s tasks');
    const team = await seen('caseworker');
    expect(team).toBe('consultation_schedule,consultation_schedule,jhd_classification');
    const outcome: Record<string, string | number> = {};
    for (const who of WHO) outcome[who] = await seen(who);
    expect(outcome).toEqual({
      caseworker: team,
      substitute: team,
      otherCaseworker: 'none',
      sameSpace: 'none',
      substituteAfter: 'none',
      // Break-glass reads in an emergency; the lead reads; neither is given the team's steps.
      breakGlass: 'none',
      lead: 'none',
      otherLead: 'none',
      coordinator: 'none',
      admin: 'none',
      // The invited adviser's own step on the case: the recommendation (pseudonym only).
      adviser: 'consultation_recommend',
      uninvitedAdviser: 'none',
      approver: 'none',
      anonymous: 401,
    });
  });

  // Owner last: a successful cancel must not change what the others see.
  const ORDER: Who[] = [...WHO.filter((w) => w !== 'caseworker'), 'caseworker'];

  it.each(routes.map((r) => [r.name, r]))('%s', async (_name, route) => {
    const expected: Record<Who, number | 'ok'> = { ...route.expect, ...route.need };
    const outcome: Record<string, number | 'ok'> = {};
    for (const who of ORDER) {
      const [method, path, body] = route.call(who);
      const req = request(system.http)[method](path);
      if (tokens[who]) req.set('Authorization', tokens[who]!);
      const res = body ? await req.send(body) : await req;
      expect(res.headers['content-type']).toMatch(res.status >= 400 ? /application\/problem\+json/ : /json/);
      const passed = route.lenient
        ? ![401, 403, 404].includes(res.status) && res.status < 500
        : (res.status >= 200 && res.status < 300) || res.status === 409;
      outcome[who] = expected[who] === 'ok' && passed ? 'ok' : res.status;
    }
    expect(outcome).toEqual(expected);
  });

  it('lists a case of the social space to a caseworker not on its team with pseudonym and responsible caseworker only', async () => {
    for (const path of ['/cases', '/jugendhilfedienst-cases']) {
      const res = await request(system.http).get(path).set('Authorization', tokens.sameSpace!).expect(200);
      const listed = res.body.items.find((c: { id: string }) => c.id === (path === '/cases' ? ids.caseId : ids.jhdCaseId));
      expect(listed).toMatchObject({ access: null, responsibleCaseworkerId: 'demo-caseworker', zone: null });
      expect(JSON.stringify(res.body)).not.toMatch(/Mustermann/);
    }
    const mine = await request(system.http).get('/cases').set('Authorization', tokens.caseworker!).expect(200);
    expect(mine.body.items.find((c: { id: string }) => c.id === ids.caseId)).toMatchObject({
      access: 'team',
      familyName: 'Mustermann-Öztürk',
    });
    const lead = await request(system.http).get('/cases').set('Authorization', tokens.lead!).expect(200);
    expect(lead.body.items.map((c: { id: string }) => c.id)).toContain(ids.caseId);
    const otherLead = await request(system.http).get('/cases').set('Authorization', tokens.otherLead!).expect(200);
    expect(otherLead.body.items.map((c: { id: string }) => c.id)).not.toContain(ids.caseId);
  });

  it('audits access as substitution, break-glass and lead as what it is', async () => {
    const rows = await system.db.query(
      `SELECT actor_id, action FROM audit_event WHERE resource_type = 'case' AND resource_id = $1 AND action LIKE 'access-as-%'`,
      [ids.caseId],
    );
    const actions = new Set(rows.map((r: { actor_id: string; action: string }) => `${r.actor_id}:${r.action}`));
    expect(actions).toEqual(new Set(['cw-sub:access-as-substitute', 'cw-bg:access-as-break-glass', 'lead-1:access-as-lead']));
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
