import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@sro/auth';
import { Role } from '@sro/common';
import { MunicipalityRepository, PlanningRegionRepository } from '@sro/reference-data';
import { MunicipalityListDto, MunicipalityQueryDto, PlanningRegionListDto } from './dto/reference.dto';

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

/** The municipalities of the district: parties of cooperation agreements, boundaries of social spaces. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalityRepository) {}

  @Get()
  @Roles(Role.Coordinator, Role.Caseworker, Role.Admin, Role.Approver)
  @ApiOkResponse({ type: MunicipalityListDto })
  async list(@Query() query: MunicipalityQueryDto): Promise<MunicipalityListDto> {
    return { items: await this.municipalities.list(query) };
  }
}
