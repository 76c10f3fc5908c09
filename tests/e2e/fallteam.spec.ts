import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { Principal, Role } from '@sro/common';
import { CaseRepository, CaseSearchIndex, CaseService, ConsultationRepository } from '@sro/cases';
import { createDataConverter } from '@sro/temporal';
import { caseBody, PERSONAL_STRINGS } from '../factories/cases';
import { intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

describe('extended Fallteam under social-data protection (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let adviser: string;
  let spaceId: string;
  let caseId: string;
  let consultationId: string;
  let sessionId: string;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-fallteam');
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('adviser-2', 'Zweite Beratung', '{adviser}'), ('cw-other', 'Andere Fachkraft', '{caseworker}')`,
    );
    cw = await bearer(Role.Caseworker);
    adviser = await bearer(Role.Adviser);
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
  });
  afterAll(() => system?.close());

  const http = () => system.http;

  it('stores a case with its personal data encrypted at rest and shows it to the caseworker', async () => {
    const res = await request(http()).post('/cases').set('Authorization', cw).send(caseBody(spaceId));
    expect(res.status).toBe(201);
    caseId = res.body.id;
    expect(res.body.pseudonym).toMatch(/^F-\d{4}-[A-Z2-9]{6}$/);
    expect(res.body.personal.familyName).toBe('Mustermann-Öztürk');
    expect(res.body.confided).toEqual([expect.objectContaining({ text: expect.stringContaining('Schulden') })]);
    const [raw] = await system.db.query('SELECT * FROM case_file WHERE id = $1', [caseId]);
    const stored = JSON.stringify(raw);
    for (const s of PERSONAL_STRINGS) expect(stored).not.toContain(s);
    expect(raw.personal_enc).toMatch(/^v2:t1\./);
  });

  it('answers a new case as its next GET shows it (the answer is built from what was written, not read back)', async () => {
    const created = await request(http()).post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201);
    expect(created.body.consultation).toBeUndefined();
    const read = await request(http()).get(`/cases/${created.body.id}`).set('Authorization', cw).expect(200);
    expect(created.body).toEqual(read.body);
    const [row] = await system.db.query(
      `SELECT f.search_key_id, (SELECT count(*)::int FROM case_search_token t WHERE t.case_id = f.id) AS tokens,
              (SELECT array_agg(action) FROM case_history h WHERE h.case_id = f.id) AS history
         FROM case_file f WHERE f.id = $1`,
      [created.body.id],
    );
    expect(row.search_key_id).toEqual(expect.any(String));
    expect(row.tokens).toBeGreaterThan(0);
    expect(row.history).toEqual(['create']);
  });

  it('takes a case with its consultation request in one call: one start with the initial state, both actions audited in one append', async () => {
    const res = await request(http())
      .post('/cases')
      .set('Authorization', cw)
      .send({ ...caseBody(spaceId), consultation: { questions: ['Welche Hilfe passt zur Familie?'] } })
      .expect(201);
    const id = res.body.id as string;
    const consultation = res.body.consultation;
    expect(consultation).toEqual(
      expect.objectContaining({
        caseId: id,
        pseudonym: res.body.pseudonym,
        phase: 'requested',
        questions: ['Welche Hilfe passt zur Familie?'],
      }),
    );
    expect(consultation.steps[0]).toEqual(expect.objectContaining({ status: 'active' }));
    const { consultation: _c, ...caseAnswer } = res.body;
    expect(caseAnswer).toEqual((await request(http()).get(`/cases/${id}`).set('Authorization', cw).expect(200)).body);
    // The workflow runs with the state the answer named; the case file lists the consultation.
    const read = await request(http()).get(`/consultations/${consultation.id}`).set('Authorization', cw).expect(200);
    expect(read.body).toEqual(consultation);
    const [stored] = await system.db.query(`SELECT questions_enc FROM consultation WHERE id = $1 AND case_id = $2`, [consultation.id, id]);
    expect(stored.questions_enc).not.toContain('Familie');
    const rows = await system.db.query(
      `SELECT id::bigint AS id, action, details, occurred_at FROM audit_event
        WHERE resource_type = 'case' AND resource_id = $1 AND action <> 'read' ORDER BY id`,
      [id],
    );
    expect(rows.map((r: { action: string; details: unknown }) => [r.action, r.details])).toEqual([
      ['create', {}],
      ['request-consultation', { consultationId: consultation.id }],
    ]);
    // One append: consecutive links of the chain with one commit time.
    expect(Number(rows[1].id) - Number(rows[0].id)).toBe(1);
    expect(rows[1].occurred_at).toEqual(rows[0].occurred_at);
  });

  it('draws the pseudonym again when the one drawn is taken: the case is written with a new one', async () => {
    const first = await request(http()).post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201);
    const taken = first.body.pseudonym as string;
    // Six characters of 32: about a billion a year, so among tens of thousands of cases a repeat comes (a soak met one, as a 500).
    const prepared = await system.api.app.get(CaseService).prepare({ sub: 'demo-caseworker', roles: [Role.Caseworker] } as Principal, {
      socialSpaceId: spaceId,
      zone: 'unclear',
      personal: caseBody(spaceId).personal,
      content: { will: 'x', goals: [], resources: { person: [], surroundings: [], socialSpace: [] } },
      confided: [],
    });
    // With what goes along with an intake in the same statement: the blind index and the consultation request.
    const requestId = randomUUID();
    const written = await system.api.app
      .get(CaseRepository)
      .insert({ ...prepared.insert, pseudonym: taken }, [
        system.api.app.get(CaseSearchIndex).newCaseTokens(prepared.input.personal),
        system.api.app
          .get(ConsultationRepository)
          .withNewCase({ id: requestId, workflowId: `test/${requestId}`, questionsEnc: 'sealed', requestedBy: 'demo-caseworker' }),
      ]);
    expect(written.pseudonym).toMatch(/^F-\d{4}-[A-Z2-9]{6}$/);
    expect(written.pseudonym).not.toBe(taken);
    const [row] = await system.db.query('SELECT pseudonym FROM case_file WHERE id = $1', [prepared.insert.id]);
    expect(row.pseudonym).toBe(written.pseudonym);
    const history = await system.db.query('SELECT action FROM case_history WHERE case_id = $1', [prepared.insert.id]);
    expect(history).toEqual([{ action: 'create' }]);
    // Written once, with the row that was written (the attempt with the taken pseudonym wrote nothing).
    const consultations = await system.db.query('SELECT id, case_id, workflow_id FROM consultation WHERE case_id = $1', [
      prepared.insert.id,
    ]);
    expect(consultations).toEqual([{ id: requestId, case_id: prepared.insert.id, workflow_id: `test/${requestId}` }]);
    const [tokens] = await system.db.query(
      'SELECT count(*)::int AS n, count(DISTINCT social_space_id)::int AS spaces FROM case_search_token WHERE case_id = $1',
      [prepared.insert.id],
    );
    expect(tokens.n).toBeGreaterThan(0);
    expect(tokens.spaces).toBe(1);
  });

  it('refuses an intake whose consultation request is bad, naming the field, and stores neither', async () => {
    const before = (await system.db.query('SELECT count(*)::int AS n FROM case_file'))[0].n;
    const bad = await request(http())
      .post('/cases')
      .set('Authorization', cw)
      .send({ ...caseBody(spaceId), consultation: { questions: [] } })
      .expect(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/consultation/questions']);
    expect(bad.body.errors[0].message).toMatch(/[äöüÄÖÜß]|mindestens|Bitte/);
    expect((await system.db.query('SELECT count(*)::int AS n FROM case_file'))[0].n).toBe(before);
  });

  it('rejects a case with bad input, naming the fields, and stores nothing', async () => {
    const before = (await system.db.query('SELECT count(*)::int AS n FROM case_file'))[0].n;
    const bad = await request(http())
      .post('/cases')
      .set('Authorization', cw)
      .send({ ...caseBody(spaceId), zone: 'red', personal: { familyName: '' }, name: 'x' });
    expect(bad.status).toBe(400);
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/zone', '/personal/familyName', '/personal/address', '/name']));
    expect((await system.db.query('SELECT count(*)::int AS n FROM case_file'))[0].n).toBe(before);
  });

  it('refuses birth dates in the future, naming each, for a case and a Jugendhilfedienst intake', async () => {
    const body = caseBody(spaceId);
    const future = await request(http())
      .post('/cases')
      .set('Authorization', cw)
      .send({ ...body, personal: { ...body.personal, birthDates: ['2014-02-03', '2999-01-01'] } });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      {
        pointer: '/personal/birthDates/1',
        code: 'date.future',
        params: { max: expect.any(String) },
        message: 'Das Geburtsdatum 01.01.2999 liegt in der Zukunft.',
      },
    ]);
    const intake = intakeBody(spaceId);
    const futureIntake = await request(http())
      .post('/jugendhilfedienst-cases')
      .set('Authorization', cw)
      .send({ ...intake, personal: { ...intake.personal, birthDates: ['2999-01-01'] } });
    expect(futureIntake.status).toBe(400);
    expect(futureIntake.body.errors).toEqual([expect.objectContaining({ pointer: '/personal/birthDates/0' })]);
  });

  it('refuses a consent given in the future and a purpose outside the definition’s list (a case variant of fallteam too)', async () => {
    const consent = { givenBy: 'Mutter', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: '2026-11-01' };
    const variant = await request(http())
      .post(`/cases/${caseId}/consents`)
      .set('Authorization', cw)
      .send({ ...consent, purpose: 'Fallteam' });
    expect(variant.status).toBe(400);
    expect(variant.body.errors).toEqual([
      {
        pointer: '/purpose',
        code: 'enum',
        params: { allowed: expect.arrayContaining(['fallteam']), meant: 'fallteam' },
        message: expect.stringContaining('Unbekannter Zweck „Fallteam“ (gemeint ist wohl „fallteam“); erlaubt: fallteam'),
      },
    ]);
    const future = await request(http())
      .post(`/cases/${caseId}/consents`)
      .set('Authorization', cw)
      .send({ ...consent, givenAt: '2999-12-31' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      {
        pointer: '/givenAt',
        code: 'date.future',
        params: { max: expect.any(String) },
        message: 'Eine Einwilligung kann nicht in der Zukunft erteilt worden sein.',
      },
    ]);
    expect((await request(http()).get(`/cases/${caseId}/consents`).set('Authorization', cw)).body.items).toEqual([]);
  });

  it('validates consents: unknown fields are 400', async () => {
    const bad = await request(http())
      .post(`/cases/${caseId}/consents`)
      .set('Authorization', cw)
      .send({ givenBy: 'Mutter', purpose: 'fallteam', fields: ['familyName', 'shoeSize'], form: 'written', givenAt: '2026-11-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/fields/1' })]);
  });

  it('runs a consultation: request, schedule, invite; refuses a past session, a full one and a non-adviser', async () => {
    const requested = await request(http())
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Welche Ressourcen im Sozialraum passen?'] });
    expect(requested.status).toBe(201);
    consultationId = requested.body.id;
    expect(requested.body.phase).toBe('requested');

    const past = await request(http())
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({ startsAt: inDays(-1), place: 'Rathaus', capacity: 4, moderatorId: 'demo-caseworker' });
    expect(past.status).toBe(400);
    const session = await request(http())
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({ startsAt: inDays(7), place: 'Familienzentrum Teltow', capacity: 1, moderatorId: 'demo-caseworker' });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const pastId = (
      await system.db.query(
        `INSERT INTO fallteam_session (starts_at, place, capacity, moderator_id, created_by) VALUES (now() - interval '1 day', 'x', 5, 'demo-caseworker', 'demo-caseworker') RETURNING id`,
      )
    )[0].id;
    const intoPast = await request(http())
      .post(`/consultations/${consultationId}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: pastId });
    expect(intoPast.status).toBe(400);
    expect(intoPast.body.errors).toEqual([
      {
        pointer: '/sessionId',
        code: 'date.past',
        params: { startsAt: expect.any(String) },
        message: expect.stringMatching(
          /^Der Fallteam-Termin am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr ist vorbei; bitte wählen Sie einen künftigen\.$/,
        ),
      },
    ]);

    const scheduled = await request(http()).post(`/consultations/${consultationId}/schedule`).set('Authorization', cw).send({ sessionId });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.phase).toBe('scheduled');
    // Built from the state the update returned: the next GET shows the same.
    expect((await request(http()).get(`/consultations/${consultationId}`).set('Authorization', cw).expect(200)).body).toEqual(
      scheduled.body,
    );

    // The session holds one consultation: a second one does not fit.
    const other = await request(http())
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Zweite Frage'] });
    const full = await request(http()).post(`/consultations/${other.body.id}/schedule`).set('Authorization', cw).send({ sessionId });
    expect(full.status).toBe(409);

    const notAdviser = await request(http())
      .post(`/consultations/${consultationId}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser', 'demo-coordinator'] });
    expect(notAdviser.status).toBe(400);
    expect(notAdviser.body.errors).toEqual([
      {
        pointer: '/adviserIds/1',
        code: 'unknown-reference',
        params: { userId: 'demo-coordinator' },
        message: 'demo-coordinator ist keine bekannte, aktive externe Beratung.',
      },
    ]);
    // Advisers are users: one who left (deactivated) or one nobody knows cannot be invited.
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, organisation, active, deactivated_at) VALUES ('adviser-left', 'Beratung a. D.', '{adviser}', 'Beratungsstelle Nord', false, now())`,
    );
    const leftOrUnknown = await request(http())
      .post(`/consultations/${consultationId}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['adviser-left', 'demo-adviser', 'niemand'] });
    expect(leftOrUnknown.status).toBe(400);
    expect(leftOrUnknown.body.errors).toEqual([
      {
        pointer: '/adviserIds/0',
        code: 'unknown-reference',
        params: { userId: 'adviser-left' },
        message: 'adviser-left ist keine bekannte, aktive externe Beratung.',
      },
      {
        pointer: '/adviserIds/2',
        code: 'unknown-reference',
        params: { userId: 'niemand' },
        message: 'niemand ist keine bekannte, aktive externe Beratung.',
      },
    ]);
    const invited = await request(http())
      .post(`/consultations/${consultationId}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser'] });
    expect(invited.status).toBe(200);
    expect(Date.parse(invited.body[0].closesAt) - Date.now()).toBeGreaterThan(13 * 86_400_000);
  });

  it('gives the adviser a pseudonymised packet: no name, birth date, address or confided item', async () => {
    // Nothing before the caseworker released the packet.
    expect((await request(http()).get('/consultations').set('Authorization', adviser)).body.items).toEqual([]);
    expect((await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', adviser)).status).toBe(404);
    await request(http()).post(`/consultations/${consultationId}/packet-release`).set('Authorization', cw).expect(201);
    const mine = await request(http()).get('/consultations').set('Authorization', adviser);
    expect(mine.body.items).toEqual([expect.objectContaining({ id: consultationId })]);
    const packet = await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', adviser);
    expect(packet.status).toBe(200);
    expect(packet.body).toMatchObject({
      zone: 'unclear',
      will: expect.stringContaining('Schule'),
      questions: ['Welche Ressourcen im Sozialraum passen?'],
      ageBands: [expect.stringMatching(/^(10-13|14-17)$/)], // born 2014-02-03: the band, never the date
      released: {},
    });
    const text = JSON.stringify(packet.body);
    for (const s of PERSONAL_STRINGS.filter((x) => x !== 'Leon')) expect(text).not.toContain(s);
    // "Leon" is part of the family's own words in will/resources; the identity fields are what must not leak.
    expect(Object.keys(packet.body).sort()).toEqual(
      ['ageBands', 'consultationId', 'goals', 'pseudonym', 'questions', 'released', 'resources', 'sessionAt', 'will', 'zone'].sort(),
    );
  });

  it('with a consent releasing the family name, the name appears and nothing else does; revoking hides it again', async () => {
    const consent = await request(http())
      .post(`/cases/${caseId}/consents`)
      .set('Authorization', cw)
      .send({ givenBy: 'Mutter (sorgeberechtigt)', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: '2026-11-01' });
    expect(consent.status).toBe(201);
    const packet = await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', adviser);
    expect(packet.body.released).toEqual({ familyName: 'Mustermann-Öztürk' });
    const text = JSON.stringify(packet.body);
    for (const s of ['2014-02-03', 'Lindenallee', 'Hildegard', 'Schulden', 'Erika']) expect(text).not.toContain(s);
    await request(http()).post(`/cases/${caseId}/consents/${consent.body.id}/revoke`).set('Authorization', cw).expect(200);
    expect((await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', adviser)).body.released).toEqual({});
  });

  it('lists consents in camelCase, a revoked one with its revocation date', async () => {
    const res = await request(http()).get(`/cases/${caseId}/consents`).set('Authorization', cw);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        version: 1,
        givenBy: 'Mutter (sorgeberechtigt)',
        purpose: 'fallteam',
        fields: ['familyName'],
        form: 'written',
        givenAt: expect.any(String),
        revokedAt: expect.any(String),
      }),
    ]);
    expect(Object.keys(res.body.items[0]).filter((key) => key.includes('_'))).toEqual([]);
  });

  it('lists upcoming Fallteam sessions in camelCase with their bookings', async () => {
    const res = await request(http()).get('/fallteam-sessions').set('Authorization', cw);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: sessionId,
          place: 'Familienzentrum Teltow',
          capacity: 1,
          moderatorId: 'demo-caseworker',
          startsAt: expect.any(String),
          booked: 1,
        }),
      ]),
    );
    for (const item of res.body.items) expect(Object.keys(item).filter((key) => key.includes('_'))).toEqual([]);
  });

  it('answers 404 to an adviser who is not invited, and audits the refusal', async () => {
    const outsider = await bearer(Role.Adviser, 'adviser-2');
    const res = await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', outsider);
    expect(res.status).toBe(404);
    const unknown = await request(http()).get(`/consultations/00000000-0000-4000-8000-000000000000/packet`).set('Authorization', outsider);
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe(res.body.detail);
    const denied = await system.db.query(
      `SELECT * FROM audit_event WHERE actor_id = 'adviser-2' AND resource_type = 'consultation-packet' AND outcome = 'denied'`,
    );
    expect(denied).toHaveLength(2);
    const allowed = await system.db.query(
      `SELECT purpose FROM audit_event WHERE actor_id = 'demo-adviser' AND resource_type = 'consultation-packet' AND outcome = 'allowed'`,
    );
    expect(allowed.length).toBeGreaterThanOrEqual(3);
    expect(allowed[0].purpose).toBe('Fallberatung im erweiterten Fallteam');
  });

  it('closes the packet when the access window has passed', async () => {
    await system.db.query(`UPDATE consultation_invitation SET closes_at = now() - interval '1 second' WHERE consultation_id = $1`, [
      consultationId,
    ]);
    expect((await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', adviser)).status).toBe(404);
    expect((await request(http()).get('/consultations').set('Authorization', adviser)).body.items).toEqual([]);
  });

  it('refuses an outcome before the session and one whose participants are not two Jugendamt professionals', async () => {
    const outcome = (participants: unknown[]) =>
      request(http())
        .post(`/consultations/${consultationId}/outcome`)
        .set('Authorization', cw)
        .send({ participants, recommendations: [], decision: 'Beratung', helpSetting: 'Jugendclub' });
    const early = await outcome([
      { role: 'professional', userId: 'demo-caseworker' },
      { role: 'professional', userId: 'cw-other' },
    ]);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/Sitzung begonnen/);

    // The session begins in a few seconds (moving the consultation there); then the participants are checked.
    const soon = await request(http())
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({ startsAt: new Date(Date.now() + 5_000).toISOString(), place: 'Rathaus', capacity: 1, moderatorId: 'demo-caseworker' })
      .expect(201);
    await request(http())
      .post(`/consultations/${consultationId}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: soon.body.id })
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(soon.body.startsAt) - Date.now()) + 500));

    const advisersOnly = await outcome([
      { role: 'adviser', userId: 'demo-adviser' },
      { role: 'adviser', userId: 'nobody-knows' },
    ]);
    expect(advisersOnly.status).toBe(400);
    expect(advisersOnly.body.errors).toEqual([
      {
        pointer: '/participants/1/userId',
        code: 'not-invited',
        params: { userId: 'nobody-knows' },
        message: 'nobody-knows ist nicht zu dieser Beratung eingeladen.',
      },
    ]);
    const hollow = await outcome([
      { role: 'professional', userId: 'demo-adviser' },
      { role: 'professional', userId: 'demo-caseworker' },
      { role: 'professional', userId: 'demo-caseworker' },
    ]);
    expect(hollow.status).toBe(400);
    expect(hollow.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/participants/0/userId', '/participants/2/userId']);
    // Advisers advise; they do not make up the two professionals.
    const oneProfessional = await outcome([
      { role: 'professional', userId: 'demo-caseworker' },
      { role: 'adviser', userId: 'demo-adviser' },
    ]);
    expect(oneProfessional.status).toBe(400);
    expect(oneProfessional.body.errors).toEqual([expect.objectContaining({ pointer: '/participants' })]);
    expect((await system.db.query('SELECT outcome_enc FROM consultation WHERE id = $1', [consultationId]))[0].outcome_enc).toBeNull();
  });

  it('refuses an outcome with fewer than two professionals, storing nothing; accepts a valid one with a six-month follow-up', async () => {
    const one = await request(http())
      .post(`/consultations/${consultationId}/outcome`)
      .set('Authorization', cw)
      .send({
        participants: [{ role: 'professional', userId: 'demo-caseworker' }, { role: 'family' }],
        recommendations: ['Schulsozialarbeit einbeziehen'],
        decision: 'Beratung',
        helpSetting: 'Jugendclub',
      });
    expect(one.status).toBe(400);
    expect(one.body.errors).toEqual([expect.objectContaining({ pointer: '/participants' })]);
    expect((await system.db.query('SELECT outcome_enc FROM consultation WHERE id = $1', [consultationId]))[0].outcome_enc).toBeNull();

    // The invited adviser recommends inside the window; an uninvited one cannot.
    const advice = { text: 'Schulsozialarbeit einbeziehen', suggestedHelp: ['Jugendclub am Markt'], risks: ['Schulabbruch'] };
    const outsider = await bearer(Role.Adviser, 'adviser-2');
    expect(
      (await request(http()).post(`/consultations/${consultationId}/recommendations`).set('Authorization', outsider).send(advice)).status,
    ).toBe(404);
    const recommended = await request(http())
      .post(`/consultations/${consultationId}/recommendations`)
      .set('Authorization', adviser)
      .send(advice);
    expect(recommended.status).toBe(201);
    expect(recommended.body).toMatchObject({ adviserId: 'demo-adviser', ...advice });
    const [stored] = await system.db.query('SELECT content_enc FROM consultation_recommendation WHERE id = $1', [recommended.body.id]);
    expect(stored.content_enc).not.toContain('Schulabbruch');

    const body = {
      participants: [
        { role: 'professional', userId: 'demo-caseworker' },
        { role: 'professional', userId: 'cw-other' },
        { role: 'adviser', userId: 'demo-adviser' },
      ],
      recommendations: [],
      decision: 'Das Jugendamt entscheidet: Hilfe zur Erziehung',
      helpSetting: 'Jugendclub am Markt',
    };
    const unanswered = await request(http()).post(`/consultations/${consultationId}/outcome`).set('Authorization', cw).send(body);
    expect(unanswered.status).toBe(400);
    expect(unanswered.body.errors).toEqual([
      {
        pointer: '/recommendationIds',
        code: 'recommendation.missing',
        params: { recommendationId: recommended.body.id },
        message: `Die Empfehlung ${recommended.body.id} ist nicht berücksichtigt.`,
      },
    ]);

    // A chosen follow-up date must lie after today and at most a year ahead; refused, nothing is stored.
    for (const [followUpOn, code] of [
      [new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), 'date.min'],
      [new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10), 'date.max'],
    ]) {
      const refused = await request(http())
        .post(`/consultations/${consultationId}/outcome`)
        .set('Authorization', cw)
        .send({ ...body, recommendationIds: [recommended.body.id], followUpOn });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/followUpOn', code })]);
      expect(refused.body.errors[0].message).toMatch(/Wiedervorlage .*\d{2}\.\d{2}\.\d{4}/);
    }
    expect((await system.db.query('SELECT outcome_enc FROM consultation WHERE id = $1', [consultationId]))[0].outcome_enc).toBeNull();

    const ok = await request(http())
      .post(`/consultations/${consultationId}/outcome`)
      .set('Authorization', cw)
      .send({
        recommendationIds: [recommended.body.id],
        participants: [
          { role: 'professional', userId: 'demo-caseworker' },
          { role: 'professional', userId: 'cw-other' },
          { role: 'adviser', userId: 'demo-adviser' },
          { role: 'family' },
        ],
        recommendations: ['Schulsozialarbeit einbeziehen'],
        decision: 'Hilfe zur Erziehung in Kooperation mit dem Jugendclub',
        helpSetting: 'Jugendclub am Markt, Fußballverein',
      });
    expect(ok.status).toBe(200);
    expect(ok.body.phase).toBe('outcome_recorded');
    expect(ok.body.outcome.recommendationIds).toEqual([recommended.body.id]);
    expect(ok.body.adviserRecommendations).toEqual([expect.objectContaining({ id: recommended.body.id, ...advice })]);
    // The outcome ends the adviser's access at once, though the window would still be open.
    expect((await request(http()).get(`/consultations/${consultationId}/packet`).set('Authorization', adviser)).status).toBe(404);
    expect(
      (await request(http()).post(`/consultations/${consultationId}/recommendations`).set('Authorization', adviser).send(advice)).status,
    ).toBe(404);
    await eventually(
      async () =>
        (await system.db.query('SELECT closed_at FROM consultation_invitation WHERE consultation_id = $1', [consultationId])).every(
          (r: { closed_at: Date | null }) => r.closed_at !== null,
        ),
      10_000,
      'access closed by the outcome',
    );
    expect(Date.parse(ok.body.followUpAt)).toBeGreaterThan(Date.now() + 170 * 86_400_000);
    await eventually(
      async () =>
        (await system.db.query(`SELECT count(*)::int AS n FROM reminder WHERE key = $1`, [`ftc/${consultationId}/follow-up/due`]))[0].n ===
        1,
      10_000,
      'follow-up reminder',
    );
  });

  it('sets the adviser window around a session 20 days ahead and moves it when the consultation is rescheduled', async () => {
    const requested = await request(http())
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Späte Sitzung'] })
      .expect(201);
    const id = requested.body.id;
    const session = (days: number) =>
      request(http())
        .post('/fallteam-sessions')
        .set('Authorization', cw)
        .send({ startsAt: inDays(days), place: 'Rathaus', capacity: 2, moderatorId: 'demo-caseworker' })
        .expect(201);
    const first = (await session(20)).body;
    await request(http()).post(`/consultations/${id}/schedule`).set('Authorization', cw).send({ sessionId: first.id }).expect(200);
    const invited = await request(http())
      .post(`/consultations/${id}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser'] });
    expect(invited.status).toBe(200);
    const sessionAt = Date.parse(first.startsAt);
    expect([Date.parse(invited.body[0].opensAt), Date.parse(invited.body[0].closesAt)]).toEqual([
      sessionAt - 14 * DAY,
      sessionAt + 7 * DAY,
    ]);
    // Not open yet: the adviser neither lists nor opens it.
    expect((await request(http()).get(`/consultations/${id}/packet`).set('Authorization', adviser)).status).toBe(404);
    expect((await request(http()).get('/consultations').set('Authorization', adviser)).body.items).not.toContainEqual(
      expect.objectContaining({ id }),
    );

    const later = (await session(30)).body;
    await request(http()).post(`/consultations/${id}/schedule`).set('Authorization', cw).send({ sessionId: later.id }).expect(200);
    const movedAt = Date.parse(later.startsAt);
    await eventually(
      async () => {
        const [row] = (await request(http()).get(`/consultations/${id}`).set('Authorization', cw)).body.invitations;
        return Date.parse(row.opensAt) === movedAt - 14 * DAY && Date.parse(row.closesAt) === movedAt + 7 * DAY;
      },
      10_000,
      'window moved with the session',
    );
  });

  it('books the last seat of a session once when two bookings race for it; an unknown session is named', async () => {
    const consultations = await Promise.all(
      ['Erste', 'Zweite'].map(
        async (question) =>
          (
            await request(http())
              .post(`/cases/${caseId}/consultations`)
              .set('Authorization', cw)
              .send({ questions: [question] })
              .expect(201)
          ).body.id as string,
      ),
    );
    const session = (
      await request(http())
        .post('/fallteam-sessions')
        .set('Authorization', cw)
        .send({ startsAt: inDays(12), place: 'Rathaus', capacity: 1, moderatorId: 'demo-caseworker' })
        .expect(201)
    ).body;
    const raced = await Promise.all(
      consultations.map((id) =>
        request(http()).post(`/consultations/${id}/schedule`).set('Authorization', cw).send({ sessionId: session.id }),
      ),
    );
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = raced.find((r) => r.status === 409)!;
    expect(loser.body.detail).toBe('Der Fallteam-Termin ist ausgebucht (eine Beratung); nichts wurde geändert.');
    const booked = await system.db.query('SELECT id FROM consultation WHERE session_id = $1', [session.id]);
    expect(booked).toEqual([{ id: consultations[raced.findIndex((r) => r.status === 200)] }]);
    // The one booked may book the same session again (its own seat is not counted against it).
    const winner = consultations[raced.findIndex((r) => r.status === 200)];
    await request(http()).post(`/consultations/${winner}/schedule`).set('Authorization', cw).send({ sessionId: session.id }).expect(200);

    const unknown = await request(http())
      .post(`/consultations/${consultations[0]}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        pointer: '/sessionId',
        code: 'unknown-reference',
        message: 'Diesen Fallteam-Termin gibt es nicht; bitte wählen Sie einen aus der Liste.',
      },
    ]);
  });

  it('keeps personal data out of the Temporal history: without the key nothing, with it only ids and the pseudonym', async () => {
    const connection = await Connection.connect({ address: system.config.temporal.address });
    try {
      const workflowId = `fallteam-consultation/${consultationId}`;
      const plain = new Client({ connection, namespace: system.config.temporal.namespace });
      const raw = JSON.stringify(await plain.workflow.getHandle(workflowId).fetchHistory());
      for (const s of PERSONAL_STRINGS) expect(raw).not.toContain(s);
      const decoded = new Client({
        connection,
        namespace: system.config.temporal.namespace,
        dataConverter: createDataConverter(system.config.payloadKeys),
      });
      const state = await decoded.workflow.getHandle(workflowId).query('consultationState' as never);
      const text = JSON.stringify(state);
      for (const s of PERSONAL_STRINGS) expect(text).not.toContain(s);
      expect(text).toContain(caseId);
      // Decode every payload in the history with the key: ids, pseudonym and counts only.
      const codec = createDataConverter(system.config.payloadKeys).payloadCodecs![0];
      const history = await plain.workflow.getHandle(workflowId).fetchHistory();
      const payloads: any[] = [];
      const walk = (n: any) =>
        Array.isArray(n)
          ? n.forEach(walk)
          : n && typeof n === 'object' && !(n instanceof Uint8Array)
            ? Object.entries(n).forEach(([k, v]) => (k === 'payloads' && Array.isArray(v) ? payloads.push(...v) : walk(v)))
            : undefined;
      walk(history);
      const clear = (await codec.decode(payloads)).map((p) => Buffer.from(p.data ?? []).toString()).join('\n');
      expect(clear).toContain(consultationId);
      for (const s of PERSONAL_STRINGS) expect(clear).not.toContain(s);
    } finally {
      await connection.close();
    }
  });
});
