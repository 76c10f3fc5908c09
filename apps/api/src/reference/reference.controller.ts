import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@sro/auth';
import { Role } from '@sro/common';
import { PlanningRegion, SocialSpace } from '@sro/reference-data';

/** Reference data for pickers and filters: planning regions with their social spaces (organisations only). */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('planning-regions')
export class ReferenceController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles(Role.Coordinator, Role.Caseworker, Role.Admin, Role.Approver)
  async list() {
    const [regions, spaces] = await Promise.all([
      this.dataSource.getRepository(PlanningRegion).find({ order: { code: 'ASC' } }),
      this.dataSource.getRepository(SocialSpace).find({ order: { code: 'ASC' } }),
    ]);
    return {
      items: regions.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        socialSpaces: spaces.filter((s) => s.planningRegionId === r.id).map((s) => ({ id: s.id, code: s.code, name: s.name })),
      })),
    };
  }
}
