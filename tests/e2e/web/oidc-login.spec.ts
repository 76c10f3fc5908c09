import { createHash, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Browser } from 'playwright-core';
import { startApi, TestApi } from '../../support/api';
import { launchBrowser, screenshot } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { testConfig } from '../../support/config';

jest.setTimeout(120_000);

/** A minimal identity provider: discovery, JWKS, an authorize endpoint that signs in at once, and a token endpoint that checks PKCE. */
async function fakeIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string; clientId: string }>();
  const seen: { challengeMethod?: string | null; verifierChecked?: boolean } = {};
  let issuer = '';
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, issuer);
    url.pathname = url.pathname.replace(/^\/realms\/jugendamt/, '');
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      });
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      seen.challengeMethod = p.get('code_challenge_method');
      if (p.get('response_type') !== 'code' || !p.get('code_challenge')) return json(res, 400, { error: 'invalid_request' });
      const code = randomUUID();
      codes.set(code, { challenge: p.get('code_challenge')!, redirectUri: p.get('redirect_uri')!, clientId: p.get('client_id')! });
      res.writeHead(302, { location: `${p.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(p.get('state')!)}` });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (
        !grant ||
        grant.challenge !== challenge ||
        grant.redirectUri !== form.get('redirect_uri') ||
        grant.clientId !== form.get('client_id')
      )
        return json(res, 400, { error: 'invalid_grant' });
      seen.verifierChecked = true;
      const accessToken = await new SignJWT({ realm_access: { roles: ['coordinator'] }, name: 'Koordination (OIDC)' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('demo-coordinator')
        .setIssuer(issuer)
        .setAudience('sro-api')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
      return json(res, 200, { access_token: accessToken, token_type: 'Bearer', expires_in: 600 });
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/jugendamt`;
  return { issuer, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('web app: production sign-in with OpenID Connect (authorization code + PKCE)', () => {
  let idp: Awaited<ReturnType<typeof fakeIssuer>>;
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    idp = await fakeIssuer();
    api = await startApi(
      testConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER_URL: idp.issuer, OIDC_AUDIENCE: 'sro-api', OIDC_CLIENT_ID: 'sro-web' }),
    );
    await new Promise<void>((resolve) => api.http.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(api.http.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await idp?.close();
  });

  it('signs in through the issuer with a S256 challenge, and the API accepts the issued token', async () => {
    const page = await browser.newPage({ baseURL: baseUrl });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/fristen');
    await expect(page.getByText(`Anmeldedienst: ${idp.issuer}`)).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Demo-Zugang');
    await page.getByRole('button', { name: 'Anmelden über den Anmeldedienst' }).click();
    await page.getByRole('heading', { name: 'Phasenfristen der Sozialräume' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/fristen');
    expect(idp.seen).toEqual({ challengeMethod: 'S256', verifierChecked: true });
    await expect(page.locator('header')).toContainText('Koordination');
    await screenshot(page, 'oidc-login');
    expect(errors).toEqual([]);
  });
});
