import request from 'supertest';
import { Role } from '@sro/common';
import { RETENTION_ACTOR } from '@sro/jugendhilfedienst';
import { caseBody } from '../factories/cases';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';
import { assessmentBody, intakeBody } from '../factories/jugendhilfedienst';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The retention schedule on the dev server (the time-skipping server has no schedules): a trigger
 * runs the retention workflow, which anonymises exactly the expired cases without a legal hold,
 * keeps the statistics and audits each anonymisation.
 */
describe('retention of case data (Temporal Schedule on the dev server)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let admin: string;
  let spaceId: string;
  const api = () => request(system.http);
  const ids: Record<'expired' | 'held' | 'later' | 'assessed' | 'open' | 'openFallteam', string> = {
    expired: '',
    held: '',
    later: '',
    assessed: '',
    open: '',
    openFallteam: '',
  };

  beforeAll(async () => {
    system = await isolatedSystem('e2e-retention');
    cw = await bearer(Role.Caseworker);
    admin = await bearer(Role.Admin);
    [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
  });
  afterAll(async () => {
    await api().delete('/retention/schedule').set('Authorization', admin);
    await system?.close();
  });

  it('prepares cases: expired, expired under legal hold, expiring later, a closed case with an assessment, open cases', async () => {
    // Fallteam cases are closed in the database here: the deletion date runs from closure, which the
    // case's close route sets; these rows stand for cases closed years ago.
    const closedFallteamCase = async (deletionDate: string, whileOpen?: (id: string) => Promise<unknown>) => {
      const id = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id as string;
      // A closed case takes no changes: what it holds was recorded while it was open.
      await whileOpen?.(id);
      await system.db.query(`UPDATE case_file SET closed_at = now() - interval '3 years', deletion_date = $2 WHERE id = $1`, [
        id,
        deletionDate,
      ]);
      return id;
    };
    ids.expired = await closedFallteamCase(day(-1), (id) =>
      api()
        .post(`/cases/${id}/consents`)
        .set('Authorization', cw)
        .send({ givenBy: 'Mutter', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: day(-10) })
        .expect(201),
    );
    ids.held = await closedFallteamCase(day(-30));
    ids.later = await closedFallteamCase(day(3));
    const hold = await api()
      .put(`/cases/${ids.held}/legal-hold`)
      .set('Authorization', cw)
      .send({ hold: true, reason: 'Familiengerichtliches Verfahren anhängig' });
    expect(hold.status).toBe(200);
    expect(hold.body).toMatchObject({ legalHold: true, legalHoldReason: 'Familiengerichtliches Verfahren anhängig' });
    expect(
      (await api().put(`/cases/${ids.held}/legal-hold`).set('Authorization', cw).send({ hold: 'yes', reason: 'Verfahren' })).status,
    ).toBe(400);

    const assessed = await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId));
    ids.assessed = assessed.body.id;
    await api()
      .post(`/jugendhilfedienst-cases/${ids.assessed}/classification`)
      .set('Authorization', cw)
      .send({ zone: 'endangerment' })
      .expect(200);
    await api()
      .post(`/jugendhilfedienst-cases/${ids.assessed}/risk-assessment`)
      .set('Authorization', cw)
      .send(assessmentBody({ result: 'none', dangerKinds: [], newHelp: [], expectedHelpDuration: undefined }))
      .expect(200);
    const closed = await api().post(`/jugendhilfedienst-cases/${ids.assessed}/close`).set('Authorization', cw);
    expect(closed.body.deletionDate).toBe(new Date(new Date().setUTCFullYear(new Date().getUTCFullYear() + 5)).toISOString().slice(0, 10));
    // Five years later: the deletion date has come.
    await system.db.query(`UPDATE case_file SET deletion_date = $2 WHERE id = $1`, [ids.assessed, day(-1)]);
    ids.open = (await api().post('/jugendhilfedienst-cases').set('Authorization', cw).send(intakeBody(spaceId))).body.id;
    // An open Fallteam case opened six years ago: the old intake default (creation + five years) would be past.
    ids.openFallteam = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id;
    await system.db.query(`UPDATE case_file SET created_at = now() - interval '6 years' WHERE id = $1`, [ids.openFallteam]);
  });

  it('derives the deletion date by policy: an open case shows none but the rule, a typed date is refused', async () => {
    const open = await api().get(`/cases/${ids.openFallteam}`).set('Authorization', cw).expect(200);
    expect(open.body.deletionDate).toBeNull();
    expect(open.body.retentionRule).toEqual({
      definitionKey: 'fallteam-consultation',
      definitionVersion: expect.any(Number),
      afterClosure: 'P5Y',
      afterClosureWithoutHelp: 'P2Y',
    });
    const jhd = await api().get(`/cases/${ids.open}`).set('Authorization', cw).expect(200);
    expect(jhd.body).toMatchObject({ deletionDate: null, retentionRule: { definitionKey: 'jugendhilfedienst-case', afterClosure: 'P5Y' } });

    const typed = await api()
      .post('/cases')
      .set('Authorization', cw)
      .send({ ...caseBody(spaceId), deletionDate: '2020-01-01' });
    expect(typed.status).toBe(400);
    expect(typed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(typed.body.errors).toEqual([
      expect.objectContaining({ pointer: '/deletionDate', code: 'equals', message: expect.stringContaining('Löschdatum') }),
    ]);
    expect(
      (
        await api()
          .post('/cases')
          .set('Authorization', cw)
          .send({ ...caseBody(spaceId), deletionDate: null })
      ).status,
    ).toBe(400);
    const [{ n }] = await system.db.query(
      `SELECT count(*)::int AS n FROM case_file WHERE created_at > now() - interval '1 minute' AND deletion_date IS NULL`,
    );
    expect(n).toBeGreaterThan(0);

    // The database itself refuses a deletion date on an open case.
    await expect(system.db.query(`UPDATE case_file SET deletion_date = '2020-01-01' WHERE id = $1`, [ids.openFallteam])).rejects.toThrow(
      /case_file_open_without_deletion_date/,
    );
  });

  it('a legal hold needs a reason, stored sealed, and is audited', async () => {
    const missing = await api().put(`/cases/${ids.later}/legal-hold`).set('Authorization', cw).send({ hold: true });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/reason');
    expect(missing.body.errors.find((e: { pointer: string }) => e.pointer === '/reason').message).toMatch(/Begründung/);
    const [row] = await system.db.query('SELECT legal_hold, legal_hold_by, legal_hold_reason_enc FROM case_file WHERE id = $1', [ids.held]);
    expect(row.legal_hold).toBe(true);
    expect(row.legal_hold_by).toBeTruthy();
    expect(row.legal_hold_reason_enc).toMatch(/^v2:t1\./);
    expect(row.legal_hold_reason_enc).not.toContain('Familiengerichtlich');
    const audit = await system.db.query(
      `SELECT outcome FROM audit_event WHERE resource_type = 'case' AND resource_id = $1 AND action = 'legal-hold' ORDER BY id`,
      [ids.held],
    );
    expect(audit.map((a: { outcome: string }) => a.outcome).sort()).toEqual(['allowed', 'failed']);
  });

  it('lists the cases under legal hold for admins by pseudonym, the overdue first, never with the reason', async () => {
    const listed = await api().get('/retention/legal-holds').set('Authorization', admin);
    expect(listed.status).toBe(200);
    const [held] = await system.db.query('SELECT pseudonym, legal_hold_by FROM case_file WHERE id = $1', [ids.held]);
    expect(listed.body).toMatchObject({
      total: 1,
      items: [{ caseId: ids.held, pseudonym: held.pseudonym, legalHoldBy: held.legal_hold_by, overdue: true, deletionDate: day(-30) }],
    });
    expect(JSON.stringify(listed.body)).not.toContain('Familiengerichtlich');
    expect((await api().get('/retention/legal-holds').set('Authorization', cw)).status).toBe(403);
    const [audit] = await system.db.query(`SELECT outcome FROM audit_event WHERE action = 'list-legal-holds' ORDER BY id LIMIT 1`);
    expect(audit).toEqual({ outcome: 'allowed' });
  });

  it('answers 404 without a schedule, and only admins manage it', async () => {
    expect((await api().get('/retention/schedule').set('Authorization', admin)).status).toBe(404);
    expect((await api().put('/retention/schedule').set('Authorization', cw).send({})).status).toBe(403);
    expect((await api().put('/retention/schedule').set('Authorization', admin).send({ hour: 25 })).status).toBe(400);
    const created = await api().put('/retention/schedule').set('Authorization', admin).send({ hour: 3 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ hour: 3, paused: false, runsStarted: 0 });
    expect(created.body.nextRuns.length).toBeGreaterThan(0);
  });

  it('a triggered run anonymises exactly the expired cases, keeps the one under hold, the statistics and the audit trail', async () => {
    const triggered = await api().post('/retention/schedule/trigger').set('Authorization', admin);
    expect(triggered.status).toBe(200);
    await eventually(
      async () => (await system.db.query('SELECT 1 FROM case_file WHERE anonymised_at IS NOT NULL')).length === 2,
      30_000,
      'two cases anonymised',
    );
    const rows: Array<Record<string, any>> = await system.db.query(
      'SELECT id, anonymised_at, personal_enc, content_enc, confided_enc, report_enc, legal_hold, pseudonym FROM case_file',
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(
      rows
        .filter((r) => r.anonymised_at)
        .map((r) => r.id)
        .sort(),
    ).toEqual([ids.expired, ids.assessed].sort());
    for (const id of [ids.expired, ids.assessed])
      expect(byId.get(id)).toMatchObject({ personal_enc: null, content_enc: null, confided_enc: null, report_enc: null });
    // Open cases are never taken, the one whose old-style date would long have passed included.
    for (const id of [ids.held, ids.later, ids.open, ids.openFallteam]) expect(byId.get(id)!.personal_enc).toMatch(/^v2:t1\./);
    expect((await api().get(`/cases/${ids.openFallteam}`).set('Authorization', cw)).status).toBe(200);
    expect(await system.db.query('SELECT 1 FROM consent WHERE case_id = $1', [ids.expired])).toEqual([]);

    const [stat] = await system.db.query('SELECT * FROM risk_assessment WHERE case_id = $1', [ids.assessed]);
    expect(stat).toMatchObject({
      result: 'none',
      sex: 'male',
      reported_by: 'anonymous',
      details_enc: null,
      professionals_enc: null,
      involvement_enc: null,
    });
    expect(new Date(stat.completed_at).getUTCDate()).toBe(1); // the month is kept, not the day
    const year = new Date().getUTCFullYear();
    const exported = await api()
      .get(`/statistics/risk-assessments?year=${year}`)
      .set('Authorization', await bearer(Role.Statistics));
    expect(exported.body.count).toBe(1);

    const audit = await system.db.query(
      `SELECT resource_id, purpose, outcome FROM audit_event WHERE actor_id = $1 AND action = 'anonymise' ORDER BY resource_id`,
      [RETENTION_ACTOR],
    );
    expect(audit.map((a: { resource_id: string }) => a.resource_id)).toEqual([ids.expired, ids.assessed].sort());
    expect(audit[0]).toMatchObject({ outcome: 'allowed', purpose: expect.stringContaining('Löschfrist') });
    const listed = await api().get('/retention/anonymised').set('Authorization', admin);
    expect(listed.body.items.map((i: { caseId: string }) => i.caseId).sort()).toEqual([ids.expired, ids.assessed].sort());

    // An anonymised case exists for no one any more.
    expect((await api().get(`/cases/${ids.expired}`).set('Authorization', cw)).status).toBe(404);
    expect((await api().get('/cases?limit=200').set('Authorization', cw)).body.items.map((c: { id: string }) => c.id)).not.toContain(
      ids.expired,
    );
    const described = await api().get('/retention/schedule').set('Authorization', admin);
    expect(described.body.runsStarted).toBe(1);
  });

  it('once the hold is lifted, the next run takes the held case and nothing else', async () => {
    await api()
      .put(`/cases/${ids.held}/legal-hold`)
      .set('Authorization', cw)
      .send({ hold: false, reason: 'Verfahren abgeschlossen' })
      .expect(200);
    // The first run has ended (the schedule skips a trigger while a run is going on).
    await eventually(
      async () => (await api().get('/retention/schedule').set('Authorization', admin)).body.runningRuns.length === 0,
      30_000,
      'first run ended',
    );
    expect((await api().post('/retention/schedule/trigger').set('Authorization', admin)).status).toBe(200);
    await eventually(
      async () => (await system.db.query('SELECT 1 FROM case_file WHERE id = $1 AND anonymised_at IS NOT NULL', [ids.held])).length === 1,
      30_000,
      'held case anonymised',
    );
    await eventually(
      async () => (await api().get('/retention/schedule').set('Authorization', admin)).body.runningRuns.length === 0,
      30_000,
      'second run ended',
    );
    const anonymised = await system.db.query('SELECT id FROM case_file WHERE anonymised_at IS NOT NULL ORDER BY id');
    expect(anonymised.map((r: { id: string }) => r.id)).toEqual([ids.expired, ids.assessed, ids.held].sort());
  });
});
