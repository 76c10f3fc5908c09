import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { InterviewCycleService, InterviewScheduleService } from '@sro/interviews';
import { INTERVIEW_STATUSES, InterviewStatus } from '@sro/workflows/contracts';
import { PagingDto } from '../common/paging.dto';
import {
  AssignedInterviewPageDto,
  CycleEntryDto,
  InterviewCycleDto,
  InterviewCyclePageDto,
  InterviewDetailDto,
  InterviewProgressPageDto,
  InterviewReportDto,
  InterviewScheduleViewDto,
  PartnerSyncDto,
  UpdatedInterviewDto,
} from './dto/interview-cycle-response.dto';

class InterviewScheduleDto {
  @ApiPropertyOptional({
    example: '2027-01-15T09:00:00+01:00',
    description: 'Start of the first cycle; the next follow every interval of the definition (default: now)',
  })
  @IsOptional()
  @IsDateString()
  anchor?: string;

  @ApiPropertyOptional({ description: 'Also start a cycle at once' }) @IsOptional() @IsBoolean() startNow?: boolean;

  @ApiPropertyOptional({ description: 'Coordinator who plans the interviews (default: the caller)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  coordinatorId?: string;
}

class NoteDto {
  @ApiPropertyOptional({ example: 'Pause während der Kommunalwahl' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

class BackfillDto {
  @ApiProperty({ example: '2024-01-01T00:00:00Z' }) @IsDateString() from: string;
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @IsDateString() to: string;
}

class ProgressQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: INTERVIEW_STATUSES }) @IsOptional() @IsIn(INTERVIEW_STATUSES) status?: InterviewStatus;
}

class ReportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

class AddPartnerDto {
  @ApiProperty() @IsUUID() partnerId: string;
}

class PlanDto {
  @ApiProperty({ example: '2027-03-10T10:00:00+01:00' }) @IsDateString() plannedAt: string;
  @ApiProperty({ example: 'demo-coordinator', description: 'A coordinator or caseworker who conducts the interview' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  interviewerId: string;
}

class AnswerDto {
  @ApiProperty({ example: 'cy_reach' }) @IsString() @MinLength(1) @MaxLength(100) questionKey: string;
  @ApiProperty({ description: 'scale: 1–5; yes_no: true/false; single_choice: an option; multiple_choice: options; free_text: text' })
  @IsDefined()
  value: unknown;
}

class AnswersDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];

  @ApiPropertyOptional({
    example: '2027-03-10',
    description: 'The day the interview took place: not before the planned date, not in the future; by default the planned day',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  conductedOn?: string;

  @ApiPropertyOptional({ example: 'Antwort zu Frage 3 falsch übertragen', description: 'Required when correcting a done interview' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

class WithdrawDto {
  @ApiProperty({ example: 'Austritt zum Jahresende' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

const READERS = [Role.Coordinator, Role.Admin, Role.Approver, Role.Caseworker];
const uuid = new ParseUUIDPipe();

/**
 * The two-yearly interviews with all contract partners: the schedule that starts the cycles,
 * progress, planning and answers, and the report. Organisations' answers only; no client data.
 */
@ApiTags('interview-cycles')
@ApiBearerAuth()
@Controller('interview-cycles')
export class InterviewCyclesController {
  constructor(
    private readonly cycles: InterviewCycleService,
    private readonly schedule: InterviewScheduleService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: InterviewCyclePageDto })
  list(@Query() page: PagingDto): Promise<InterviewCyclePageDto> {
    return this.cycles.list(page);
  }

  @Get('current')
  @Roles(...READERS)
  @ApiOkResponse({ type: InterviewCycleDto })
  current(): Promise<InterviewCycleDto> {
    return this.cycles.current();
  }

  @Get('schedule')
  @Roles(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ type: InterviewScheduleViewDto })
  describeSchedule(): Promise<InterviewScheduleViewDto> {
    return this.schedule.describe();
  }

  @Put('schedule')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'update', purpose: 'Interviewzyklus planen' })
  @ApiOkResponse({ type: InterviewScheduleViewDto })
  upsertSchedule(@CurrentUser() user: Principal, @Body() body: InterviewScheduleDto): Promise<InterviewScheduleViewDto> {
    return this.schedule.upsert(user, body);
  }

  @Post('schedule/pause')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'pause', purpose: 'Interviewzyklus pausieren' })
  @ApiOkResponse({ type: InterviewScheduleViewDto })
  pause(@Body() body: NoteDto): Promise<InterviewScheduleViewDto> {
    return this.schedule.pause(body.note ?? 'pausiert');
  }

  @Post('schedule/unpause')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'unpause', purpose: 'Interviewzyklus fortsetzen' })
  @ApiOkResponse({ type: InterviewScheduleViewDto })
  unpause(@Body() body: NoteDto): Promise<InterviewScheduleViewDto> {
    return this.schedule.unpause(body.note ?? 'fortgesetzt');
  }

  @Post('schedule/trigger')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'trigger', purpose: 'Interviewzyklus sofort starten' })
  @ApiOkResponse({ type: InterviewScheduleViewDto })
  trigger(@Body() _body: NoteDto): Promise<InterviewScheduleViewDto> {
    return this.schedule.trigger();
  }

