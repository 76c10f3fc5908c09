import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgreementService } from '@sro/agreements';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { PagingDto } from '../common/paging.dto';
import { AgreementMetaDto, AgreementQueryDto, CreateAgreementDto, DecisionDto, SubmitAgreementDto, TerminateDto, VersionDto } from './dto/agreement.dto';

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
  create(@CurrentUser() user: Principal, @Body() body: CreateAgreementDto) {
    return this.agreements.create(user, body);
  }

  @Get()
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'list', purpose: 'Kooperationsvereinbarungen' })
  list(@CurrentUser() user: Principal, @Query() query: AgreementQueryDto) {
    return this.agreements.list(user, query);
  }

  /** Approvers: the decisions waiting for them, the earliest deadline first. */
  @Get('pending-decisions')
  @Roles(Role.Approver)
  pending(@CurrentUser() user: Principal, @Query() page: PagingDto) {
    return this.agreements.pending(user, page);
  }

  @Get(':id')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read', purpose: 'Kooperationsvereinbarung' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.agreements.get(user, id);
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'update', purpose: 'Kooperationsvereinbarung entwerfen' })
  update(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AgreementMetaDto) {
    return this.agreements.update(user, id, body);
  }

  @Get(':id/versions')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-versions', purpose: 'Kooperationsvereinbarung' })
  versions(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.agreements.versions(user, id);
  }

  @Get(':id/versions/:version')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-version', purpose: 'Kooperationsvereinbarung' })
  version(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('version', ParseIntPipe) version: number) {
    return this.agreements.version(user, id, version);
  }

  /** A new version: the revision after a rejection, or the renewal of an active agreement. */
  @Post(':id/versions')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'revise', purpose: 'Kooperationsvereinbarung überarbeiten' })
  revise(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: VersionDto) {
    return this.agreements.revise(user, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'submit', purpose: 'Kooperationsvereinbarung zur Zustimmung' })
  submit(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: SubmitAgreementDto) {
    return this.agreements.submit(user, id, body);
  }

  @Post(':id/decisions')
  @HttpCode(200)
  @Roles(Role.Approver)
  @Audited({ resourceType: RESOURCE, action: 'decide', purpose: 'Zustimmung zur Kooperationsvereinbarung' })
  decide(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: DecisionDto) {
    return this.agreements.decide(user, id, body);
  }

  @Get(':id/decisions')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-decisions', purpose: 'Kooperationsvereinbarung' })
  decisions(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.agreements.decisions(user, id);
  }

  @Get(':id/history')
  @Roles(...READERS)
  @Audited({ resourceType: RESOURCE, action: 'read-history', purpose: 'Kooperationsvereinbarung' })
  history(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() page: PagingDto) {
    return this.agreements.history(user, id, page);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: RESOURCE, action: 'terminate', purpose: 'Kooperationsvereinbarung beenden' })
  terminate(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: TerminateDto) {
    return this.agreements.terminate(user, id, body.reason);
  }
}
