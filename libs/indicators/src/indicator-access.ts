import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import type { SpaceRef } from './indicator.repository';

/** The social spaces a user may see the profile data of (need to know), or all of them. */
export interface SpaceScope {
  all: boolean;
  spaceIds: ReadonlySet<string>;
}

/**
 * Need to know for planning data, as for the coordinators' other data: administration sees the
 * whole district, coordination and leads their planning regions, caseworkers their social spaces.
 */
@Injectable()
export class IndicatorAccess {
  constructor(private readonly assignments: AssignmentsService) {}

  async scopeOf(user: Principal, spaces: SpaceRef[]): Promise<SpaceScope> {
    if (user.roles.includes(Role.Admin)) return { all: true, spaceIds: new Set(spaces.map((s) => s.id)) };
    const a = await this.assignments.of(user);
    const ids = new Set<string>();
    if (user.roles.includes(Role.Coordinator) || user.roles.includes(Role.Lead))
      for (const s of spaces) if (a.planningRegionIds.includes(s.planningRegionId)) ids.add(s.id);
    if (user.roles.includes(Role.Caseworker)) for (const id of a.socialSpaceIds) ids.add(id);
    return { all: false, spaceIds: ids };
  }

  /** The spaces a user may change values of: administration all, coordination those of its planning regions. */
  async writableScope(user: Principal, spaces: SpaceRef[]): Promise<SpaceScope> {
    if (user.roles.includes(Role.Admin)) return { all: true, spaceIds: new Set(spaces.map((s) => s.id)) };
    if (!user.roles.includes(Role.Coordinator))
      throw new DomainError(ErrorCode.Forbidden, 'Nur die Koordination und die Administration erfassen Indikatorwerte.');
    const a = await this.assignments.of(user);
    return { all: false, spaceIds: new Set(spaces.filter((s) => a.planningRegionIds.includes(s.planningRegionId)).map((s) => s.id)) };
  }
}
