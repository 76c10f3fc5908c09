import request from 'supertest';
import { Role } from '@sro/common';
import { SEED_SPECS } from '@sro/definitions';
import type { Answer } from '@sro/workflows/partner-interview-cycle/answers';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const questionnaire = SEED_SPECS['partner-interview-cycle'].questionnaire;
const question = (key: string) => questionnaire.sections.flatMap((s) => s.questions).find((q) => q.key === key)!;

/** Partner i's answers: every type of question, values spread over their range. */
function answersOf(i: number): Answer[] {
  const list: Answer[] = [
    { questionKey: 'cy_reach', value: (i % 5) + 1 },
    { questionKey: 'cy_participation', value: i % 3 !== 0 },
    { questionKey: 'pa_access', value: ((i * 2) % 5) + 1 },
    { questionKey: 'pa_family_centre', value: question('pa_family_centre').options![i % 4] },
    { questionKey: 'pr_fallteam', value: ((i + 2) % 5) + 1 },
    { questionKey: 'pr_cooperation_forms', value: question('pr_cooperation_forms').options!.filter((_, k) => (i + k) % 2 === 0) },
    { questionKey: 'co_network', value: ((i * 3) % 5) + 1 },
    { questionKey: 'co_budget_use', value: i % 2 === 0 },
  ];
  if (i % 4 === 0) list.push({ questionKey: 'cy_comment', value: `Mehr offene Angebote am Wochenende (${i})` });
  return list;
}

/** What the report must say about a question, computed straight from the answers given. */
function expected(given: Answer[][], key: string) {
  const values = given.flatMap((a) => a.filter((x) => x.questionKey === key).map((x) => x.value));
  const count = (v: unknown) => values.filter((x) => (Array.isArray(x) ? x.includes(v) : x === v)).length;
  const q = question(key);
  if (q.type === 'scale')
    return {
      answered: values.length,
      counts: [1, 2, 3, 4, 5].map(count),
      mean: Math.round((values.reduce((s: number, v) => s + Number(v), 0) / values.length) * 100) / 100,
    };
  if (q.type === 'yes_no') return { answered: values.length, counts: [count(true), count(false)] };
  if (q.type === 'free_text')
    return { answered: values.length, texts: [...values].sort((a, b) => String(a).localeCompare(String(b), 'de')) };
  return { answered: values.length, counts: q.options!.map(count) };
}

