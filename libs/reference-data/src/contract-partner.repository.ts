import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ContractPartner, ContractPartnerKind, PartnerContact } from './contract-partner.entity';
import { SocialSpace } from './social-space.entity';

/** What a coordinator maintains of a contract partner, and who changed it last. */
export interface ContractPartnerFields {
  name: string;
  kind: ContractPartnerKind;
  accessionDate: string;
  exitDate: string | null;
  contacts: PartnerContact[];
  socialSpaces: SocialSpace[];
  updatedBy: string;
}

export interface PartnerFilter {
  kind?: ContractPartnerKind;
  socialSpaceId?: string;
  active?: boolean;
  /** Part of the name. */
  q?: string;
  limit: number;
  offset: number;
}

/** All SQL of `contract_partner` and its social spaces (`contract_partner_social_space`). */
@Injectable()
export class ContractPartnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ContractPartner);
  }

  /** One page of partners with their social spaces, by code, and how many match in all. */
  async list(filter: PartnerFilter): Promise<{ items: ContractPartner[]; total: number }> {
    const qb = this.repo.createQueryBuilder('p').leftJoinAndSelect('p.socialSpaces', 's');
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.active === true) qb.andWhere('(p.exit_date IS NULL OR p.exit_date > current_date)');
    if (filter.active === false) qb.andWhere('p.exit_date <= current_date');
    if (filter.q) qb.andWhere('p.name ILIKE :q', { q: `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (filter.socialSpaceId) {
      qb.andWhere('p.id IN (SELECT contract_partner_id FROM contract_partner_social_space WHERE social_space_id = :space)', {
        space: filter.socialSpaceId,
      });
    }
    const [items, total] = await qb.orderBy('p.code', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }

  /** A partner with its social spaces. */
  async findById(id: string): Promise<ContractPartner | null> {
    return this.repo.findOne({ where: { id }, relations: { socialSpaces: true } });
  }

  /** Stores a new partner under its code; returns its id. */
  async create(code: string, fields: ContractPartnerFields): Promise<string> {
    const saved = await this.repo.save(this.repo.create({ code, ...fields }));
    return saved.id;
  }

  /** Replaces the maintained fields of a loaded partner, its social spaces included. */
  async update(partner: ContractPartner, fields: ContractPartnerFields): Promise<void> {
    await this.repo.save(Object.assign(partner, fields));
  }

  async setExit(id: string, exitDate: string, exitReason: string | null, updatedBy: string): Promise<void> {
    await this.repo.update({ id }, { exitDate, exitReason, updatedBy });
  }
}
