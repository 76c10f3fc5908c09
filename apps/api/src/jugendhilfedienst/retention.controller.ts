import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { JugendhilfedienstService, RetentionScheduleService } from '@sro/jugendhilfedienst';
import { PagingDto } from '../common/paging.dto';
import { LegalHoldDto, RetentionScheduleDto } from './dto/jugendhilfedienst.dto';
import {
  AnonymisedCaseListResponseDto,
  LegalHoldListResponseDto,
  LegalHoldResponseDto,
  RetentionScheduleResponseDto,
} from './dto/retention.response.dto';

const uuid = new ParseUUIDPipe();

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
  @ApiOkResponse({ type: LegalHoldResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'legal-hold', purpose: 'Aufbewahrung trotz Löschfrist (Sperrvermerk)' })
  legalHold(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: LegalHoldDto): Promise<LegalHoldResponseDto> {
    return this.cases.setLegalHold(user, id, body.hold, body.reason);
  }

  @Get('retention/schedule')
  @ApiOkResponse({ type: RetentionScheduleResponseDto })
  @Roles(Role.Admin)
  describe(): Promise<RetentionScheduleResponseDto> {
    return this.schedule.describe();
  }

  @Put('retention/schedule')
  @ApiOkResponse({ type: RetentionScheduleResponseDto })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'update', purpose: 'Löschfristen durchsetzen' })
  upsert(@CurrentUser() user: Principal, @Body() body: RetentionScheduleDto): Promise<RetentionScheduleResponseDto> {
    return this.schedule.upsert(body, `set by ${user.sub}`);
  }

  @Post('retention/schedule/trigger')
  @HttpCode(200)
  @ApiOkResponse({ type: RetentionScheduleResponseDto })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'trigger', purpose: 'Löschfristen durchsetzen' })
  trigger(): Promise<RetentionScheduleResponseDto> {
    return this.schedule.trigger();
  }

  @Delete('retention/schedule')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The schedule is gone' })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'delete', purpose: 'Löschfristen durchsetzen' })
  async remove(): Promise<void> {
    await this.schedule.remove();
  }

  /** What the retention anonymised: case ids and times (from the audit log). */
  @Get('retention/anonymised')
  @ApiOkResponse({ type: AnonymisedCaseListResponseDto })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'list', purpose: 'Nachweis der Löschung' })
  anonymised(@Query() page: PagingDto): Promise<AnonymisedCaseListResponseDto> {
    return this.schedule.anonymised(page);
  }

  /** The cases kept by a legal hold (pseudonyms, who set it and when, deletion dates; never the reason). */
  @Get('retention/legal-holds')
  @ApiOkResponse({ type: LegalHoldListResponseDto })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'retention-schedule', action: 'list-legal-holds', purpose: 'Übersicht der Löschsperren' })
  legalHolds(@Query() page: PagingDto): Promise<LegalHoldListResponseDto> {
    return this.schedule.legalHolds(page);
  }
}
