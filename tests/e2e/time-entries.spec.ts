import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('time entries and the preventive share (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let cw2: string;
  let spaceId: string;
  let otherSpaceId: string;
  let caseId: string;
  const api = () => request(system.http);
  const entries = async () => (await system.db.query('SELECT count(*)::int AS n FROM time_entry'))[0].n as number;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-time-entries');
    const spaces: Array<{ id: string }> = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code`,
    );
    [{ id: spaceId }, { id: otherSpaceId }] = spaces;
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, planning_region_ids, social_space_ids)
       SELECT 'cw-2', 'Zweite Fachkraft', '{caseworker}', planning_region_ids, social_space_ids FROM app_user WHERE id = 'demo-caseworker'`,
    );
    cw = await bearer(Role.Caseworker);
    cw2 = await bearer(Role.Caseworker, 'cw-2');
    caseId = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId))).body.id;
    // Case time is for the case team: the second caseworker works on the case as a co-worker.
    await api()
      .put(`/cases/${caseId}/team`)
      .set('Authorization', cw)
      .send({ coWorkerIds: ['cw-2'] })
      .expect(200);
  });
  afterAll(() => system?.close());

  it('records case, preventive and other time', async () => {
    const preventive = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: yesterday, start: '08:00', minutes: 120, kind: 'preventive', socialSpaceId: spaceId, note: 'Sozialraumkonferenz' });
    expect(preventive.status).toBe(201);
    expect(preventive.body).toMatchObject({ date: yesterday, start: '08:00', minutes: 120, kind: 'preventive', socialSpaceId: spaceId });
    const casework = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: yesterday, start: '10:00', minutes: 300, kind: 'case', caseId });
    expect(casework.status).toBe(201);
    expect(casework.body.socialSpaceId).toBe(spaceId);
    expect((await api().post('/time-entries').set('Authorization', cw).send({ date: yesterday, minutes: 60, kind: 'other' })).status).toBe(
      201,
    );
    expect(
      (await api().post('/time-entries').set('Authorization', cw2).send({ date: yesterday, minutes: 480, kind: 'case', caseId })).status,
    ).toBe(201);
    expect(
      (
        await api()
          .post('/time-entries')
          .set('Authorization', cw2)
          .send({ date: yesterday, minutes: 30, kind: 'preventive', socialSpaceId: otherSpaceId })
      ).status,
    ).toBe(201);
    const mine = await api().get(`/time-entries?from=${yesterday}&to=${yesterday}`).set('Authorization', cw);
    expect(mine.body.items.map((e: { kind: string }) => e.kind)).toEqual(['preventive', 'case', 'other']);
  });

  it('refuses overlapping entries, more than 24 hours a day and entries past midnight, storing nothing', async () => {
    const before = await entries();
    const overlap = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: yesterday, start: '09:30', minutes: 60, kind: 'other' });
    expect(overlap.status).toBe(400);
    expect(overlap.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(overlap.body.errors).toEqual([
      {
        pointer: '/start',
        code: 'time.overlap',
        params: { from: '08:00', to: '10:00' },
        message: 'Überschneidet sich mit dem Eintrag von 08:00 bis 10:00 Uhr.',
      },
    ]);
    const long = await api().post('/time-entries').set('Authorization', cw).send({ date: yesterday, minutes: 1500, kind: 'other' });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].pointer).toBe('/minutes');
    const dayFull = await api().post('/time-entries').set('Authorization', cw).send({ date: yesterday, minutes: 1000, kind: 'other' }); // 480 already recorded
    expect(dayFull.status).toBe(400);
    expect(dayFull.body.errors).toEqual([
      { pointer: '/minutes', code: 'time.day-full', params: { max: 960 }, message: expect.stringContaining('ein Tag hat 24 Stunden') },
    ]);
    const midnight = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: yesterday, start: '23:00', minutes: 120, kind: 'other' });
    expect(midnight.status).toBe(400);
    expect(midnight.body.errors[0].pointer).toBe('/minutes');
    const caseNote = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: yesterday, minutes: 10, kind: 'case', caseId, note: 'Gespräch mit Frau Mustermann' });
    expect(caseNote.body.errors).toEqual([
      {
        pointer: '/note',
        code: 'not-applicable',
        message: 'Fallzeiten haben keine Notiz; Einzelheiten gehören in die Fallakte. Bitte leer lassen.',
      },
    ]);
    const noSpace = await api().post('/time-entries').set('Authorization', cw).send({ date: yesterday, minutes: 10, kind: 'preventive' });
    expect(noSpace.body.errors).toEqual([
      { pointer: '/socialSpaceId', code: 'required', message: 'Bitte den Sozialraum der präventiven Arbeit auswählen.' },
    ]);
    const badTime = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: yesterday, start: '25:00', minutes: 10, kind: 'other', extra: 1 });
    expect(badTime.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/extra', '/start']);
    expect(await entries()).toBe(before);
  });

  it('refuses entries before the horizon (this and last year by default) with a German problem naming the first allowed day', async () => {
    const before = await entries();
    const year = new Date().getUTCFullYear();
    const old = await api()
      .post('/time-entries')
      .set('Authorization', cw)
      .send({ date: `${year - 2}-06-30`, minutes: 60, kind: 'other' });
    expect(old.status).toBe(400);
    expect(old.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(old.body.errors).toEqual([
      {
        pointer: '/date',
        code: 'date.min',
        params: { min: `${year - 1}-01-01` },
        message: `Zeiten vor dem 01.01.${year - 1} können nicht mehr erfasst werden (zulässig: das laufende Jahr und das Vorjahr).`,
      },
    ]);
    expect(await entries()).toBe(before);
  });

  it('reports the preventive share per person, team and social space against the 10 % target', async () => {
    const q = `from=${yesterday}&to=${yesterday}`;
    const own = await api().get(`/time-entries/report?${q}`).set('Authorization', cw);
    expect(own.status).toBe(200);
    expect(own.body.target).toBe(0.1);
    expect(own.body.items).toEqual([
      expect.objectContaining({
        key: 'demo-caseworker',
        caseMinutes: 300,
        preventiveMinutes: 120,
        otherMinutes: 60,
        totalMinutes: 480,
        preventiveShare: 0.25,
        meetsTarget: true,
        shortfallMinutes: 0,
      }),
    ]);
    expect((await api().get(`/time-entries/report?${q}&groupBy=team`).set('Authorization', cw)).status).toBe(403);

    const coordinator = await bearer(Role.Coordinator);
    const people = await api().get(`/time-entries/report?${q}&groupBy=person`).set('Authorization', coordinator);
    const second = people.body.items.find((i: { key: string }) => i.key === 'cw-2');
    expect(second).toMatchObject({
      caseMinutes: 480,
      preventiveMinutes: 30,
      totalMinutes: 510,
      preventiveShare: 0.059,
      meetsTarget: false,
      shortfallMinutes: 21,
    });
    const team = await api().get(`/time-entries/report?${q}&groupBy=team`).set('Authorization', coordinator);
    expect(team.body.items).toEqual([
      expect.objectContaining({
        label: expect.stringContaining('Planregion 1'),
        totalMinutes: 990,
        preventiveMinutes: 150,
        preventiveShare: 0.152,
        meetsTarget: true,
      }),
    ]);
    const spaces = await api().get(`/time-entries/report?${q}&groupBy=social_space`).set('Authorization', coordinator);
    expect(spaces.body.items.find((i: { key: string }) => i.key === otherSpaceId)).toMatchObject({
      preventiveMinutes: 30,
      totalMinutes: 30,
      preventiveShare: 1,
    });
    expect(spaces.body.items.find((i: { key: string | null }) => i.key === null)).toMatchObject({
      otherMinutes: 60,
      label: 'ohne Sozialraum',
    });
    const elsewhere = await api()
      .get(`/time-entries/report?${q}&groupBy=team`)
      .set('Authorization', await bearer(Role.Coordinator, 'demo-coordinator-pr2'));
    expect(elsewhere.body.items).toEqual([]);
    // A lead sees the time share of the members of their team only (here: the second caseworker).
    await system.db.query(`INSERT INTO app_user (id, display_name, roles) VALUES ('lead-te', 'Leitung', '{lead}')`);
    await system.db.query(`INSERT INTO team (name, kind, lead_id) VALUES ('ASD Zeit', 'asd_team', 'lead-te')`);
    await system.db.query(`UPDATE app_user SET team_id = (SELECT id FROM team WHERE name = 'ASD Zeit') WHERE id = 'cw-2'`);
    const lead = await bearer(Role.Lead, 'lead-te');
    const mine = await api().get(`/time-entries/report?${q}&groupBy=person`).set('Authorization', lead).expect(200);
    expect(mine.body.items.map((i: { key: string }) => i.key)).toEqual(['cw-2']);
    const teamShare = await api().get(`/time-entries/report?${q}&groupBy=team`).set('Authorization', lead).expect(200);
    expect(teamShare.body.items).toEqual([expect.objectContaining({ totalMinutes: 510, preventiveMinutes: 30 })]);
    const otherLead = await api()
      .get(`/time-entries/report?${q}&groupBy=person`)
      .set('Authorization', await bearer(Role.Lead, 'demo-lead-pr4'))
      .expect(200);
    expect(otherLead.body.items).toEqual([]);
    // Entries are deleted by their owner only; someone else's is not found.
    const spare = await api().post('/time-entries').set('Authorization', cw).send({ date: yesterday, minutes: 5, kind: 'other' });
    expect((await api().delete(`/time-entries/${spare.body.id}`).set('Authorization', cw2)).status).toBe(404);
    expect((await api().delete(`/time-entries/${spare.body.id}`).set('Authorization', cw)).status).toBe(204);
    expect((await api().delete(`/time-entries/${spare.body.id}`).set('Authorization', cw)).status).toBe(404);
    const backwards = await api().get(`/time-entries/report?from=${yesterday}&to=2020-01-01`).set('Authorization', coordinator);
    expect(backwards.status).toBe(400);
  });
});
