import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@sro/audit';
import { DomainError, ErrorCode, isRole, Principal } from '@sro/common';
import { AppConfig } from '@sro/config';
import { PlanningRegionRepository, TeamRepository, UserRepository } from '@sro/reference-data';
import type { VerifiedToken } from './token-verifier';

export const UNKNOWN_USER_MESSAGE =
  'Für diese Anmeldung ist in der Anwendung kein Zugang eingerichtet. Bitte wenden Sie sich an die Administration.';
export const DEACTIVATED_USER_MESSAGE = 'Ihr Zugang ist deaktiviert. Bitte wenden Sie sich an die Administration.';

/** Why a verified token is still refused. */
export type RefusalReason = 'unknown-user' | 'deactivated-user';

/** A refusal of a verified token whose user is unknown or deactivated. */
export class UserRefusedError extends DomainError {
  constructor(readonly reason: RefusalReason) {
    super(ErrorCode.Forbidden, reason === 'unknown-user' ? UNKNOWN_USER_MESSAGE : DEACTIVATED_USER_MESSAGE);
  }
}

/**
 * Turns a verified token into the caller: the user record (staff administration) decides roles and
 * whether the person may act. An unknown subject is created at its first request when
 * OIDC_JIT_PROVISIONING is on — with the roles of the configured claim only and with no social
 * spaces or planning regions unless OIDC_GROUP_MAPPING grants them — and refused otherwise.
 */
@Injectable()
export class UserDirectory {
  private readonly logger = new Logger(UserDirectory.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly teams: TeamRepository,
    private readonly regions: PlanningRegionRepository,
    private readonly audit: AuditService,
  ) {}

  async resolve(token: VerifiedToken): Promise<Principal> {
    const { sub } = token.principal;
    let user = await this.users.standing(sub);
    if (!user) {
      if (!this.config.auth.jit.enabled) throw new UserRefusedError('unknown-user');
      await this.provision(token);
      user = await this.users.standing(sub);
      if (!user) throw new UserRefusedError('unknown-user');
    }
    if (!user.active) throw new UserRefusedError('deactivated-user');
    const scope = { planningRegionIds: user.planningRegionIds, socialSpaceIds: user.socialSpaceIds };
    return { sub, roles: user.roles.filter(isRole), name: user.displayName, scope };
  }

  private async provision(token: VerifiedToken): Promise<void> {
    const { principal, claims } = token;
    const grants = claims.groups.map((g) => this.config.auth.jit.groupMapping[g]).filter((g) => g !== undefined);
    const spaceCodes = [...new Set(grants.flatMap((g) => g.socialSpaces))];
    const regionCodes = [...new Set(grants.flatMap((g) => g.planningRegions))];
    const ids = await this.regions.idsByCodes(spaceCodes, regionCodes);
    if (ids.socialSpaceIds.length < spaceCodes.length || ids.planningRegionIds.length < regionCodes.length)
      this.logger.warn('OIDC_GROUP_MAPPING names social-space or planning-region codes that do not exist; they were left out');
    const teamName = grants.find((g) => g.team)?.team;
    const team = teamName ? await this.teams.findByName(teamName) : null;
    if (teamName && !team) this.logger.warn('OIDC_GROUP_MAPPING names a team that does not exist; the user has no team');
    const created = await this.users.insert(
      principal.sub,
      {
        displayName: claims.name ?? principal.sub,
        email: claims.email ?? null,
        roles: principal.roles,
        planningRegionIds: ids.planningRegionIds,
        socialSpaceIds: ids.socialSpaceIds,
        teamId: team?.id ?? null,
        organisation: null,
        expertise: [],
      },
      'jit',
    );
    // Two first requests at once: the second finds the row the first one wrote.
    if (!created) return;
    await this.audit.record({
      actorId: principal.sub,
      actorRoles: principal.roles,
      action: 'provision',
      resourceType: 'user',
      resourceId: principal.sub,
      purpose: 'staff-administration',
      outcome: 'allowed',
      details: {
        source: 'jit',
        roles: principal.roles,
        socialSpaceIds: ids.socialSpaceIds,
        planningRegionIds: ids.planningRegionIds,
        teamId: team?.id ?? null,
      },
    });
  }
}
