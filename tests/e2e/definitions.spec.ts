import request from 'supertest';
import { Role } from '@sro/common';
import { DEFINITION_KEYS, SEED_SPECS } from '@sro/definitions';
import { addDuration } from '@sro/workflows/shared/duration';
import { validDeliverables } from '../factories/sozialraum';
import { eventually } from '../support/eventually';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('workflow definitions over HTTP', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let admin: string;
  let coordinator: string;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-definitions');
    admin = await bearer(Role.Admin);
    coordinator = await bearer(Role.Coordinator);
  });
  afterAll(() => system?.close());

  it('lists all five keys with version 1 published; coordinators read, caseworkers may not', async () => {
    const res = await request(system.http).get('/definitions').set('Authorization', coordinator);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { key: string }) => i.key)).toEqual([...DEFINITION_KEYS]);
    expect(res.body.items.every((i: { publishedVersion: number }) => i.publishedVersion === 1)).toBe(true);
    expect(
      (
        await request(system.http)
          .get('/definitions')
          .set('Authorization', await bearer(Role.Caseworker))
      ).status,
    ).toBe(403);
    const v1 = await request(system.http).get('/definitions/sozialraum-development/versions/1').set('Authorization', coordinator);
    expect(v1.body).toMatchObject({ status: 'published', version: 1, spec: { phases: expect.any(Array) } });
    expect(v1.body.spec.analysisQuestions).toHaveLength(8);
    expect(
      (await request(system.http).post('/definitions/fallteam-consultation/drafts').set('Authorization', coordinator).send({})).status,
    ).toBe(403);
    expect((await request(system.http).get('/definitions/no-such-key/versions').set('Authorization', admin)).status).toBe(404);
  });

  it('returns every problem of a bad spec at once with pointers, and saves nothing', async () => {
    const draft = await request(system.http)
      .post('/definitions/cooperation-agreement/drafts')
      .set('Authorization', admin)
      .send({ fromVersion: 1, changeNote: 'Test' });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const spec = clone(SEED_SPECS['cooperation-agreement']) as any;
    spec.approvalStages[0].quorum = 5;
    spec.approvalStages[0].duration = 'thirty days';
    spec.approvalStages[1].key = spec.approvalStages[0].key;
    spec.approvalStages[1].escalationRole = 'buergermeister';
    spec.renewalReminderOffsets = ['P1Y'];
    const res = await request(system.http).put('/definitions/cooperation-agreement/versions/2').set('Authorization', admin).send({ spec });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(
      [
        '/spec/approvalStages/0/quorum',
        '/spec/approvalStages/0/duration',
        '/spec/approvalStages/1/key',
        '/spec/approvalStages/1/escalationRole',
        '/spec/renewalReminderOffsets/0',
      ].sort(),
    );
    const stored = await request(system.http).get('/definitions/cooperation-agreement/versions/2').set('Authorization', admin);
    expect(stored.body.spec).toEqual(SEED_SPECS['cooperation-agreement']);
    const validation = await request(system.http)
      .post('/definitions/cooperation-agreement/validate')
      .set('Authorization', admin)
      .send({ spec });
    expect(validation.body.valid).toBe(false);
    expect(validation.body.problems).toHaveLength(5);
  });

  it('refuses to publish a draft that does not validate (409) and publishes nothing half-written', async () => {
    const empty = await request(system.http).post('/definitions/jugendhilfedienst-case/drafts').set('Authorization', admin).send({});
    expect(empty.status).toBe(201);
    const publish = await request(system.http)
      .post(`/definitions/jugendhilfedienst-case/versions/${empty.body.version}/publish`)
      .set('Authorization', admin);
    expect(publish.status).toBe(409);
    expect(publish.body.errors.length).toBeGreaterThan(3);
    const list = await request(system.http).get('/definitions').set('Authorization', admin);
    expect(list.body.items.find((i: { key: string }) => i.key === 'jugendhilfedienst-case').publishedVersion).toBe(1);
    const second = await request(system.http).post('/definitions/jugendhilfedienst-case/drafts').set('Authorization', admin).send({});
    expect(second.status).toBe(409);
  });

  it('publishes version 2 with a longer phase 3, previews and applies the migration of running instances', async () => {
    const http = system.http;
    const spaces: Array<{ id: string }> = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code`,
    );
    // Boundaries name municipalities of the reference data.
    const [{ id: municipality }] = await system.db.query('SELECT id FROM municipality ORDER BY code LIMIT 1');
    // Three instances: in phase 1, in phase 3, and past phase 3 (in phase 4).
    const ids: string[] = [];
    for (const [i, space] of spaces.slice(0, 3).entries()) {
      const started = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: space.id });
      expect(started.status).toBe(201);
      ids.push(started.body.id);
      const phasesToComplete = [0, 2, 3][i];
      for (const d of validDeliverables(municipality).slice(0, phasesToComplete)) {
        await request(http)
          .put(`/sozialraum-processes/${started.body.id}/phases/${d.phaseKey}/deliverables/${d.deliverableKey}`)
          .set('Authorization', coordinator)
          .send({ value: d.value })
          .expect(200);
        await request(http)
          .post(`/sozialraum-processes/${started.body.id}/phases/${d.phaseKey}/complete`)
          .set('Authorization', coordinator)
          .expect(200);
      }
    }
    const [inPhase1, inPhase3, inPhase4] = ids;
    await eventually(
      async () => {
        const rows = await system.db.query('SELECT current_step FROM process_instance WHERE id = ANY($1) ORDER BY array_position($1, id)', [
          ids,
        ]);
        return rows.map((r: { current_step: string }) => r.current_step).join() === 'identify,visions,goals';
      },
      10_000,
      'read model at phases 1, 3, 4',
    );
    const before = Object.fromEntries(
      (await system.db.query('SELECT id, current_due_at, steps FROM process_instance WHERE id = ANY($1)', [ids])).map((r: any) => [
        r.id,
        r,
      ]),
    );

    const draft = await request(http)
      .post('/definitions/sozialraum-development/drafts')
      .set('Authorization', admin)
      .send({ fromVersion: 1, changeNote: 'Phase 3 braucht mehr Zeit für Beteiligung' });
    const spec = clone(draft.body.spec);
    spec.phases[2].duration = 'P5M';
    await request(http)
      .put(`/definitions/sozialraum-development/versions/${draft.body.version}`)
      .set('Authorization', admin)
      .send({ spec })
      .expect(200);

    const diff = await request(http)
      .get(`/definitions/sozialraum-development/diff?from=1&to=${draft.body.version}`)
      .set('Authorization', coordinator);
    expect(diff.body.steps.filter((s: { change: string }) => s.change === 'changed')).toEqual([
      expect.objectContaining({ key: 'visions', fields: [{ path: '/duration', from: 'P3M', to: 'P5M' }] }),
    ]);

    // A draft can be previewed before it is published.
    const early = await request(http)
      .get(`/definitions/sozialraum-development/migrations/preview?toVersion=${draft.body.version}`)
      .set('Authorization', admin);
    expect(early.body.toStatus).toBe('draft');
    const notYet = await request(http)
      .post('/definitions/sozialraum-development/migrations')
      .set('Authorization', admin)
      .send({ toVersion: draft.body.version });
    expect(notYet.status).toBe(409);

    const published = await request(http)
      .post(`/definitions/sozialraum-development/versions/${draft.body.version}/publish`)
      .set('Authorization', admin);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ retired: 1, published: { status: 'published' } });

    const preview = await request(http).get('/definitions/sozialraum-development/migrations/preview').set('Authorization', admin);
    expect(preview.status).toBe(200);
    const byId = Object.fromEntries(preview.body.instances.map((i: any) => [i.processId, i]));
    // Phase 1 instance: the projected phase-3 due date moves by two months.
    const p1 = byId[inPhase1].dueDateChanges.find((c: any) => c.step === 'visions');
    expect(p1).toMatchObject({ projected: true });
    expect(Date.parse(p1.to) - Date.parse(p1.from)).toBeGreaterThan(55 * 86_400_000);
    // Phase 3 instance: its current due date becomes start + P5M.
    const visions = before[inPhase3].steps.find((s: any) => s.key === 'visions');
    const p3 = byId[inPhase3].dueDateChanges.find((c: any) => c.step === 'visions');
    expect(p3).toMatchObject({ projected: false, from: visions.dueAt, to: addDuration(new Date(visions.startedAt), 'P5M').toISOString() });
    // Past phase 3: nothing moves.
    expect(byId[inPhase4]).toMatchObject({ compatible: true, affected: false, dueDateChanges: [] });
    // Each instance names its social space, for the administrator's confirmation (not only ids).
    const names: Array<{ id: string; name: string }> = await system.db.query('SELECT id, name FROM social_space WHERE id = ANY($1)', [
      spaces.slice(0, 3).map((s) => s.id),
    ]);
    expect(ids.map((id) => byId[id].subjectLabel).sort()).toEqual(names.map((n) => n.name).sort());

    const applied = await request(http)
      .post('/definitions/sozialraum-development/migrations')
      .set('Authorization', admin)
      .send({ toVersion: draft.body.version });
    expect(applied.status).toBe(200);
    expect(applied.body.migrated.map((m: any) => m.processId).sort()).toEqual([...ids].sort());
    expect(applied.body.failed).toEqual([]);

    const after = Object.fromEntries(
      (await system.db.query('SELECT id, definition_version, current_due_at, steps FROM process_instance WHERE id = ANY($1)', [ids])).map(
        (r: any) => [r.id, r],
      ),
    );
    for (const id of ids) expect(after[id].definition_version).toBe(draft.body.version);
    expect(after[inPhase3].current_due_at.toISOString()).toBe(p3.to);
    expect(after[inPhase4].current_due_at.toISOString()).toBe(before[inPhase4].current_due_at.toISOString());
    expect(after[inPhase4].steps.filter((s: any) => s.status === 'completed')).toEqual(
      before[inPhase4].steps.filter((s: any) => s.status === 'completed'),
    );
    const detail = await request(http).get(`/sozialraum-processes/${inPhase3}`).set('Authorization', coordinator);
    expect(detail.body.process.definitionVersion).toBe(draft.body.version);

    const history = await system.db.query(
      `SELECT kind, details FROM process_event WHERE process_id = $1 AND kind = 'definition_migrated'`,
      [inPhase3],
    );
    expect(history).toHaveLength(1);
    const audits = await system.db.query(
      `SELECT resource_id FROM audit_event WHERE action = 'migrate' AND resource_type = 'process-instance'`,
    );
    expect(audits.map((a: any) => a.resource_id).sort()).toEqual([...ids].sort());

    // Nothing left to migrate.
    const again = await request(http).get('/definitions/sozialraum-development/migrations/preview').set('Authorization', admin);
    expect(again.body.instances).toEqual([]);
  });

  it('lists incompatible instances and leaves them untouched', async () => {
    const http = system.http;
    const [space] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code OFFSET 3 LIMIT 1`,
    );
    const started = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: space.id });
    const current = (await request(http).get('/definitions').set('Authorization', admin)).body.items.find(
      (i: any) => i.key === 'sozialraum-development',
    ).publishedVersion;
    const draft = await request(http)
      .post('/definitions/sozialraum-development/drafts')
      .set('Authorization', admin)
      .send({ fromVersion: current });
    const spec = clone(draft.body.spec);
    spec.phases[0].key = 'identify_and_describe'; // the step the instance is in disappears
    await request(http)
      .put(`/definitions/sozialraum-development/versions/${draft.body.version}`)
      .set('Authorization', admin)
      .send({ spec })
      .expect(200);
    await request(http)
      .post(`/definitions/sozialraum-development/versions/${draft.body.version}/publish`)
      .set('Authorization', admin)
      .expect(200);
    const applied = await request(http)
      .post('/definitions/sozialraum-development/migrations')
      .set('Authorization', admin)
      .send({ toVersion: draft.body.version });
    expect(applied.body.incompatible).toContainEqual({
      processId: started.body.id,
      reason: 'Den aktuellen Schritt „Sozialraum identifizieren“ gibt es in der neuen Version nicht.',
    });
    // Instances already past phase 1 would skip the renamed first step: incompatible as well.
    expect(
      applied.body.incompatible.filter((i: any) => /käme vor dem aktuellen Schritt und würde nie bearbeitet/.test(i.reason)).length,
    ).toBeGreaterThan(0);
    expect(applied.body.migrated.find((m: any) => m.processId === started.body.id)).toBeUndefined();
    const [row] = await system.db.query('SELECT definition_version FROM process_instance WHERE id = $1', [started.body.id]);
    expect(row.definition_version).toBe(current);
  });

  it('keeps the pause credit of a resumed process when it migrates, and the preview shows it', async () => {
    const http = system.http;
    const [space] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code OFFSET 4 LIMIT 1`,
    );
    const started = await request(http).post('/sozialraum-processes').set('Authorization', coordinator).send({ socialSpaceId: space.id });
    expect(started.status).toBe(201);
    const id = started.body.id;
    await request(http).post(`/sozialraum-processes/${id}/pause`).set('Authorization', coordinator).send({}).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await request(http).post(`/sozialraum-processes/${id}/resume`).set('Authorization', coordinator).send({}).expect(200);
    const current = (await request(http).get('/definitions').set('Authorization', admin)).body.items.find(
      (i: any) => i.key === 'sozialraum-development',
    ).publishedVersion;
    const pinned = (await request(http).get(`/definitions/sozialraum-development/versions/${current}`).set('Authorization', admin)).body
      .spec;
    let step: { startedAt: string; dueAt: string } = { startedAt: '', dueAt: '' };
    await eventually(
      async () => {
        [step] = (await system.db.query('SELECT steps FROM process_instance WHERE id = $1 AND status = $2', [id, 'running']))[0]?.steps ?? [
          step,
        ];
        return Date.parse(step.dueAt) > addDuration(new Date(step.startedAt), pinned.phases[0].duration).getTime();
      },
      10_000,
      'the resumed due date in the read model',
    );
    const credit = Date.parse(step.dueAt) - addDuration(new Date(step.startedAt), pinned.phases[0].duration).getTime();
    expect(credit).toBeGreaterThanOrEqual(1_000);

    const draft = await request(http)
      .post('/definitions/sozialraum-development/drafts')
      .set('Authorization', admin)
      .send({ fromVersion: current });
    const spec = clone(draft.body.spec);
    spec.phases[0].duration = 'P4M';
    await request(http)
      .put(`/definitions/sozialraum-development/versions/${draft.body.version}`)
      .set('Authorization', admin)
      .send({ spec })
      .expect(200);
    const preview = await request(http)
      .get(`/definitions/sozialraum-development/migrations/preview?toVersion=${draft.body.version}`)
      .set('Authorization', admin);
    const instance = preview.body.instances.find((i: any) => i.processId === id);
    const expected = new Date(addDuration(new Date(step.startedAt), 'P4M').getTime() + credit).toISOString();
    expect(instance).toMatchObject({ compatible: true, pauseCreditMs: credit });
    expect(instance.dueDateChanges.find((c: any) => !c.projected)).toMatchObject({ from: step.dueAt, to: expected });

    await request(http)
      .post(`/definitions/sozialraum-development/versions/${draft.body.version}/publish`)
      .set('Authorization', admin)
      .expect(200);
    const applied = await request(http)
      .post('/definitions/sozialraum-development/migrations')
      .set('Authorization', admin)
      .send({ toVersion: draft.body.version, processIds: [id] });
    expect(applied.body.migrated.map((m: any) => m.processId)).toEqual([id]);
    await eventually(
      async () => {
        const [row] = await system.db.query('SELECT definition_version, current_due_at FROM process_instance WHERE id = $1', [id]);
        return row.definition_version === draft.body.version && row.current_due_at.toISOString() === expected;
      },
      10_000,
      'migrated due date with the pause credit',
    );
  });

  it('audits creating, editing, publishing and retiring a definition version, refused edits too', async () => {
    const http = system.http;
    const k = 'partner-interview-cycle';
    const draft = await request(http).post(`/definitions/${k}/drafts`).set('Authorization', admin).send({ fromVersion: 1 });
    expect(draft.status).toBe(201);
    const version = draft.body.version;
    const spec = clone(draft.body.spec);
    spec.steps[0].duration = 'P2M';
    await request(http)
      .put(`/definitions/${k}/versions/${version}`)
      .set('Authorization', admin)
      .send({ spec: { ...spec, cycleInterval: 'bald' } })
      .expect(400);
    await request(http)
      .put(`/definitions/${k}/versions/${version}`)
      .set('Authorization', admin)
      .send({ spec, changeNote: 'Planung länger' })
      .expect(200);
    await request(http).post(`/definitions/${k}/versions/${version}/publish`).set('Authorization', admin).expect(200);
    await request(http).post(`/definitions/${k}/versions/${version}/retire`).set('Authorization', admin).expect(200);

    const rows = await system.db.query(
      `SELECT action, outcome, actor_id, resource_id, details FROM audit_event
        WHERE resource_type = 'workflow-definition' AND details->>'key' = $1 ORDER BY id`,
      [k],
    );
    expect(rows.map((r: { action: string; outcome: string }) => [r.action, r.outcome])).toEqual([
      ['create-draft', 'allowed'],
      ['update-draft', 'failed'],
      ['update-draft', 'allowed'],
      ['publish', 'allowed'],
      ['retire', 'allowed'],
    ]);
    expect(rows.every((r: { actor_id: string }) => r.actor_id === 'demo-admin')).toBe(true);
    expect(rows.slice(1).every((r: { details: { version: string } }) => r.details.version === String(version))).toBe(true);
    // The new version's row is the resource where the answer names it, the key otherwise.
    expect(rows[0].resource_id).toBe(draft.body.id);
    expect(rows[3].resource_id).toBe(k);
  });
});
