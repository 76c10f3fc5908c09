import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { Role } from '@sro/common';
import { createDataConverter } from '@sro/temporal';
import { addDuration } from '@sro/workflows/shared/duration';
import { PERSONAL_STRINGS } from '../factories/cases';
import { intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Closing and reopening a Jugendhilfedienst case through the case file: closure is one ordered,
 * idempotent operation (intent, workflow, confirmation) that a retry completes after a failed write;
 * reopening gives the case a running process again that goes on from the state its last run left.
 * Real PostgreSQL, Temporal worker and HTTP.
 */
describe('the case file of a Jugendhilfedienst case: atomic closure and reopening with its process', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let spaceId: string;
  const api = () => request(system.http);
  const row = async (id: string) => (await system.db.query('SELECT * FROM case_file WHERE id = $1', [id]))[0];
  const intake = async () =>
    (await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId)).expect(201)).body.id as string;
  const reminder = async (key: string) => (await system.db.query('SELECT status, due_at FROM reminder WHERE key = $1', [key]))[0];

  beforeAll(async () => {
    system = await isolatedSystem('e2e-case-file-jhd');
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    cw = await bearer(Role.Caseworker);
  });
  afterAll(() => system?.close());

  it('completes a closure whose confirmation failed after the workflow accepted it, on retry, with one history entry', async () => {
    const id = await intake();
    // The confirmation's second write (the history entry) fails once, inside the database.
    await system.db.query(`CREATE SEQUENCE fail_close_once`);
    await system.db.query(
      `CREATE FUNCTION fail_close_once() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.action = 'close' AND nextval('fail_close_once') = 1 THEN
             RAISE EXCEPTION 'injected failure';
           END IF;
           RETURN NEW;
         END $$`,
    );
    await system.db.query(`CREATE TRIGGER fail_close_once BEFORE INSERT ON case_history FOR EACH ROW EXECUTE FUNCTION fail_close_once()`);
    try {
      const failed = await api().post(`/cases/${id}/close`).set('Authorization', cw).send({ reason: 'Familie verzogen' });
      expect(failed.status).toBe(500);
      // The workflow closed the case (closing time, deletion date); who and why wait as the intent.
      const pending = await row(id);
      expect(pending.closed_at).not.toBeNull();
      expect(pending.deletion_date).not.toBeNull();
      expect(pending.closed_by).toBeNull();
      expect(pending.closing_by).toBe('demo-caseworker');
      expect(pending.closing_reason_enc).not.toContain('verzogen');

      const retried = await api().post(`/cases/${id}/close`).set('Authorization', cw).send({ reason: 'Familie verzogen' });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ status: 'closed', closedBy: 'demo-caseworker', closedReason: 'Familie verzogen' });
      expect(retried.body.deletionDate.slice(0, 10)).toBe(addDuration(new Date(retried.body.closedAt), 'P5Y').toISOString().slice(0, 10));
      const done = await row(id);
      expect(done).toMatchObject({ closing_by: null, closing_reason_enc: null, closing_requested_at: null });
      const history = await system.db.query('SELECT action FROM case_history WHERE case_id = $1 ORDER BY version', [id]);
      expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'close']);
      const file = await api().get(`/cases/${id}/file`).set('Authorization', cw).expect(200);
      expect(file.body.jugendhilfedienst.phase).toBe('closed');
      expect(file.body.history[0]).toMatchObject({ action: 'close', reason: 'Familie verzogen', actorId: 'demo-caseworker' });
      // A third attempt finds the closure done.
      const again = await api().post(`/cases/${id}/close`).set('Authorization', cw).send({ reason: 'nochmal' });
      expect(again.status).toBe(409);
      expect((await row(id)).version).toBe(done.version);
    } finally {
      await system.db.query('DROP TRIGGER fail_close_once ON case_history; DROP FUNCTION fail_close_once(); DROP SEQUENCE fail_close_once');
    }
  });

  it('drops the intent when the workflow refuses the closure, and changes nothing', async () => {
    const id = await intake();
    await api().post(`/jugendhilfedienst-cases/${id}/classification`).set('Authorization', cw).send({ zone: 'endangerment' }).expect(200);
    await api()
      .post(`/jugendhilfedienst-cases/${id}/risk-assessment`)
      .set('Authorization', cw)
      .send({
        professionals: [{ userId: 'demo-caseworker', function: 'ASD-Fachkraft' }, { function: 'Insoweit erfahrene Fachkraft (extern)' }],
        parentsInvolved: true,
        childInvolved: true,
        homeVisit: true,
        result: 'acute',
        dangerKinds: ['neglect'],
        childSex: 'male',
        existingHelp: [],
        newHelp: [],
        familyCourt: false,
        details: 'akut',
        expectedHelpDuration: 'P3M',
      })
      .expect(200);
    const before = await row(id);
    const refused = await api().post(`/cases/${id}/close`).set('Authorization', cw).send({ reason: 'zu früh' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('Sofortschutz');
    const after = await row(id);
    expect(after).toMatchObject({ closed_at: null, closed_by: null, closing_by: null, closing_reason_enc: null, version: before.version });
  });

  it('reopens a closed case with help: a new run goes on from its help plan, its review is due again and taken through the API', async () => {
    const id = await intake();
    await api()
      .post(`/jugendhilfedienst-cases/${id}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'service', expectedHelpDuration: 'P3M' })
      .expect(200);
    const planned = await api()
      .post(`/jugendhilfedienst-cases/${id}/help-plans`)
      .set('Authorization', cw)
      .send({
        planDate: today(),
        helpKinds: ['family_support'],
        goals: ['Tagesstruktur'],
        agreements: 'Familienhilfe',
        participants: ['Mutter'],
      })
      .expect(200);
    const nextReviewAt = planned.body.helpPlan.nextReviewAt;
    await eventually(async () => (await reminder(`jhd/${id}/review/1-0/due`))?.status === 'scheduled', 10_000, 'review reminder');
    const closed = await api().post(`/cases/${id}/close`).set('Authorization', cw).send({ reason: 'Hilfe beendet' }).expect(200);
    expect(closed.body.deletionDate).not.toBeNull();
    await eventually(async () => (await reminder(`jhd/${id}/review/1-0/due`))?.status === 'cancelled', 10_000, 'reminders cancelled');

    expect((await api().post(`/cases/${id}/reopen`).set('Authorization', cw).send({})).status).toBe(400);
    const reopened = await api().post(`/cases/${id}/reopen`).set('Authorization', cw).send({ reason: 'Erneute Meldung der Kita' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, closedReason: null, deletionDate: null });
    expect(await row(id)).toMatchObject({ closed_at: null, deletion_date: null, closed_by: null });

    const jhd = await api().get(`/jugendhilfedienst-cases/${id}`).set('Authorization', cw).expect(200);
    expect(jhd.body).toMatchObject({
      phase: 'help',
      zone: 'service',
      closedAt: null,
      deletionDate: null,
      helpPlan: { version: 1, nextReviewAt, reviews: 0 },
    });
    expect(jhd.body.classifications.map((c: { zone: string }) => c.zone)).toEqual(['service']);
    expect(jhd.body.steps.find((s: { key: string }) => s.key === 'closure').status).toBe('pending');
    const file = await api().get(`/cases/${id}/file`).set('Authorization', cw).expect(200);
    expect(file.body).toMatchObject({ status: 'open', jugendhilfedienst: { phase: 'help', closedAt: null } });
    expect(file.body.history.slice(0, 2)).toMatchObject([
      { action: 'reopen', reason: 'Erneute Meldung der Kita', fields: ['deletionDate'] },
      { action: 'close', reason: 'Hilfe beendet' },
    ]);
    const audited = await system.db.query(`SELECT purpose FROM audit_event WHERE resource_id = $1 AND action = 'reopen'`, [id]);
    expect(audited).toContainEqual({ purpose: 'Wiedereröffnung des Falls' });

    // The read model runs again and its history goes on without repeating entries; the review is re-armed under new keys.
    await eventually(
      async () =>
        (await system.db.query(`SELECT status FROM process_instance WHERE id = $1`, [id]))[0]?.status === 'running' &&
        (await reminder(`jhd/${id}/review/1-0-r1/due`))?.status === 'scheduled',
      10_000,
      'running again with its review reminders',
    );
    expect(new Date((await reminder(`jhd/${id}/review/1-0-r1/due`)).due_at).toISOString()).toBe(`${nextReviewAt}T00:00:00.000Z`);
    const events = await system.db.query(`SELECT kind, actor_id FROM process_event WHERE process_id = $1 ORDER BY id`, [id]);
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      'intake_recorded',
      'classified',
      'help_plan_recorded',
      'closed',
      'reopened',
    ]);
    expect(events[4].actor_id).toBe('demo-caseworker');

    // The next step of the reopened case: the help plan's review.
    const review = await api()
      .post(`/jugendhilfedienst-cases/${id}/help-plans/reviews`)
      .set('Authorization', cw)
      .send({ reviewedAt: today(), notes: 'Nach Wiedereröffnung überprüft' });
    expect(review.status).toBe(200);
    expect(review.body).toMatchObject({ phase: 'help', helpPlan: { version: 1, reviews: 1, lastReviewedAt: today() } });

    // Closed again: a new deletion date from the new closure; no personal data or reason in the new run's history.
    const again = await api().post(`/cases/${id}/close`).set('Authorization', cw).send({ reason: 'Hilfe erneut beendet' }).expect(200);
    expect(again.body).toMatchObject({ status: 'closed', closedReason: 'Hilfe erneut beendet' });
    const connection = await Connection.connect({ address: system.config.temporal.address });
    try {
      const plain = new Client({ connection, namespace: system.config.temporal.namespace });
      const history = await plain.workflow.getHandle(`jugendhilfedienst-case/${id}`).fetchHistory();
      const codec = createDataConverter(system.config.payloadKeys).payloadCodecs![0];
      const payloads: any[] = [];
      const walk = (n: any): void =>
        Array.isArray(n)
          ? n.forEach(walk)
          : n && typeof n === 'object' && !(n instanceof Uint8Array)
            ? Object.entries(n).forEach(([k, v]) => (k === 'payloads' && Array.isArray(v) ? payloads.push(...v) : walk(v)))
            : undefined;
      walk(history);
      const clear = (await codec.decode(payloads)).map((p) => Buffer.from(p.data ?? []).toString()).join('\n');
      expect(clear).toContain('reopenedBy');
      for (const s of [...PERSONAL_STRINGS, 'Erneute Meldung', 'Hilfe beendet', 'Tagesstruktur', 'Familienhilfe'])
        expect(clear).not.toContain(s);
    } finally {
      await connection.close();
    }
  });

  it('reopens a case closed without help in the classification step (completing a reopening whose write failed), with a new deadline, and classifies it again', async () => {
    const id = await intake();
    await api().post(`/jugendhilfedienst-cases/${id}/classification`).set('Authorization', cw).send({ zone: 'service' }).expect(200);
    await api().post(`/jugendhilfedienst-cases/${id}/close`).set('Authorization', cw).expect(200);
    const reopenedAt = Date.now();
    // The case file's write fails once after the new run started: the retry finds the run going and completes the reopening.
    await system.db.query(`CREATE SEQUENCE fail_reopen_once`);
    await system.db.query(
      `CREATE FUNCTION fail_reopen_once() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF NEW.action = 'reopen' AND nextval('fail_reopen_once') = 1 THEN
             RAISE EXCEPTION 'injected failure';
           END IF;
           RETURN NEW;
         END $$`,
    );
    await system.db.query(`CREATE TRIGGER fail_reopen_once BEFORE INSERT ON case_history FOR EACH ROW EXECUTE FUNCTION fail_reopen_once()`);
    try {
      expect((await api().post(`/cases/${id}/reopen`).set('Authorization', cw).send({ reason: 'Neue Meldung' })).status).toBe(500);
      expect((await row(id)).closed_at).not.toBeNull();
      await api().post(`/cases/${id}/reopen`).set('Authorization', cw).send({ reason: 'Neue Meldung' }).expect(200);
    } finally {
      await system.db.query(
        'DROP TRIGGER fail_reopen_once ON case_history; DROP FUNCTION fail_reopen_once(); DROP SEQUENCE fail_reopen_once',
      );
    }
    const history = await system.db.query('SELECT action FROM case_history WHERE case_id = $1 ORDER BY version', [id]);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'close', 'reopen']);
    await eventually(
      async () =>
        (await system.db.query(`SELECT count(*)::int AS n FROM process_event WHERE process_id = $1 AND kind = 'reopened'`, [id]))[0].n ===
        1,
      10_000,
      'one reopened entry',
    );
    const jhd = await api().get(`/jugendhilfedienst-cases/${id}`).set('Authorization', cw).expect(200);
    expect(jhd.body.phase).toBe('classification');
    const step = jhd.body.steps.find((s: { key: string }) => s.key === 'classification');
    expect(step.status).toBe('active');
    expect(Date.parse(step.startedAt)).toBeGreaterThanOrEqual(reopenedAt - 1000);
    const again = await api()
      .post(`/jugendhilfedienst-cases/${id}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'service', expectedHelpDuration: 'P3M' });
    expect(again.status).toBe(200);
    expect(again.body.phase).toBe('help_plan');
    expect(again.body.classifications.map((c: { zone: string }) => c.zone)).toEqual(['service', 'service']);
  });

  it('does not reopen a Jugendhilfedienst case whose retention period has passed, and starts no process', async () => {
    const id = await intake();
    await api().post(`/jugendhilfedienst-cases/${id}/close`).set('Authorization', cw).expect(200);
    await system.db.query(`UPDATE case_file SET deletion_date = current_date - 1 WHERE id = $1`, [id]);
    const res = await api().post(`/cases/${id}/reopen`).set('Authorization', cw).send({ reason: 'zu spät' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/am \d\d\.\d\d\.\d{4} abgelaufen/);
    const file = await api().get(`/cases/${id}/file`).set('Authorization', cw).expect(200);
    expect(file.body.jugendhilfedienst.phase).toBe('closed');
  });
});
