import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsDefined, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { InterviewCycleService, InterviewScheduleService } from '@sro/interviews';
import { INTERVIEW_STATUSES, InterviewStatus } from '@sro/workflows/contracts';
import { PagingDto } from '../common/paging.dto';

class InterviewScheduleDto {
  @ApiPropertyOptional({ example: '2027-01-15T09:00:00+01:00', description: 'Start of the first cycle; the next follow every interval of the definition (default: now)' })
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
  @IsObject({ each: true }) @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
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
  list(@Query() page: PagingDto) {
    return this.cycles.list(page);
  }

  @Get('current')
  @Roles(...READERS)
  current() {
    return this.cycles.current();
  }

  @Get('schedule')
  @Roles(Role.Coordinator, Role.Admin)
  describeSchedule() {
    return this.schedule.describe();
  }

  @Put('schedule')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'update', purpose: 'Interviewzyklus planen' })
  upsertSchedule(@CurrentUser() user: Principal, @Body() body: InterviewScheduleDto) {
    return this.schedule.upsert(user, body);
  }

  @Post('schedule/pause')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'pause', purpose: 'Interviewzyklus pausieren' })
  pause(@Body() body: NoteDto) {
    return this.schedule.pause(body.note ?? 'pausiert');
  }

  @Post('schedule/unpause')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'unpause', purpose: 'Interviewzyklus fortsetzen' })
  unpause(@Body() body: NoteDto) {
    return this.schedule.unpause(body.note ?? 'fortgesetzt');
  }

  @Post('schedule/trigger')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'trigger', purpose: 'Interviewzyklus sofort starten' })
  trigger(@Body() _body: NoteDto) {
    return this.schedule.trigger();
  }

  @Post('schedule/backfill')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'backfill', purpose: 'Versäumte Interviewzyklen nachholen' })
  backfill(@Body() body: BackfillDto) {
    return this.schedule.backfill(body.from, body.to);
  }

  @Delete('schedule')
  @HttpCode(204)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-schedule', action: 'delete', purpose: 'Interviewzyklus beenden' })
  async removeSchedule() {
    await this.schedule.remove();
  }

  @Get('interviews/mine')
  @Roles(Role.Coordinator, Role.Caseworker)
  mine(@CurrentUser() user: Principal, @Query() page: PagingDto) {
    return this.cycles.mine(user, page);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id', uuid) id: string) {
    return this.cycles.get(id);
  }

  @Get(':id/progress')
  @Roles(...READERS)
  progress(@Param('id', uuid) id: string, @Query() query: ProgressQueryDto) {
    return this.cycles.progress(id, query);
  }

  @Get(':id/report')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  async report(@Param('id', uuid) id: string, @Query() query: ReportQueryDto) {
    if (query.format !== 'csv') return this.cycles.report(id);
    const csv = await this.cycles.reportCsv(id);
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="interviewzyklus-${id}.csv"` });
  }

  @Post(':id/partners')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'interview-cycle', action: 'add-partner', idParam: 'id', purpose: 'Partner in den Interviewzyklus aufnehmen' })
  addPartner(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AddPartnerDto) {
    return this.cycles.addPartner(user, id, body.partnerId);
  }

  @Post(':id/sync')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  sync(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.cycles.sync(user, id);
  }

  @Get(':id/interviews/:partnerId')
  @Roles(Role.Coordinator, Role.Admin, Role.Caseworker)
  @Audited({ resourceType: 'partner-interview', action: 'read', idParam: 'partnerId', purpose: 'Partnerinterview einsehen' })
  interview(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('partnerId', uuid) partnerId: string) {
    return this.cycles.interview(user, id, partnerId);
  }

  @Put(':id/interviews/:partnerId/plan')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'partner-interview', action: 'plan', idParam: 'partnerId', purpose: 'Partnerinterview planen' })
  plan(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('partnerId', uuid) partnerId: string, @Body() body: PlanDto) {
    return this.cycles.plan(user, id, partnerId, body);
  }

  @Put(':id/interviews/:partnerId/answers')
  @Roles(Role.Coordinator, Role.Caseworker)
  @Audited({ resourceType: 'partner-interview', action: 'record-answers', idParam: 'partnerId', purpose: 'Antworten des Partnerinterviews erfassen' })
  answers(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('partnerId', uuid) partnerId: string, @Body() body: AnswersDto) {
    return this.cycles.recordAnswers(user, id, partnerId, body.answers);
  }

  @Post(':id/interviews/:partnerId/withdraw')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'partner-interview', action: 'withdraw', idParam: 'partnerId', purpose: 'Partnerinterview zurückziehen' })
  withdraw(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('partnerId', uuid) partnerId: string, @Body() body: WithdrawDto) {
    return this.cycles.withdraw(user, id, partnerId, body.reason);
  }
}
