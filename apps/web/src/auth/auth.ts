// Sign-in: demo users in dev mode; OpenID Connect (authorization code with PKCE) in production.
// The token lives in sessionStorage: it ends with the browser tab. With a refresh token from the
// identity provider, the access token is renewed shortly before it expires.
import type { Schemas } from '../api';

const SESSION = 'sro.session';
const PENDING = 'sro.oidc.pending';
const NOTICE = 'sro.notice';
export const CALLBACK_PATH = '/anmeldung/rueckkehr';

/** How to sign in, as `GET /auth/config` says. */
export type AuthConfig = Schemas['AuthConfigResponseDto'];

/** What renews a session at the identity provider (OIDC with a refresh token). */
interface Renewal {
  refreshToken: string;
  tokenEndpoint: string;
  clientId: string;
}

interface Session {
  token: string;
  expiresAt: number;
  /** When to ask for a new access token: a quarter of its lifetime, at most a minute, before it expires. */
  renewAt?: number;
  renewal?: Renewal;
}

const listeners = new Set<() => void>();
/** Re-render hook for the app shell when the session starts or ends. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentToken(): string | null {
  const session = readSession();
  if (!session) return null;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(SESSION);
    return null;
  }
  return session.token;
}

function readSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function startSession(token: string, expiresInSeconds: number, renewal?: Renewal): void {
  const lifetime = expiresInSeconds * 1000;
  const now = Date.now();
  const session: Session = { token, expiresAt: now + lifetime };
  if (renewal) Object.assign(session, { renewal, renewAt: now + lifetime - Math.min(60_000, lifetime / 4) });
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  scheduleRenewal();
  listeners.forEach((l) => l());
}

let renewalTimer: ReturnType<typeof setTimeout> | undefined;

/** Arms the timer that renews the current session (also after a page reload: the session is in sessionStorage). */
export function scheduleRenewal(): void {
  clearTimeout(renewalTimer);
  const session = readSession();
  if (!session?.renewal || session.renewAt === undefined) return;
  renewalTimer = setTimeout(() => void renew(session), Math.max(0, session.renewAt - Date.now()));
}

/**
 * Exchanges the refresh token for a new access token (and, with rotation, a new refresh token).
 * A failure is retried while the current token still holds; when it has expired, the session ends
 * with a notice.
 */
async function renew(session: Session): Promise<void> {
  const renewal = session.renewal!;
  try {
    const res = await fetch(renewal.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: renewal.refreshToken, client_id: renewal.clientId }),
    });
    if (res.ok) {
      const body = (await res.json()) as { access_token: string; expires_in?: number; refresh_token?: string };
      startSession(body.access_token, body.expires_in ?? 300, { ...renewal, refreshToken: body.refresh_token ?? renewal.refreshToken });
      return;
    }
    // 400 invalid_grant: the provider ended the session (logout, revoked); no retry brings it back.
    if (res.status === 400) return endWhenExpired(session);
  } catch {
    // Network failure: try again below.
  }
  const remaining = session.expiresAt - Date.now();
  if (remaining <= 0) return signOut(EXPIRED);
  renewalTimer = setTimeout(() => void renew(session), Math.min(10_000, remaining / 2));
}

const EXPIRED = 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.';

function endWhenExpired(session: Session): void {
  renewalTimer = setTimeout(() => signOut(EXPIRED), Math.max(0, session.expiresAt - Date.now()));
}

export function signOut(notice?: string): void {
  clearTimeout(renewalTimer);
  sessionStorage.removeItem(SESSION);
  if (notice) sessionStorage.setItem(NOTICE, notice);
  listeners.forEach((l) => l());
}

/** A message for the login page (e.g. "session expired"), shown once. */
export function takeNotice(): string | null {
  const notice = sessionStorage.getItem(NOTICE);
  sessionStorage.removeItem(NOTICE);
  return notice;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** RFC 7636: the S256 challenge of a verifier. */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discover(issuer: string): Promise<Discovery> {
  const res = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error('Der Anmeldedienst ist nicht erreichbar.');
  return (await res.json()) as Discovery;
}

/** Sends the browser to the identity provider's login (authorization code + PKCE). */
export async function beginOidcLogin(config: AuthConfig, returnTo: string): Promise<void> {
  if (!config.clientId || !config.issuer) throw new Error('Für die Anmeldung ist kein OIDC-Client eingerichtet (OIDC_CLIENT_ID).');
  const discovery = await discover(config.issuer);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(
    PENDING,
    JSON.stringify({ verifier, state, returnTo, tokenEndpoint: discovery.token_endpoint, clientId: config.clientId }),
  );
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    scope: config.scope ?? 'openid',
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Completes the login on the callback page; returns where the user wanted to go. */
export async function completeOidcLogin(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
    tokenEndpoint: string;
    clientId: string;
  } | null;
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) throw new Error(`Die Anmeldung wurde abgelehnt: ${params.get('error_description') ?? params.get('error')}`);
  if (!pending || params.get('state') !== pending.state || !params.get('code'))
    throw new Error('Die Anmeldung konnte nicht zugeordnet werden. Bitte erneut anmelden.');
  const res = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code')!,
      redirect_uri: `${location.origin}${CALLBACK_PATH}`,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error('Der Anmeldedienst hat kein Zugangstoken ausgestellt.');
  const body = (await res.json()) as { access_token: string; expires_in?: number; refresh_token?: string };
  startSession(
    body.access_token,
    body.expires_in ?? 300,
    body.refresh_token ? { refreshToken: body.refresh_token, tokenEndpoint: pending.tokenEndpoint, clientId: pending.clientId } : undefined,
  );
  return pending.returnTo || '/';
}
