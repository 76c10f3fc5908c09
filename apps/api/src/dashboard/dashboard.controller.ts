import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { DashboardService, DEADLINE_STATUSES, DeadlineStatus } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { PagingDto } from '../common/paging.dto';

export class DeadlineQueryDto extends PagingDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() planningRegionId?: string;
  @ApiPropertyOptional({ enum: DEADLINE_STATUSES }) @IsOptional() @IsIn(DEADLINE_STATUSES) status?: DeadlineStatus;
}

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly assignments: AssignmentsService,
  ) {}

  /** Every running social-space process with its current phase deadline, overdue first (from PostgreSQL). */
  @Get('phase-deadlines')
  @Roles(Role.Coordinator, Role.Admin)
  async phaseDeadlines(@CurrentUser() user: Principal, @Query() query: DeadlineQueryDto) {
    // Admins oversee all regions; coordinators see the regions they are assigned to.
    let regions: string[] | undefined;
    if (!user.roles.includes(Role.Admin)) regions = (await this.assignments.of(user.sub)).planningRegionIds;
    if (query.planningRegionId) regions = regions ? regions.filter((r) => r === query.planningRegionId) : [query.planningRegionId];
    return this.dashboard.phaseDeadlines({ planningRegionIds: regions, status: query.status, limit: query.limit, offset: query.offset });
  }
}
