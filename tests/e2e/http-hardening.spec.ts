import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Role } from '@sro/common';
import { testConfig } from '../support/config';
import { startApi, TestApi } from '../support/api';
import { bearer } from '../support/tokens';

const PROBLEM = /application\/problem\+json/;

function nested(levels: number): string {
  return `{"message":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

describe('HTTP hardening', () => {
  let api: TestApi;

  beforeAll(async () => {
    // Counters of its own: suites in the same Jest worker can share a queue prefix, and the limits count per prefix.
    const QUEUE_PREFIX = `rl-${randomBytes(6).toString('hex')}`;
    api = await startApi(testConfig({ QUEUE_PREFIX, RATE_LIMIT_AUTH_PER_MINUTE: '3', RATE_LIMIT_EXPORT_PER_MINUTE: '2' }));
  });
  afterAll(() => api?.close());

  it('marks API answers with personal data, and problems, as not to be stored', async () => {
    const me = await request(api.http)
      .get('/me')
      .set('Authorization', await bearer(Role.Caseworker));
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await request(api.http).get('/cases');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('answers JSON nested 2,000 levels deep with 400 problem+json, with and without a token', async () => {
    for (const authorization of [await bearer(Role.Admin), undefined]) {
      const req = request(api.http).post('/ping').set('Content-Type', 'application/json');
      if (authorization) req.set('Authorization', authorization);
      const res = await req.send(nested(2_000));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 400, type: expect.stringMatching(/json-too-deep$/) });
    }
  });

  it('still accepts ordinary nesting, and brackets inside strings do not count', async () => {
    const res = await request(api.http)
      .post('/ping')
      .set('Authorization', await bearer(Role.Admin))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ message: '['.repeat(150), extra: [[[1]]] }));
    // Past the parser: the validation names the unknown field (a depth refusal would not get that far).
    expect(res.body).toMatchObject({ status: 400, type: expect.stringMatching(/validation-failed$/) });
  });

  it('keeps the queue board token in a Secure cookie', async () => {
    const ok = await request(api.http)
      .get('/admin/queues')
      .set('Authorization', await bearer(Role.Admin));
    expect(ok.status).toBe(200);
    expect(ok.headers['set-cookie'][0]).toMatch(/; Secure/);
  });

  it('limits the sign-in endpoints per client and answers 429 problem+json with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await request(api.http).get('/auth/config'));
    expect(answers.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    const limited = answers[3];
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM);
    expect(limited.body).toMatchObject({ status: 429, type: expect.stringMatching(/too-many-requests$/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Routes outside the limited classes are not counted.
    for (let i = 0; i < 5; i += 1) expect((await request(api.http).get('/health')).status).toBe(200);
  });

  it('limits the expensive exports per client', async () => {
    const admin = await bearer(Role.Admin);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await request(api.http).get('/audit').set('Authorization', admin)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
