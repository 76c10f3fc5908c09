import type { AddressInfo } from 'node:net';
import type { Browser, Request } from 'playwright-core';
import { freePort } from '../../../scripts/devstack/process-utils';
import { startApi, TestApi } from '../../support/api';
import { launchBrowser, screenshot } from '../../support/browser';
import { expect } from '../../support/browser-expect';
import { testConfig } from '../../support/config';
import { OIDC_TEST_AUDIENCE, startIdentityProvider, TestIdentityProvider } from '../../support/oidc-provider';

jest.setTimeout(120_000);

/** Access tokens live this long here, so the renewal (a quarter of the lifetime before expiry) happens within the test. */
const ACCESS_TOKEN_TTL_S = 20;

/**
 * The web app's production sign-in against panva's certified oidc-provider in a real browser:
 * discovery, the provider's own login and consent pages, authorization code with a PKCE S256
 * challenge (the provider requires it of public clients), a JWT access token the API verifies
 * with the provider's JWKS, and renewal with the refresh token before the access token expires.
 */
describe('web app: sign-in with OpenID Connect (real provider, authorization code + PKCE, refresh)', () => {
  let idp: TestIdentityProvider;
  let api: TestApi;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider(
      { 'demo-coordinator': { realm_access: { roles: ['coordinator'] }, name: 'Koordination (OIDC)' } },
      { webRedirectUri: `${baseUrl}/anmeldung/rueckkehr`, accessTokenTtl: ACCESS_TOKEN_TTL_S },
    );
    api = await startApi(
      testConfig({ AUTH_MODE: 'oidc', OIDC_ISSUER_URL: idp.issuer, OIDC_AUDIENCE: OIDC_TEST_AUDIENCE, OIDC_CLIENT_ID: 'sro-web' }),
    );
    await new Promise<void>((resolve) => api.http.listen(port, '127.0.0.1', resolve));
    expect((api.http.address() as AddressInfo).port).toBe(port);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await idp?.close();
  });

  it('signs in through the provider with a S256 challenge, the API accepts the token, and the app renews it with the refresh token before it expires', async () => {
    const page = await browser.newPage({ baseURL: baseUrl });
    const errors: string[] = [];
    // The web app's errors only: the provider's development pages load web fonts the sandbox cannot resolve.
    const ours = () => page.url().startsWith(baseUrl);
    page.on('pageerror', (e) => ours() && errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && ours() && errors.push(`${m.text()} (${m.location().url})`));
    const toProvider: Request[] = [];
    page.on('request', (r) => r.url().startsWith(idp.issuer) && toProvider.push(r));

    await page.goto('/fristen');
    await expect(page.getByText(`Anmeldedienst: ${idp.issuer}`)).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Demo-Zugang');
    await page.getByRole('button', { name: 'Anmelden über den Anmeldedienst' }).click();
    // The provider's own pages: login, then consent.
    await page.locator('input[name="login"]').fill('demo-coordinator');
    await page.locator('input[name="password"]').fill('beliebig');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Phasenfristen der Sozialräume' }).waitFor();
    const signedInAt = Date.now();
    expect(new URL(page.url()).pathname).toBe('/fristen');
    await expect(page.locator('header')).toContainText('Koordination');

    const authorize = new URL(toProvider.find((r) => new URL(r.url()).pathname === '/auth')!.url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tokenCalls = () => toProvider.filter((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/token');
    expect(new URLSearchParams(tokenCalls()[0].postData() ?? '').get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessionToken = `JSON.parse(sessionStorage.getItem('sro.session') ?? '{}').token`;
    const firstToken = (await page.evaluate(sessionToken)) as string;
    expect(firstToken).toMatch(/^ey/);
    expect(await idp.grants()).toEqual({ authorization_code: 1 });

    // Renewal: before the 20-second token expires, the app exchanges its refresh token for a new one.
    const refresh = await page.waitForRequest(
      (r) => r.method() === 'POST' && r.url() === `${idp.issuer}/token` && /grant_type=refresh_token/.test(r.postData() ?? ''),
      { timeout: ACCESS_TOKEN_TTL_S * 1000 },
    );
    expect(Date.now() - signedInAt).toBeLessThan(ACCESS_TOKEN_TTL_S * 1000);
    expect((await refresh.response())?.status()).toBe(200);
    await page.waitForFunction(`${sessionToken} !== ${JSON.stringify(firstToken)}`);
    expect(await idp.grants()).toMatchObject({ authorization_code: 1, refresh_token: 1 });

    // Past the first token's expiry the app still works with the renewed one (a fresh API call, not a cached page).
    await page.waitForTimeout(Math.max(0, signedInAt + ACCESS_TOKEN_TTL_S * 1000 + 1_000 - Date.now()));
    await page.reload();
    await page.getByRole('heading', { name: 'Phasenfristen der Sozialräume' }).waitFor();
    await expect(page.locator('header')).toContainText('Koordination');
    await expect(page.locator('main')).not.toContainText('Sitzung ist abgelaufen');
    await screenshot(page, 'oidc-login');
    expect(errors).toEqual([]);
  });
});