describe('a two-yearly interview cycle with the 35 demo partners, end to end', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let coordinator: string;
  let interviewer: string;
  let cycleId: string;
  let partners: Array<{ id: string; name: string }>;
  const given: Answer[][] = [];

  const api = () => request(system.http);
  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const interview = (partnerId: string, id = cycleId) => `/interview-cycles/${id}/interviews/${partnerId}`;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-interviews');
    coordinator = await bearer(Role.Coordinator);
    interviewer = await bearer(Role.Caseworker);
    await system.db.query(`INSERT INTO app_user (id, display_name, roles) VALUES ('someone-else', 'Andere Fachkraft', '{caseworker}')`);
    partners = await system.db.query(
      `SELECT id, name FROM contract_partner WHERE exit_date IS NULL OR exit_date > current_date ORDER BY code`,
    );
  });
  afterAll(async () => {
    await api().delete('/interview-cycles/schedule').set('Authorization', coordinator);
    await system?.close();
  });

  it('the schedule starts a cycle with an interview for every active partner', async () => {
    expect(partners).toHaveLength(35);
    expect((await api().put('/interview-cycles/schedule').set('Authorization', interviewer).send({})).status).toBe(403);
    const created = await api().put('/interview-cycles/schedule').set('Authorization', coordinator).send({ startNow: true });
    expect([created.status, created.body]).toEqual([200, expect.anything()]);
    expect(created.body).toMatchObject({ interval: 'P2Y', coordinatorId: 'demo-coordinator', paused: false });
    const next = Date.parse(created.body.nextCycles[0]);
    expect(next - Date.now()).toBeGreaterThan(729 * 86_400_000);
    expect(next - Date.now()).toBeLessThan(732 * 86_400_000);

    await eventually(
      async () => (await api().get('/interview-cycles/current').set('Authorization', coordinator)).body.counts?.total === 35,
      30_000,
      '35 interviews',
    );
    const current = await api()
      .get('/interview-cycles/current')
      .set('Authorization', await bearer(Role.Approver));
    expect(current.body).toMatchObject({ number: 1, status: 'running', questionnaireVersion: '2026-1', counts: { total: 35, open: 35 } });
    cycleId = current.body.id;
    const progress = await api().get(`/interview-cycles/${cycleId}/progress?limit=100`).set('Authorization', coordinator);
    expect(progress.body.total).toBe(35);
    expect(new Set(progress.body.items.map((i: { partnerId: string }) => i.partnerId))).toEqual(new Set(partners.map((p) => p.id)));
    expect(
      (
        await api()
          .get(`/interview-cycles/${cycleId}/progress`)
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
  });

  it('plans every interview; bad answers are refused with pointers and store nothing', async () => {
    for (const p of partners) {
      const planned = await api()
        .put(`${interview(p.id)}/plan`)
        .set('Authorization', coordinator)
        .send({ plannedAt: at(14), interviewerId: 'demo-caseworker' });
      expect(planned.status).toBe(200);
      expect(planned.body).toMatchObject({ status: 'planned', interviewerId: 'demo-caseworker', questionnaireVersion: '2026-1' });
    }
    const first = partners[0].id;
    const past = await api()
      .put(`${interview(first)}/plan`)
      .set('Authorization', coordinator)
      .send({ plannedAt: at(-1), interviewerId: 'demo-caseworker' });
    expect(past.status).toBe(400);
    expect(
      (
        await api()
          .put(`${interview(first)}/plan`)
          .set('Authorization', coordinator)
          .send({ plannedAt: at(3), interviewerId: 'demo-adviser' })
      ).status,
    ).toBe(400);

    const seven = answersOf(0).map((a) => (a.questionKey === 'cy_reach' ? { ...a, value: 7 } : a));
    const bad = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: seven });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      {
        pointer: '/answers/0/value',
        code: 'number.range',
        params: { min: 1, max: 5 },
        message: 'Bitte eine ganze Zahl von 1 bis 5 angeben.',
      },
    ]);
    const unknown = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: [...answersOf(0), { questionKey: 'q_from_2030', value: 3 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      code: 'unknown-question',
      message: 'Diese Frage gehört nicht zu Version 2026-1 des Fragebogens.',
    });
    const missing = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: answersOf(0).slice(1) });
    expect(missing.body.errors).toEqual([
      {
        pointer: '/answers',
        code: 'required',
        params: { questionKey: 'cy_reach' },
        message: 'Bitte beantworten Sie die Pflichtfrage „Wie gut erreichen die Angebote im Sozialraum Kinder und Jugendliche?“.',
      },
    ]);
    const notTheInterviewer = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', await bearer(Role.Caseworker, 'someone-else'))
      .send({ answers: answersOf(0) });
    expect(notTheInterviewer.status).toBe(403);
    const stored = await api().get(interview(first)).set('Authorization', interviewer);
    expect(stored.body).toMatchObject({ status: 'planned', answers: null });

    const twice = await api().post(`/interview-cycles/${cycleId}/partners`).set('Authorization', coordinator).send({ partnerId: first });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('Der Vertragspartner gehört bereits zum Interviewzyklus 1.');
  });

  it('records answers, withdraws, adds a partner who joins mid-cycle and reports the numbers', async () => {
    for (let i = 0; i < 30; i++) {
      const res = await api()
        .put(`${interview(partners[i].id)}/answers`)
        .set('Authorization', interviewer)
        .send({ answers: answersOf(i) });
      expect(res.status).toBe(200);
      given.push(answersOf(i));
    }
    for (const p of partners.slice(30, 32)) {
      expect(
        (
          await api()
            .post(`${interview(p.id)}/withdraw`)
            .set('Authorization', coordinator)
            .send({ reason: 'Austritt zum Jahresende' })
        ).status,
      ).toBe(200);
    }

    // A new partner joins the contract today: the registry tells the running cycle.
    const spaces = await system.db.query('SELECT id FROM social_space ORDER BY code LIMIT 1');
    const joined = await api()
      .post('/contract-partners')
      .set('Authorization', coordinator)
      .send({
        name: 'Jugendwerkstatt Neustart gGmbH',
        kind: 'free_provider',
        socialSpaceIds: [spaces[0].id],
        accessionDate: new Date().toISOString().slice(0, 10),
        contacts: [],
      });
    expect(joined.status).toBe(201);
    await eventually(
      async () =>
        (
          await system.db.query(`SELECT 1 FROM partner_interview WHERE cycle_id = $1 AND contract_partner_id = $2`, [
            cycleId,
            joined.body.id,
          ])
        ).length === 1,
      20_000,
      'the new partner has an interview',
    );
    expect(
      (
        await api()
          .put(`${interview(joined.body.id)}/plan`)
          .set('Authorization', coordinator)
          .send({ plannedAt: at(7), interviewerId: 'demo-caseworker' })
      ).status,
    ).toBe(200);
    expect(
      (
        await api()
          .put(`${interview(joined.body.id)}/answers`)
          .set('Authorization', interviewer)
          .send({ answers: answersOf(35) })
      ).status,
    ).toBe(200);
    given.push(answersOf(35));

    const mine = await api().get('/interview-cycles/interviews/mine?limit=200').set('Authorization', interviewer);
    expect(mine.body.items).toHaveLength(3);

    const progress = await api().get(`/interview-cycles/${cycleId}`).set('Authorization', coordinator);
    expect(progress.body.counts).toMatchObject({ total: 36, done: 31, withdrawn: 2, planned: 3, open: 0, overdue: 0 });

    const report = await api().get(`/interview-cycles/${cycleId}/report`).set('Authorization', coordinator);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      final: false,
      partners: { total: 36, done: 31, withdrawn: 2, notAnswered: 3, failed: 0 },
      responseRate: 0.9118,
      previous: null,
    });
    const byKey = new Map<string, any>(
      report.body.perspectives.flatMap((p: any) => p.questions.map((q: any) => [q.key, { ...q, perspective: p.perspective }])),
    );
    expect(report.body.perspectives.map((p: any) => p.perspective)).toEqual(['children_youth', 'parents', 'professionals', 'community']);
    for (const key of ['cy_reach', 'pa_access', 'pr_fallteam', 'co_network']) {
      const want = expected(given, key) as { answered: number; counts: number[]; mean: number };
      expect({
        key,
        answered: byKey.get(key).answered,
        counts: byKey.get(key).distribution.map((d: any) => d.count),
        mean: byKey.get(key).mean,
      }).toEqual({ key, ...want });
    }
    for (const key of ['cy_participation', 'co_budget_use', 'pa_family_centre', 'pr_cooperation_forms']) {
      const want = expected(given, key) as { answered: number; counts: number[] };
      expect({ key, answered: byKey.get(key).answered, counts: byKey.get(key).distribution.map((d: any) => d.count) }).toEqual({
        key,
        ...want,
      });
    }
    expect(byKey.get('cy_comment').texts).toEqual((expected(given, 'cy_comment') as { texts: string[] }).texts);
    expect(JSON.stringify(report.body)).not.toMatch(/demo-caseworker|Jugendwerkstatt/); // organisations' answers, no names of people or partners

    const csv = await api().get(`/interview-cycles/${cycleId}/report?format=csv`).set('Authorization', coordinator);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Perspektive;Frageschlüssel;Frage;Fragetyp;Antwort;Anzahl;Anteil;Mittelwert;Anteil im vorigen Zyklus;Mittelwert im vorigen Zyklus;Veränderung des Anteils;Veränderung des Mittelwerts',
    );
    const reach = expected(given, 'cy_reach') as { counts: number[]; mean: number };
    expect(lines).toContain(
      `children_youth;cy_reach;Wie gut erreichen die Angebote im Sozialraum Kinder und Jugendliche?;scale;1;${reach.counts[0]};${String(Math.round((reach.counts[0] / 31) * 10000) / 10000).replace('.', ',')};${String(reach.mean).replace('.', ',')};;;;`,
    );
  });

  it('corrects the answers of a done interview as a new version, audited; answers dated before the planned date are refused', async () => {
    const first = partners[0].id;
    const corrected = answersOf(0).map((a) => (a.questionKey === 'pa_access' ? { ...a, value: a.value === 5 ? 1 : 5 } : a));
    const before = await api().get(interview(first)).set('Authorization', coordinator);
    expect(before.body).toMatchObject({ status: 'done', answersVersion: 1, conductedOn: before.body.plannedAt.slice(0, 10) });

    const noReason = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: corrected });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ pointer: '/reason', code: 'required', message: 'Bitte begründen Sie die Korrektur.' }]);
    const early = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: corrected, reason: 'Übertragungsfehler', conductedOn: at(-1).slice(0, 10) });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([
      {
        pointer: '/conductedOn',
        code: 'date.min',
        params: { min: before.body.plannedAt.slice(0, 10) },
        message: `Das Datum darf nicht vor dem geplanten Interviewtermin am ${before.body.plannedAt.slice(0, 10).split('-').reverse().join('.')} liegen.`,
      },
    ]);
    const stranger = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', await bearer(Role.Caseworker, 'someone-else'))
      .send({ answers: corrected, reason: 'Übertragungsfehler' });
    expect(stranger.status).toBe(403);

    const ok = await api()
      .put(`${interview(first)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: corrected, reason: 'Antwort zum Zugang falsch übertragen' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'done', answersVersion: 2 });
    given[0] = corrected;
    const after = await api().get(interview(first)).set('Authorization', coordinator);
    expect(after.body.answers).toEqual(corrected);
    expect(after.body.answerVersions.map((v: any) => [v.version, v.recordedBy, v.reason])).toEqual([
      [1, 'demo-caseworker', null],
      [2, 'demo-caseworker', 'Antwort zum Zugang falsch übertragen'],
    ]);
    expect(after.body.answerVersions[0].answers).toEqual(answersOf(0));
    expect(after.body.history.map((e: any) => e.kind)).toContain('answers_corrected');
    const audited = await system.db.query(
      `SELECT outcome FROM audit_event WHERE resource_type = 'partner-interview' AND action = 'record-answers' AND resource_id = ANY($1) ORDER BY id`,
      [[first, before.body.id]], // the partner's id from the path, the interview's id from the answer
    );
    // The first recording and the correction are allowed; the refused attempts are audited too.
    expect(audited.filter((a: { outcome: string }) => a.outcome === 'allowed')).toHaveLength(2);
    expect(audited.at(-1).outcome).toBe('allowed');
    expect(audited.length).toBeGreaterThanOrEqual(8);
    // The running cycle's report counts the corrected answers.
    const report = await api().get(`/interview-cycles/${cycleId}/report`).set('Authorization', coordinator);
    const access = report.body.perspectives.flatMap((p: any) => p.questions).find((q: any) => q.key === 'pa_access');
    expect(access.mean).toBe((expected(given, 'pa_access') as { mean: number }).mean);

    // A first recording dated before the planned interview date is refused too.
    const planned = partners[32].id;
    const dated = await api()
      .put(`${interview(planned)}/answers`)
      .set('Authorization', interviewer)
      .send({ answers: answersOf(32), conductedOn: new Date().toISOString().slice(0, 10) });
    expect(dated.status).toBe(400);
    expect(dated.body.errors[0]).toMatchObject({ pointer: '/conductedOn' });
    expect((await api().get(interview(planned)).set('Authorization', coordinator)).body).toMatchObject({
      status: 'planned',
      answers: null,
    });
  });

  it('completes when every interview has ended and compares the next cycle with it', async () => {
    for (const p of partners.slice(32))
      await api()
        .post(`${interview(p.id)}/withdraw`)
        .set('Authorization', coordinator)
        .send({ reason: 'Kein Termin zustande gekommen' });
    await eventually(
      async () => (await api().get(`/interview-cycles/${cycleId}`).set('Authorization', coordinator)).body.status === 'completed',
      20_000,
      'cycle 1 completed',
    );
    const final = await api().get(`/interview-cycles/${cycleId}/report`).set('Authorization', coordinator);
    expect(final.body).toMatchObject({ final: true, responseRate: round(31 / 31) });
    // The report is final: the answers can no longer be corrected.
    const late = await api()
      .put(`${interview(partners[1].id)}/answers`)
      .set('Authorization', coordinator)
      .send({ answers: answersOf(1), reason: 'Nachträgliche Korrektur' });
    expect(late.status).toBe(409);
    expect((await api().get(interview(partners[1].id)).set('Authorization', coordinator)).body.answersVersion).toBe(1);

    const triggered = await api().post('/interview-cycles/schedule/trigger').set('Authorization', coordinator).send({});
    expect(triggered.status).toBe(200);
    let second = '';
    await eventually(
      async () => {
        const current = await api().get('/interview-cycles/current').set('Authorization', coordinator);
        second = current.body.number === 2 && current.body.counts.total === 36 ? current.body.id : '';
        return !!second;
      },
      30_000,
      'cycle 2 with 36 interviews',
    );
    for (const p of partners.slice(0, 2)) {
      await api()
        .put(`${interview(p.id, second)}/plan`)
        .set('Authorization', coordinator)
        .send({ plannedAt: at(10), interviewerId: 'demo-caseworker' });
      const answers = answersOf(0).map((a) => (a.questionKey === 'cy_reach' ? { ...a, value: 5 } : a));
      expect(
        (
          await api()
            .put(`${interview(p.id, second)}/answers`)
            .set('Authorization', interviewer)
            .send({ answers })
        ).status,
      ).toBe(200);
    }
    const report = await api().get(`/interview-cycles/${second}/report`).set('Authorization', coordinator);
    const reach = report.body.perspectives[0].questions.find((q: any) => q.key === 'cy_reach');
    const before = expected(given, 'cy_reach') as { mean: number };
    expect(report.body.previous).toMatchObject({ cycleId, number: 1, responseRate: 1 });
    expect(reach.previous.mean).toBe(before.mean);
    expect(reach.change.mean).toBe(round(5 - before.mean, 2));
    expect(report.body.change.responseRate).toBe(round(2 / 36 - 1));
    const list = await api().get('/interview-cycles').set('Authorization', coordinator);
    expect(list.body.items.map((c: any) => [c.number, c.status])).toEqual([
      [2, 'running'],
      [1, 'completed'],
    ]);
  });
});

function round(n: number, digits = 4) {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}
