import { SignJWT } from 'jose';
import { Role } from '@sro/common';

export const DEV_ISSUER = 'sro-engine-dev';
export const DEV_AUDIENCE = 'sro-engine';
/** Where a dev token carries its roles (the verifier reads no other claim in dev mode). */
export const DEV_ROLES_CLAIM = 'roles';

/** Signs a development token (HS256) for one role (or several); only accepted when AUTH_MODE=dev. */
export async function signDevToken(
  secret: string,
  role: Role | Role[],
  subject = `demo-${[role].flat()[0]}`,
  ttlSeconds = 12 * 3600,
): Promise<string> {
  return new SignJWT({ roles: [role].flat() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
