import { Injectable } from '@nestjs/common';
import { AuditService } from '@sro/audit';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { CaseFile } from './case.repository';
import { CaseAccessKind, CaseAccessRepository, CaseAccessRow } from './case-access.repository';

/**
 * Reading the case, or changing it (changes are for the case team, its substitutes and break-glass);
 * `keep` is a change that also applies to a closed case (legal hold, reopening), `write` is refused there.
 */
export type CaseNeed = 'read' | 'write' | 'keep';

/** The refusal of a change to a closed case. */
export function caseClosedError(): DomainError {
  return new DomainError(
    ErrorCode.CaseClosed,
    'Der Fall ist abgeschlossen und kann nicht mehr geändert werden. Öffnen Sie ihn mit Begründung wieder, um ihn zu bearbeiten; nichts wurde geändert.',
  );
}

/** Why the caller may work with a case. */
export interface CaseGrant {
  kind: CaseAccessKind;
  /** The responsible caseworker (first of the case team). */
  responsibleId: string;
  /** Team members the caller stands in for (substitution in its period). */
  standsInFor: string[];
}

const PURPOSE: Record<Exclude<CaseAccessKind, 'team'>, string> = {
  substitute: 'Vertretung',
  'break-glass': 'Notfallzugriff (Break-Glass)',
  lead: 'Leitung',
};

/**
 * The need-to-know rule for case files (Fallteam and Jugendhilfedienst cases alike), called at the
 * top of every case method: the case team reads and changes; a substitute in their period has the
 * team's rights; a break-glass opening too, until it expires; the lead of the team reads. Whoever may
 * know that the case exists (a caseworker of its social space sees it in lists) is refused with 403;
 * everyone else gets 404, as if there were no such case.
 */
@Injectable()
export class CaseAccessService {
  constructor(
    private readonly access: CaseAccessRepository,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
  ) {}

  /** The grant, or the refusal; `found` is the rule's answer when it was read with the file (else it is asked here). */
  async require(user: Principal, file: CaseFile | undefined, need: CaseNeed, found?: CaseAccessRow): Promise<CaseGrant> {
    if (!file || file.anonymisedAt) throw DomainError.notFound('Der Fall');
    const { kind, standsInFor } = found ?? (await this.access.accessOf(file.id, user.sub));
    const caseworker = user.roles.includes(Role.Caseworker);
    const lead = user.roles.includes(Role.Lead);
    const usable = kind !== null && (kind === 'lead' ? lead : caseworker);
    if (!usable) {
      if (caseworker && (await this.assignments.of(user)).socialSpaceIds.includes(file.socialSpaceId))
        throw new DomainError(
          ErrorCode.Forbidden,
          'Sie gehören nicht zum Fallteam dieses Falls. Wenden Sie sich an die fallverantwortliche Fachkraft; im Notfall ist ein begründeter Notfallzugriff möglich.',
        );
      throw DomainError.notFound('Der Fall');
    }
    if (kind === 'lead' && need !== 'read')
      throw new DomainError(ErrorCode.Forbidden, 'Die Leitung sieht die Fälle ihres Teams, bearbeitet sie aber nicht selbst.');
    if (kind !== 'team') {
      // Access outside the case team is audited as what it is, beside the route's own audit row.
      await this.audit.record({
        actorId: user.sub,
        actorRoles: user.roles,
        action: `access-as-${kind}`,
        resourceType: 'case',
        resourceId: file.id,
        purpose: PURPOSE[kind],
        outcome: 'allowed',
        details: { need, standsInFor },
      });
    }
    // After the access rule: whoever may not know the case learns nothing about its state.
    if (need === 'write' && file.closedAt) throw caseClosedError();
    return { kind, responsibleId: file.assignedCaseworkerIds[0], standsInFor };
  }

  /** Whether the case team itself (or a substitute in period) acts: the only ones who see the reporter of a § 8a concern. */
  static isTeam(grant: CaseGrant): boolean {
    return grant.kind === 'team' || grant.kind === 'substitute';
  }
}
