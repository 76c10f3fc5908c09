import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@sro/auth';
import { Role } from '@sro/common';
import { PlanningRegionRepository } from '@sro/reference-data';
import { PlanningRegionListDto } from './dto/reference.dto';

/** Reference data for pickers and filters: planning regions with their social spaces (organisations only). */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('planning-regions')
export class ReferenceController {
  constructor(private readonly regions: PlanningRegionRepository) {}

  @Get()
  @Roles(Role.Coordinator, Role.Caseworker, Role.Admin, Role.Approver)
  @ApiOkResponse({ type: PlanningRegionListDto })
  async list(): Promise<PlanningRegionListDto> {
    return { items: await this.regions.listWithSocialSpaces() };
  }
}
