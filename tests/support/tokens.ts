import { signDevToken } from '@sro/auth';
import { Role } from '@sro/common';

/** A bearer header for a demo user of a role (or another subject). */
export async function bearer(role: Role, subject?: string): Promise<string> {
  return `Bearer ${await signDevToken(process.env.AUTH_DEV_SECRET!, role, subject)}`;
}
