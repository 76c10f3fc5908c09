import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody, PERSONAL_STRINGS } from '../factories/cases';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
const dayIn = (d: number) => inDays(d).slice(0, 10);

interface TaskItem {
  id: string;
  kind: string;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  subject: { type: string; id: string; label: string };
  link: string;
}
interface TaskPage {
  items: TaskItem[];
  total: number;
  limit: number;
  offset: number;
}

describe('Meine Aufgaben: GET /me/tasks from the read models (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let other: string;
  let adviser: string;
  let coordinator: string;
  let spaceId: string;
  let caseId: string;
  let pseudonym: string;
  let consultationId: string;
  let recommendationId: string;

  const api = () => request(system.http);
  const tasks = async (token: string, query = ''): Promise<TaskPage> => {
    const res = await api().get(`/me/tasks${query}`).set('Authorization', token);
    expect(res.status).toBe(200);
    return res.body as TaskPage;
  };
  const ofKind = async (token: string, kind: string) => (await tasks(token, `?kind=${kind}&limit=200`)).items;
  const session = async (startsAt: string) => {
    const res = await api()
      .post('/fallteam-sessions')
      .set('Authorization', cw)
      .send({ startsAt, place: 'Familienzentrum Teltow', capacity: 3, moderatorId: 'demo-caseworker' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    system = await isolatedSystem('e2e-me-tasks');
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('cw-other', 'Andere Fachkraft', '{caseworker}'),
              ('ap-municipality', 'Bürgermeisteramt', '{approver}'), ('ap-provider', 'Familienzentrum', '{approver}'),
              ('ap-landkreis', 'Landkreis', '{approver}')`,
    );
    cw = await bearer(Role.Caseworker);
    other = await bearer(Role.Caseworker, 'cw-other');
    adviser = await bearer(Role.Adviser);
    coordinator = await bearer(Role.Coordinator);
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    const created = await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId));
    expect(created.status).toBe(201);
    caseId = created.body.id;
    pseudonym = created.body.pseudonym;
  });
  afterAll(async () => {
    await api().delete('/interview-cycles/schedule').set('Authorization', coordinator);
    await system?.close();
  });

  it('shows the case team the consultation to schedule, with the pseudonym and the consultation page, and no personal data', async () => {
    expect(await ofKind(cw, 'consultation_schedule')).toEqual([]);
    const requested = await api()
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Welche Ressourcen im Sozialraum passen?'] });
    expect(requested.status).toBe(201);
    consultationId = requested.body.id;
    await eventually(async () => (await ofKind(cw, 'consultation_schedule')).length === 1, 20_000, 'schedule task');
    const res = await api().get('/me/tasks').set('Authorization', cw);
    const [task] = (res.body as TaskPage).items.filter((t) => t.kind === 'consultation_schedule');
    expect(task).toEqual({
      id: `consultation_schedule:${consultationId}`,
      kind: 'consultation_schedule',
      title: 'Fallteam terminieren',
      dueAt: expect.any(String),
      overdue: false,
      subject: { type: 'case', id: caseId, label: pseudonym },
      link: `/beratungen/${consultationId}`,
    });
    // The step's deadline from the definition (P14D after the request).
    expect(Math.abs(Date.parse(task.dueAt!) - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    for (const s of PERSONAL_STRINGS) expect(JSON.stringify(res.body)).not.toContain(s);
    // Reading the list is audited once, as the case list is.
    const audit = await system.db.query(`SELECT action, resource_type FROM audit_event WHERE request_id = $1`, [
      res.headers['x-request-id'],
    ]);
    expect(audit).toEqual([{ action: 'list', resource_type: 'task' }]);
  });

  it('hides a case’s tasks from a caseworker outside its case team, and shows them to a substitute in their period only', async () => {
    expect((await tasks(other)).items.filter((t) => t.subject.id === caseId)).toEqual([]);
    expect((await tasks(await bearer(Role.Lead))).items).toEqual([]);
    const [{ id: substitution }] = await system.db.query(
      `INSERT INTO case_substitution (absent_user_id, substitute_user_id, starts_at, ends_at, named_by)
       VALUES ('demo-caseworker', 'cw-other', now() - interval '1 hour', now() + interval '1 day', 'demo-lead') RETURNING id`,
    );
    expect((await ofKind(other, 'consultation_schedule')).map((t) => t.subject.id)).toEqual([caseId]);
    await system.db.query(`UPDATE case_substitution SET ended_at = now() WHERE id = $1`, [substitution]);
    expect(await ofKind(other, 'consultation_schedule')).toEqual([]);
  });

  it('moves from scheduling to inviting advisers, then to the adviser’s recommendation; a completed step disappears', async () => {
    const sessionAt = inDays(7);
    const scheduled = await api()
      .post(`/consultations/${consultationId}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: await session(sessionAt) });
    expect(scheduled.status).toBe(200);
    await eventually(async () => (await ofKind(cw, 'consultation_invite')).length === 1, 20_000, 'invite task');
    expect(await ofKind(cw, 'consultation_schedule')).toEqual([]);
    const [invite] = await ofKind(cw, 'consultation_invite');
    expect(invite).toMatchObject({ title: 'Berater einladen', link: `/beratungen/${consultationId}`, overdue: false });
    expect(Date.parse(invite.dueAt!)).toBe(Date.parse(sessionAt));

    // Advisers see a packet only after the caseworker released it: until then it is the caseworker's task.
    const [release] = await ofKind(cw, 'consultation_release');
    expect(release).toMatchObject({ title: 'Paket für die Beratung freigeben', link: `/faelle/${caseId}`, overdue: false });
    const released = await api().post(`/consultations/${consultationId}/packet-release`).set('Authorization', cw);
    expect(released.status).toBe(201);
    expect(await ofKind(cw, 'consultation_release')).toEqual([]);

    expect(await ofKind(adviser, 'consultation_recommend')).toEqual([]);
    const invited = await api()
      .post(`/consultations/${consultationId}/invitations`)
      .set('Authorization', cw)
      .send({ adviserIds: ['demo-adviser'] });
    expect(invited.status).toBe(200);
    await eventually(async () => (await ofKind(cw, 'consultation_invite')).length === 0, 20_000, 'invite done');
    const adviserTasks = await tasks(adviser);
    expect(adviserTasks.items).toEqual([
      expect.objectContaining({
        kind: 'consultation_recommend',
        title: 'Empfehlung abgeben',
        subject: { type: 'case', id: caseId, label: pseudonym },
        link: `/beratungen/${consultationId}`,
        overdue: false,
      }),
    ]);
    // The adviser has no case tasks of the case, though they see its pseudonym.
    expect(adviserTasks.total).toBe(1);

    const recommended = await api()
      .post(`/consultations/${consultationId}/recommendations`)
      .set('Authorization', adviser)
      .send({ text: 'Schulsozialarbeit einbeziehen', suggestedHelp: ['Jugendclub'], risks: [] });
    expect(recommended.status).toBe(201);
    recommendationId = recommended.body.id;
    expect(await tasks(adviser)).toMatchObject({ items: [], total: 0 });
  });

  it('asks for the outcome once the session has begun, and drops the task when it is recorded', async () => {
    // The consultation moves to a session a few seconds ahead; when it has begun the outcome is due.
    const soon = new Date(Date.now() + 4_000).toISOString();
    const moved = await api()
      .post(`/consultations/${consultationId}/schedule`)
      .set('Authorization', cw)
      .send({ sessionId: await session(soon) });
    expect(moved.status).toBe(200);
    await eventually(async () => (await ofKind(cw, 'consultation_outcome')).length === 1, 20_000, 'outcome task');
    const [outcomeTask] = await ofKind(cw, 'consultation_outcome');
    expect(outcomeTask).toMatchObject({ title: 'Ergebnis dokumentieren', overdue: false, link: `/beratungen/${consultationId}` });
    // Due when the outcome step of the definition ends: P7D after the session.
    expect(Date.parse(outcomeTask.dueAt!)).toBe(Date.parse(soon) + 7 * DAY);
    expect(await ofKind(other, 'consultation_outcome')).toEqual([]);

    const recorded = await api()
      .post(`/consultations/${consultationId}/outcome`)
      .set('Authorization', cw)
      .send({
        recommendationIds: [recommendationId],
        participants: [
          { role: 'professional', userId: 'demo-caseworker' },
          { role: 'professional', userId: 'cw-other' },
        ],
        recommendations: [],
        decision: 'Hilfe zur Erziehung',
        helpSetting: 'Jugendclub am Markt',
      });
    expect(recorded.status).toBe(200);
    await eventually(async () => (await ofKind(cw, 'consultation_outcome')).length === 0, 20_000, 'outcome done');
  });

  it('lists overdue tasks first, then by due date, and pages them with a total', async () => {
    for (const [dueOn, text] of [
      [dayIn(10), 'Später'],
      [dayIn(2), 'Bald'],
      [dayIn(5), 'Dazwischen'],
      [dayIn(40), 'Weit weg'],
    ]) {
      const res = await api().post(`/cases/${caseId}/follow-ups`).set('Authorization', cw).send({ dueOn, text });
      expect(res.status).toBe(201);
    }
    // Time passes for the latest one: it is overdue now (the API refuses a past date).
    await system.db.query(`UPDATE case_follow_up SET due_on = current_date - 3 WHERE case_id = $1 AND due_on = $2`, [caseId, dayIn(10)]);
    const all = await tasks(cw, '?kind=case_follow_up');
    // The one 40 days ahead is not a task yet (GET /me/follow-ups lists it).
    expect(all.total).toBe(3);
    expect(all.items.map((t) => [t.overdue, t.dueAt!.slice(0, 10) <= dayIn(0)])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
    expect(Date.parse(all.items[1].dueAt!)).toBeLessThan(Date.parse(all.items[2].dueAt!));
    expect(all.items.every((t) => t.title === 'Wiedervorlage' && t.link === `/faelle/${caseId}`)).toBe(true);
    for (const s of ['Später', 'Bald', 'Dazwischen']) expect(JSON.stringify(all)).not.toContain(s);

    const first = await tasks(cw, '?kind=case_follow_up&limit=2&offset=0');
    const second = await tasks(cw, '?kind=case_follow_up&limit=2&offset=2');
    expect([first.total, first.limit, first.offset, first.items.length]).toEqual([3, 2, 0, 2]);
    expect([second.total, second.items.length]).toEqual([3, 1]);
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(all.items.map((t) => t.id));
    expect(await tasks(cw, '?kind=case_follow_up&limit=2&offset=10')).toMatchObject({ items: [], total: 3 });

    // Without a filter the overdue follow-up still comes first, before other kinds.
    expect((await tasks(cw)).items[0]).toMatchObject({ kind: 'case_follow_up', overdue: true });
    // The other caseworker, not on the team, sees none of them.
    expect(await ofKind(other, 'case_follow_up')).toEqual([]);
  });

  it('follows the case team at once: a co-worker added gets the case’s steps (not another’s follow-ups), one removed loses them', async () => {
    const requested = await api()
      .post(`/cases/${caseId}/consultations`)
      .set('Authorization', cw)
      .send({ questions: ['Wer kann im Sozialraum unterstützen?'] });
    expect(requested.status).toBe(201);
    const id = `consultation_schedule:${requested.body.id}`;
    await eventually(async () => (await ofKind(cw, 'consultation_schedule')).some((t) => t.id === id), 20_000, 'schedule task');
    expect((await ofKind(other, 'consultation_schedule')).map((t) => t.id)).not.toContain(id);

    const added = await api()
      .put(`/cases/${caseId}/team`)
      .set('Authorization', cw)
      .send({ coWorkerIds: ['cw-other'] });
    expect(added.status).toBe(200);
    // Read-your-writes: the task table changed in the transaction that changed the team.
    expect((await ofKind(other, 'consultation_schedule')).map((t) => t.id)).toContain(id);
    expect(await ofKind(other, 'case_follow_up')).toEqual([]);

    const removed = await api().put(`/cases/${caseId}/team`).set('Authorization', cw).send({ coWorkerIds: [] });
    expect(removed.status).toBe(200);
    expect((await ofKind(other, 'consultation_schedule')).map((t) => t.id)).not.toContain(id);
    expect((await ofKind(cw, 'consultation_schedule')).map((t) => t.id)).toContain(id);
    await api().post(`/consultations/${requested.body.id}/cancel`).set('Authorization', cw).send({});
    await eventually(async () => !(await ofKind(cw, 'consultation_schedule')).some((t) => t.id === id), 20_000, 'cancelled task gone');
  });

  it('refuses an unknown kind and a bad page with German problems', async () => {
    const bad = await api().get('/me/tasks?kind=nap&limit=0').set('Authorization', cw);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const pointers: string[] = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toContain('/limit');
    expect(pointers.some((p) => p.startsWith('/kind'))).toBe(true);
    for (const e of bad.body.errors as Array<{ message: string }>) expect(e.message).not.toMatch(/must|should|each value/);
  });

  it('gives the coordinator the deliverable of the current phase of their process, and not another coordinator', async () => {
    const started = await api().post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: spaceId });
    expect(started.status).toBe(201);
    const processId = started.body.id as string;
    await eventually(async () => (await ofKind(coordinator, 'sozialraum_phase')).length === 1, 20_000, 'phase task');
    const [phase] = await ofKind(coordinator, 'sozialraum_phase');
    expect(phase).toMatchObject({
      title: expect.stringMatching(/^Nachweis Phase 1 einreichen: /),
      subject: { type: 'sozialraum-process', id: processId },
      link: `/prozesse/${processId}`,
      dueAt: expect.any(String),
    });
    expect(await ofKind(await bearer(Role.Coordinator, 'demo-coordinator-pr2'), 'sozialraum_phase')).toEqual([]);
    expect(await ofKind(cw, 'sozialraum_phase')).toEqual([]);
  });

  it('gives the cycle’s coordinator every interview to plan, and the planned one to its interviewer', async () => {
    const created = await api().put('/interview-cycles/schedule').set('Authorization', coordinator).send({ startNow: true });
    expect(created.status).toBe(200);
    await eventually(async () => (await tasks(coordinator, '?kind=interview_plan&limit=1')).total === 35, 60_000, '35 interviews to plan');
    const page = await tasks(coordinator, '?kind=interview_plan&limit=20');
    expect(page.items).toHaveLength(20);
    expect(page.items[0]).toMatchObject({ kind: 'interview_plan', title: 'Interview planen', subject: { type: 'contract-partner' } });
    const [{ id: cycleId }] = await system.db.query(`SELECT id FROM interview_cycle WHERE status = 'running'`);
    const partnerId = page.items[0].subject.id;
    expect(page.items[0].link).toBe(`/interviews/${cycleId}/${partnerId}`);

    const planned = await api()
      .put(`/interview-cycles/${cycleId}/interviews/${partnerId}/plan`)
      .set('Authorization', coordinator)
      .send({ plannedAt: inDays(14), interviewerId: 'demo-caseworker' });
    expect(planned.status).toBe(200);
    await eventually(async () => (await tasks(coordinator, '?kind=interview_plan&limit=1')).total === 34, 20_000, 'one planned');
    expect((await ofKind(cw, 'interview_conduct')).map((t) => [t.subject.id, t.title])).toEqual([[partnerId, 'Interview führen']]);
    expect(await ofKind(other, 'interview_conduct')).toEqual([]);
  });

  it('gives each named approver the decision on the agreement until they decide', async () => {
    const [{ id: regionId }] = await system.db.query(`SELECT id FROM planning_region WHERE code = 'PR1'`);
    const partners: Array<{ id: string }> = await system.db.query(
      `(SELECT id FROM contract_partner WHERE kind = 'municipality' ORDER BY code LIMIT 1)
       UNION ALL (SELECT id FROM contract_partner WHERE kind = 'free_provider' ORDER BY code LIMIT 1)`,
    );
    const created = await api()
      .post('/cooperation-agreements')
      .set('Authorization', coordinator)
      .send({
        title: 'Dreiseitiger Vertrag Familienzentrum',
        kind: 'three_party',
        planningRegionId: regionId,
        parties: [
          { kind: 'contract_partner', refId: partners[0].id },
          { kind: 'contract_partner', refId: partners[1].id },
          { kind: 'landkreis', name: 'Landkreis Potsdam-Mittelmark' },
        ],
        socialSpaceIds: [spaceId],
        body: 'Kooperation mit Hebammen und Kitas.',
        attachments: [],
        validFrom: dayIn(30),
        validUntil: dayIn(30 + 3 * 365),
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const submitted = await api()
      .post(`/cooperation-agreements/${id}/submit`)
      .set('Authorization', coordinator)
      .send({
        approvers: [
          { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-municipality'] },
          { stageKey: 'parties', partyKey: 'provider', approverIds: ['ap-provider'] },
          { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-landkreis'] },
        ],
      });
    expect(submitted.status).toBe(200);
    const municipality = await bearer(Role.Approver, 'ap-municipality');
    await eventually(async () => (await tasks(municipality)).total === 1, 20_000, 'decision task');
    expect((await tasks(municipality)).items[0]).toMatchObject({
      kind: 'agreement_decision',
      title: `Entscheidung zur Vereinbarung ${created.body.reference} „Dreiseitiger Vertrag Familienzentrum“`,
      subject: { type: 'cooperation-agreement', id, label: created.body.reference },
      link: `/entscheidungen/${id}`,
    });
    expect((await tasks(await bearer(Role.Approver))).total).toBe(0);

    const decided = await api()
      .post(`/cooperation-agreements/${id}/decisions`)
      .set('Authorization', municipality)
      .send({ stageKey: 'parties', decision: 'approve' });
    expect(decided.status).toBe(200);
    await eventually(async () => (await tasks(municipality)).total === 0, 20_000, 'decision done');
    expect((await tasks(await bearer(Role.Approver, 'ap-provider'))).total).toBe(1);
  });
});
