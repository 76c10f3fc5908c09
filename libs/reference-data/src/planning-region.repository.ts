import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PlanningRegion } from './planning-region.entity';
import { SocialSpace } from './social-space.entity';

/** A planning region with its social spaces. */
export interface PlanningRegionWithSpaces {
  id: string;
  code: string;
  name: string;
  socialSpaces: Array<{ id: string; code: string; name: string }>;
}

/** All SQL of `planning_region` and `social_space`. */
@Injectable()
export class PlanningRegionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every planning region with its social spaces, both by code. */
  async listWithSocialSpaces(): Promise<PlanningRegionWithSpaces[]> {
    const [regions, spaces] = await Promise.all([
      this.dataSource.getRepository(PlanningRegion).find({ order: { code: 'ASC' } }),
      this.dataSource.getRepository(SocialSpace).find({ order: { code: 'ASC' } }),
    ]);
    return regions.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      socialSpaces: spaces.filter((s) => s.planningRegionId === r.id).map((s) => ({ id: s.id, code: s.code, name: s.name })),
    }));
  }

  /** The social spaces among the ids that exist (in no particular order). */
  async socialSpacesByIds(ids: string[]): Promise<SocialSpace[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(SocialSpace).findBy({ id: In(ids) });
  }

  /** Ids of the social spaces and planning regions with these codes (unknown codes are left out). */
  async idsByCodes(
    socialSpaceCodes: string[],
    planningRegionCodes: string[],
  ): Promise<{ socialSpaceIds: string[]; planningRegionIds: string[] }> {
    const [spaces, regions] = await Promise.all([
      socialSpaceCodes.length ? this.dataSource.getRepository(SocialSpace).findBy({ code: In(socialSpaceCodes) }) : [],
      planningRegionCodes.length ? this.dataSource.getRepository(PlanningRegion).findBy({ code: In(planningRegionCodes) }) : [],
    ]);
    return { socialSpaceIds: spaces.map((s) => s.id), planningRegionIds: regions.map((r) => r.id) };
  }

  /** Of the given ids, those of existing social spaces / planning regions. */
  async existing(
    socialSpaceIds: string[],
    planningRegionIds: string[],
  ): Promise<{ socialSpaceIds: string[]; planningRegionIds: string[] }> {
    const [spaces, regions] = await Promise.all([
      socialSpaceIds.length ? this.dataSource.getRepository(SocialSpace).findBy({ id: In(socialSpaceIds) }) : [],
      planningRegionIds.length ? this.dataSource.getRepository(PlanningRegion).findBy({ id: In(planningRegionIds) }) : [],
    ]);
    return { socialSpaceIds: spaces.map((s) => s.id), planningRegionIds: regions.map((r) => r.id) };
  }
}
