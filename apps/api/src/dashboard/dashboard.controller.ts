import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { DashboardService, PhaseDeadlinePage } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { DeadlineQueryDto, PhaseDeadlinePageDto } from './dto/dashboard.dto';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly assignments: AssignmentsService,
  ) {}

  /** Every running or paused social-space process with its current phase deadline, overdue first, and the counts per traffic light (from PostgreSQL). */
  @Get('phase-deadlines')
  @ApiOkResponse({ type: PhaseDeadlinePageDto })
  @Roles(Role.Coordinator, Role.Admin)
  async phaseDeadlines(@CurrentUser() user: Principal, @Query() query: DeadlineQueryDto): Promise<PhaseDeadlinePage> {
    // Admins oversee all regions; coordinators see the regions they are assigned to.
    let regions: string[] | undefined;
    if (!user.roles.includes(Role.Admin)) regions = (await this.assignments.of(user)).planningRegionIds;
    if (query.planningRegionId) regions = regions ? regions.filter((r) => r === query.planningRegionId) : [query.planningRegionId];
    return this.dashboard.phaseDeadlines({ planningRegionIds: regions, status: query.status, limit: query.limit, offset: query.offset });
  }
}
