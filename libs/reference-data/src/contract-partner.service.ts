import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { DomainError } from '@sro/common';
import { ContractPartner, ContractPartnerKind, PartnerContact } from './contract-partner.entity';
import { SocialSpace } from './social-space.entity';

export interface PartnerInput {
  name: string;
  kind: ContractPartnerKind;
  socialSpaceIds: string[];
  accessionDate: string;
  exitDate?: string | null;
  contacts: PartnerContact[];
}

export interface PartnerFilter {
  kind?: ContractPartnerKind;
  socialSpaceId?: string;
  active?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

/** The Sozialraumvertragspartner registry: who joined (Beitrittserklärung), where, and until when. */
@Injectable()
export class ContractPartnerService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ContractPartner);
  }

  async list(filter: PartnerFilter) {
    const qb = this.repo.createQueryBuilder('p').leftJoinAndSelect('p.socialSpaces', 's');
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.active === true) qb.andWhere('(p.exit_date IS NULL OR p.exit_date > current_date)');
    if (filter.active === false) qb.andWhere('p.exit_date <= current_date');
    if (filter.q) qb.andWhere('p.name ILIKE :q', { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.socialSpaceId) {
      qb.andWhere('p.id IN (SELECT contract_partner_id FROM contract_partner_social_space WHERE social_space_id = :space)', { space: filter.socialSpaceId });
    }
    const [items, total] = await qb.orderBy('p.code', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  async get(id: string): Promise<ContractPartner> {
    const partner = await this.repo.findOne({ where: { id }, relations: { socialSpaces: true } });
    if (!partner) throw DomainError.notFound('Contract partner');
    return partner;
  }

  async create(actor: string, input: PartnerInput): Promise<ContractPartner> {
    const spaces = await this.spaces(input);
    const code = `VP-${randomBytes(3).toString('hex').toUpperCase()}`;
    const partner = await this.repo.save(
      this.repo.create({ code, name: input.name, kind: input.kind, accessionDate: input.accessionDate, exitDate: input.exitDate ?? null, contacts: input.contacts, socialSpaces: spaces, updatedBy: actor }),
    );
    return this.get(partner.id);
  }

  async update(actor: string, id: string, input: PartnerInput): Promise<ContractPartner> {
    const partner = await this.get(id);
    const spaces = await this.spaces(input);
    Object.assign(partner, { name: input.name, kind: input.kind, accessionDate: input.accessionDate, exitDate: input.exitDate ?? null, contacts: input.contacts, socialSpaces: spaces, updatedBy: actor });
    await this.repo.save(partner);
    return this.get(id);
  }

  /** A partner leaves the contract (kept for history; its running interviews are closed as withdrawn). */
  async exit(actor: string, id: string, exitDate: string): Promise<ContractPartner> {
    const partner = await this.get(id);
    if (exitDate < partner.accessionDate) throw DomainError.invalid('The exit lies before the accession', [{ pointer: '/exitDate', message: `must not be before ${partner.accessionDate}` }]);
    await this.repo.update({ id }, { exitDate, updatedBy: actor });
    return this.get(id);
  }

  private async spaces(input: PartnerInput): Promise<SocialSpace[]> {
    const problems = [];
    if (input.exitDate && input.exitDate < input.accessionDate) problems.push({ pointer: '/exitDate', message: 'must not be before accessionDate' });
    const unique = [...new Set(input.socialSpaceIds)];
    const spaces = unique.length ? await this.dataSource.getRepository(SocialSpace).findBy({ id: In(unique) }) : [];
    input.socialSpaceIds.forEach((id, i) => !spaces.some((s) => s.id === id) && problems.push({ pointer: `/socialSpaceIds/${i}`, message: `unknown social space ${id}` }));
    if (problems.length > 0) throw DomainError.invalid('The contract partner is invalid', problems);
    return spaces;
  }
}
