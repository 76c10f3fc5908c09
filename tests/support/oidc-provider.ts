import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';

export const OIDC_TEST_AUDIENCE = 'urn:sro-engine:api';
const REDIRECT_URI = 'http://127.0.0.1/callback';
const CLIENT = { client_id: 'sro-test', client_secret: 'sro-test-secret' };

export interface TestIdentityProvider {
  issuer: string;
  /** An access token (JWT) for the subject, issued through the authorization-code flow with the provider's login and consent. */
  tokenFor(subject: string): Promise<string>;
  /** A token signed with the provider's key but with claims of the test's choosing (to prove what the API refuses). */
  forge(claims: JWTPayload, options?: { exp?: boolean }): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs panva's certified `oidc-provider` (ESM only, so in a child process) with its development
 * login, a confidential client and JWT access tokens for the API's audience. `claims` maps an
 * account id to the extra claims of its access tokens (roles claim, groups, name, e-mail).
 */
export async function startIdentityProvider(claims: Record<string, Record<string, unknown>>): Promise<TestIdentityProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    env: { ...process.env, OIDC_TEST_JWK: JSON.stringify(jwk), OIDC_TEST_CLAIMS: JSON.stringify(claims), OIDC_TEST_AUDIENCE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const match = out.match(/issuer=(\S+)/);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}: ${stderr}`)));
  });

  async function tokenFor(subject: string): Promise<string> {
    const jar = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = res.headers.get('location');
      if (res.status !== 303 && res.status !== 302) throw new Error(`identity provider answered ${res.status} at ${url}`);
      return new URL(location!, issuer).href;
    };
    const form = (body: Record<string, string>): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });
    const authorize = `${issuer}/auth?${new URLSearchParams({
      client_id: CLIENT.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid',
      resource: OIDC_TEST_AUDIENCE,
    })}`;
    const login = await go(authorize);
    const afterLogin = await go(login, form({ prompt: 'login', login: subject, password: 'egal' }));
    const consent = await go(afterLogin);
    const afterConsent = await go(consent, form({ prompt: 'consent' }));
    const callback = await go(afterConsent);
    const code = new URL(callback).searchParams.get('code');
    if (!code) throw new Error(`no code in ${callback}`);
    const res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        resource: OIDC_TEST_AUDIENCE,
        ...CLIENT,
      }).toString(),
    });
    const body = (await res.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  async function forge(payload: JWTPayload, options: { exp?: boolean } = {}): Promise<string> {
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(OIDC_TEST_AUDIENCE)
      .setIssuedAt();
    if (options.exp !== false) jwt.setExpirationTime('5m');
    return jwt.sign(privateKey);
  }

  return {
    issuer,
    tokenFor,
    forge,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
