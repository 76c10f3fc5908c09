import request from 'supertest';
import { Role } from '@sro/common';
import { RetentionRepository } from '@sro/jugendhilfedienst';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Notes of a case file (Aktenvermerke): dated, sealed, append-only with corrections, for whoever may read the case. */
describe('case notes (Aktenvermerke)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let outsider: string;
  let caseId: string;
  let otherCaseId: string;
  let visitId: string;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-case-notes');
    await system.db.query(`INSERT INTO app_user (id, display_name, roles) VALUES ('cw-outside', 'Andere Fachkraft', '{caseworker}')`);
    cw = await bearer(Role.Caseworker);
    outsider = await bearer(Role.Caseworker, 'cw-outside');
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    caseId = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id;
    otherCaseId = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id;
  });
  afterAll(() => system?.close());

  it('records a dated note with author and kind, the text sealed at rest, and audits it', async () => {
    const res = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'home_visit', occurredOn: day(-2), text: 'Hausbesuch: Leon zeigte sein Zimmer, Mutter berichtet von Schulden.' });
    expect(res.status).toBe(201);
    visitId = res.body.id;
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId,
      kind: 'home_visit',
      kindLabel: 'Hausbesuch',
      occurredOn: day(-2),
      authorId: 'demo-caseworker',
      text: 'Hausbesuch: Leon zeigte sein Zimmer, Mutter berichtet von Schulden.',
      correctsNoteId: null,
      correctedByNoteIds: [],
      createdAt: expect.any(String),
    });
    const [row] = await system.db.query('SELECT * FROM case_note WHERE id = $1', [visitId]);
    expect(row.text_enc).toMatch(/^v2:t1\./);
    expect(JSON.stringify(row)).not.toContain('Leon');
    const [audit] = await system.db.query(
      `SELECT actor_id, purpose, outcome, details FROM audit_event WHERE resource_type = 'case-note' AND resource_id = $1 AND action = 'create'`,
      [visitId],
    );
    expect(audit).toMatchObject({
      actor_id: 'demo-caseworker',
      outcome: 'allowed',
      purpose: 'Aktenvermerk erfassen',
      details: { id: caseId },
    });

    const today = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'phone_call', text: 'Rückruf der Schule.' });
    expect(today.status).toBe(201);
    expect(today.body).toMatchObject({
      kind: 'phone_call',
      kindLabel: 'Telefonat',
      occurredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('refuses bad notes with German problems at the field', async () => {
    const bad = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'Besuch', occurredOn: '2026-13-01', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const pointers = bad.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/kind', '/occurredOn', '/text']));
    expect(bad.body.errors.find((e: { pointer: string }) => e.pointer === '/kind').message).toContain('Gespräch');

    const future = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'memo', occurredOn: day(3), text: 'x' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      {
        pointer: '/occurredOn',
        code: 'date.future',
        params: { max: expect.any(String) },
        message: `Das Datum ${day(3).split('-').reverse().join('.')} liegt in der Zukunft.`,
      },
    ]);

    const unknownField = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'memo', text: 'x', authorId: 'someone' });
    expect(unknownField.status).toBe(400);
    expect(await system.db.query('SELECT 1 FROM case_note WHERE case_id = $1', [caseId])).toHaveLength(2);
  });

  it('corrects a note with a new entry that names it; the original stays unchanged', async () => {
    const correction = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'memo', text: 'Korrektur: nicht die Mutter, die Großmutter berichtete.', correctsNoteId: visitId });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({ kind: 'memo', kindLabel: 'Vermerk', correctsNoteId: visitId });

    // A note of another case cannot be corrected from here.
    const foreign = await api()
      .post(`/cases/${otherCaseId}/notes`)
      .set('Authorization', cw)
      .send({ kind: 'memo', text: 'falsche Akte', correctsNoteId: visitId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([
      { pointer: '/correctsNoteId', code: 'unknown-reference', message: expect.stringContaining('Vermerk') },
    ]);

    const list = await api().get(`/cases/${caseId}/notes`).set('Authorization', cw).expect(200);
    expect(list.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(list.body.items[0].id).toBe(correction.body.id); // newest first
    const original = list.body.items.find((n: { id: string }) => n.id === visitId);
    expect(original).toMatchObject({
      text: 'Hausbesuch: Leon zeigte sein Zimmer, Mutter berichtet von Schulden.',
      correctedByNoteIds: [correction.body.id],
    });
  });

  it('has no route to edit or delete a note, and the database refuses both', async () => {
    expect((await api().put(`/cases/${caseId}/notes/${visitId}`).set('Authorization', cw).send({ text: 'x' })).status).toBe(404);
    expect((await api().patch(`/cases/${caseId}/notes/${visitId}`).set('Authorization', cw).send({ text: 'x' })).status).toBe(404);
    expect((await api().delete(`/cases/${caseId}/notes/${visitId}`).set('Authorization', cw)).status).toBe(404);
    await expect(system.db.query(`UPDATE case_note SET kind = 'memo' WHERE id = $1`, [visitId])).rejects.toThrow(/append-only/);
    await expect(system.db.query('DELETE FROM case_note WHERE id = $1', [visitId])).rejects.toThrow(/append-only/);
  });

  it('pages the notes', async () => {
    const first = await api().get(`/cases/${caseId}/notes?limit=2`).set('Authorization', cw).expect(200);
    const second = await api().get(`/cases/${caseId}/notes?limit=2&offset=2`).set('Authorization', cw).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.total).toBe(3);
    expect(new Set([...first.body.items, ...second.body.items].map((n: { id: string }) => n.id)).size).toBe(3);
    expect((await api().get(`/cases/${caseId}/notes?limit=500`).set('Authorization', cw)).status).toBe(400);
  });

  it('shows and takes notes only for those who may read the case', async () => {
    expect((await api().get(`/cases/${caseId}/notes`).set('Authorization', outsider)).status).toBe(404);
    expect((await api().post(`/cases/${caseId}/notes`).set('Authorization', outsider).send({ kind: 'memo', text: 'x' })).status).toBe(404);
    expect(
      (
        await api()
          .get(`/cases/${caseId}/notes`)
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
    expect(
      (
        await api()
          .get(`/cases/${caseId}/notes`)
          .set('Authorization', await bearer(Role.Coordinator))
      ).status,
    ).toBe(403);
    expect((await api().get('/cases/00000000-0000-4000-8000-000000000000/notes').set('Authorization', cw)).status).toBe(404);
    const denied = await system.db.query(
      `SELECT outcome FROM audit_event WHERE actor_id = 'cw-outside' AND resource_id = $1 AND action = 'read-notes'`,
      [caseId],
    );
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('goes with the case when the retention anonymises it', async () => {
    await system.db.query(`UPDATE case_file SET closed_at = now() - interval '6 years', deletion_date = now()::date - 1 WHERE id = $1`, [
      caseId,
    ]);
    const retention = system.api.app.get(RetentionRepository, { strict: false });
    expect(await retention.anonymiseCase({ caseId, asOf: day(0) })).toBe('anonymised');
    expect(await system.db.query('SELECT 1 FROM case_note WHERE case_id = $1', [caseId])).toEqual([]);
    expect((await api().get(`/cases/${caseId}/notes`).set('Authorization', cw)).status).toBe(404);
  });
});
