import { SignJWT } from 'jose';
import { Role } from '@sro/common';

export const DEV_ISSUER = 'sro-engine-dev';
export const DEV_AUDIENCE = 'sro-engine';

/** Signs a development token (HS256) for one role; only accepted when AUTH_MODE=dev. */
export async function signDevToken(secret: string, role: Role, subject = `demo-${role}`, ttlSeconds = 12 * 3600): Promise<string> {
  return new SignJWT({ roles: [role] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
