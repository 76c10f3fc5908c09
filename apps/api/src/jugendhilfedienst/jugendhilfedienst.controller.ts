import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { JugendhilfedienstService, RetentionScheduleService, StatisticsService, TimeEntryService } from '@sro/jugendhilfedienst';
import { PagingDto } from '../common/paging.dto';
import {
  ClassifyDto,
  HelpPlanDto,
  HelpPlanReviewDto,
  IntakeDto,
  JhdListQueryDto,
  LegalHoldDto,
  PeriodDto,
  RetentionScheduleDto,
  RiskAssessmentDto,
  StatisticsQueryDto,
  TimeEntryDto,
  TimeReportQueryDto,
} from './dto/jugendhilfedienst.dto';

const uuid = new ParseUUIDPipe();

/** The standardised Jugendhilfedienst process: caseworkers of the case's social space; every call audited. */
@ApiTags('jugendhilfedienst')
@ApiBearerAuth()
@Controller('jugendhilfedienst-cases')
export class JugendhilfedienstController {
  constructor(private readonly cases: JugendhilfedienstService) {}

  @Post()
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'intake', purpose: 'Eingang einer Meldung (Jugendhilfedienst)' })
  intake(@CurrentUser() user: Principal, @Body() body: IntakeDto) {
    return this.cases.intake(user, body);
  }

  @Get()
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'list', purpose: 'Fallübersicht Jugendhilfedienst' })
  list(@CurrentUser() user: Principal, @Query() query: JhdListQueryDto) {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'read', purpose: 'Fallbearbeitung Jugendhilfedienst' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.cases.get(user, id);
  }

  @Post(':id/classification')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'classify', purpose: 'Einordnung des Falls' })
  classify(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ClassifyDto) {
    return this.cases.classify(user, id, body);
  }

  @Post(':id/risk-assessment')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'risk-assessment', purpose: 'Gefährdungseinschätzung nach § 8a SGB VIII' })
  riskAssessment(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: RiskAssessmentDto) {
    return this.cases.recordRiskAssessment(user, id, body);
  }

  @Post(':id/help-plans')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'help-plan', purpose: 'Hilfeplan nach § 36 SGB VIII' })
  helpPlan(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: HelpPlanDto) {
    return this.cases.recordHelpPlan(user, id, body);
  }

  @Post(':id/help-plans/reviews')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'help-plan-review', purpose: 'Überprüfung des Hilfeplans (Wiedervorlage)' })
  review(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: HelpPlanReviewDto) {
    return this.cases.recordReview(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'close', purpose: 'Fallabschluss' })
  close(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.cases.close(user, id);
  }
}

/** Retention of case data: the legal hold on a case, and the daily Temporal Schedule (admins). */
@ApiTags('retention')
@ApiBearerAuth()
@Controller()
export class RetentionController {
  constructor(
    private readonly cases: JugendhilfedienstService,
    private readonly schedule: RetentionScheduleService,
  ) {}

  @Put('cases/:id/legal-hold')
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'legal-hold', purpose: 'Aufbewahrung trotz Löschfrist (Sperrvermerk)' })
  legalHold(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: LegalHoldDto) {
    return this.cases.setLegalHold(user, id, body.hold);
  }

  @Get('retention/schedule')
  @Roles(Role.Admin)
  describe() {
    return this.schedule.describe();
  }

  @Put('retention/schedule')
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'update', purpose: 'Löschfristen durchsetzen' })
  upsert(@CurrentUser() user: Principal, @Body() body: RetentionScheduleDto) {
    return this.schedule.upsert(body, `set by ${user.sub}`);
  }

  @Post('retention/schedule/trigger')
  @HttpCode(200)
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'trigger', purpose: 'Löschfristen durchsetzen' })
  trigger() {
    return this.schedule.trigger();
  }

  @Delete('retention/schedule')
  @HttpCode(204)
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'delete', purpose: 'Löschfristen durchsetzen' })
  async remove() {
    await this.schedule.remove();
  }

  /** What the retention anonymised: case ids and times (from the audit log). */
  @Get('retention/anonymised')
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'list', purpose: 'Nachweis der Löschung' })
  anonymised(@Query() page: PagingDto) {
    return this.schedule.anonymised(page);
  }
}

/** Anonymised statistics of completed § 8a assessments (Kinder- und Jugendhilfestatistik). */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('risk-assessments')
  @Roles(Role.Admin, Role.Coordinator)
  @ApiProduces('application/json', 'text/csv')
  @Audited({ resourceType: 'statistics', action: 'export', purpose: 'Kinder- und Jugendhilfestatistik (§§ 98 ff. SGB VIII)' })
  async riskAssessments(@CurrentUser() user: Principal, @Query() query: StatisticsQueryDto) {
    if (query.format !== 'csv') return this.statistics.riskAssessments(user, query);
    const csv = await this.statistics.riskAssessmentsCsv(user, query);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="gefaehrdungseinschaetzungen-${query.year}${query.month ? `-${query.month}` : ''}.csv"` });
  }
}

/** Staff time: own entries for caseworkers; the preventive-share report by person, team and social space. */
@ApiTags('time-entries')
@ApiBearerAuth()
@Controller('time-entries')
export class TimeEntriesController {
  constructor(private readonly entries: TimeEntryService) {}

  @Post()
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'time-entry', action: 'create', purpose: 'Zeiterfassung' })
  create(@CurrentUser() user: Principal, @Body() body: TimeEntryDto) {
    return this.entries.create(user, body);
  }

  @Get()
  @Roles(Role.Caseworker)
  mine(@CurrentUser() user: Principal, @Query() period: PeriodDto) {
    return this.entries.mine(user, period);
  }

  @Get('report')
  @Roles(Role.Caseworker, Role.Coordinator, Role.Admin)
  report(@CurrentUser() user: Principal, @Query() query: TimeReportQueryDto) {
    return this.entries.report(user, { from: query.from, to: query.to, groupBy: query.groupBy ?? 'person' });
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'time-entry', action: 'delete', purpose: 'Zeiterfassung' })
  async remove(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    await this.entries.remove(user, id);
  }
}
