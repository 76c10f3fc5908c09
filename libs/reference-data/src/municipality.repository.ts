import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A municipality (Kommune) with the social space and planning region it lies in. */
export interface MunicipalityItem {
  id: string;
  code: string;
  name: string;
  kind: 'stadt' | 'gemeinde';
  socialSpaceId: string;
  socialSpaceName: string;
  planningRegionId: string;
}

/** All SQL of `municipality`. */
@Injectable()
export class MunicipalityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The municipalities, by name, of one planning region or social space when asked. */
  list(filter: { planningRegionId?: string; socialSpaceId?: string }): Promise<MunicipalityItem[]> {
    return this.dataSource.query(
      `SELECT m.id, m.code, m.name, m.kind, m.social_space_id AS "socialSpaceId", s.name AS "socialSpaceName", s.planning_region_id AS "planningRegionId"
         FROM municipality m JOIN social_space s ON s.id = m.social_space_id
        WHERE ($1::uuid IS NULL OR s.planning_region_id = $1) AND ($2::uuid IS NULL OR m.social_space_id = $2)
        ORDER BY m.name, m.code`,
      [filter.planningRegionId ?? null, filter.socialSpaceId ?? null],
    );
  }

  /** Those of the ids that name a municipality (ids that are no uuid name none). */
  async existing(ids: string[]): Promise<Set<string>> {
    const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (uuids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM municipality WHERE id = ANY($1::uuid[])', [uuids]);
    return new Set(rows.map((r) => r.id));
  }
}
