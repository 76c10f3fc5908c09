import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SocialSpace } from '@sro/reference-data';
import type { Member } from '@sro/workflows/contracts';

/** What the social-space rules need to know of a social space. */
export interface SocialSpaceRef {
  id: string;
  name: string;
  planningRegionId: string;
}

const MEMBER_TABLES: Record<Member['kind'], string> = {
  user: 'app_user',
  contract_partner: 'contract_partner',
  municipality: 'municipality',
};

/** Whether a member kind is one the repository can look up. */
export function isMemberKind(kind: string): kind is Member['kind'] {
  return Object.prototype.hasOwnProperty.call(MEMBER_TABLES, kind);
}

/**
 * The reads of reference data the social-space rules check: a social space, and whether a member's
 * reference exists. Read-only; the reference-data lib owns these tables.
 */
@Injectable()
export class SozialraumReferenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async socialSpace(id: string): Promise<SocialSpaceRef | null> {
    const space = await this.dataSource.getRepository(SocialSpace).findOneBy({ id });
    return space && { id: space.id, name: space.name, planningRegionId: space.planningRegionId };
  }

  /** Whether the user, contract partner or municipality exists. */
  async memberExists(kind: Member['kind'], refId: string): Promise<boolean> {
    const table = MEMBER_TABLES[kind];
    // Users have text ids; the others are uuids, and anything else cannot name one of them.
    if (kind !== 'user' && !/^[0-9a-f-]{36}$/i.test(refId)) return false;
    // eslint-disable-next-line no-restricted-syntax -- the table name comes from the fixed MEMBER_TABLES map
    const found = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id::text = $1`, [refId]);
    return found.length > 0;
  }
}
