import request from 'supertest';
import { Role } from '@sro/common';
import { RetentionRepository } from '@sro/jugendhilfedienst';
import { addDuration } from '@sro/workflows/shared/duration';
import { caseBody } from '../factories/cases';
import { intakeBody } from '../factories/jugendhilfedienst';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A case with structured family members: birth date and household, a relation from the list and one in free text. */
function structuredCase(spaceId: string) {
  const body = caseBody(spaceId);
  return {
    ...body,
    personal: {
      ...body.personal,
      familyMembers: [
        { relation: 'Großmutter', name: 'Hildegard Mustermann', birthDate: '1956-07-12', livesInHousehold: false },
        { relation: 'andere', relationOther: 'Patenonkel', name: 'Bodo Brettschneider', livesInHousehold: true },
      ],
    },
  };
}

/**
 * The case file (Fallakte) for the case team: the full read, edits with optimistic concurrency and a
 * history by field name, packet preview and release, closure by the definition's retention rule,
 * reopening. Real PostgreSQL, Temporal worker and HTTP.
 */
describe('the case file: read, edit, release the packet, close and reopen', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const t = {} as Record<'cw' | 'same' | 'outsider' | 'lead' | 'adviser', string>;
  let spaceId: string;
  let caseId: string;
  let consultationId: string;
  const api = () => request(system.http);
  const row = async (id: string) => (await system.db.query('SELECT * FROM case_file WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    system = await isolatedSystem('e2e-case-file');
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, social_space_ids) VALUES
         ('cw-same', 'Fachkraft im selben Sozialraum', '{caseworker}', ARRAY[$1::uuid]),
         ('cw-outside', 'Andere Fachkraft', '{caseworker}', '{}'), ('lead-file', 'Leitung ASD', '{lead}', '{}')`,
      [spaceId],
    );
    await system.db.query(`INSERT INTO team (name, kind, lead_id) VALUES ('ASD Fallakte', 'asd_team', 'lead-file')`);
    await system.db.query(`UPDATE app_user SET team_id = (SELECT id FROM team WHERE name = 'ASD Fallakte') WHERE id = 'demo-caseworker'`);
    t.cw = await bearer(Role.Caseworker);
    t.same = await bearer(Role.Caseworker, 'cw-same');
    t.outsider = await bearer(Role.Caseworker, 'cw-outside');
    t.lead = await bearer(Role.Lead, 'lead-file');
    t.adviser = await bearer(Role.Adviser);
    const created = await api().post('/cases').set('Authorization', t.cw).send(structuredCase(spaceId));
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });
  afterAll(() => system?.close());

  it('reads the whole case file with structured family members, an ETag and the intake in the history', async () => {
    const res = await api().get(`/cases/${caseId}/file`).set('Authorization', t.cw);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      id: caseId,
      kind: 'fallteam',
      version: 1,
      status: 'open',
      closedAt: null,
      deletionDate: null,
      will: 'Wir wollen, dass Leon wieder gern zur Schule geht.',
      goals: ['Regelmäßiger Schulbesuch'],
      resources: { person: ['Leon spielt Fußball'], surroundings: ['Großmutter wohnt nebenan'], socialSpace: ['Jugendclub am Markt'] },
      confided: [expect.objectContaining({ text: 'Vertraulich: Der Vater hat Schulden bei der Nachbarin.' })],
      consents: [],
      consultations: [],
      followUps: [],
      jugendhilfedienst: null,
      history: [{ version: 1, action: 'create', fields: [], reason: null, actorId: 'demo-caseworker', occurredAt: expect.any(String) }],
    });
    expect(res.body.personal.familyMembers).toEqual([
      { relation: 'Großmutter', name: 'Hildegard Mustermann', birthDate: '1956-07-12', livesInHousehold: false },
      { relation: 'andere', relationOther: 'Patenonkel', name: 'Bodo Brettschneider', livesInHousehold: true },
    ]);
    expect((await api().get(`/cases/${caseId}`).set('Authorization', t.cw)).headers.etag).toBe('"1"');
    // The lead reads the file; others learn nothing or only that it exists.
    expect((await api().get(`/cases/${caseId}/file`).set('Authorization', t.lead)).status).toBe(200);
    expect((await api().get(`/cases/${caseId}/file`).set('Authorization', t.same)).status).toBe(403);
    expect((await api().get(`/cases/${caseId}/file`).set('Authorization', t.outsider)).status).toBe(404);
  });

  it('refuses a family member outside the relation list, "andere" without a relation and a future birth date, in German at the field', async () => {
    const body = structuredCase(spaceId);
    body.personal.familyMembers = [
      { relation: 'Oma', name: 'X' } as never,
      { relation: 'andere', name: 'Y', livesInHousehold: true } as never,
      { relation: 'Kind', name: 'Z', birthDate: inDays(30).slice(0, 10), livesInHousehold: true } as never,
    ];
    const shape = await api().post('/cases').set('Authorization', t.cw).send(body);
    expect(shape.status).toBe(400);
    expect(shape.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/personal/familyMembers/0/relation',
        code: 'enum',
        message: expect.stringContaining('Mutter, Vater, Kind'),
      }),
    ]);
    body.personal.familyMembers.shift();
    const rules = await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).set('If-Match', '"1"').send({ personal: body.personal });
    expect(rules.status).toBe(400);
    expect(rules.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(rules.body.errors).toEqual([
      {
        pointer: '/personal/familyMembers/1/birthDate',
        code: 'date.future',
        params: { max: expect.any(String) },
        message: expect.stringMatching(/^Das Geburtsdatum \d\d\.\d\d\.\d{4} liegt in der Zukunft\.$/),
      },
      {
        pointer: '/personal/familyMembers/0/relationOther',
        code: 'required',
        params: { relation: 'andere' },
        message: expect.stringContaining('Beziehung'),
      },
    ]);
    const deletion = await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).send({ version: 1, deletionDate: '2020-01-01' });
    expect(deletion.status).toBe(400);
    expect(deletion.body.errors).toEqual([
      expect.objectContaining({ pointer: '/deletionDate', code: 'equals', message: expect.stringContaining('Löschdatum') }),
    ]);
    expect((await row(caseId)).version).toBe(1);
  });

  it('answers a stale version with 412 and a version-less write with 428, changing nothing', async () => {
    const before = await row(caseId);
    const stale = await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).set('If-Match', '"7"').send({ will: 'Überschrieben' });
    expect(stale.status).toBe(412);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.body).toMatchObject({
      type: expect.stringContaining('precondition-failed'),
      detail: expect.stringContaining('inzwischen geändert'),
    });
    const staleBody = await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).send({ version: 2, goals: [] });
    expect(staleBody.status).toBe(412);
    const none = await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).send({ will: 'Ohne Version' });
    expect(none.status).toBe(428);
    expect(none.body.detail).toContain('If-Match');
    const after = await row(caseId);
    expect(after).toEqual(before);
    expect(await system.db.query(`SELECT 1 FROM case_history WHERE case_id = $1 AND action = 'update'`, [caseId])).toHaveLength(0);
  });

  it('stores an edit at the current version: sealed again, history with field names only, audited with its purpose', async () => {
    const will = 'Wir wollen, dass Leon wieder gern zur Schule geht und Oma Hildegard öfter hilft.';
    const members = structuredCase(spaceId).personal.familyMembers.map((m) => ({ ...m, livesInHousehold: true }));
    const res = await api()
      .patch(`/cases/${caseId}`)
      .set('Authorization', t.cw)
      .set('If-Match', '"1"')
      .set('X-Request-Id', 'case-file-edit')
      .send({ will, personal: { ...structuredCase(spaceId).personal, familyMembers: members }, goals: ['Regelmäßiger Schulbesuch'] });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ version: 2, will, goals: ['Regelmäßiger Schulbesuch'] });

    const stored = await row(caseId);
    expect(stored.version).toBe(2);
    expect(stored.content_enc).not.toContain('Hildegard');
    expect(JSON.stringify(stored)).not.toMatch(/Hildegard|Mustermann|Schule/);

    const file = await api().get(`/cases/${caseId}/file`).set('Authorization', t.cw).expect(200);
    expect(file.headers.etag).toBe('"2"');
    // Unchanged goals are not named; the fields that changed are, without their values.
    expect(file.body.history[0]).toEqual({
      version: 2,
      action: 'update',
      fields: ['personal.familyMembers', 'will'],
      reason: null,
      actorId: 'demo-caseworker',
      occurredAt: expect.any(String),
    });
    const [history] = await system.db.query(`SELECT * FROM case_history WHERE case_id = $1 AND action = 'update'`, [caseId]);
    expect(JSON.stringify(history)).not.toMatch(/Hildegard|Schule|true/);
    // The history is append-only: the database refuses to rewrite or drop an entry of a live case.
    await expect(system.db.query(`UPDATE case_history SET fields = '{}' WHERE id = $1`, [history.id])).rejects.toThrow(/append-only/);
    await expect(system.db.query(`DELETE FROM case_history WHERE id = $1`, [history.id])).rejects.toThrow(/append-only/);

    const audit = await system.db.query(
      `SELECT actor_id, action, resource_type, resource_id, purpose, outcome FROM audit_event WHERE request_id = 'case-file-edit'`,
    );
    expect(audit).toEqual([
      {
        actor_id: 'demo-caseworker',
        action: 'update',
        resource_type: 'case',
        resource_id: caseId,
        purpose: 'Fallakte bearbeiten',
        outcome: 'allowed',
      },
    ]);

    // The same version once more: the second writer loses.
    const again = await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).set('If-Match', '"1"').send({ goals: [] });
    expect(again.status).toBe(412);
    expect((await row(caseId)).version).toBe(2);
  });

  it('lets only the case team edit: the lead 403, a caseworker of the space 403, anyone else 404', async () => {
    for (const [who, status] of [
      ['lead', 403],
      ['same', 403],
      ['outsider', 404],
    ] as const) {
      const res = await api()
        .patch(`/cases/${caseId}`)
        .set('Authorization', t[who])
        .set('If-Match', '"2"')
        .send({ goals: ['fremd'] });
      expect([who, res.status]).toEqual([who, status]);
    }
    expect((await row(caseId)).version).toBe(2);
  });

  it('previews the packet with a warning for a family member’s name in the will; advisers see nothing until it is released', async () => {
    consultationId = (
      await api()
        .post(`/cases/${caseId}/consultations`)
        .set('Authorization', t.cw)
        .send({ questions: ['Welche Ressourcen im Sozialraum passen?'] })
        .expect(201)
    ).body.id;
    const session = await api()
      .post('/fallteam-sessions')
      .set('Authorization', t.cw)
      .send({ startsAt: inDays(5), place: 'Rathaus', capacity: 5, moderatorId: 'demo-caseworker' })
      .expect(201);
    await api()
      .post(`/consultations/${consultationId}/schedule`)
      .set('Authorization', t.cw)
      .send({ sessionId: session.body.id })
      .expect(200);
    await api()
      .post(`/consultations/${consultationId}/invitations`)
      .set('Authorization', t.cw)
      .send({ adviserIds: ['demo-adviser'] })
      .expect(200);

    const preview = await api().get(`/consultations/${consultationId}/packet-preview`).set('Authorization', t.cw);
    expect(preview.status).toBe(200);
    expect(preview.body.release).toBeNull();
    expect(preview.body.packet).toMatchObject({ consultationId, will: expect.stringContaining('Hildegard'), released: {} });
    expect(JSON.stringify(preview.body.packet)).not.toMatch(/Mustermann|2014-02-03|Lindenallee|Schulden/);
    const hildegard = preview.body.warnings.find((w: { message: string }) => w.message.includes('„Hildegard“'));
    expect(hildegard).toEqual({ pointer: '/will', kind: 'name', code: 'packet.name', message: expect.stringContaining('Großmutter') });
    // Advisers neither list nor open an unreleased packet; the caseworker's read of it says so in German.
    expect((await api().get('/consultations').set('Authorization', t.adviser)).body.items).toEqual([]);
    expect((await api().get(`/consultations/${consultationId}/packet`).set('Authorization', t.adviser)).status).toBe(404);
    const unreleased = await api().get(`/consultations/${consultationId}/packet`).set('Authorization', t.cw);
    expect(unreleased.status).toBe(404);
    expect(unreleased.body.detail).toContain('noch nicht freigegeben');

    const released = await api().post(`/consultations/${consultationId}/packet-release`).set('Authorization', t.cw);
    expect(released.status).toBe(201);
    expect(released.body.release).toMatchObject({ caseVersion: 2, stale: false, staleFields: [], releasedBy: 'demo-caseworker' });
    const seen = await api().get(`/consultations/${consultationId}/packet`).set('Authorization', t.adviser);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual(preview.body.packet);
    expect((await api().get('/consultations').set('Authorization', t.adviser)).body.items).toEqual([
      expect.objectContaining({ id: consultationId }),
    ]);
    const [stored] = await system.db.query('SELECT packet_enc FROM consultation_packet_release WHERE consultation_id = $1', [
      consultationId,
    ]);
    expect(stored.packet_enc).not.toContain('Hildegard');
  });

  it('flags the release stale after an edit of the will; advisers keep the released text until the next release', async () => {
    const pseudonymised = 'Wir wollen, dass unser Sohn wieder gern zur Schule geht; die Großmutter hilft.';
    await api().patch(`/cases/${caseId}`).set('Authorization', t.cw).set('If-Match', '"2"').send({ will: pseudonymised }).expect(200);
    // An edit outside the packet (the address) does not make it stale.
    await api()
      .patch(`/cases/${caseId}`)
      .set('Authorization', t.cw)
      .send({ version: 3, personal: { ...structuredCase(spaceId).personal, address: 'Am Markt 1, 14513 Teltow' } })
      .expect(200);
    const preview = await api().get(`/consultations/${consultationId}/packet-preview`).set('Authorization', t.cw).expect(200);
    expect(preview.body.release).toMatchObject({ caseVersion: 2, stale: true, staleFields: ['will'], staleSince: expect.any(String) });
    expect(preview.body.packet.will).toBe(pseudonymised);
    // The will no longer names anyone; the resources still do (Leon is a given name of the case).
    expect(preview.body.warnings).toEqual([
      { pointer: '/resources/person/0', kind: 'name', code: 'packet.name', message: expect.stringContaining('„Leon“') },
    ]);
    const file = await api().get(`/cases/${caseId}/file`).set('Authorization', t.cw).expect(200);
    expect(file.body.consultations).toEqual([
      expect.objectContaining({
        id: consultationId,
        phase: 'scheduled',
        packetRelease: expect.objectContaining({ stale: true, staleFields: ['will'] }),
      }),
    ]);
    expect((await api().get(`/consultations/${consultationId}/packet`).set('Authorization', t.adviser)).body.will).toContain('Hildegard');

    const again = await api().post(`/consultations/${consultationId}/packet-release`).set('Authorization', t.cw).expect(201);
    expect(again.body.release).toMatchObject({ caseVersion: 4, stale: false });
    expect((await api().get(`/consultations/${consultationId}/packet`).set('Authorization', t.adviser)).body.will).toBe(pseudonymised);
    expect(file.body.history.map((h: { action: string }) => h.action)).toEqual(['update', 'update', 'packet-release', 'update', 'create']);
  });

  it('refuses to close under a running consultation; closing sets the deletion date from the definition and makes the case read-only', async () => {
    const running = await api().post(`/cases/${caseId}/close`).set('Authorization', t.cw).send({ reason: 'Ziele erreicht' });
    expect(running.status).toBe(409);
    expect(running.body.detail).toContain('laufende Fallteam-Beratung');
    await api()
      .post(`/consultations/${consultationId}/cancel`)
      .set('Authorization', t.cw)
      .send({ reason: 'Familie zieht weg' })
      .expect(200);
    expect((await api().post(`/cases/${caseId}/close`).set('Authorization', t.cw).send({ reason: '' })).status).toBe(400);
    expect((await api().post(`/cases/${caseId}/close`).set('Authorization', t.lead).send({ reason: 'Leitung' })).status).toBe(403);

    const closed = await api().post(`/cases/${caseId}/close`).set('Authorization', t.cw).send({ reason: 'Familie ist verzogen' });
    expect(closed.status).toBe(200);
    const rule = closed.body.retentionRule;
    expect(rule).toMatchObject({ definitionKey: 'fallteam-consultation', afterClosureWithoutHelp: 'P2Y' });
    const expected = addDuration(new Date(closed.body.closedAt), rule.afterClosureWithoutHelp).toISOString().slice(0, 10);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'demo-caseworker', closedReason: 'Familie ist verzogen', version: 5 });
    expect(closed.body.deletionDate.slice(0, 10)).toBe(expected);
    expect((await row(caseId)).closed_reason_enc).not.toContain('verzogen');

    const patch = await api()
      .patch(`/cases/${caseId}`)
      .set('Authorization', t.cw)
      .set('If-Match', '"5"')
      .send({ goals: ['neu'] });
    expect(patch.status).toBe(409);
    expect(patch.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(patch.body).toMatchObject({ type: expect.stringContaining('case-closed'), detail: expect.stringContaining('abgeschlossen') });
    const consent = await api()
      .post(`/cases/${caseId}/consents`)
      .set('Authorization', t.cw)
      .send({ givenBy: 'Mutter', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: '2026-11-01' });
    expect(consent.status).toBe(409);
    expect((await api().post(`/cases/${caseId}/notes`).set('Authorization', t.cw).send({ kind: 'memo', text: 'Nachtrag' })).status).toBe(
      409,
    );
    expect((await api().post(`/cases/${caseId}/close`).set('Authorization', t.cw).send({ reason: 'nochmal' })).status).toBe(409);
    // The lead still adds a note; outsiders still learn nothing.
    const leadNote = await api()
      .post(`/cases/${caseId}/notes`)
      .set('Authorization', t.lead)
      .send({ kind: 'memo', text: 'Abschluss geprüft' });
    expect(leadNote.status).toBe(201);
    expect((await api().patch(`/cases/${caseId}`).set('Authorization', t.outsider).send({ version: 5 })).status).toBe(404);
    expect((await row(caseId)).version).toBe(5);
  });

  it('reopens with a reason within the retention period; the deletion date goes and edits work again', async () => {
    expect((await api().post(`/cases/${caseId}/reopen`).set('Authorization', t.cw).send({})).status).toBe(400);
    const reopened = await api().post(`/cases/${caseId}/reopen`).set('Authorization', t.cw).send({ reason: 'Neue Meldung der Schule' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', deletionDate: null, closedAt: null, closedReason: null, version: 6 });
    expect((await api().post(`/cases/${caseId}/reopen`).set('Authorization', t.cw).send({ reason: 'nochmal' })).status).toBe(409);
    await api()
      .patch(`/cases/${caseId}`)
      .set('Authorization', t.cw)
      .set('If-Match', '"6"')
      .send({ goals: ['Schulbesuch sichern'] })
      .expect(200);
    const file = await api().get(`/cases/${caseId}/file`).set('Authorization', t.cw).expect(200);
    expect(
      file.body.history.slice(0, 3).map((h: { action: string; reason: string | null; fields: string[] }) => [h.action, h.reason, h.fields]),
    ).toEqual([
      ['update', null, ['goals']],
      ['reopen', 'Neue Meldung der Schule', ['deletionDate']],
      ['close', 'Familie ist verzogen', ['deletionDate']],
    ]);
  });

  it('does not reopen a case whose deletion date has passed', async () => {
    const id = (await api().post('/cases').set('Authorization', t.cw).send(caseBody(spaceId)).expect(201)).body.id;
    await api().post(`/cases/${id}/close`).set('Authorization', t.cw).send({ reason: 'Ziele erreicht', withHelp: true }).expect(200);
    await system.db.query(`UPDATE case_file SET deletion_date = current_date - 1 WHERE id = $1`, [id]);
    const res = await api().post(`/cases/${id}/reopen`).set('Authorization', t.cw).send({ reason: 'zu spät' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('Aufbewahrungsfrist');
    expect((await row(id)).closed_at).not.toBeNull();
    // The retention takes the reason of the closure, sealed in the case and in its history; the field names stay.
    const retention = system.api.app.get(RetentionRepository, { strict: false });
    expect(await retention.anonymiseCase({ caseId: id, asOf: new Date().toISOString().slice(0, 10) })).toBe('anonymised');
    expect((await row(id)).closed_reason_enc).toBeNull();
    const history = await system.db.query('SELECT action, fields, reason_enc FROM case_history WHERE case_id = $1 ORDER BY id', [id]);
    expect(history).toEqual([
      { action: 'create', fields: [], reason_enc: null },
      { action: 'close', fields: ['deletionDate'], reason_enc: null },
    ]);
  });

  it('closes a Jugendhilfedienst case through its process with a reason; its file shows the process steps', async () => {
    const id = (await api().post('/jugendhilfedienst-cases').set('Authorization', t.cw).send(intakeBody(spaceId)).expect(201)).body.id;
    const open = await api().get(`/cases/${id}/file`).set('Authorization', t.cw).expect(200);
    expect(open.body).toMatchObject({ kind: 'jugendhilfedienst', status: 'open', jugendhilfedienst: { closedAt: null } });
    expect(open.body.jugendhilfedienst.phase).not.toBe('closed');
    expect(open.body.jugendhilfedienst.steps.length).toBeGreaterThan(1);
    const closed = await api().post(`/cases/${id}/close`).set('Authorization', t.cw).send({ reason: 'Keine Gefährdung, kein Hilfebedarf' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'Keine Gefährdung, kein Hilfebedarf' });
    const expected = addDuration(new Date(closed.body.closedAt), 'P5Y').toISOString().slice(0, 10);
    expect(closed.body.deletionDate.slice(0, 10)).toBe(expected);
    const file = await api().get(`/cases/${id}/file`).set('Authorization', t.cw).expect(200);
    expect(file.body.jugendhilfedienst.phase).toBe('closed');
    expect(file.body.history[0]).toMatchObject({ action: 'close', reason: 'Keine Gefährdung, kein Hilfebedarf' });
    // Closed by the process route (no reason): the history names who, without a reason.
    const viaProcess = (await api().post('/jugendhilfedienst-cases').set('Authorization', t.cw).send(intakeBody(spaceId)).expect(201)).body
      .id;
    await api().post(`/jugendhilfedienst-cases/${viaProcess}/close`).set('Authorization', t.cw).expect(200);
    const processFile = await api().get(`/cases/${viaProcess}/file`).set('Authorization', t.cw).expect(200);
    expect(processFile.body).toMatchObject({ status: 'closed', closedBy: 'demo-caseworker', closedReason: null });
    expect(processFile.body.history.map((h: { action: string }) => h.action)).toEqual(['close', 'create']);
  });
});
