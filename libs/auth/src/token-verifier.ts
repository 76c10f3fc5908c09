import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppConfig } from '@sro/config';
import { DomainError, ErrorCode, isRole, Principal } from '@sro/common';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_ROLES_CLAIM } from './dev-token';

/** A verified token: who it names, with the roles of the configured claim, and the claims used to provision a new user. */
export interface VerifiedToken {
  principal: Principal;
  claims: { name?: string; email?: string; groups: string[] };
}

// A token without an expiry would be valid forever; one without a subject names nobody.
const REQUIRED_CLAIMS = ['exp', 'sub'];

/**
 * After fetching the issuer's JWKS, how long a token with an unknown key id is refused without
 * fetching again. jose's default (30 s) refused every token of a freshly rotated key for up to half
 * a minute; 5 s keeps that window short while tokens with made-up key ids still cost the identity
 * provider at most one request per 5 s.
 */
export const JWKS_REFETCH_COOLDOWN_MS = 5_000;

function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Verifies bearer tokens: HS256 with the local secret in dev mode, otherwise the OIDC issuer's
 * JWKS (Keycloak puts roles under `realm_access.roles`; the claim path is configurable). `exp` and
 * `sub` are required; roles are read from the configured claim only.
 */
@Injectable()
export class TokenVerifier {
  private jwks?: JWTVerifyGetKey;

  constructor(private readonly config: AppConfig) {}

  async verify(token: string): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  /** The principal as the token states it, with the claims the staff directory maps at provisioning. */
  async verifyToken(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      payload = await this.verifyPayload(token);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(ErrorCode.Unauthenticated, 'Ihre Anmeldung ist ungültig oder abgelaufen. Bitte melden Sie sich erneut an.');
    }
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new DomainError(ErrorCode.Unauthenticated, 'Das Zugangstoken nennt keine Person (sub fehlt).');
    // Only the one configured claim carries roles: a second place would let a realm's other clients grant them.
    const claim = this.config.auth.mode === 'dev' ? DEV_ROLES_CLAIM : this.config.auth.rolesClaim;
    const claimed = [claimAt(payload, claim)].flat().filter(isRole);
    const name = typeof payload.name === 'string' ? payload.name : undefined;
    const groups = [claimAt(payload, this.config.auth.jit.groupsClaim)].flat().filter((g): g is string => typeof g === 'string');
    return {
      principal: { sub: payload.sub, roles: [...new Set(claimed)], name },
      claims: {
        name: name ?? (typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined),
        email: typeof payload.email === 'string' ? payload.email : undefined,
        groups,
      },
    };
  }

  private async verifyPayload(token: string): Promise<JWTPayload> {
    const { auth } = this.config;
    if (auth.mode === 'dev') {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(auth.devSecret), {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: REQUIRED_CLAIMS,
      });
      return payload;
    }
    const { payload } = await jwtVerify(token, await this.keySet(), {
      issuer: auth.issuerUrl,
      audience: auth.audience,
      algorithms: ['RS256', 'ES256', 'PS256'],
      requiredClaims: REQUIRED_CLAIMS,
    });
    return payload;
  }

  private async keySet(): Promise<JWTVerifyGetKey> {
    if (this.jwks) return this.jwks;
    const { issuerUrl, jwksUrl } = this.config.auth;
    let uri = jwksUrl;
    if (!uri) {
      const discovery = await fetch(`${issuerUrl!.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (!discovery.ok)
        throw new DomainError(
          ErrorCode.Unavailable,
          'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
        );
      uri = ((await discovery.json()) as { jwks_uri: string }).jwks_uri;
    }
    this.jwks = createRemoteJWKSet(new URL(uri), { cooldownDuration: JWKS_REFETCH_COOLDOWN_MS });
    return this.jwks;
  }
}