  @Post('schedule/backfill')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'backfill', purpose: 'Versäumte Interviewzyklen nachholen' })
  @ApiOkResponse({ type: InterviewScheduleViewDto })
  backfill(@Body() body: BackfillDto): Promise<InterviewScheduleViewDto> {
    return this.schedule.backfill(body.from, body.to);
  }

  @Delete('schedule')
  @HttpCode(204)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'delete', purpose: 'Interviewzyklus beenden' })
  @ApiNoContentResponse({ description: 'The schedule is deleted; running cycles go on' })
  async removeSchedule(): Promise<void> {
    await this.schedule.remove();
  }

  @Get('interviews/mine')
  @Roles(Role.Coordinator, Role.Caseworker)
  @ApiOkResponse({ type: AssignedInterviewPageDto })
  mine(@CurrentUser() user: Principal, @Query() page: PagingDto): Promise<AssignedInterviewPageDto> {
    return this.cycles.mine(user, page);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: InterviewCycleDto })
  get(@Param('id', uuid) id: string): Promise<InterviewCycleDto> {
    return this.cycles.get(id);
  }

  @Get(':id/progress')
  @Roles(...READERS)
  @ApiOkResponse({ type: InterviewProgressPageDto })
  progress(@Param('id', uuid) id: string, @Query() query: ProgressQueryDto): Promise<InterviewProgressPageDto> {
    return this.cycles.progress(id, query);
  }

  @Get(':id/report')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: InterviewReportDto, description: 'JSON, or with format=csv a CSV file (text/csv)' })
  async report(@Param('id', uuid) id: string, @Query() query: ReportQueryDto): Promise<InterviewReportDto | StreamableFile> {
    if (query.format !== 'csv') return this.cycles.report(id);
    const csv = await this.cycles.reportCsv(id);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="interviewzyklus-${id}.csv"`,
    });
  }

  @Post(':id/partners')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-cycle', action: 'add-partner', idParam: 'id', purpose: 'Partner in den Interviewzyklus aufnehmen' })
  @ApiCreatedResponse({ type: CycleEntryDto })
  addPartner(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AddPartnerDto): Promise<CycleEntryDto> {
    return this.cycles.addPartner(user, id, body.partnerId);
  }

  @Post(':id/sync')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @ApiOkResponse({ type: PartnerSyncDto })
  sync(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<PartnerSyncDto> {
    return this.cycles.sync(user, id);
  }

  @Get(':id/interviews/:partnerId')
  @Roles(Role.Coordinator, Role.Admin, Role.Caseworker)
  @Audited({ resourceType: 'partner-interview', action: 'read', idParam: 'partnerId', purpose: 'Partnerinterview einsehen' })
  @ApiOkResponse({ type: InterviewDetailDto })
  interview(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('partnerId', uuid) partnerId: string,
  ): Promise<InterviewDetailDto> {
    return this.cycles.interview(user, id, partnerId);
  }

  @Put(':id/interviews/:partnerId/plan')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'partner-interview', action: 'plan', idParam: 'partnerId', purpose: 'Partnerinterview planen' })
  @ApiOkResponse({ type: UpdatedInterviewDto })
  plan(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('partnerId', uuid) partnerId: string,
    @Body() body: PlanDto,
  ): Promise<UpdatedInterviewDto> {
    return this.cycles.plan(user, id, partnerId, body);
  }

  @Put(':id/interviews/:partnerId/answers')
  @Roles(Role.Coordinator, Role.Caseworker)
  @Audited({
    resourceType: 'partner-interview',
    action: 'record-answers',
    idParam: 'partnerId',
    purpose: 'Antworten des Partnerinterviews erfassen',
  })
  @ApiOkResponse({ type: UpdatedInterviewDto })
  answers(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('partnerId', uuid) partnerId: string,
    @Body() body: AnswersDto,
  ): Promise<UpdatedInterviewDto> {
    return this.cycles.recordAnswers(user, id, partnerId, body);
  }

  @Post(':id/interviews/:partnerId/withdraw')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'partner-interview', action: 'withdraw', idParam: 'partnerId', purpose: 'Partnerinterview zurückziehen' })
  @ApiOkResponse({ type: UpdatedInterviewDto })
  withdraw(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('partnerId', uuid) partnerId: string,
    @Body() body: WithdrawDto,
  ): Promise<UpdatedInterviewDto> {
    return this.cycles.withdraw(user, id, partnerId, body.reason);
  }
}
