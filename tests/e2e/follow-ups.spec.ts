import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('follow-ups (Wiedervorlagen): each thing once, and caseworkers’ own on a case (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let caseId: string;
  let pseudonym: string;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-follow-ups');
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles) VALUES ('cw-elsewhere', 'Fachkraft ohne Sozialraum', '{caseworker}')`,
    );
    cw = await bearer(Role.Caseworker);
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    const created = await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId));
    [caseId, pseudonym] = [created.body.id, created.body.pseudonym];
  });
  afterAll(() => system?.close());

  it('lists a thing with several reminders once, with its own due date (not a reminder’s) and a link', async () => {
    const due = `${day(40)}T00:00:00.000Z`;
    const context = JSON.stringify({ subjectTitle: 'Hilfeplanüberprüfung F-2026-ONCE01', dueAt: due, link: `/faelle/${caseId}` });
    await system.db.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
       SELECT 'jhd/once/review/1-0/' || k, $1::timestamptz - (d || ' days')::interval, '[{"type":"user","id":"demo-caseworker"}]', 'follow-up-due', $2::jsonb, '{in_app}', 'scheduled'
         FROM (VALUES ('P14D', 14), ('P7D', 7), ('P2D', 2)) AS o(k, d)`,
      [due, context],
    );
    const res = await api().get('/me/follow-ups').set('Authorization', cw);
    expect(res.status).toBe(200);
    const once = res.body.items.filter((i: { subject: string }) => i.subject === 'jhd/once/review/1-0');
    expect(once).toEqual([
      expect.objectContaining({
        template: 'follow-up-due',
        dueAt: due,
        nextReminderAt: new Date(Date.parse(due) - 14 * 86_400_000).toISOString(),
        link: `/faelle/${caseId}`,
      }),
    ]);
    expect(res.body.total).toBe(res.body.items.length);
  });

  it('lets a caseworker add a follow-up to a case: the text stays sealed with the case, the reminder carries none of it', async () => {
    const text = 'Rückmeldung der Schule zu Leon einholen';
    const past = await api()
      .post(`/cases/${caseId}/follow-ups`)
      .set('Authorization', cw)
      .send({ dueOn: day(-1), text });
    expect(past.status).toBe(400);
    expect(past.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(past.body.errors).toEqual([
      {
        pointer: '/dueOn',
        code: 'date.min',
        params: { min: expect.any(String) },
        message: expect.stringMatching(/^Eine Wiedervorlage darf nicht in der Vergangenheit liegen \(frühestens am \d\d\.\d\d\.\d{4}\)\.$/),
      },
    ]);
    const empty = await api()
      .post(`/cases/${caseId}/follow-ups`)
      .set('Authorization', cw)
      .send({ dueOn: day(10), text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].pointer).toBe('/text');
    const elsewhere = await api()
      .post(`/cases/${caseId}/follow-ups`)
      .set('Authorization', await bearer(Role.Caseworker, 'cw-elsewhere'))
      .send({ dueOn: day(10), text });
    expect(elsewhere.status).toBe(404);
    expect((await system.db.query('SELECT count(*)::int AS n FROM case_follow_up'))[0].n).toBe(0);

    const added = await api()
      .post(`/cases/${caseId}/follow-ups`)
      .set('Authorization', cw)
      .send({ dueOn: day(20), text });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ caseId, userId: 'demo-caseworker', dueOn: day(20), text, doneAt: null });
    const [raw] = await system.db.query('SELECT * FROM case_follow_up WHERE id = $1', [added.body.id]);
    expect(JSON.stringify(raw)).not.toContain('Leon');
    const reminders = await system.db.query(`SELECT key, context, status FROM reminder WHERE key LIKE $1`, [
      `case-follow-up/${caseId}/${added.body.id}/%`,
    ]);
    expect(reminders).toHaveLength(1);
    expect(JSON.stringify(reminders)).not.toContain('Leon');
    expect(JSON.stringify(reminders)).not.toContain('Schule');

    const mine = await api().get('/me/follow-ups').set('Authorization', cw);
    expect(mine.body.items).toContainEqual(
      expect.objectContaining({
        subject: `case-follow-up/${caseId}/${added.body.id}`,
        dueAt: `${day(20)}T00:00:00.000Z`,
        body: `Wiedervorlage für „Fall ${pseudonym}“ am ${day(20).split('-').reverse().join('.')}.`,
        link: `/faelle/${caseId}`,
      }),
    );
    const list = await api().get(`/cases/${caseId}/follow-ups`).set('Authorization', cw);
    expect(list.body.items).toEqual([expect.objectContaining({ id: added.body.id, text })]);
  });

  it('moves an own open follow-up to another date: the old reminder goes, a new one names the new date; wrong dates are German problems', async () => {
    const [{ id }] = await system.db.query('SELECT id FROM case_follow_up WHERE case_id = $1', [caseId]);
    const move = (dueOn: unknown, token = cw) =>
      api().patch(`/cases/${caseId}/follow-ups/${id}`).set('Authorization', token).send({ dueOn });
    const past = await move(day(-1));
    expect(past.status).toBe(400);
    expect(past.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(past.body.errors).toEqual([
      expect.objectContaining({ pointer: '/dueOn', code: 'date.min', message: expect.stringMatching(/^Eine Wiedervorlage darf nicht/) }),
    ]);
    const garbled = await move('30.02.2027');
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors[0].pointer).toBe('/dueOn');
    expect((await move(day(30), await bearer(Role.Caseworker, 'cw-elsewhere'))).status).toBe(404);
    expect(
      (
        await api()
          .patch(`/cases/${caseId}/follow-ups/${randomUUID()}`)
          .set('Authorization', cw)
          .send({ dueOn: day(30) })
      ).status,
    ).toBe(404);
    expect((await system.db.query(`SELECT to_char(due_on, 'YYYY-MM-DD') AS d FROM case_follow_up WHERE id = $1`, [id]))[0].d).toBe(day(20));

    const moved = await move(day(30));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id, dueOn: day(30), doneAt: null });
    const reminders = await system.db.query(`SELECT key, status, due_at FROM reminder WHERE key LIKE $1 ORDER BY created_at`, [
      `case-follow-up/${caseId}/${id}/%`,
    ]);
    expect(reminders.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'scheduled']);
    expect(new Date(reminders[1].due_at).toISOString()).toBe(`${day(30)}T00:00:00.000Z`);
    const mine = await api().get('/me/follow-ups').set('Authorization', cw);
    expect(mine.body.items.filter((i: { subject: string }) => i.subject === `case-follow-up/${caseId}/${id}`)).toEqual([
      expect.objectContaining({
        dueAt: `${day(30)}T00:00:00.000Z`,
        body: `Wiedervorlage für „Fall ${pseudonym}“ am ${day(30).split('-').reverse().join('.')}.`,
      }),
    ]);
    const audited = await system.db.query(
      `SELECT actor_id, details->>'followUpId' AS "followUpId" FROM audit_event WHERE resource_type = 'case' AND resource_id = $1 AND action = 'move-follow-up' AND outcome = 'allowed'`,
      [caseId],
    );
    expect(audited).toEqual([{ actor_id: 'demo-caseworker', followUpId: id }]);
  });

  it('marks a follow-up done: its reminder is cancelled and it leaves the list of things ahead; twice is a conflict', async () => {
    const [{ id }] = await system.db.query('SELECT id FROM case_follow_up WHERE case_id = $1', [caseId]);
    const done = await api().post(`/cases/${caseId}/follow-ups/${id}/done`).set('Authorization', cw);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id, doneBy: 'demo-caseworker', doneAt: expect.any(String) });
    const reminders = await system.db.query(`SELECT status FROM reminder WHERE key LIKE $1`, [`case-follow-up/${caseId}/${id}/%`]);
    expect(reminders.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    const mine = await api().get('/me/follow-ups').set('Authorization', cw);
    expect(mine.body.items.map((i: { subject: string }) => i.subject)).not.toContain(`case-follow-up/${caseId}/${id}`);
    const again = await api().post(`/cases/${caseId}/follow-ups/${id}/done`).set('Authorization', cw);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    // A follow-up done keeps its date.
    expect(
      (
        await api()
          .patch(`/cases/${caseId}/follow-ups/${id}`)
          .set('Authorization', cw)
          .send({ dueOn: day(40) })
      ).status,
    ).toBe(409);
    const audited = await system.db.query(`SELECT action FROM audit_event WHERE resource_id = $1 AND action LIKE '%follow-up%'`, [caseId]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['add-follow-up', 'follow-up-done']));
  });
});
