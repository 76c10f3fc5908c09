/** The roles of the system (DESIGN.md, "Who uses it"). */
export enum Role {
  Caseworker = 'caseworker',
  /** Leitung of an ASD or regional team: escalations, transfers, the team's cases. */
  Lead = 'lead',
  Coordinator = 'coordinator',
  Admin = 'admin',
  Adviser = 'adviser',
  Approver = 'approver',
  /** Reports the official statistics: the only role that sees record-level § 8a statistics rows. */
  Statistics = 'statistics',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** What a person reads for each role. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  [Role.Caseworker]: 'Fachkraft',
  [Role.Lead]: 'Leitung',
  [Role.Coordinator]: 'Koordination',
  [Role.Admin]: 'Administration',
  [Role.Adviser]: 'Externe Beratung',
  [Role.Approver]: 'Freigabe',
  [Role.Statistics]: 'Statistik',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/** Who is calling, as established from a verified token. */
export interface Principal {
  /** The token subject; equals `app_user.id`. */
  sub: string;
  roles: Role[];
  name?: string;
  /**
   * The planning regions and social spaces of the caller's user record, read by the auth guard in
   * the same query as the roles, so access checks need no second one. Absent on principals built
   * elsewhere; `AssignmentsService.of` then reads the record.
   */
  scope?: { planningRegionIds: string[]; socialSpaceIds: string[] };
}
