import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { CaseFollowUpService } from '@sro/cases';
import { Principal, Role } from '@sro/common';
import { CaseFollowUpBodyDto, CaseFollowUpDto, CaseFollowUpDueDto, CaseFollowUpListDto } from './dto/case-follow-up.dto';

const uuid = new ParseUUIDPipe();

/** Caseworkers' own follow-ups (Wiedervorlagen) on the cases they may see; audited like every case access. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/follow-ups')
export class CaseFollowUpsController {
  constructor(private readonly followUps: CaseFollowUpService) {}

  @Post()
  @Roles(Role.Caseworker)
  @ApiCreatedResponse({ type: CaseFollowUpDto })
  @Audited({
    resourceType: 'case',
    action: 'add-follow-up',
    purpose: 'Wiedervorlage setzen',
    // The rows name the case (its whole trail under one id), the follow-up in the details.
    parent: { resourceType: 'case', childKey: 'followUpId' },
  })
  add(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: CaseFollowUpBodyDto): Promise<CaseFollowUpDto> {
    return this.followUps.add(user, id, body);
  }

  @Get()
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: CaseFollowUpListDto })
  @Audited({ resourceType: 'case', action: 'read-follow-ups', purpose: 'Wiedervorlagen des Falls' })
  list(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<CaseFollowUpListDto> {
    return this.followUps.list(user, id);
  }

  @Post(':followUpId/done')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: CaseFollowUpDto })
  @Audited({
    resourceType: 'case',
    action: 'follow-up-done',
    purpose: 'Wiedervorlage erledigt',
    parent: { resourceType: 'case', childKey: 'followUpId', childParam: 'followUpId' },
  })
  done(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('followUpId', uuid) followUpId: string,
  ): Promise<CaseFollowUpDto> {
    return this.followUps.done(user, id, followUpId);
  }

  /** Another date for one's own open follow-up; its reminder follows. */
  @Patch(':followUpId')
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: CaseFollowUpDto })
  @Audited({
    resourceType: 'case',
    action: 'move-follow-up',
    purpose: 'Wiedervorlage verschieben',
    parent: { resourceType: 'case', childKey: 'followUpId', childParam: 'followUpId' },
  })
  moveDue(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('followUpId', uuid) followUpId: string,
    @Body() body: CaseFollowUpDueDto,
  ): Promise<CaseFollowUpDto> {
    return this.followUps.moveDue(user, id, followUpId, body.dueOn);
  }
}
