import request from 'supertest';
import { Role } from '@sro/common';
import { startApi, TestApi } from '../support/api';
import { testConfig } from '../support/config';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the web app served by the API, and its sign-in endpoints', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  beforeAll(async () => {
    system = await isolatedSystem('e2e-web-app');
  });
  afterAll(() => system?.close());
  const http = () => request(system.http);

  it('serves index.html at / with a strict Content-Security-Policy, and its hashed assets', async () => {
    const res = await http().get('/').set('Accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<div id="root"></div>');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const asset = res.text.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const js = await http().get(asset);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
  });

  it('falls back to index.html for browser navigations to app paths, and leaves API paths to the API', async () => {
    const page = await http().get('/faelle/00000000-0000-4000-8000-000000000000').set('Accept', HTML);
    expect([page.status, page.text]).toEqual([200, expect.stringContaining('<div id="root"></div>')]);
    // The same-named API resource still answers as the API: no token, so 401 problem+json.
    const apiPath = await http().get('/cases/00000000-0000-4000-8000-000000000000').set('Accept', HTML);
    expect(apiPath.status).toBe(401);
    expect(apiPath.headers['content-type']).toMatch(/application\/problem\+json/);
    const unknownApi = await http().get('/no-such-route').set('Accept', 'application/json');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers['content-type']).toMatch(/application\/problem\+json/);
    const health = await http().get('/health').set('Accept', HTML);
    expect(health.headers['content-type']).toMatch(/json/);
    const docs = await http().get('/docs-json');
    expect(docs.body.paths['/auth/config']).toBeDefined();
    const missingAsset = await http().get('/assets/nothing.js').set('Accept', '*/*');
    expect(missingAsset.status).toBe(404);
  });

  it('lists the demo users and signs a token with the roles of the chosen one (dev mode)', async () => {
    expect((await http().get('/auth/config')).body).toEqual({ mode: 'dev' });
    const users = await http().get('/auth/dev-users');
    expect(users.status).toBe(200);
    expect(users.body.items).toEqual(
      expect.arrayContaining([{ id: 'demo-adviser', displayName: 'Demo Externe Beratung', roles: ['adviser'] }]),
    );
    const token = await http().post('/auth/dev-token').send({ userId: 'demo-coordinator' });
    expect(token.status).toBe(200);
    const me = await http().get('/me').set('Authorization', `Bearer ${token.body.accessToken}`);
    expect(me.body).toMatchObject({ sub: 'demo-coordinator', roles: ['coordinator'] });
    const unknown = await http().post('/auth/dev-token').send({ userId: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        pointer: '/userId',
        code: 'unknown-reference',
        message: 'Diese Person ist nicht aktiv oder hat keine Rolle; bitte wählen Sie einen Demo-Zugang aus der Liste.',
      },
    ]);
  });

  it('gives pickers the planning regions with their social spaces, and the caller the reminders still ahead', async () => {
    const regions = await http()
      .get('/planning-regions')
      .set('Authorization', await bearer(Role.Caseworker));
    expect(regions.body.items).toHaveLength(4);
    expect(regions.body.items[0]).toMatchObject({
      code: 'PR1',
      socialSpaces: expect.arrayContaining([expect.objectContaining({ name: 'Sozialraum Teltow' })]),
    });
    expect(
      (
        await http()
          .get('/planning-regions')
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
    await system.db.query(
      `INSERT INTO reminder (key, due_at, recipients, template, context, channels, status)
       VALUES ('web-test/follow-up', now() + interval '30 days', '[{"type":"user","id":"demo-caseworker"}]', 'follow-up-due', '{"subjectTitle":"Fallteam F-TEST","dueAt":"2030-01-15T09:00:00Z"}', '{in_app}', 'scheduled'),
              ('web-test/other', now() + interval '30 days', '[{"type":"user","id":"someone-else"}]', 'follow-up-due', '{"subjectTitle":"Fremd","dueAt":"2030-01-15T09:00:00Z"}', '{in_app}', 'scheduled')`,
    );
    const mine = await http()
      .get('/me/follow-ups')
      .set('Authorization', await bearer(Role.Caseworker));
    expect(mine.body).toMatchObject({ total: 1, items: [{ template: 'follow-up-due', title: 'Wiedervorlage am 15.01.2030' }] });
  });
});

describe('sign-in endpoints under OIDC', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(
      testConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER_URL: 'https://login.example.org/realms/jugendamt', OIDC_CLIENT_ID: 'sro-web' }),
    );
  });
  afterAll(() => api?.close());

  it('tells the web app the issuer and client, and has no demo login at all', async () => {
    const config = await request(api.http).get('/auth/config');
    expect(config.body).toEqual({
      mode: 'oidc',
      issuer: 'https://login.example.org/realms/jugendamt',
      clientId: 'sro-web',
      scope: 'openid profile',
    });
    for (const call of [
      request(api.http).get('/auth/dev-users'),
      request(api.http).post('/auth/dev-token').send({ userId: 'demo-admin' }),
    ]) {
      const res = await call;
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const page = await request(api.http).get('/').set('Accept', HTML);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self' https://login.example.org");
  });
});
