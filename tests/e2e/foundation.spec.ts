import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '@sro/common';
import { testConfig, uniqueTaskQueue } from '../support/config';
import { startApi, TestApi } from '../support/api';
import { bearer } from '../support/tokens';
import { startWorker } from '../support/worker';

const PROBLEM = /application\/problem\+json/;

function expectProblem(res: request.Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(PROBLEM);
  expect(res.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe('API foundation (HTTP, real services)', () => {
  const config = testConfig({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('e2e-foundation'), HTTP_BODY_LIMIT: '64kb' });
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startWorker>>;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(config), startWorker(config)]);
    // A known, active caseworker: the refusal below is for the role, not for an unknown user.
    await api.app
      .get(DataSource)
      .query(
        `INSERT INTO app_user (id, display_name, roles) VALUES ('cw-audit-403', 'Fachkraft ohne Adminrolle', '{caseworker}') ON CONFLICT DO NOTHING`,
      );
  });
  afterAll(async () => {
    await api?.close();
    await worker?.close();
  });

  it('reports database, redis and temporal as up on /health without a token', async () => {
    const res = await request(api.http).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'up',
      components: { database: { status: 'up' }, redis: { status: 'up' }, temporal: { status: 'up' } },
    });
  });

  it('serves Swagger UI at /docs and the OpenAPI document at /docs-json without a token', async () => {
    expect((await request(api.http).get('/docs/')).status).toBe(200);
    const doc = await request(api.http).get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/audit']).toBeDefined();
  });

  it('serves the same operations the web app’s generated types were made from (apps/web/src/api/schema.gen.ts)', async () => {
    const doc = await request(api.http).get('/docs-json');
    const types = readFileSync(join(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'schema.gen.ts'), 'utf8');
    const operations = Object.values(doc.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    expect(operations.length).toBeGreaterThan(100);
    for (const path of Object.keys(doc.body.paths)) expect(types).toContain(`"${path}": {`);
    for (const id of operations) expect(types).toContain(`${id}: {`);
  });

  describe('GET /audit', () => {
    it('is 401 problem+json without a token and with a forged one', async () => {
      expectProblem(await request(api.http).get('/audit'), 401);
      const forged = (await bearer(Role.Admin)).slice(0, -4) + 'AAAA';
      expectProblem(await request(api.http).get('/audit').set('Authorization', forged), 401);
    });

    it('is 403 for a caseworker, and the refusal is audited', async () => {
      const res = await request(api.http)
        .get('/audit')
        .set('Authorization', await bearer(Role.Caseworker, 'cw-audit-403'));
      expectProblem(res, 403);
      const log = await request(api.http)
        .get('/audit?actorId=cw-audit-403')
        .set('Authorization', await bearer(Role.Admin));
      expect(log.body.items).toEqual([expect.objectContaining({ outcome: 'denied', resourceType: 'audit-log', actorId: 'cw-audit-403' })]);
    });

    it('is 200 for an admin, paged, and validates its query', async () => {
      const admin = await bearer(Role.Admin);
      const res = await request(api.http).get('/audit?limit=2&offset=0').set('Authorization', admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number), items: expect.any(Array) });
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      const bad = await request(api.http).get('/audit?limit=5000').set('Authorization', admin);
      expectProblem(bad, 400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/limit' })]);
    });
  });

  describe('bad input', () => {
    it('rejects an unknown field with 400 naming it', async () => {
      const res = await request(api.http)
        .post('/ping')
        .set('Authorization', await bearer(Role.Admin))
        .send({ message: 'hi', zone: 'x' });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ pointer: '/zone', code: 'unknown-field', message: 'Dieses Feld ist hier nicht vorgesehen.' }]);
    });

    it('lists a missing and a wrongly typed field', async () => {
      const res = await request(api.http)
        .post('/ping')
        .set('Authorization', await bearer(Role.Admin))
        .send({ message: 42 });
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/message');
    });

    it('answers malformed JSON with 400 and an oversized body with 413', async () => {
      const admin = await bearer(Role.Admin);
      const malformed = await request(api.http)
        .post('/ping')
        .set('Authorization', admin)
        .set('Content-Type', 'application/json')
        .send('{"message":');
      expectProblem(malformed, 400);
      expect(malformed.body).toMatchObject({ code: 'malformed-json', detail: 'Die Anfrage ist kein gültiges JSON.' });
      const big = await request(api.http)
        .post('/ping')
        .set('Authorization', admin)
        .send({ message: 'x'.repeat(70 * 1024) });
      expectProblem(big, 413);
    });

    it('answers an unknown route with 404 problem+json', async () => {
      expectProblem(
        await request(api.http)
          .get('/no-such-thing')
          .set('Authorization', await bearer(Role.Admin)),
        404,
      );
      expectProblem(await request(api.http).get('/no-such-thing'), 404);
    });

    it('gives every response a request id', async () => {
      const res = await request(api.http).get('/health').set('x-request-id', 'test-request-0001');
      expect(res.headers['x-request-id']).toBe('test-request-0001');
    });
  });

  it('runs the ping workflow end to end through the API', async () => {
    const res = await request(api.http)
      .post('/ping')
      .set('Authorization', await bearer(Role.Admin))
      .send({ message: 'hallo' });
    expect(res.status).toBe(200);
    expect(res.body.reply).toBe(`pong from ${config.temporal.taskQueue}: hallo`);
  });

  it('decodes payloads through the codec endpoint for admins only', async () => {
    const encoded = await request(api.http)
      .post('/temporal-codec/encode')
      .set('Authorization', await bearer(Role.Admin))
      .send({
        payloads: [
          { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"Wille"').toString('base64') },
        ],
      });
    expect(encoded.status).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].data, 'base64').toString('latin1')).not.toContain('Wille');
    const decoded = await request(api.http)
      .post('/temporal-codec/decode')
      .set('Authorization', await bearer(Role.Admin))
      .send(encoded.body);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toBe('"Wille"');
    expectProblem(
      await request(api.http)
        .post('/temporal-codec/decode')
        .set('Authorization', await bearer(Role.Caseworker))
        .send(encoded.body),
      403,
    );
  });

  it('returns the caller with the assignments of the demo user', async () => {
    const res = await request(api.http)
      .get('/me')
      .set('Authorization', await bearer(Role.Caseworker));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sub: 'demo-caseworker', roles: ['caseworker'] });
    expect(res.body.socialSpaceIds).toHaveLength(5);
  });
});

describe('health with a component down', () => {
  it('answers 503 problem+json naming the component that is down', async () => {
    const api = await startApi(testConfig({ REDIS_URL: 'redis://127.0.0.1:1' }));
    try {
      const res = await request(api.http).get('/health');
      expectProblem(res, 503);
      expect(res.body.components).toMatchObject({ redis: { status: 'down' }, database: { status: 'up' }, temporal: { status: 'up' } });
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await api.close();
    }
  });
});

describe('queue dashboard', () => {
  it('is only for admins, then serves the board', async () => {
    const config = testConfig();
    const api = await startApi(config);
    try {
      expectProblem(await request(api.http).get('/admin/queues'), 401);
      expectProblem(
        await request(api.http)
          .get('/admin/queues')
          .set('Authorization', await bearer(Role.Coordinator)),
        403,
      );
      const ok = await request(api.http)
        .get('/admin/queues')
        .set('Authorization', await bearer(Role.Admin));
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('<html');
      expect(ok.headers['set-cookie'][0]).toMatch(/HttpOnly; SameSite=Strict/);
    } finally {
      await api.close();
    }
  });
});
