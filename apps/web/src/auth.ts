// Sign-in: demo users in dev mode; OpenID Connect (authorization code with PKCE) in production.
// The token lives in sessionStorage: it ends with the browser tab.
import type { Schemas } from './api';

const SESSION = 'sro.session';
const PENDING = 'sro.oidc.pending';
const NOTICE = 'sro.notice';
export const CALLBACK_PATH = '/anmeldung/rueckkehr';

/** How to sign in, as `GET /auth/config` says. */
export type AuthConfig = Schemas['AuthConfigResponseDto'];

interface Session {
  token: string;
  expiresAt: number;
}

const listeners = new Set<() => void>();
/** Re-render hook for the app shell when the session starts or ends. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentToken(): string | null {
  const raw = sessionStorage.getItem(SESSION);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  if (session.expiresAt <= Date.now()) {
    sessionStorage.removeItem(SESSION);
    return null;
  }
  return session.token;
}

export function startSession(token: string, expiresInSeconds: number): void {
  sessionStorage.setItem(SESSION, JSON.stringify({ token, expiresAt: Date.now() + expiresInSeconds * 1000 } satisfies Session));
  listeners.forEach((l) => l());
}

export function signOut(notice?: string): void {
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
  const body = (await res.json()) as { access_token: string; expires_in?: number };
  startSession(body.access_token, body.expires_in ?? 300);
  return pending.returnTo || '/';
}
