import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, JWTPayload, KeyLike, SignJWT } from 'jose';

export const OIDC_TEST_AUDIENCE = 'urn:sro-engine:api';
const REDIRECT_URI = 'http://127.0.0.1/callback';
const CLIENT = { client_id: 'sro-test', client_secret: 'sro-test-secret' };

export interface TestIdentityProvider {
  issuer: string;
  /** An access token (JWT) for the subject, issued through the authorization-code flow with the provider's login and consent. */
  tokenFor(subject: string): Promise<string>;
  /** A token signed with the provider's key but with claims of the test's choosing (to prove what the API refuses). */
  forge(claims: JWTPayload, options?: { exp?: boolean }): Promise<string>;
  /** The key id the provider signs with now. */
  signingKid(): string;
  /**
   * Rotates the signing key as an operator would: a new key signs from now on, the previous one
   * stays published in the JWKS. The provider restarts on the same address (sessions end).
   */
  rotateKeys(): Promise<string>;
  /** How often the token endpoint served each grant type (authorization_code, refresh_token). */
  grants(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface IdentityProviderOptions {
  /** Registers the web app as a public client (PKCE, refresh tokens) with this redirect URI. */
  webRedirectUri?: string;
  /** Lifetime of access tokens in seconds (default 600). */
  accessTokenTtl?: number;
}

type PrivateJwk = Awaited<ReturnType<typeof exportJWK>> & { kid: string };

async function newKey(kid: string): Promise<{ jwk: PrivateJwk; privateKey: KeyLike }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' }, privateKey: privateKey as KeyLike };
}

/**
 * Runs panva's certified `oidc-provider` (ESM only, so in a child process) with its development
 * login, a confidential client and JWT access tokens for the API's audience. `claims` maps an
 * account id to the extra claims of its access tokens (roles claim, groups, name, e-mail).
 */
export async function startIdentityProvider(
  claims: Record<string, Record<string, unknown>>,
  options: IdentityProviderOptions = {},
): Promise<TestIdentityProvider> {
  const keys = [await newKey('test-key')];
  let child: ChildProcess;
  let port = 0;

  async function launch(): Promise<string> {
    child = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
      env: {
        ...process.env,
        OIDC_TEST_JWKS: JSON.stringify(keys.map((k) => k.jwk)),
        OIDC_TEST_CLAIMS: JSON.stringify(claims),
        OIDC_TEST_AUDIENCE,
        OIDC_TEST_PORT: String(port),
        OIDC_TEST_ACCESS_TTL: String(options.accessTokenTtl ?? 600),
        ...(options.webRedirectUri ? { OIDC_TEST_WEB_REDIRECT: options.webRedirectUri } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    return new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += String(d);
        const match = out.match(/issuer=(\S+)/);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}: ${stderr}`)));
    });
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const issuer = await launch();
  port = Number(new URL(issuer).port);

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
      .setProtectedHeader({ alg: 'RS256', kid: keys[0].jwk.kid, typ: 'at+jwt' })
      .setIssuer(issuer)
      .setAudience(OIDC_TEST_AUDIENCE)
      .setIssuedAt();
    if (options.exp !== false) jwt.setExpirationTime('5m');
    return jwt.sign(keys[0].privateKey);
  }

  return {
    issuer,
    tokenFor,
    forge,
    signingKid: () => keys[0].jwk.kid,
    async rotateKeys() {
      keys.unshift(await newKey(`test-key-${keys.length + 1}`));
      await stop();
      await launch();
      return keys[0].jwk.kid;
    },
    grants: async () => (await (await fetch(`${issuer}/test/grants`)).json()) as Record<string, number>,
    close: stop,
  };
}
