import request from 'supertest';
import { Role } from '@sro/common';
import { ReminderService } from '@sro/reminders';
import { caseBody } from '../factories/cases';
import { intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const HOUR = 3_600_000;

/**
 * The case team at work (HTTP, real worker): confided items (§ 65), break-glass with reason and
 * expiry, transfer with reminders moving along, and escalations to the lead of the case's team.
 */
describe('case teams: confided items, break-glass, transfer, escalation to the lead', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let spaceId: string;
  const t = {} as Record<'cw' | 'cwB' | 'night' | 'leadA' | 'leadB' | 'admin' | 'adviser', string>;
  const api = () => request(system.http);
  const inbox = async (token: string) => (await api().get('/me/notifications').set('Authorization', token).expect(200)).body.items;

  beforeAll(async () => {
    // A break-glass opening lasts what the configuration says (here 2 h instead of the default 24 h).
    system = await isolatedSystem('e2e-case-team', { BREAK_GLASS_HOURS: '2' });
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' LIMIT 1`,
    );
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, social_space_ids) VALUES
         ('cw-b', 'Fachkraft B', '{caseworker}', ARRAY[$1::uuid]), ('cw-night', 'Rufbereitschaft', '{caseworker}', '{}'),
         ('lead-a', 'Leitung A', '{lead}', '{}'), ('lead-b', 'Leitung B', '{lead}', '{}')`,
      [spaceId],
    );
    await system.db.query(`INSERT INTO team (name, kind, lead_id) VALUES ('ASD A', 'asd_team', 'lead-a'), ('ASD B', 'asd_team', 'lead-b')`);
    await system.db.query(`UPDATE app_user SET team_id = (SELECT id FROM team WHERE name = 'ASD A') WHERE id = 'demo-caseworker'`);
    await system.db.query(`UPDATE app_user SET team_id = (SELECT id FROM team WHERE name = 'ASD B') WHERE id = 'cw-b'`);
    t.cw = await bearer(Role.Caseworker);
    t.cwB = await bearer(Role.Caseworker, 'cw-b');
    t.night = await bearer(Role.Caseworker, 'cw-night');
    t.leadA = await bearer(Role.Lead, 'lead-a');
    t.leadB = await bearer(Role.Lead, 'lead-b');
    t.admin = await bearer(Role.Admin);
    t.adviser = await bearer(Role.Adviser);
  });
  afterAll(() => system?.close());

  it('shows confided items to the confidant, to a co-worker only once released, to the substitute in period, never in the packet', async () => {
    const created = await api().post('/cases').set('Authorization', t.cw).send(caseBody(spaceId)).expect(201);
    const caseId = created.body.id;
    const [item] = created.body.confided;
    expect(item).toMatchObject({ confidantId: 'demo-caseworker', released: false });
    await api()
      .put(`/cases/${caseId}/team`)
      .set('Authorization', t.cw)
      .send({ coWorkerIds: ['cw-b'] })
      .expect(200);

    const coWorker = await api().get(`/cases/${caseId}`).set('Authorization', t.cwB).expect(200);
    expect(coWorker.body.confided).toEqual([]);
    expect(JSON.stringify(coWorker.body)).not.toMatch(/Schulden/);
    // A co-worker cannot release what was not confided to them: for them the item does not exist.
    await api().post(`/cases/${caseId}/confided/${item.id}/release`).set('Authorization', t.cwB).expect(404);
    // Their own confided item is theirs alone.
    const own = await api()
      .post(`/cases/${caseId}/confided`)
      .set('Authorization', t.cwB)
      .send({ text: 'Die Mutter hat Angst vor dem Vermieter.' });
    expect(own.status).toBe(201);
    expect((await api().get(`/cases/${caseId}`).set('Authorization', t.cw)).body.confided.map((i: { id: string }) => i.id)).toEqual([
      item.id,
    ]);

    // The confidant's substitute reads the confidant's items during the period.
    const substitution = await api()
      .post('/substitutions')
      .set('Authorization', t.cw)
      .send({
        substituteUserId: 'cw-night',
        startsAt: new Date(Date.now() - HOUR).toISOString(),
        endsAt: new Date(Date.now() + HOUR).toISOString(),
      })
      .expect(201);
    const substitute = await api().get(`/cases/${caseId}`).set('Authorization', t.night).expect(200);
    expect(substitute.body).toMatchObject({ access: 'substitute', confided: [{ id: item.id, text: item.text }] });

    await api().post(`/cases/${caseId}/confided/${item.id}/release`).set('Authorization', t.cw).expect(200);
    const released = await api().get(`/cases/${caseId}`).set('Authorization', t.cwB).expect(200);
    expect(released.body.confided).toEqual([
      expect.objectContaining({ id: item.id, released: true }),
      expect.objectContaining({ confidantId: 'cw-b', released: false }),
    ]);

    // Advisers never: not even released items reach the packet.
    const sessionId = (
      await api()
        .post('/fallteam-sessions')
        .set('Authorization', t.cw)
        .send({
          startsAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
          place: 'Rathaus',
          capacity: 5,
          moderatorId: 'demo-caseworker',
        })
        .expect(201)
    ).body.id;
    const consultationId = (
      await api()
        .post(`/cases/${caseId}/consultations`)
        .set('Authorization', t.cw)
        .send({ questions: ['Frage'] })
        .expect(201)
    ).body.id;
    await api().post(`/consultations/${consultationId}/schedule`).set('Authorization', t.cw).send({ sessionId }).expect(200);
    await api()
      .post(`/consultations/${consultationId}/invitations`)
      .set('Authorization', t.cw)
      .send({ adviserIds: ['demo-adviser'] })
      .expect(200);
    await api().post(`/consultations/${consultationId}/packet-release`).set('Authorization', t.cw).expect(201);
    const packet = await api().get(`/consultations/${consultationId}/packet`).set('Authorization', t.adviser).expect(200);
    expect(JSON.stringify(packet.body)).not.toMatch(/Schulden|Vermieter/);

    // After the substitution ends, the substitute has nothing more to do with the case.
    await api().post(`/substitutions/${substitution.body.id}/end`).set('Authorization', t.cw).expect(200);
    await api().get(`/cases/${caseId}`).set('Authorization', t.night).expect(404);
  });

  it('hides the reporter of a § 8a concern from everyone outside the case team', async () => {
    const intake = {
      ...intakeBody(spaceId),
      source: 'neighbours',
      anonymous: false,
      reporter: { name: 'Paula Nachbarin', contact: '0176 1234' },
    };
    const caseId = (await api().post('/jugendhilfedienst-cases').set('Authorization', t.cw).send(intake).expect(201)).body.id;
    expect((await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', t.cw).expect(200)).body.report.reporter).toEqual({
      name: 'Paula Nachbarin',
      contact: '0176 1234',
    });
    const lead = await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', t.leadA).expect(200);
    expect(lead.body.report.reporter).toBeNull();
    expect(JSON.stringify(lead.body)).not.toMatch(/Paula|0176/);
    await api().get(`/jugendhilfedienst-cases/${caseId}`).set('Authorization', t.leadB).expect(404);
  });

  it('opens a case by break-glass only with a reason, for the configured time, audited and announced to the responsible caseworker and the lead', async () => {
    const caseId = (await api().post('/cases').set('Authorization', t.cw).send(caseBody(spaceId)).expect(201)).body.id;
    await api().get(`/cases/${caseId}`).set('Authorization', t.night).expect(404);

    const without = await api().post(`/cases/${caseId}/break-glass`).set('Authorization', t.night).send({});
    expect(without.status).toBe(400);
    expect(without.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(without.body)).toMatch(/\/reason/);
    await api().get(`/cases/${caseId}`).set('Authorization', t.night).expect(404);

    const reason = 'Polizei meldet nachts akute Gefährdung, fallverantwortliche Fachkraft nicht erreichbar';
    const opened = await api().post(`/cases/${caseId}/break-glass`).set('Authorization', t.night).send({ reason }).expect(201);
    const lasts = Date.parse(opened.body.expiresAt) - Date.parse(opened.body.openedAt);
    expect(Math.abs(lasts - 2 * HOUR)).toBeLessThan(60_000);
    const read = await api().get(`/cases/${caseId}`).set('Authorization', t.night).expect(200);
    expect(read.body).toMatchObject({ access: 'break-glass', confided: [] });

    const [audit] = await system.db.query(
      `SELECT actor_id, details FROM audit_event WHERE action = 'break-glass' AND resource_id = $1 AND outcome = 'allowed' AND details ? 'reason'`,
      [caseId],
    );
    expect(audit).toMatchObject({
      actor_id: 'cw-night',
      details: { reason, responsibleCaseworkerId: 'demo-caseworker', leadId: 'lead-a' },
    });

    for (const token of [t.cw, t.leadA]) {
      await eventually(
        async () => (await inbox(token)).some((n: { title: string }) => n.title.startsWith('Notfallzugriff')),
        20_000,
        'break-glass notification',
      );
    }
    expect((await inbox(t.leadB)).some((n: { title: string }) => n.title.startsWith('Notfallzugriff'))).toBe(false);

    // When the time is up, the case is closed again.
    await system.db.query(`UPDATE case_break_glass SET expires_at = now() - interval '1 second' WHERE case_id = $1`, [caseId]);
    await api().get(`/cases/${caseId}`).set('Authorization', t.night).expect(404);
  });

  it('transfers a case with a note: responsibility, open reminders and history move; the new team’s lead may hand it on', async () => {
    const caseId = (await api().post('/jugendhilfedienst-cases').set('Authorization', t.cw).send(intakeBody(spaceId)).expect(201)).body.id;
    const mine = () =>
      system.db.query(`SELECT key, recipients FROM reminder WHERE key LIKE $1 AND status = 'scheduled' ORDER BY key`, [`jhd/${caseId}/%`]);
    await eventually(async () => (await mine()).length > 0, 20_000, 'step reminders of the new case');

    // Neither a caseworker outside the team nor the lead of another team may hand it over.
    await api().post(`/cases/${caseId}/transfer`).set('Authorization', t.cwB).send({ toCaseworkerId: 'cw-b', note: 'x' }).expect(403);
    await api().post(`/cases/${caseId}/transfer`).set('Authorization', t.leadB).send({ toCaseworkerId: 'cw-b', note: 'x' }).expect(404);
    await api().post(`/cases/${caseId}/transfer`).set('Authorization', t.cw).send({ toCaseworkerId: 'cw-b' }).expect(400);

    const note = 'Umzug der Familie in den Sozialraum von Frau B.; Schule informiert.';
    const moved = await api()
      .post(`/cases/${caseId}/transfer`)
      .set('Authorization', t.cw)
      .send({ toCaseworkerId: 'cw-b', note })
      .expect(200);
    expect(moved.body).toMatchObject({ fromUserId: 'demo-caseworker', toUserId: 'cw-b', transferredBy: 'demo-caseworker', note });

    const now = await api().get(`/cases/${caseId}`).set('Authorization', t.cwB).expect(200);
    expect(now.body).toMatchObject({ responsibleCaseworkerId: 'cw-b', assignedCaseworkerIds: ['cw-b'] });
    await api().get(`/cases/${caseId}`).set('Authorization', t.cw).expect(403);
    for (const r of await mine()) {
      expect(JSON.stringify(r.recipients)).not.toMatch(/demo-caseworker/);
    }
    expect((await mine()).some((r: { recipients: unknown }) => JSON.stringify(r.recipients).includes('"cw-b"'))).toBe(true);
    await eventually(
      async () => (await inbox(t.cwB)).some((n: { title: string }) => n.title.includes('übergeben')),
      20_000,
      'hand-over notification',
    );

    // The case now belongs to team B: its lead sees it and may hand it on; lead A no longer sees it.
    await api().get(`/cases/${caseId}`).set('Authorization', t.leadA).expect(404);
    await api().get(`/cases/${caseId}`).set('Authorization', t.leadB).expect(200);
    await api()
      .post(`/cases/${caseId}/transfer`)
      .set('Authorization', t.leadB)
      .send({ toCaseworkerId: 'demo-caseworker', note: 'Zurück nach Klärung' })
      .expect(200);

    const history = await api().get(`/cases/${caseId}/transfers`).set('Authorization', t.cw).expect(200);
    expect(
      history.body.items.map((h: { fromUserId: string; toUserId: string; transferredBy: string }) => [
        h.fromUserId,
        h.toUserId,
        h.transferredBy,
      ]),
    ).toEqual([
      ['demo-caseworker', 'cw-b', 'demo-caseworker'],
      ['cw-b', 'demo-caseworker', 'lead-b'],
    ]);
    const audited = await system.db.query(
      `SELECT actor_id FROM audit_event WHERE action = 'transfer' AND resource_id = $1 AND outcome = 'allowed' ORDER BY id`,
      [caseId],
    );
    expect(audited.map((a: { actor_id: string }) => a.actor_id)).toEqual(['demo-caseworker', 'lead-b']);
  });

  it('names a substitute for a member of the own team only as that team’s lead', async () => {
    const period = { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 24 * HOUR).toISOString() };
    await api()
      .post('/substitutions')
      .set('Authorization', t.leadB)
      .send({ absentUserId: 'demo-caseworker', substituteUserId: 'cw-b', ...period })
      .expect(403);
    await api()
      .post('/substitutions')
      .set('Authorization', t.cwB)
      .send({ absentUserId: 'demo-caseworker', substituteUserId: 'cw-b', ...period })
      .expect(403);
    const named = await api()
      .post('/substitutions')
      .set('Authorization', t.leadA)
      .send({ absentUserId: 'demo-caseworker', substituteUserId: 'cw-b', ...period })
      .expect(201);
    expect(named.body).toMatchObject({ absentUserId: 'demo-caseworker', substituteUserId: 'cw-b', namedBy: 'lead-a' });
    await api().post(`/substitutions/${named.body.id}/end`).set('Authorization', t.cwB).expect(200);
  });

  it('sends an overdue step’s escalation to the lead of the case’s team, not to admins or other leads', async () => {
    const caseId = (await api().post('/jugendhilfedienst-cases').set('Authorization', t.cw).send(intakeBody(spaceId)).expect(201)).body.id;
    // What the workflow schedules at the § 8a due date (tests/workflows/jugendhilfedienst-case.spec.ts proves the recipient).
    await system.api.app.get(ReminderService).schedule({
      key: `jhd/${caseId}/steps/risk_assessment/c9/escalation`,
      dueAt: new Date(),
      recipients: [{ type: 'role', role: 'lead', caseId }],
      template: 'step-overdue',
      context: {
        processTitle: 'Jugendhilfedienst',
        stepTitle: 'Gefährdungseinschätzung nach § 8a SGB VIII',
        dueAt: new Date().toISOString(),
      },
    });
    await eventually(
      async () => (await inbox(t.leadA)).some((n: { title: string }) => n.title.startsWith('Eskalation')),
      20_000,
      'escalation',
    );
    for (const token of [t.leadB, t.admin]) {
      expect((await inbox(token)).some((n: { title: string }) => n.title.startsWith('Eskalation'))).toBe(false);
    }
  });
});
