import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { Role } from '@sro/common';
import { JugendhilfedienstCaseRepository, STATISTIC_FIELDS } from '@sro/jugendhilfedienst';
import { createDataConverter } from '@sro/temporal';
import { addDuration } from '@sro/workflows/shared/duration';
import { PERSONAL_STRINGS } from '../factories/cases';
import { assessmentBody, intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe('the standardised Jugendhilfedienst process (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let spaceId: string;
  let caseId: string;
  let pseudonym: string;
  const api = () => request(system.http);
  const count = async (sql: string, params: unknown[] = []) => (await system.db.query(sql, params))[0].n as number;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-jugendhilfedienst');
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('cw-elsewhere', 'Fachkraft ohne Sozialraum', '{caseworker}')`,
    );
    cw = await bearer(Role.Caseworker);
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
  });
  afterAll(() => system?.close());

  it('records an anonymous report, sealed at rest, and starts the case in the classification step', async () => {
    const res = await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId));
    expect(res.status).toBe(201);
    caseId = res.body.id;
    pseudonym = res.body.pseudonym;
    expect(res.body).toMatchObject({
      source: 'anonymous',
      anonymous: true,
      phase: 'classification',
      zone: null,
      deletionDate: null,
      definitionVersion: 1,
    });
    expect(res.body.report).toEqual({ text: expect.stringContaining('ohne Frühstück'), reporter: null });
    expect(res.body.personal.familyName).toBe('Mustermann-Öztürk');
    expect(res.body.steps.map((s: { key: string; status: string }) => [s.key, s.status])).toEqual([
      ['intake', 'completed'],
      ['classification', 'active'],
      ['risk_assessment', 'pending'],
      ['immediate_protection', 'pending'],
      ['fallteam', 'pending'],
      ['help_plan', 'pending'],
      ['closure', 'pending'],
    ]);
    const [raw] = await system.db.query('SELECT * FROM case_file WHERE id = $1', [caseId]);
    for (const s of PERSONAL_STRINGS) expect(JSON.stringify(raw)).not.toContain(s);
    expect(raw).toMatchObject({ source: 'anonymous', anonymous_report: true, workflow_id: `jugendhilfedienst-case/${caseId}` });
    await eventually(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM process_instance WHERE id = $1 AND current_step = 'classification'`, [caseId])) === 1,
      10_000,
      'read model',
    );
    const list = await api().get('/jugendhilfedienst-cases?phase=classification').set('Authorization', cw);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(caseId);
  });

  it('draws the pseudonym again when the one drawn is taken', async () => {
    const id = randomUUID();
    const written = await system.api.app.get(JugendhilfedienstCaseRepository).insert({
      id,
      pseudonym,
      socialSpaceId: spaceId,
      caseworkerId: 'demo-caseworker',
      personal: { familyName: 'Doppelt', givenNames: [], birthDates: [], address: '', familyMembers: [] },
      content: { will: '', goals: [], resources: { person: [], surroundings: [], socialSpace: [] } },
      source: 'school',
      anonymous: false,
      report: { text: 'Meldung', reporter: null },
      reportedAt: new Date().toISOString(),
      workflowId: `jugendhilfedienst-case/${id}`,
    });
    expect(written).toMatch(/^F-\d{4}-[A-Z2-9]{6}$/);
    expect(written).not.toBe(pseudonym);
    const [row] = await system.db.query('SELECT pseudonym FROM case_file WHERE id = $1', [id]);
    expect(row.pseudonym).toBe(written);
    await system.db.query('DELETE FROM case_file WHERE id = $1', [id]);
  });

  it('refuses a bad intake with pointers and stores nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM case_file');
    const reporter = await api()
      .post('/jugendhilfedienst-cases')
      .set('Authorization', cw)
      .send({ ...intakeBody(spaceId), reporter: { name: 'Frau Nachbarin' } });
    expect(reporter.status).toBe(400);
    expect(reporter.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reporter.body.errors).toEqual([
      { pointer: '/reporter', code: 'not-applicable', message: 'Eine anonyme Meldung nennt keine meldende Person; bitte leer lassen.' },
    ]);
    const bad = await api()
      .post('/jugendhilfedienst-cases')
      .set('Authorization', cw)
      .send({ ...intakeBody(spaceId), source: 'rumour', personal: { birthDates: ['03.02.2014'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(['/source', '/personal/birthDates/0']),
    );
    const future = await api()
      .post('/jugendhilfedienst-cases')
      .set('Authorization', cw)
      .send({ ...intakeBody(spaceId), reportedAt: inDays(2) });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].pointer).toBe('/reportedAt');
    expect(await count('SELECT count(*)::int AS n FROM case_file')).toBe(before);
  });

  it('refuses an intake with a birth date in the future, naming the date, and stores nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM case_file');
    const tomorrow = inDays(1).slice(0, 10);
    const body = intakeBody(spaceId);
    const res = await api()
      .post('/jugendhilfedienst-cases')
      .set('Authorization', cw)
      .send({ ...body, personal: { ...body.personal, birthDates: ['2014-02-03', tomorrow] } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toMatchObject([{ pointer: '/personal/birthDates/1', message: expect.stringContaining('in der Zukunft') }]);
    expect(res.body.errors).toHaveLength(1);
    expect(await count('SELECT count(*)::int AS n FROM case_file')).toBe(before);
  });

  it('shows the case only to caseworkers of its social space', async () => {
    expect(
      (
        await api()
          .get(`/jugendhilfedienst-cases/${caseId}`)
          .set('Authorization', await bearer(Role.Caseworker, 'cw-elsewhere'))
      ).status,
    ).toBe(404);
    expect(
      (
        await api()
          .get(`/jugendhilfedienst-cases/${caseId}`)
          .set('Authorization', await bearer(Role.Coordinator))
      ).status,
    ).toBe(403);
    expect(
      (
        await api()
          .post(`/jugendhilfedienst-cases/${caseId}/classification`)
          .set('Authorization', await bearer(Role.Admin))
          .send({ zone: 'service' })
      ).status,
    ).toBe(403);
    const denied = await system.db.query(
      `SELECT 1 FROM audit_event WHERE actor_id = 'cw-elsewhere' AND resource_id = $1 AND outcome = 'denied'`,
      [caseId],
    );
    expect(denied).toHaveLength(1);
  });

  it('classifies into the Gefährdungsbereich and refuses a risk assessment by one professional, with an unknown result or a missing reason, storing nothing', async () => {
    const zone = await api().post(`/jugendhilfedienst-cases/${caseId}/classification`).set('Authorization', cw).send({ zone: 'red' });
    expect(zone.status).toBe(400);
    expect(zone.body.errors[0].pointer).toBe('/zone');
    const classified = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'endangerment' });
    expect(classified.status).toBe(200);
    expect(classified.body).toMatchObject({ zone: 'endangerment', phase: 'risk_assessment' });

    const one = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ professionals: [{ userId: 'demo-caseworker', function: 'ASD-Fachkraft' }] }));
    expect(one.status).toBe(400);
    expect(one.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(one.body.errors).toEqual([
      {
        pointer: '/professionals',
        code: 'number.min',
        params: { min: 2 },
        message: 'Mindestens 2 Fachkräfte müssen die Gefährdung gemeinsam einschätzen (§ 8a SGB VIII).',
      },
    ]);
    const result = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ result: 'dramatic' }));
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/result']);
    const reason = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ involvementNote: undefined }));
    expect(reason.status).toBe(400);
    expect(reason.body.errors).toEqual([
      {
        pointer: '/involvementNote',
        code: 'required',
        message: 'Bitte begründen Sie, warum die Eltern oder das Kind nicht beteiligt wurden.',
      },
    ]);
    const twice = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/risk-assessment`)
      .set('Authorization', cw)
      .send(
        assessmentBody({
          professionals: [
            { userId: 'demo-caseworker', function: 'a' },
            { userId: 'demo-caseworker', function: 'b' },
          ],
        }),
      );
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].pointer).toBe('/professionals/1/userId');
    expect(await count('SELECT count(*)::int AS n FROM risk_assessment WHERE case_id = $1', [caseId])).toBe(0);
    expect((await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', cw)).body.phase).toBe('risk_assessment');
  });

  it('records the § 8a assessment within the limit; help for nine months brings the case to the Fallteam as a child consultation', async () => {
    const res = await api().post(`/jugendhilfedienst-cases/${caseId}/risk-assessment`).set('Authorization', cw).send(assessmentBody());
    expect(res.status).toBe(200);
    expect(res.body.riskAssessments).toEqual([
      expect.objectContaining({
        result: 'latent',
        parentsInvolved: true,
        childInvolved: false,
        homeVisit: true,
        late: false,
        details: expect.stringContaining('Hildegard'),
        involvementNote: expect.stringContaining('Schule'),
      }),
    ]);
    expect(res.body.phase).toBe('fallteam');
    const [raw] = await system.db.query('SELECT * FROM risk_assessment WHERE case_id = $1', [caseId]);
    for (const s of PERSONAL_STRINGS) expect(JSON.stringify(raw)).not.toContain(s);
    expect(raw).toMatchObject({
      professional_count: 2,
      result: 'latent',
      sex: 'male',
      reported_by: 'anonymous',
      danger_kinds: ['neglect'],
      new_help: ['educational_assistance'],
    });

    let consultationId = '';
    await eventually(
      async () => {
        consultationId =
          (await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', cw)).body.fallteam?.consultationId ?? '';
        return consultationId !== '' && (await count('SELECT count(*)::int AS n FROM consultation WHERE id = $1', [consultationId])) === 1;
      },
      20_000,
      'child consultation',
    );
    await eventually(
      async () => (await api().get(`/consultations/${consultationId}`).set('Authorization', cw)).status === 200,
      20_000,
      'consultation readable',
    );
    const consultation = await api().get(`/consultations/${consultationId}`).set('Authorization', cw);
    expect(consultation.body).toMatchObject({ caseId, pseudonym, phase: 'requested' });

    const session = await api()
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({
        startsAt: new Date(Date.now() + 5_000).toISOString(),
        place: 'Familienzentrum Teltow',
        capacity: 3,
        moderatorId: 'demo-caseworker',
      });
    expect(
      (await api().post(`/consultations/${consultationId}/schedule`).set('Authorization', cw).send({ sessionId: session.body.id })).status,
    ).toBe(200);
    const closeEarly = await api().post(`/jugendhilfedienst-cases/${caseId}/close`).set('Authorization', cw);
    expect(closeEarly.status).toBe(409);
    // The outcome is recorded once the session has begun.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(session.body.startsAt) - Date.now()) + 500));
    const outcome = await api()
      .post(`/consultations/${consultationId}/outcome`)
      .set('Authorization', cw)
      .send({
        participants: [
          { role: 'professional', userId: 'demo-caseworker' },
          { role: 'professional', userId: 'demo-coordinator' },
          { role: 'family' },
        ],
        recommendations: ['Sozialpädagogische Familienhilfe mit dem Familienzentrum'],
        decision: 'Hilfe zur Erziehung',
        helpSetting: 'Familienzentrum, Schulsozialarbeit',
      });
    expect(outcome.status).toBe(200);
    await eventually(
      async () => (await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', cw)).body.phase === 'help_plan',
      20_000,
      'outcome returned to the case',
    );
    const after = await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', cw);
    expect(after.body.fallteam).toMatchObject({
      consultationId,
      status: 'outcome_recorded',
      outcome: { professionals: 2, participants: 3 },
    });
  });

  it('refuses a help plan whose review lies before the plan and stores nothing; a valid plan is reviewed six months on with reminders', async () => {
    const body = {
      planDate: today(),
      helpKinds: ['educational_assistance'],
      goals: ['Leon frühstückt vor der Schule'],
      agreements: 'Familienhilfe zweimal pro Woche',
      participants: ['Mutter', 'Leon', 'ASD'],
    };
    const early = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/help-plans`)
      .set('Authorization', cw)
      .send({ ...body, reviewAt: '2020-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([
      {
        pointer: '/reviewAt',
        code: 'date.min',
        params: { after: expect.any(String) },
        message: expect.stringMatching(/^Die Überprüfung muss nach dem Datum des Hilfeplans \(\d\d\.\d\d\.\d{4}\) liegen\.$/),
      },
    ]);
    expect(await count('SELECT count(*)::int AS n FROM help_plan WHERE case_id = $1', [caseId])).toBe(0);

    const res = await api().post(`/jugendhilfedienst-cases/${caseId}/help-plans`).set('Authorization', cw).send(body);
    expect(res.status).toBe(200);
    const review = addDuration(new Date(`${today()}T00:00:00Z`), 'P6M')
      .toISOString()
      .slice(0, 10);
    expect(res.body).toMatchObject({ phase: 'help', helpPlan: { version: 1, planDate: today(), nextReviewAt: review } });
    expect(res.body.helpPlans[0]).toMatchObject({ version: 1, goals: body.goals, reviews: [] });
    // The step records are read in one query as JSON; their dates are the values a plain SELECT gives.
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
    const [plan] = await system.db.query('SELECT plan_date, review_at FROM help_plan WHERE case_id = $1', [caseId]);
    expect(res.body.helpPlans[0]).toMatchObject({ planDate: asJson(plan.plan_date), reviewAt: asJson(plan.review_at) });
    const assessments = await system.db.query(
      'SELECT completed_at FROM risk_assessment WHERE case_id = $1 AND accepted ORDER BY completed_at',
      [caseId],
    );
    expect(assessments.length).toBeGreaterThan(0);
    expect(res.body.riskAssessments.map((a: { completedAt: string }) => a.completedAt)).toEqual(
      assessments.map((a: { completed_at: Date }) => asJson(a.completed_at)),
    );
    // The answer is built from the state the update returned, not asked of the workflow again: the next GET shows the same.
    expect((await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', cw).expect(200)).body).toEqual(res.body);
    await eventually(
      async () => (await count(`SELECT count(*)::int AS n FROM reminder WHERE key LIKE $1`, [`jhd/${caseId}/review/1-0/%`])) === 3,
      10_000,
      'review reminders',
    );
    const [due] = await system.db.query(`SELECT due_at, template FROM reminder WHERE key = $1`, [`jhd/${caseId}/review/1-0/due`]);
    expect(due).toMatchObject({ template: 'follow-up-due' });
    expect(new Date(due.due_at).toISOString()).toBe(`${review}T00:00:00.000Z`);

    const badReview = await api()
      .post(`/jugendhilfedienst-cases/${caseId}/help-plans/reviews`)
      .set('Authorization', cw)
      .send({ reviewedAt: '2020-01-01', notes: 'zu früh' });
    expect(badReview.status).toBe(400);
    expect(badReview.body.errors[0].pointer).toBe('/reviewedAt');
    expect(await count('SELECT count(*)::int AS n FROM help_plan_review')).toBe(0);
  });

  it('closes the case: the deletion date is five years on, the reminders are gone', async () => {
    const res = await api().post(`/jugendhilfedienst-cases/${caseId}/close`).set('Authorization', cw);
    expect(res.status).toBe(200);
    const expected = addDuration(new Date(), 'P5Y').toISOString().slice(0, 10);
    expect(res.body).toMatchObject({ phase: 'closed', deletionDate: expected });
    const [row] = await system.db.query("SELECT to_char(deletion_date, 'YYYY-MM-DD') AS d, closed_at FROM case_file WHERE id = $1", [
      caseId,
    ]);
    expect(row.d).toBe(expected);
    expect(row.closed_at).not.toBeNull();
    await eventually(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM reminder WHERE key LIKE $1 AND status = 'scheduled'`, [`jhd/${caseId}/%`])) === 0,
      10_000,
      'reminders cancelled',
    );
    const again = await api().post(`/jugendhilfedienst-cases/${caseId}/close`).set('Authorization', cw);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/abgeschlossen/);
  });

  it('exports the completed assessments for the official statistics without any personal identifier', async () => {
    const year = new Date().getUTCFullYear();
    expect((await api().get(`/statistics/risk-assessments?year=${year}`).set('Authorization', cw)).status).toBe(403);
    // Record-level rows only for the statistics role: admins and coordinators see aggregates.
    for (const role of [Role.Admin, Role.Coordinator]) {
      expect(
        (
          await api()
            .get(`/statistics/risk-assessments?year=${year}`)
            .set('Authorization', await bearer(role))
        ).status,
      ).toBe(403);
    }
    const res = await api()
      .get(`/statistics/risk-assessments?year=${year}`)
      .set('Authorization', await bearer(Role.Statistics));
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(1);
    const [item] = res.body.items;
    expect(Object.keys(item).sort()).toEqual([...STATISTIC_FIELDS].sort());
    expect(item).toMatchObject({
      completionYear: year,
      completionMonth: new Date().getUTCMonth() + 1,
      sex: 'male',
      result: 'latent',
      reportedBy: 'anonymous',
      dangerKinds: ['neglect'],
      existingHelp: [],
      newHelp: ['educational_assistance'],
      familyCourt: false,
    });
    expect(item.ageGroup).toMatch(/^(9-11|12-13)$/);
    const text = JSON.stringify(res.body);
    for (const s of [...PERSONAL_STRINGS, caseId, pseudonym, 'demo-caseworker', 'Teltow']) expect(text).not.toContain(s);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no exact dates at all

    const csv = await api()
      .get(`/statistics/risk-assessments?year=${year}&format=csv`)
      .set('Authorization', await bearer(Role.Statistics));
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(STATISTIC_FIELDS.join(';'));
    for (const s of [...PERSONAL_STRINGS, caseId, pseudonym]) expect(csv.text).not.toContain(s);
    // Coordinators see aggregates of their planning regions only, and a single assessment only as a suppressed cell.
    const elsewhere = await api()
      .get(`/statistics/risk-assessments/summary?year=${year}`)
      .set('Authorization', await bearer(Role.Coordinator, 'demo-coordinator-pr2'));
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.cells).toEqual([]);
    const own = await api()
      .get(`/statistics/risk-assessments/summary?year=${year}&dimension=ageGroup`)
      .set('Authorization', await bearer(Role.Coordinator));
    expect(own.body.cells).toEqual([{ month: new Date().getUTCMonth() + 1, value: item.ageGroup, count: null, suppressed: true }]);
    expect(own.body.months).toEqual([{ month: new Date().getUTCMonth() + 1, total: null, suppressed: true }]);
    expect(JSON.stringify(own.body)).not.toMatch(/"count":[1-4]\b/);
    const bad = await api()
      .get(`/statistics/risk-assessments?year=twenty`)
      .set('Authorization', await bearer(Role.Statistics));
    expect(bad.status).toBe(400);
  });

  it('keeps personal data out of the Temporal history of the case: ids, the pseudonym and codes only', async () => {
    const connection = await Connection.connect({ address: system.config.temporal.address });
    try {
      const plain = new Client({ connection, namespace: system.config.temporal.namespace });
      const history = await plain.workflow.getHandle(`jugendhilfedienst-case/${caseId}`).fetchHistory();
      const raw = JSON.stringify(history);
      for (const s of PERSONAL_STRINGS) expect(raw).not.toContain(s);
      const codec = createDataConverter(system.config.payloadKeys).payloadCodecs![0];
      const payloads: any[] = [];
      const walk = (n: any) =>
        Array.isArray(n)
          ? n.forEach(walk)
          : n && typeof n === 'object' && !(n instanceof Uint8Array)
            ? Object.entries(n).forEach(([k, v]) => (k === 'payloads' && Array.isArray(v) ? payloads.push(...v) : walk(v)))
            : undefined;
      walk(history);
      const clear = (await codec.decode(payloads)).map((p) => Buffer.from(p.data ?? []).toString()).join('\n');
      expect(clear).toContain(caseId);
      expect(clear).toContain(pseudonym);
      for (const s of [...PERSONAL_STRINGS, 'Frühstück', 'Familienhilfe', 'Schule']) expect(clear).not.toContain(s);
    } finally {
      await connection.close();
    }
  });

  it('after an acute § 8a result requires the immediate protection (§ 42 or a reasoned alternative) before the help plan, with a sealed reason', async () => {
    const intake = await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId));
    const id = intake.body.id;
    await api().post(`/jugendhilfedienst-cases/${id}/classification`).set('Authorization', cw).send({ zone: 'endangerment' });
    const acute = await api()
      .post(`/jugendhilfedienst-cases/${id}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ result: 'acute', expectedHelpDuration: 'P3M' }));
    expect(acute.status).toBe(200);
    expect(acute.body.phase).toBe('immediate_protection');
    const step = acute.body.steps.find((s: { key: string }) => s.key === 'immediate_protection');
    expect(step).toMatchObject({ status: 'active' });
    expect(Date.parse(step.dueAt) - Date.parse(step.startedAt)).toBe(12 * 3_600_000);
    await eventually(
      async () =>
        (await count(`SELECT count(*)::int AS n FROM reminder WHERE key LIKE $1 AND template = 'step-overdue' AND status = 'scheduled'`, [
          `jhd/${id}/steps/immediate_protection/%/escalation`,
        ])) === 1,
      10_000,
      'escalation scheduled',
    );

    const plan = await api()
      .post(`/jugendhilfedienst-cases/${id}/help-plans`)
      .set('Authorization', cw)
      .send({ planDate: today(), helpKinds: ['protective_custody'], goals: ['Schutz'], agreements: 'x', participants: [] });
    expect(plan.status).toBe(409);
    expect((await api().post(`/jugendhilfedienst-cases/${id}/close`).set('Authorization', cw)).status).toBe(409);
    const unreasoned = await api()
      .post(`/jugendhilfedienst-cases/${id}/immediate-protection`)
      .set('Authorization', cw)
      .send({ measure: 'family_court' });
    expect(unreasoned.status).toBe(400);
    expect(unreasoned.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unreasoned.body.errors).toEqual([{ pointer: '/reason', code: 'required', message: expect.stringContaining('Inobhutnahme') }]);
    const unknown = await api()
      .post(`/jugendhilfedienst-cases/${id}/immediate-protection`)
      .set('Authorization', cw)
      .send({ measure: 'wait_and_see', reason: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].pointer).toBe('/measure');
    expect(await count('SELECT count(*)::int AS n FROM immediate_protection WHERE case_id = $1', [id])).toBe(0);

    const reason = 'Mutter Erika Mustermann-Öztürk kooperiert; Familiengericht angerufen statt Inobhutnahme.';
    const done = await api()
      .post(`/jugendhilfedienst-cases/${id}/immediate-protection`)
      .set('Authorization', cw)
      .send({ measure: 'family_court', reason });
    expect(done.status).toBe(200);
    expect(done.body.phase).toBe('help_plan');
    expect(done.body.immediateProtections).toEqual([
      expect.objectContaining({ measure: 'family_court', reason, late: false, assessmentId: acute.body.riskAssessments[0].id }),
    ]);
    const [raw] = await system.db.query('SELECT * FROM immediate_protection WHERE case_id = $1', [id]);
    expect(JSON.stringify(raw)).not.toContain('Mustermann');
    const again = await api()
      .post(`/jugendhilfedienst-cases/${id}/immediate-protection`)
      .set('Authorization', cw)
      .send({ measure: 'protective_custody' });
    expect(again.status).toBe(409);
    const audited = await system.db.query(`SELECT 1 FROM audit_event WHERE resource_id = $1 AND action = 'immediate-protection'`, [id]);
    expect(audited.length).toBeGreaterThanOrEqual(1);
  });
  it('re-classifies a case while help runs and takes a second § 8a assessment, keeping both in the history', async () => {
    const id = (await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId))).body.id;
    await api()
      .post(`/jugendhilfedienst-cases/${id}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'service', expectedHelpDuration: 'P3M' });
    const plan = await api()
      .post(`/jugendhilfedienst-cases/${id}/help-plans`)
      .set('Authorization', cw)
      .send({
        planDate: today(),
        helpKinds: ['family_support'],
        goals: ['Tagesstruktur'],
        agreements: 'Familienhilfe',
        participants: ['Mutter'],
      });
    expect(plan.body.phase).toBe('help');
    const again = await api().post(`/jugendhilfedienst-cases/${id}/classification`).set('Authorization', cw).send({ zone: 'endangerment' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ zone: 'endangerment', phase: 'risk_assessment', helpPlan: plan.body.helpPlan });
    expect(again.body.classifications.map((c: { zone: string }) => c.zone)).toEqual(['service', 'endangerment']);
    const first = await api()
      .post(`/jugendhilfedienst-cases/${id}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ expectedHelpDuration: undefined }));
    expect(first.status).toBe(200);
    expect(first.body.phase).toBe('help');
    const second = await api()
      .post(`/jugendhilfedienst-cases/${id}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ result: 'help_needed', dangerKinds: [], expectedHelpDuration: undefined }));
    expect(second.status).toBe(200);
    expect(second.body.phase).toBe('help');
    expect(second.body.riskAssessments.map((a: { result: string }) => a.result)).toEqual(['latent', 'help_needed']);
    expect(second.body.helpPlans).toHaveLength(1);
  });
});
