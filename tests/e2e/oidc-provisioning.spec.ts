import request from 'supertest';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { DEACTIVATED_USER_MESSAGE, JWKS_REFETCH_COOLDOWN_MS, UNKNOWN_USER_MESSAGE } from '@sro/auth';
import { caseBody } from '../factories/cases';
import { startApi, TestApi } from '../support/api';
import { testConfig } from '../support/config';
import { isolatedSystem } from '../support/isolated';
import { OIDC_TEST_AUDIENCE, startIdentityProvider, TestIdentityProvider } from '../support/oidc-provider';

jest.setTimeout(120_000);

const PROBLEM = /application\/problem\+json/;

/**
 * Sign-in with a real OpenID Connect provider (panva's certified oidc-provider): a new subject is
 * provisioned at its first request, an admin gives it social spaces and roles, and the same token
 * then works; unknown (without provisioning) and deactivated users are refused with a German problem.
 */
describe('OIDC just-in-time provisioning (HTTP, real identity provider)', () => {
  let idp: TestIdentityProvider;
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let withoutJit: TestApi;
  let admin: string;
  let space: { id: string; regionId: string };
  let oidcEnv: Record<string, string>;

  beforeAll(async () => {
    idp = await startIdentityProvider({
      'demo-admin': { realm_access: { roles: ['admin'] } },
      // A top-level `roles` claim must not grant anything: only the configured claim counts.
      'oidc-neu-1': { realm_access: { roles: ['caseworker'] }, roles: ['admin'], name: 'Neue Fachkraft', email: 'neu-1@jugendamt.example' },
      'oidc-neu-2': { realm_access: { roles: ['caseworker'] }, groups: ['asd-werder', 'unbekannte-gruppe'], name: 'Fachkraft Werder' },
      'oidc-unbekannt': { realm_access: { roles: ['caseworker'] } },
    });
    oidcEnv = {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_AUDIENCE: OIDC_TEST_AUDIENCE,
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_GROUP_MAPPING: JSON.stringify({
        'asd-werder': { socialSpaces: ['SR06'], planningRegions: ['PR2'], team: 'ASD-Team Planregion 2' },
      }),
    };
    system = await isolatedSystem('e2e-oidc-jit', { ...oidcEnv, OIDC_JIT_PROVISIONING: 'true' });
    withoutJit = await startApi(testConfig({ ...oidcEnv, DATABASE_URL: system.config.database.url, OIDC_JIT_PROVISIONING: 'false' }));
    admin = `Bearer ${await idp.tokenFor('demo-admin')}`;
    [space] = await system.db.query(`SELECT s.id, s.planning_region_id AS "regionId" FROM social_space s WHERE s.code = 'SR01'`);
  });
  afterAll(async () => {
    await withoutJit?.close();
    await system?.close();
    await idp?.close();
  });

  it('creates a new subject at its first request, with the roles of the configured claim only and no social spaces; after an admin assigns social spaces and roles the same token works', async () => {
    const token = `Bearer ${await idp.tokenFor('oidc-neu-1')}`;
    const me = await request(system.http).get('/me').set('Authorization', token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      sub: 'oidc-neu-1',
      roles: ['caseworker'],
      displayName: 'Neue Fachkraft',
      socialSpaceIds: [],
      planningRegionIds: [],
    });
    expect((await request(system.http).get('/audit').set('Authorization', token)).status).toBe(403);

    // Inactive for case data: no social space yet.
    const refused = await request(system.http).post('/cases').set('Authorization', token).send(caseBody(space.id));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/socialSpaceId' })]);

    const record = await request(system.http).get('/staff/users/oidc-neu-1').set('Authorization', admin);
    expect(record.body).toMatchObject({
      id: 'oidc-neu-1',
      active: true,
      provisionedBy: 'jit',
      roles: ['caseworker'],
      email: 'neu-1@jugendamt.example',
      socialSpaceIds: [],
      teamId: null,
    });
    const audit = await request(system.http).get('/audit?actorId=oidc-neu-1&action=provision').set('Authorization', admin);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'provision', resourceType: 'user', resourceId: 'oidc-neu-1', outcome: 'allowed' }),
    ]);

    const assigned = await request(system.http)
      .put('/staff/users/oidc-neu-1')
      .set('Authorization', admin)
      .send({
        displayName: 'Neue Fachkraft',
        email: 'neu-1@jugendamt.example',
        roles: ['caseworker', 'lead'],
        socialSpaceIds: [space.id],
        planningRegionIds: [space.regionId],
      });
    expect(assigned.status).toBe(200);

    const created = await request(system.http).post('/cases').set('Authorization', token).send(caseBody(space.id));
    expect(created.status).toBe(201);
    expect((await request(system.http).get('/me').set('Authorization', token)).body.roles).toEqual(['caseworker', 'lead']);
    // A second first request does not provision twice.
    expect(await system.db.query(`SELECT count(*)::int AS n FROM app_user WHERE id = 'oidc-neu-1'`)).toEqual([{ n: 1 }]);
  });

  it('maps the groups of the token to social spaces, planning regions and team by OIDC_GROUP_MAPPING', async () => {
    const token = `Bearer ${await idp.tokenFor('oidc-neu-2')}`;
    const me = await request(system.http).get('/me').set('Authorization', token);
    expect(me.status).toBe(200);
    const [expected] = await system.db.query(
      `SELECT s.id AS space, s.planning_region_id AS region, (SELECT id FROM team WHERE name = 'ASD-Team Planregion 2') AS team
         FROM social_space s WHERE s.code = 'SR06'`,
    );
    expect(me.body).toMatchObject({ socialSpaceIds: [expected.space], planningRegionIds: [expected.region] });
    const record = await request(system.http).get('/staff/users/oidc-neu-2').set('Authorization', admin);
    expect(record.body).toMatchObject({ teamId: expected.team, provisionedBy: 'jit' });
  });

  it('refuses tokens of the provider without exp or sub (401)', async () => {
    const noExp = await idp.forge({ sub: 'oidc-ohne-ablauf', realm_access: { roles: ['admin'] } }, { exp: false });
    const noSub = await idp.forge({ realm_access: { roles: ['admin'] } });
    for (const token of [noExp, noSub]) {
      const res = await request(system.http).get('/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
    const valid = await idp.forge({ sub: 'oidc-geschmiedet', realm_access: { roles: ['caseworker'] } });
    expect((await request(system.http).get('/me').set('Authorization', `Bearer ${valid}`)).status).toBe(200);
    expect(await system.db.query(`SELECT id FROM app_user WHERE id IN ('oidc-ohne-ablauf')`)).toEqual([]);
  });

  it('without provisioning refuses an unknown subject with 403 and a German problem, and creates nothing', async () => {
    const res = await request(withoutJit.http)
      .get('/me')
      .set('Authorization', `Bearer ${await idp.tokenFor('oidc-unbekannt')}`);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.detail).toBe(UNKNOWN_USER_MESSAGE);
    expect(await system.db.query(`SELECT id FROM app_user WHERE id = 'oidc-unbekannt'`)).toEqual([]);
    // A known user still works there.
    expect((await request(withoutJit.http).get('/staff/users?limit=1').set('Authorization', admin)).status).toBe(200);
  });

  it('refuses a deactivated user with 403 and a German problem, lists their open cases for transfer, and lets them in again when reactivated', async () => {
    const token = `Bearer ${await idp.tokenFor('oidc-neu-1')}`;
    const deactivated = await request(system.http).post('/staff/users/oidc-neu-1/deactivate').set('Authorization', admin);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.user).toMatchObject({ id: 'oidc-neu-1', active: false, deactivatedAt: expect.any(String) });
    expect(deactivated.body.openCases).toEqual([
      expect.objectContaining({ kind: 'fallteam', socialSpaceId: space.id, pseudonym: expect.any(String) }),
    ]);
    // Nothing was reassigned: the case still names the deactivated caseworker.
    const [file] = await system.db.query(`SELECT assigned_caseworker_ids FROM case_file WHERE id = $1`, [deactivated.body.openCases[0].id]);
    expect(file.assigned_caseworker_ids).toEqual(['oidc-neu-1']);

    for (const api of [system.http, withoutJit.http]) {
      const res = await request(api).get('/me').set('Authorization', token);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.detail).toBe(DEACTIVATED_USER_MESSAGE);
    }
    const caseRead = await request(system.http).get(`/cases/${deactivated.body.openCases[0].id}`).set('Authorization', token);
    expect(caseRead.status).toBe(403);
    const denied = await request(system.http).get('/audit?actorId=oidc-neu-1&outcome=denied').set('Authorization', admin);
    expect(denied.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ resourceType: 'case', details: { reason: 'deactivated-user' } })]),
    );

    expect((await request(system.http).post('/staff/users/oidc-neu-1/reactivate').set('Authorization', admin)).status).toBe(200);
    expect((await request(system.http).get('/me').set('Authorization', token)).status).toBe(200);
  });

  it('accepts tokens of a rotated signing key (the JWKS is fetched again for the new key id) and still those of the previous key', async () => {
    const before = await idp.tokenFor('demo-admin');
    expect((await request(system.http).get('/me').set('Authorization', `Bearer ${before}`)).status).toBe(200);
    const oldKid = idp.signingKid();
    const newKid = await idp.rotateKeys();
    expect(newKid).not.toBe(oldKid);
    const after = await idp.tokenFor('demo-admin');
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    // Within JWKS_REFETCH_COOLDOWN_MS of the API's last JWKS fetch an unknown key id is still refused; never longer.
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < JWKS_REFETCH_COOLDOWN_MS + 3_000) {
      status = (await request(system.http).get('/me').set('Authorization', `Bearer ${after}`)).status;
      if (status === 200) break;
      expect(status).toBe(401);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await request(system.http).get('/me').set('Authorization', `Bearer ${before}`)).status).toBe(200);
    // A key id the provider never published stays refused after the refetch.
    const { privateKey } = await generateKeyPair('RS256');
    const stranger = await new SignJWT({ realm_access: { roles: ['admin'] } })
      .setProtectedHeader({ alg: 'RS256', kid: 'fremder-schluessel' })
      .setSubject('demo-admin')
      .setIssuer(idp.issuer)
      .setAudience(OIDC_TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await request(system.http).get('/me').set('Authorization', `Bearer ${stranger}`)).status).toBe(401);
  });
});
