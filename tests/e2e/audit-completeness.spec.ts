import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import request from 'supertest';
import { auditOptionsOf } from '@sro/audit';
import { ROLES } from '@sro/auth';
import { Role } from '@sro/common';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

type Handler = Parameters<Reflector['get']>[1];
interface Route {
  handler: Handler;
  controller: Handler;
}

const join = (...parts: unknown[]) =>
  '/' +
  parts
    .flatMap((p) => (typeof p === 'string' ? p.split('/') : []))
    .filter((s) => s.length > 0)
    .map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s))
    .join('/');

describe('every state-changing operation is audited (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  const reflector = new Reflector();
  const routes = new Map<string, Route>();
  let operations: Array<{ method: string; path: string }>;
  const api = () => request(system.http);
  const rowsOf = (requestId: string) =>
    system.db.query(
      `SELECT actor_id AS "actorId", action, resource_type AS "resourceType", resource_id AS "resourceId", outcome, details
         FROM audit_event WHERE request_id = $1`,
      [requestId],
    ) as Promise<
      Array<{
        actorId: string;
        action: string;
        resourceType: string;
        resourceId: string | null;
        outcome: string;
        details: Record<string, unknown>;
      }>
    >;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-audit-completeness');
    for (const module of system.api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as Handler | null;
        if (!controller || typeof controller !== 'function') continue;
        const proto = (controller as { prototype: Record<string, Handler> }).prototype;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          const method = typeof handler === 'function' ? reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler) : undefined;
          if (method === undefined || name === 'constructor') continue;
          const path = join(reflector.get(PATH_METADATA, controller), reflector.get(PATH_METADATA, handler));
          routes.set(`${RequestMethod[method].toLowerCase()} ${path}`, { handler, controller });
        }
      }
    }
    const document = (await api().get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method, path })),
    );
  });
  afterAll(() => system?.close());

  it('gives every non-GET operation of the OpenAPI document audit options (explicit or derived from its route)', () => {
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations.filter(({ method, path }) => {
      const route = routes.get(`${method} ${path}`);
      const options = route && auditOptionsOf(reflector, route.handler, route.controller);
      return !options?.action || !options.resourceType || !options.purpose;
    });
    expect(missing).toEqual([]);
  });

  it('writes a row with actor, action, resource and outcome for a call of every non-GET operation', async () => {
    const unaudited: string[] = [];
    for (const { method, path } of operations) {
      const route = routes.get(`${method} ${path}`)!;
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES, [route.handler, route.controller]) ?? [];
      const requestId = `probe-${method}-${Math.random().toString(36).slice(2, 12)}`;
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      let call = api()[method as 'post'](url).set('X-Request-Id', requestId);
      if (roles.length > 0) call = call.set('Authorization', await bearer(roles[0]));
      const res = await call.send({});
      if (res.status === 429) continue; // refused by the rate limiter before any route ran
      const rows = await rowsOf(requestId);
      const complete = rows.some((r) => r.actorId && r.action && r.resourceType && ['allowed', 'denied', 'failed'].includes(r.outcome));
      if (!complete) unaudited.push(`${method.toUpperCase()} ${path} → ${res.status}`);
    }
    expect(unaudited).toEqual([]);
  });

  it('audits publishing a definition, creating a contract partner, setting a budget and recording time', async () => {
    const admin = await bearer(Role.Admin);
    const coordinator = await bearer(Role.Coordinator);
    const caseworker = await bearer(Role.Caseworker);
    const [space] = (await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    )) as Array<{ id: string }>;

    const draft = await api()
      .post('/definitions/cooperation-agreement/drafts')
      .set('Authorization', admin)
      .send({ fromVersion: 1, changeNote: 'Audit' });
    expect(draft.status).toBe(201);
    const publish = await api()
      .post(`/definitions/cooperation-agreement/versions/${draft.body.version}/publish`)
      .set('Authorization', admin)
      .set('X-Request-Id', 'audit-sample-publish');
    expect(publish.status).toBe(200);
    // Publishing has explicit @Audited options (resource workflow-definition, version in details).
    expect(await rowsOf('audit-sample-publish')).toEqual([
      expect.objectContaining({
        actorId: 'demo-admin',
        action: 'publish',
        resourceType: 'workflow-definition',
        resourceId: 'cooperation-agreement',
        outcome: 'allowed',
        details: expect.objectContaining({ version: String(draft.body.version) }),
      }),
    ]);

    const partner = await api()
      .post('/contract-partners')
      .set('Authorization', coordinator)
      .set('X-Request-Id', 'audit-sample-partner')
      .send({ name: 'Audit-Träger e.V.', kind: 'free_provider', socialSpaceIds: [space.id], accessionDate: '2024-03-01', contacts: [] });
    expect(partner.status).toBe(201);
    expect(await rowsOf('audit-sample-partner')).toEqual([
      expect.objectContaining({ action: 'create', resourceType: 'contract-partner', resourceId: partner.body.id, outcome: 'allowed' }),
    ]);

    const budget = await api()
      .put(`/sozialraum-budgets/${space.id}/2027`)
      .set('Authorization', coordinator)
      .set('X-Request-Id', 'audit-sample-budget')
      .send({ amountCents: 500_000 });
    expect(budget.status).toBe(200);
    expect(await rowsOf('audit-sample-budget')).toEqual([
      expect.objectContaining({ action: expect.any(String), resourceType: expect.stringContaining('budget'), outcome: 'allowed' }),
    ]);
    const refused = await api()
      .post(`/sozialraum-budgets/${space.id}/2027/allocations`)
      .set('Authorization', coordinator)
      .set('X-Request-Id', 'audit-sample-allocation')
      .send({ kind: 'initiative', title: 'Zu teuer', amountCents: 900_000 });
    expect(refused.status).toBe(409);
    expect(await rowsOf('audit-sample-allocation')).toEqual([
      expect.objectContaining({ action: expect.any(String), resourceType: expect.stringContaining('budget'), outcome: 'failed' }),
    ]);

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const entry = await api()
      .post('/time-entries')
      .set('Authorization', caseworker)
      .set('X-Request-Id', 'audit-sample-time')
      .send({ date: yesterday, minutes: 30, kind: 'other' });
    expect(entry.status).toBe(201);
    expect(await rowsOf('audit-sample-time')).toEqual([
      expect.objectContaining({
        actorId: 'demo-caseworker',
        action: 'create',
        resourceType: 'time-entry',
        resourceId: entry.body.id,
        outcome: 'allowed',
      }),
    ]);
  });

  it('audits a committee’s creation, its minutes’ submission and approval, and a refused read of a meeting', async () => {
    const coordinator = await bearer(Role.Coordinator);
    const [space] = (await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    )) as Array<{ id: string }>;
    const committee = await api()
      .post('/committees')
      .set('Authorization', coordinator)
      .set('X-Request-Id', 'audit-sample-committee')
      .send({ kind: 'sozialraumkonferenz', name: 'Audit-Konferenz', socialSpaceId: space.id });
    expect(committee.status).toBe(201);
    expect(await rowsOf('audit-sample-committee')).toEqual([
      expect.objectContaining({ action: 'create', resourceType: 'committee', resourceId: committee.body.id, outcome: 'allowed' }),
    ]);
    const ids: string[] = [];
    for (const hours of [-48, -1]) {
      const res = await api()
        .post(`/committees/${committee.body.id}/meetings`)
        .set('Authorization', coordinator)
        .send({ startsAt: new Date(Date.now() + hours * 3_600_000).toISOString(), place: 'Rathaus' });
      ids.push(res.body.id);
    }
    await api().put(`/meetings/${ids[0]}/minutes`).set('Authorization', coordinator).send({ summary: 'Kurz', decisions: [], tasks: [] });
    await api().post(`/meetings/${ids[0]}/minutes/submit`).set('Authorization', coordinator).set('X-Request-Id', 'audit-sample-submit');
    expect(await rowsOf('audit-sample-submit')).toEqual([
      expect.objectContaining({ action: 'minutes.submit', resourceType: 'meeting', resourceId: ids[0], outcome: 'allowed' }),
    ]);
    const approve = await api()
      .post(`/meetings/${ids[0]}/minutes/approve`)
      .set('Authorization', coordinator)
      .set('X-Request-Id', 'audit-sample-approve')
      .send({ atMeetingId: ids[1] });
    expect(approve.status).toBe(200);
    expect(await rowsOf('audit-sample-approve')).toEqual([
      expect.objectContaining({ action: 'minutes.approve', resourceType: 'meeting', resourceId: ids[0], outcome: 'allowed' }),
    ]);
    const other = await bearer(Role.Coordinator, 'demo-coordinator-pr2');
    await api().get(`/meetings/${ids[0]}`).set('Authorization', other).set('X-Request-Id', 'audit-sample-meeting-read').expect(404);
    expect(await rowsOf('audit-sample-meeting-read')).toEqual([
      expect.objectContaining({ actorId: 'demo-coordinator-pr2', action: 'read', resourceType: 'meeting', outcome: 'denied' }),
    ]);
  });

  it('keeps the queue board read-only: its state-changing requests are 405 problems, also for admins', async () => {
    const admin = await bearer(Role.Admin);
    expect((await api().get('/admin/queues/api/queues').set('Authorization', admin)).status).toBe(200);
    for (const path of ['/admin/queues/api/queues/reminders/retry/failed', '/admin/queues/api/queues/reminders/clean/completed']) {
      const res = await api().put(path).set('Authorization', admin);
      expect(res.status).toBe(405);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    expect((await api().delete('/admin/queues/api/queues/reminders/x/remove').set('Authorization', admin)).status).toBe(405);
    expect((await api().post('/admin/queues/api/queues/reminders/pause').set('Authorization', admin)).status).toBe(405);
  });
});
