import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { TimeEntryService } from '@sro/jugendhilfedienst';
import { PeriodDto, TimeEntryDto, TimeReportQueryDto } from './dto/jugendhilfedienst.dto';
import { TimeEntryListResponseDto, TimeEntryResponseDto, TimeReportResponseDto } from './dto/time-entry.response.dto';

/** Staff time: own entries for caseworkers; the preventive-share report by person, team and social space. */
@ApiTags('time-entries')
@ApiBearerAuth()
@Controller('time-entries')
export class TimeEntriesController {
  constructor(private readonly entries: TimeEntryService) {}

  @Post()
  @ApiCreatedResponse({ type: TimeEntryResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'time-entry', action: 'create', purpose: 'Zeiterfassung' })
  create(@CurrentUser() user: Principal, @Body() body: TimeEntryDto): Promise<TimeEntryResponseDto> {
    return this.entries.create(user, body);
  }

  @Get()
  @ApiOkResponse({ type: TimeEntryListResponseDto })
  @Roles(Role.Caseworker)
  mine(@CurrentUser() user: Principal, @Query() period: PeriodDto): Promise<TimeEntryListResponseDto> {
    return this.entries.mine(user, period);
  }

  @Get('report')
  @ApiOkResponse({ type: TimeReportResponseDto })
  @Roles(Role.Caseworker, Role.Lead, Role.Coordinator, Role.Admin)
  report(@CurrentUser() user: Principal, @Query() query: TimeReportQueryDto): Promise<TimeReportResponseDto> {
    return this.entries.report(user, { from: query.from, to: query.to, groupBy: query.groupBy ?? 'person' });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The entry is gone' })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'time-entry', action: 'delete', purpose: 'Zeiterfassung' })
  async remove(@CurrentUser() user: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.entries.remove(user, id);
  }
}
