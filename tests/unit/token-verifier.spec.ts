import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { signDevToken, TokenVerifier } from '@sro/auth';
import { DomainError, Role } from '@sro/common';
import { loadConfig } from '@sro/config';

const base = {
  DATABASE_URL: 'postgres://u:p@db:5432/sro',
  REDIS_URL: 'redis://redis:6379',
  TEMPORAL_ADDRESS: 'temporal:7233',
  PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  FIELD_KEYS: `f1:${randomBytes(32).toString('base64')}`,
  AUDIT_CHAIN_KEY: randomBytes(32).toString('base64'),
  SEARCH_INDEX_KEY: randomBytes(32).toString('base64'),
  MAIL_TRANSPORT: 'file',
  MAIL_DIR: '/tmp/mail',
};

describe('TokenVerifier', () => {
  describe('OIDC (Keycloak-style JWKS on a local issuer)', () => {
    let server: Server;
    let issuer: string;
    let privateKey: KeyLike;
    let verifier: TokenVerifier;

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((req, res) => {
        res.setHeader('content-type', 'application/json');
        if (req.url?.endsWith('/.well-known/openid-configuration'))
          res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
        else if (req.url?.endsWith('/certs')) res.end(JSON.stringify({ keys: [jwk] }));
        else res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/jugendamt`;
      // A local issuer speaks plain http, which only a non-production installation accepts.
      verifier = new TokenVerifier(
        loadConfig({ ...base, SRO_ENV: 'test', AUTH_MODE: 'oidc', OIDC_ISSUER_URL: issuer, OIDC_AUDIENCE: 'sro-engine' }),
      );
    });
    afterAll(() => new Promise((r) => server.close(r)));

    const token = (claims: Record<string, unknown>, options: { issuer?: string; audience?: string; expires?: string } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('kc-user-1')
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? 'sro-engine')
        .setIssuedAt()
        .setExpirationTime(options.expires ?? '5m')
        .sign(privateKey);

    it('accepts a token of the issuer and reads the roles from realm_access.roles', async () => {
      const principal = await verifier.verify(
        await token({ realm_access: { roles: ['caseworker', 'offline_access'] }, name: 'Fachkraft' }),
      );
      expect(principal).toEqual({ sub: 'kc-user-1', roles: [Role.Caseworker], name: 'Fachkraft' });
    });

    it('refuses another issuer, another audience and an expired token', async () => {
      for (const bad of [
        await token({ realm_access: { roles: ['admin'] } }, { issuer: 'http://evil.example/realms/x' }),
        await token({ realm_access: { roles: ['admin'] } }, { audience: 'other-app' }),
        await token({ realm_access: { roles: ['admin'] } }, { expires: '1s' }).then(
          async (t) => (await new Promise((r) => setTimeout(r, 2100)), t),
        ),
      ]) {
        await expect(verifier.verify(bad)).rejects.toBeInstanceOf(DomainError);
      }
    });

    it('refuses a token without an expiry or without a subject', async () => {
      const claims = { realm_access: { roles: ['admin'] } };
      const noExpiry = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('kc-user-1')
        .setIssuer(issuer)
        .setAudience('sro-engine')
        .setIssuedAt()
        .sign(privateKey);
      const noSubject = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience('sro-engine')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(verifier.verify(noExpiry)).rejects.toThrow(/ungültig oder abgelaufen/);
      await expect(verifier.verify(noSubject)).rejects.toBeInstanceOf(DomainError);
    });

    it('reads roles from the configured claim only, not from a top-level roles claim', async () => {
      const principal = await verifier.verify(await token({ roles: ['admin'], realm_access: { roles: ['caseworker'] } }));
      expect(principal.roles).toEqual([Role.Caseworker]);
    });

    it('refuses a dev token when running with OIDC', async () => {
      await expect(verifier.verify(await signDevToken('x'.repeat(40), Role.Admin))).rejects.toThrow(/ungültig oder abgelaufen/);
    });
  });

  describe('dev mode', () => {
    const secret = 'd'.repeat(40);
    const verifier = new TokenVerifier(loadConfig({ ...base, SRO_ENV: 'development', AUTH_MODE: 'dev', AUTH_DEV_SECRET: secret }));

    it('accepts its own tokens and refuses ones signed with another secret', async () => {
      expect(await verifier.verify(await signDevToken(secret, Role.Approver, 'kommune-1'))).toMatchObject({
        sub: 'kommune-1',
        roles: ['approver'],
      });
      await expect(verifier.verify(await signDevToken('e'.repeat(40), Role.Approver))).rejects.toThrow(/ungültig oder abgelaufen/);
    });
  });
});
