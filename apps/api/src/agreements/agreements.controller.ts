import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AgreementService } from '@sro/agreements';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { PagingDto } from '../common/paging.dto';
import {
  AgreementDecisionListDto,
  AgreementDetailDto,
  AgreementEventPageDto,
  AgreementPageDto,
  AgreementVersionDto,
  AgreementVersionListDto,
  DecisionOutcomeDto,
  PendingDecisionPageDto,
} from './dto/agreement-response.dto';
import {
  AgreementMetaDto,
  AgreementQueryDto,
  CreateAgreementDto,
  DecisionDto,
  SubmitAgreementDto,
  TerminateDto,
  VersionDto,
} from './dto/agreement.dto';

const uuid = new ParseUUIDPipe();
const READERS = [Role.Coordinator, Role.Admin, Role.Approver];
const RESOURCE = 'cooperation-agreement';

/** Cooperation agreements: coordinators draft and steer, named approvers decide, every read and change is audited. */
@ApiTags('cooperation-agreements')
@ApiBearerAuth()
@Controller('cooperation-agreements')
export class AgreementsController {
  constructor(private readonly agreements: AgreementService) {}

  @Post()
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'create', purpose: 'Kooperationsvereinbarung entwerfen' })
  @ApiCreatedResponse({ type: AgreementDetailDto })
  create(@CurrentUser() user: Principal, @Body() body: CreateAgreementDto): Promise<AgreementDetailDto> {
    return this.agreements.create(user, body);
  }

  @Get()
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'list', purpose: 'Kooperationsvereinbarungen' })
  @ApiOkResponse({ type: AgreementPageDto })
  list(@CurrentUser() user: Principal, @Query() query: AgreementQueryDto): Promise<AgreementPageDto> {
    return this.agreements.list(user, query);
  }

  /** Approvers: the decisions waiting for them, the earliest deadline first. */
  @Get('pending-decisions')
  @Roles(Role.Approver)
  @ApiOkResponse({ type: PendingDecisionPageDto })
  pending(@CurrentUser() user: Principal, @Query() page: PagingDto): Promise<PendingDecisionPageDto> {
    return this.agreements.pending(user, page);
  }

  @Get(':id')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read', purpose: 'Kooperationsvereinbarung' })
  @ApiOkResponse({ type: AgreementDetailDto })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<AgreementDetailDto> {
    return this.agreements.get(user, id);
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'update', purpose: 'Kooperationsvereinbarung entwerfen' })
  @ApiOkResponse({ type: AgreementDetailDto })
  update(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AgreementMetaDto): Promise<AgreementDetailDto> {
    return this.agreements.update(user, id, body);
  }

  @Get(':id/versions')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-versions', purpose: 'Kooperationsvereinbarung' })
  @ApiOkResponse({ type: AgreementVersionListDto })
  versions(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<AgreementVersionListDto> {
    return this.agreements.versions(user, id);
  }

  @Get(':id/versions/:version')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-version', purpose: 'Kooperationsvereinbarung' })
  @ApiOkResponse({ type: AgreementVersionDto })
  version(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<AgreementVersionDto> {
    return this.agreements.version(user, id, version);
  }

  /** A new version: the revision after a rejection, or the renewal of an active agreement. */
  @Post(':id/versions')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'revise', purpose: 'Kooperationsvereinbarung überarbeiten' })
  @ApiCreatedResponse({ type: AgreementVersionDto })
  revise(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: VersionDto): Promise<AgreementVersionDto> {
    return this.agreements.revise(user, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'submit', purpose: 'Kooperationsvereinbarung zur Zustimmung' })
  @ApiOkResponse({ type: AgreementDetailDto })
  submit(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: SubmitAgreementDto): Promise<AgreementDetailDto> {
    return this.agreements.submit(user, id, body);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @Roles(Role.Approver)
  @Audited({ resourceType: RESOURCE, action: 'decide', purpose: 'Zustimmung zur Kooperationsvereinbarung' })
  @ApiOkResponse({ type: DecisionOutcomeDto })
  decide(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: DecisionDto): Promise<DecisionOutcomeDto> {
    return this.agreements.decide(user, id, body);
  }

  @Get(':id/decisions')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-decisions', purpose: 'Kooperationsvereinbarung' })
  @ApiOkResponse({ type: AgreementDecisionListDto })
  decisions(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<AgreementDecisionListDto> {
    return this.agreements.decisions(user, id);
  }

  @Get(':id/history')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-history', purpose: 'Kooperationsvereinbarung' })
  @ApiOkResponse({ type: AgreementEventPageDto })
  history(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() page: PagingDto): Promise<AgreementEventPageDto> {
    return this.agreements.history(user, id, page);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'terminate', purpose: 'Kooperationsvereinbarung beenden' })
  @ApiOkResponse({ type: AgreementDetailDto })
  terminate(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: TerminateDto): Promise<AgreementDetailDto> {
    return this.agreements.terminate(user, id, body.reason);
  }
}
