/** The roles of the system (DESIGN.md, "Who uses it"). */
export enum Role {
  Caseworker = 'caseworker',
  Coordinator = 'coordinator',
  Admin = 'admin',
  Adviser = 'adviser',
  Approver = 'approver',
  /** Reports the official statistics: the only role that sees record-level § 8a statistics rows. */
  Statistics = 'statistics',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/** Who is calling, as established from a verified token. */
export interface Principal {
  /** The token subject; equals `app_user.id`. */
  sub: string;
  roles: Role[];
  name?: string;
}
