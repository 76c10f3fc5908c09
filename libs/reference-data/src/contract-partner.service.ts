import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DomainError, ErrorCode, FieldProblem, germanDate } from '@sro/common';
import { AssignmentsService } from './assignments.service';
import { ContractPartner, ContractPartnerKind, PartnerContact } from './contract-partner.entity';
import { ContractPartnerFields, ContractPartnerRepository, PartnerFilter } from './contract-partner.repository';
import { PlanningRegionRepository } from './planning-region.repository';
import { SocialSpace } from './social-space.entity';

export interface PartnerInput {
  name: string;
  kind: ContractPartnerKind;
  socialSpaceIds: string[];
  accessionDate: string;
  exitDate?: string | null;
  contacts: PartnerContact[];
}

/** The Sozialraumvertragspartner registry: who joined (Beitrittserklärung), where, and until when. */
@Injectable()
export class ContractPartnerService {
  constructor(
    private readonly partners: ContractPartnerRepository,
    private readonly regions: PlanningRegionRepository,
    private readonly assignments: AssignmentsService,
  ) {}

  async list(filter: PartnerFilter) {
    const { items, total } = await this.partners.list(filter);
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async get(id: string): Promise<ContractPartner> {
    const partner = await this.partners.findById(id);
    if (!partner) throw DomainError.notFound('Der Vertragspartner');
    return partner;
  }

  async create(actor: string, input: PartnerInput): Promise<ContractPartner> {
    const fields = await this.fields(actor, input);
    await this.assertInRegions(actor, fields.socialSpaces);
    const code = `VP-${randomBytes(3).toString('hex').toUpperCase()}`;
    return this.get(await this.partners.create(code, fields));
  }

  async update(actor: string, id: string, input: PartnerInput): Promise<ContractPartner> {
    const partner = await this.get(id);
    await this.assertInRegions(actor, partner.socialSpaces);
    const fields = await this.fields(actor, input);
    await this.assertInRegions(actor, fields.socialSpaces);
    await this.partners.update(partner, fields);
    return this.get(id);
  }

  /** A partner leaves the contract (kept for history; its running interviews are closed as withdrawn). */
  async exit(actor: string, id: string, exitDate: string, reason?: string): Promise<ContractPartner> {
    const partner = await this.get(id);
    await this.assertInRegions(actor, partner.socialSpaces);
    if (exitDate < partner.accessionDate)
      throw DomainError.invalid('Der Austritt liegt vor dem Beitritt.', [
        {
          pointer: '/exitDate',
          code: 'date.min',
          params: { min: partner.accessionDate },
          message: `Der Austritt darf nicht vor dem Beitritt am ${germanDate(partner.accessionDate)} liegen.`,
        },
      ]);
    await this.partners.setExit(id, exitDate, reason?.trim() || null, actor);
    return this.get(id);
  }

  /**
   * Coordinators change partners only in their planning regions: the partner must serve (and, after
   * a change, still serve) a social space of one of them; a partner of several regions is any of theirs.
   */
  private async assertInRegions(actor: string, spaces: SocialSpace[]): Promise<void> {
    const { planningRegionIds } = await this.assignments.of(actor);
    if (!spaces.some((s) => planningRegionIds.includes(s.planningRegionId)))
      throw new DomainError(ErrorCode.Forbidden, 'Sie können nur Vertragspartner ändern, die in einer Ihrer Planregionen tätig sind.');
  }

  /** Checks the input (exit not before accession, every social space known) and resolves its social spaces. */
  private async fields(actor: string, input: PartnerInput): Promise<ContractPartnerFields> {
    const problems: FieldProblem[] = [];
    if (input.exitDate && input.exitDate < input.accessionDate)
      problems.push({
        pointer: '/exitDate',
        code: 'date.min',
        params: { min: input.accessionDate },
        message: `Der Austritt darf nicht vor dem Beitritt am ${germanDate(input.accessionDate)} liegen.`,
      });
    const spaces = await this.regions.socialSpacesByIds([...new Set(input.socialSpaceIds)]);
    input.socialSpaceIds.forEach(
      (id, i) =>
        !spaces.some((s) => s.id === id) &&
        problems.push({ pointer: `/socialSpaceIds/${i}`, code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' }),
    );
    if (problems.length > 0) throw DomainError.invalid('Die Angaben zum Vertragspartner sind unvollständig oder fehlerhaft.', problems);
    return {
      name: input.name,
      kind: input.kind,
      accessionDate: input.accessionDate,
      exitDate: input.exitDate ?? null,
      contacts: input.contacts,
      socialSpaces: spaces,
      updatedBy: actor,
    };
  }
}
