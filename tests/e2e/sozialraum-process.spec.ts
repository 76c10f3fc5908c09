import request from 'supertest';
import { Role } from '@sro/common';
import { SEED_SPECS } from '@sro/definitions';
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
  /** The process the first test walks to completion (it planned the measure `jugendraum`). */
  let completedId: string;

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

  /** Starts a process in the n-th social space of PR1 (by code); its id and a municipality of the space. */
  const startInSpace = async (n: number) => {
    const [other] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code OFFSET $1 LIMIT 1`,
      [n],
    );
    const [{ id: municipalityOfSpace }] = await system.db.query('SELECT id FROM municipality WHERE social_space_id = $1', [other.id]);
    const started = await request(system.http)
      .post('/sozialraum-processes')
      .set('Authorization', coordinator)
      .send({ socialSpaceId: other.id });
    expect(started.status).toBe(201);
    return { id: started.body.id as string, municipality: municipalityOfSpace as string };
  };

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
    completedId = id;
    expect(started.body).toMatchObject({ definitionVersion: 1, currentStep: 'identify', status: 'running' });

    // A second start for the same social space is a conflict.
    const twice = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: space.id });
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toMatch(/problem\+json/);

    // Completing before the deliverable is there is refused and names what is missing.
    const refused = await request(http).post(`/sozialraum-processes/${id}/phases/identify/complete`).set('Authorization', coordinator);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('Die Phase „Sozialraum identifizieren“ kann noch nicht abgeschlossen werden: Es fehlt ein Ergebnis.');
    expect(refused.body.errors).toEqual([
      {
        pointer: '/deliverables/boundaries',
        code: 'required',
        params: { deliverableKey: 'boundaries' },
        message: 'Bitte „Abgrenzung und Beschreibung des Sozialraums, seine Kommunen“ erfassen; das Ergebnis ist Pflicht.',
      },
    ]);

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
    expect(unknown.body.errors).toEqual([
      { pointer: '/value/municipalityIds/1', code: 'unknown-reference', message: 'Diese Kommune gibt es nicht.' },
    ]);

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

  it('starts a new run for a social space after cancellation and after completion, each with its own row', async () => {
    const http = system.http;
    const [other] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code OFFSET 1 LIMIT 1`,
    );
    const first = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: other.id });
    expect(first.status).toBe(201);
    const paused = await request(http).post(`/sozialraum-processes/${first.body.id}/pause`).set('Authorization', coordinator).send({});
    expect(paused.status).toBe(200);
    // A paused process still belongs to the space: no second run beside it.
    const beside = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: other.id });
    expect(beside.status).toBe(409);
    const cancelled = await request(http)
      .post(`/sozialraum-processes/${first.body.id}/cancel`)
      .set('Authorization', coordinator)
      .send({ reason: 'Neuer Zuschnitt des Sozialraums' });
    expect(cancelled.status).toBe(200);

    const second = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: other.id });
    expect({ status: second.status, body: second.status === 201 ? 'ok' : second.body }).toEqual({ status: 201, body: 'ok' });
    expect(second.body).toMatchObject({ status: 'running', currentStep: 'identify' });
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.body.workflowId).not.toBe(first.body.workflowId);
    const listed = await request(http).get('/sozialraum-processes?limit=100').set('Authorization', coordinator);
    const ofSpace = listed.body.items.filter((p: { socialSpaceId: string }) => p.socialSpaceId === other.id);
    expect(ofSpace.map((p: { id: string; status: string }) => [p.id, p.status]).sort()).toEqual(
      [
        [first.body.id, 'cancelled'],
        [second.body.id, 'running'],
      ].sort(),
    );
    // The new run is a live workflow: it answers and writes its own row.
    await eventually(
      async () => (await system.db.query('SELECT revision FROM process_instance WHERE id = $1', [second.body.id]))[0].revision > 0,
      10_000,
      'the new run wrote its row',
    );
    const detail = await request(http).get(`/sozialraum-processes/${second.body.id}`).set('Authorization', coordinator);
    expect(detail.body.state).toMatchObject({ processId: second.body.id, status: 'running' });

    // The space of the first test completed its process; it starts again too.
    const afterCompletion = await request(http)
      .post('/sozialraum-processes')
      .set('Authorization', coordinator)
      .send({ socialSpaceId: space.id });
    expect(afterCompletion.status).toBe(201);
  });

  it('saves the Sozialraumanalyse per question as a draft; the phase completes only with all eight answered', async () => {
    const http = system.http;
    const { id, municipality: municipalityOfThird } = await startInSpace(2);
    const [identify] = validDeliverables(municipalityOfThird, partner);
    await request(http)
      .put(`/sozialraum-processes/${id}/phases/identify/deliverables/boundaries`)
      .set('Authorization', coordinator)
      .send({ value: identify.value })
      .expect(200);
    await request(http).post(`/sozialraum-processes/${id}/phases/identify/complete`).set('Authorization', coordinator).expect(200);

    const analysisPath = `/sozialraum-processes/${id}/phases/analyse/deliverables/analysis`;
    const questions = SEED_SPECS['sozialraum-development'].analysisQuestions.map((q) => q.key);
    const first = await request(http)
      .put(analysisPath)
      .set('Authorization', coordinator)
      .send({ value: { profileYear: 2026, answers: [{ questionKey: questions[0], answer: 'Schulen, Kitas, ein Jugendclub' }] } });
    expect({ status: first.status, body: first.status === 200 ? 'ok' : first.body }).toEqual({ status: 200, body: 'ok' });
    const second = await request(http)
      .put(analysisPath)
      .set('Authorization', coordinator)
      .send({ value: { answers: [{ questionKey: questions[1], answer: 'Viele junge Familien' }] } });
    expect(second.status).toBe(200);
    const early = await request(http).post(`/sozialraum-processes/${id}/phases/analyse/complete`).set('Authorization', coordinator);
    expect(early.status).toBe(409);
    expect(early.body.errors).toEqual([
      {
        pointer: '/deliverables/analysis',
        code: 'incomplete',
        params: { deliverableKey: 'analysis' },
        message: `„Sozialraumanalyse: Antworten auf die Leitfragen, Bezug zum Sozialraumprofil“ ist unvollständig: unbeantwortete Leitfragen: ${SEED_SPECS[
          'sozialraum-development'
        ].analysisQuestions
          .slice(2)
          .map((q) => `„${q.text}“`)
          .join(', ')}.`,
      },
    ]);
    const draft = await request(http).get(`/sozialraum-processes/${id}`).set('Authorization', coordinator);
    expect(draft.body.state.deliverables.analyse.analysis.answers.map((a: { questionKey: string }) => a.questionKey)).toEqual(
      questions.slice(0, 2),
    );
    const unknown = await request(http)
      .put(analysisPath)
      .set('Authorization', coordinator)
      .send({ value: { answers: [{ questionKey: 'wetter', answer: 'sonnig' }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/value/answers/0/questionKey']);

    const rest = await request(http)
      .put(analysisPath)
      .set('Authorization', coordinator)
      .send({ value: { answers: questions.slice(2).map((q) => ({ questionKey: q, answer: `Antwort zu ${q}` })) } });
    expect(rest.status).toBe(200);
    const done = await request(http).post(`/sozialraum-processes/${id}/phases/analyse/complete`).set('Authorization', coordinator);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ completed: 'analyse', next: 'visions' });
  });

  it('completes a phase with its last deliverable in one request; a refused one saves nothing', async () => {
    const http = system.http;
    const { id, municipality: municipalityOfFourth } = await startInSpace(3);
    const complete = (phaseKey: string, body: object) =>
      request(http).post(`/sozialraum-processes/${id}/phases/${phaseKey}/complete`).set('Authorization', coordinator).send(body);
    const saved = async () => (await request(http).get(`/sozialraum-processes/${id}`).set('Authorization', coordinator)).body.state;

    // The value's problems at the pointers of this request, the unknown municipality from the API's check too.
    const bad = await complete('identify', {
      deliverable: { key: 'boundaries', value: { description: '', municipalityIds: ['kein-uuid'] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/deliverable/value/description',
      '/deliverable/value/municipalityIds/0',
    ]);
    const unknownMunicipality = await complete('identify', {
      deliverable: { key: 'boundaries', value: { description: 'Grenzen', municipalityIds: ['00000000-0000-4000-8000-0000000000aa'] } },
    });
    expect(unknownMunicipality.status).toBe(400);
    expect(unknownMunicipality.body.errors).toEqual([
      { pointer: '/deliverable/value/municipalityIds/0', code: 'unknown-reference', message: 'Diese Kommune gibt es nicht.' },
    ]);
    const notOfPhase = await complete('identify', { deliverable: { key: 'goals', value: [] } });
    expect(notOfPhase.status).toBe(404);
    expect(notOfPhase.body.errors).toEqual([expect.objectContaining({ pointer: '/deliverable/key', code: 'unknown-deliverable' })]);
    const badKey = await complete('identify', { deliverable: { key: 'Grenzen!', value: {} } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/deliverable/key']);
    const unchanged = await saved();
    expect(unchanged.deliverables).toEqual({});
    expect(unchanged.steps[0].status).toBe('active');

    // With a valid value: saved and completed as one change, one history entry naming the deliverable.
    const [identify] = validDeliverables(municipalityOfFourth, partner);
    const done = await complete('identify', { deliverable: { key: 'boundaries', value: identify.value } });
    expect({ status: done.status, body: done.body }).toEqual({ status: 200, body: { completed: 'identify', next: 'analyse' } });
    const state = await saved();
    expect(state.deliverables.identify.boundaries).toEqual(identify.value);
    expect(state.steps.slice(0, 2).map((s: { status: string }) => s.status)).toEqual(['completed', 'active']);
    const history = await request(http).get(`/sozialraum-processes/${id}/history?limit=100`).set('Authorization', coordinator);
    expect(history.body.items.map((e: { kind: string; details: object }) => [e.kind, e.details])).toEqual([
      ['started', expect.anything()],
      ['phase_completed', { phaseKey: 'identify', next: 'analyse', deliverableKey: 'boundaries' }],
    ]);

    // A draft of the analysis that leaves questions open: the completion is refused and the draft is not kept.
    const questions = SEED_SPECS['sozialraum-development'].analysisQuestions.map((q) => q.key);
    const early = await complete('analyse', {
      deliverable: { key: 'analysis', value: { profileYear: 2026, answers: [{ questionKey: questions[0], answer: 'Zwei Kitas' }] } },
    });
    expect(early.status).toBe(409);
    expect(early.body.errors).toEqual([expect.objectContaining({ pointer: '/deliverables/analysis', code: 'incomplete' })]);
    expect((await saved()).deliverables.analyse).toBeUndefined();
    // Answers saved before and the rest with the completion: the draft and the value are merged as a save would.
    await request(http)
      .put(`/sozialraum-processes/${id}/phases/analyse/deliverables/analysis`)
      .set('Authorization', coordinator)
      .send({ value: { profileYear: 2026, answers: [{ questionKey: questions[0], answer: 'Zwei Kitas' }] } })
      .expect(200);
    const rest = { answers: questions.slice(1).map((q) => ({ questionKey: q, answer: `Antwort zu ${q}` })) };
    const analysed = await complete('analyse', { deliverable: { key: 'analysis', value: rest } });
    expect({ status: analysed.status, body: analysed.body }).toEqual({ status: 200, body: { completed: 'analyse', next: 'visions' } });
    expect((await saved()).deliverables.analyse.analysis.answers.map((a: { questionKey: string }) => a.questionKey)).toEqual(questions);
  });

  it('keeps the social-space budget: allocations beyond it are 409 and book nothing', async () => {
    const http = system.http;
    const path = `/sozialraum-budgets/${space.id}/${new Date().getFullYear()}`;
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
    expect(tooMuch.body.errors).toEqual([
      { pointer: '/amountCents', code: 'number.max', params: { max: 200000 }, message: 'Höchstens 2.000,00\u00a0€ (noch verfügbar).' },
    ]);
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

  it('books the budget ledger: measures of the process only, reversal with reason (audited), spending, the yearly default, next year', async () => {
    const http = system.http;
    const next = new Date().getFullYear() + 1;
    const path = `/sozialraum-budgets/${space.id}/${next}`;
    // A new year starts from the definition's default (5,000 € in the seed of Schwerte).
    const fresh = await request(http).get(path).set('Authorization', coordinator);
    expect(fresh.body).toMatchObject({ isSet: false, amountCents: 0, defaultAmountCents: 500_000 });
    const opened = await request(http).put(path).set('Authorization', coordinator).send({});
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ year: next, isSet: true, amountCents: 500_000, availableCents: 500_000 });

    const unknownMeasure = await request(http)
      .post(`${path}/allocations`)
      .set('Authorization', coordinator)
      .send({ kind: 'measure', title: 'Gibt es nicht', processId: completedId, measureKey: 'gibt-es-nicht', amountCents: 1_000 });
    expect(unknownMeasure.status).toBe(400);
    expect(unknownMeasure.headers['content-type']).toMatch(/problem\+json/);
    expect(unknownMeasure.body.errors).toEqual([
      {
        pointer: '/measureKey',
        code: 'unknown-reference',
        params: { measureKey: 'gibt-es-nicht' },
        message: 'Diese Maßnahme ist im Prozess nicht geplant.',
      },
    ]);
    const unknownProcess = await request(http).post(`${path}/allocations`).set('Authorization', coordinator).send({
      kind: 'measure',
      title: 'X',
      processId: '00000000-0000-4000-8000-000000000000',
      measureKey: 'jugendraum',
      amountCents: 1_000,
    });
    expect(unknownProcess.status).toBe(400);
    expect(unknownProcess.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/processId']);

    const booked = await request(http)
      .post(`${path}/allocations`)
      .set('Authorization', coordinator)
      .send({ kind: 'measure', title: 'Jugendraum einrichten', processId: completedId, measureKey: 'jugendraum', amountCents: 150_000 });
    expect(booked.status).toBe(201);
    const allocationId = booked.body.allocations[0].id;
    const spent = await request(http)
      .post(`${path}/allocations/${allocationId}/spendings`)
      .set('Authorization', coordinator)
      .send({ amountCents: 40_000, spentOn: new Date().toISOString().slice(0, 10), note: 'Möbel' });
    expect(spent.status).toBe(201);
    expect(spent.body).toMatchObject({ allocatedCents: 150_000, spentCents: 40_000, availableCents: 350_000 });
    const noReason = await request(http).post(`${path}/allocations/${allocationId}/reversal`).set('Authorization', coordinator).send({});
    expect(noReason.status).toBe(400);
    expect(new Set(noReason.body.errors.map((e: { pointer: string }) => e.pointer))).toEqual(new Set(['/reason']));
    const reversed = await request(http)
      .post(`${path}/allocations/${allocationId}/reversal`)
      .set('Authorization', coordinator)
      .send({ reason: 'Restmittel werden nicht gebraucht' });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({ allocatedCents: 40_000, spentCents: 40_000, availableCents: 460_000 });
    expect(reversed.body.allocations[1]).toMatchObject({
      amountCents: -110_000,
      reversesId: allocationId,
      reason: 'Restmittel werden nicht gebraucht',
      createdBy: 'demo-coordinator',
    });
    const twice = await request(http)
      .post(`${path}/allocations/${allocationId}/reversal`)
      .set('Authorization', coordinator)
      .send({ reason: 'noch einmal' });
    expect(twice.status).toBe(409);
    const [audit] = await system.db.query(
      `SELECT actor_id, outcome FROM audit_event WHERE resource_type = 'budget-allocation' AND action = 'reverse' AND resource_id = $1 AND outcome = 'allowed'`,
      [allocationId],
    );
    expect(audit).toEqual({ actor_id: 'demo-coordinator', outcome: 'allowed' });

    const tooFar = await request(http)
      .put(`/sozialraum-budgets/${space.id}/${next + 1}`)
      .set('Authorization', coordinator)
      .send({ amountCents: 1_000 });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/year']);
  });
});
