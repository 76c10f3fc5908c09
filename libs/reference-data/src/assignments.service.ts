import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { UserRepository } from './user.repository';

/** A user's planning regions and social spaces; the shape a request carries as `Principal.scope`. */
export type Assignments = NonNullable<Principal['scope']>;

/** Which planning regions and social spaces a user is assigned to (roles come from the token). */
@Injectable()
export class AssignmentsService {
  constructor(private readonly users: UserRepository) {}

  /** The caller's assignments as its request read them (`Principal.scope`), or the user record's by id. */
  async of(user: Principal | string): Promise<Assignments> {
    if (typeof user !== 'string' && user.scope) return user.scope;
    const record = await this.users.findActive(typeof user === 'string' ? user : user.sub);
    return { planningRegionIds: record?.planningRegionIds ?? [], socialSpaceIds: record?.socialSpaceIds ?? [] };
  }

  /** Coordinators act in their planning regions; caseworkers read in their social spaces. */
  async canSee(user: Principal, target: { planningRegionId: string | null; socialSpaceId: string | null }): Promise<boolean> {
    const a = await this.of(user);
    if (user.roles.includes(Role.Coordinator) && target.planningRegionId && a.planningRegionIds.includes(target.planningRegionId))
      return true;
    if (user.roles.includes(Role.Caseworker) && target.socialSpaceId && a.socialSpaceIds.includes(target.socialSpaceId)) return true;
    return false;
  }

  /** Throws 404 (not 403) so that no one learns what exists outside their assignment. */
  async assertCanSee(
    user: Principal,
    target: { planningRegionId: string | null; socialSpaceId: string | null },
    what: string,
  ): Promise<void> {
    if (!(await this.canSee(user, target))) throw DomainError.notFound(what);
  }

  async assertCoordinates(user: Principal, planningRegionId: string, what: string): Promise<void> {
    const a = await this.of(user);
    if (!user.roles.includes(Role.Coordinator))
      throw new DomainError(ErrorCode.Forbidden, 'Nur die Koordination ändert Sozialraumprozesse.');
    if (!a.planningRegionIds.includes(planningRegionId)) throw DomainError.notFound(what);
  }
}
