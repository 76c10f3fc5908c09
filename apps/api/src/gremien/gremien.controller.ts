import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { GremienService, ProviderNetworkService } from '@sro/gremien';
import { BudgetDto } from '../sozialraum/dto/sozialraum-response.dto';
import {
  AddMemberDto,
  ApproveMinutesDto,
  AttendanceDto,
  CommitteeQueryDto,
  CreateCommitteeDto,
  MeetingInputDto,
  MinutesInputDto,
  NetworkBudgetQueryDto,
  NetworkInterviewQueryDto,
  ProviderNetworkInputDto,
  ProviderNetworkQueryDto,
  RenameCommitteeDto,
} from './dto/gremien.dto';
import {
  CommitteeDetailDto,
  CommitteeMemberDto,
  CommitteePageDto,
  MeetingDto,
  MinutesTaskDto,
  NetworkInterviewsDto,
  ProcessMeetingListDto,
  ProviderNetworkDto,
  ProviderNetworkListDto,
  RemovedMemberDto,
} from './dto/gremien-response.dto';

const uuid = new ParseUUIDPipe();
/** Staff who may sit in a committee; what each sees is decided per committee (region, membership). */
const STAFF = [Role.Coordinator, Role.Lead, Role.Caseworker, Role.Admin];

@ApiTags('gremien')
@ApiBearerAuth()
@Controller('committees')
export class CommitteesController {
  constructor(private readonly gremien: GremienService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Gremien',
    description: 'Die Gremien der eigenen Planregionen (Koordination, Leitung), des Landkreises und die, in denen man Mitglied ist.',
  })
  @ApiOkResponse({ type: CommitteePageDto })
  @Audited({ resourceType: 'committee', action: 'list', purpose: 'Gremienübersicht' })
  list(@CurrentUser() user: Principal, @Query() query: CommitteeQueryDto) {
    return this.gremien.list(user, query);
  }

  @Post()
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary: 'Gremium anlegen',
    description: 'Die Koordination legt ein Gremium ihrer Planregion (oder des Landkreises) an.',
  })
  @ApiCreatedResponse({ type: CommitteeDetailDto })
  create(@CurrentUser() user: Principal, @Body() body: CreateCommitteeDto) {
    return this.gremien.create(user, body);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Gremium mit Mitgliedern und Sitzungen' })
  @ApiOkResponse({ type: CommitteeDetailDto })
  @Audited({ resourceType: 'committee', action: 'read', idParam: 'id', purpose: 'Gremium einsehen' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.gremien.get(user, id);
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Gremium umbenennen' })
  @ApiOkResponse({ type: CommitteeDetailDto })
  rename(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: RenameCommitteeDto) {
    return this.gremien.rename(user, id, body.name);
  }

  @Post(':id/members')
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary: 'Mitglied aufnehmen',
    description: 'Eine Person aus dem Personal, eine externe Person mit Namen oder einen Vertragspartner.',
  })
  @ApiCreatedResponse({ type: CommitteeMemberDto })
  addMember(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AddMemberDto) {
    return this.gremien.addMember(user, id, body);
  }

  @Delete(':id/members/:memberId')
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Mitglied austragen', description: 'Frühere Anwesenheiten bleiben erhalten.' })
  @ApiOkResponse({ type: RemovedMemberDto })
  removeMember(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('memberId', uuid) memberId: string) {
    return this.gremien.removeMember(user, id, memberId);
  }

  @Post(':id/meetings')
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary: 'Sitzung anlegen',
    description: 'Datum, Ort, Tagesordnung (mit Verweisen auf Prozesse, Maßnahmen, Vereinbarungen, Interviewberichte).',
  })
  @ApiCreatedResponse({ type: MeetingDto })
  createMeeting(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: MeetingInputDto) {
    return this.gremien.createMeeting(user, id, body);
  }
}

@ApiTags('gremien')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly gremien: GremienService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Sitzungen eines Sozialraumprozesses',
    description: 'Die Sozialraumkonferenzen (Phase 6), die mit dem Prozess verknüpft sind.',
  })
  @ApiOkResponse({ type: ProcessMeetingListDto })
  @Audited({ resourceType: 'meeting', action: 'list', purpose: 'Sitzungen eines Prozesses' })
  ofProcess(@CurrentUser() user: Principal, @Query('processId', uuid) processId: string) {
    return this.gremien.meetingsOfProcess(user, processId);
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Sitzung mit Tagesordnung, Anwesenheit und Protokoll' })
  @ApiOkResponse({ type: MeetingDto })
  @Audited({ resourceType: 'meeting', action: 'read', idParam: 'id', purpose: 'Sitzung einsehen' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.gremien.meeting(user, id);
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Sitzung ändern' })
  @ApiOkResponse({ type: MeetingDto })
  update(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: MeetingInputDto) {
    return this.gremien.updateMeeting(user, id, body);
  }

  @Put(':id/attendance')
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Anwesenheit erfassen' })
  @ApiOkResponse({ type: MeetingDto })
  attendance(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: AttendanceDto) {
    return this.gremien.setAttendance(user, id, body.entries);
  }

  @Put(':id/minutes')
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary: 'Protokollentwurf speichern',
    description:
      'Verlauf, Beschlüsse und Aufgaben (zuständige Person aus dem Gremium, Frist); nur solange das Protokoll nicht versandt ist.',
  })
  @ApiOkResponse({ type: MeetingDto })
  minutes(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: MinutesInputDto) {
    return this.gremien.writeMinutes(user, id, body);
  }

  @Post(':id/minutes/submit')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary: 'Protokoll versenden',
    description: 'Die Aufgaben erscheinen in „Meine Aufgaben“ der zuständigen Personen, mit Erinnerung zur Frist.',
  })
  @ApiOkResponse({ type: MeetingDto })
  submit(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.gremien.submitMinutes(user, id);
  }

  @Post(':id/minutes/approve')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Protokoll genehmigen', description: 'In der nächsten Sitzung des Gremiums, sobald sie begonnen hat.' })
  @ApiOkResponse({ type: MeetingDto })
  approve(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ApproveMinutesDto) {
    return this.gremien.approveMinutes(user, id, body.atMeetingId);
  }
}

@ApiTags('gremien')
@ApiBearerAuth()
@Controller('meeting-tasks')
export class MeetingTasksController {
  constructor(private readonly gremien: GremienService) {}

  @Post(':id/done')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Aufgabe aus Protokoll erledigen',
    description: 'Die zuständige Person oder die Koordination; die Erinnerung entfällt.',
  })
  @ApiOkResponse({ type: MinutesTaskDto })
  done(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.gremien.completeTask(user, id);
  }
}

@ApiTags('gremien')
@ApiBearerAuth()
@Controller('provider-networks')
export class ProviderNetworksController {
  constructor(private readonly networks: ProviderNetworkService) {}

  @Get()
  @Roles(Role.Coordinator, Role.Lead, Role.Caseworker)
  @ApiOperation({
    summary: 'Trägerverbünde',
    description: 'Die Trägerverbünde der eigenen Planregionen (Koordination, Leitung) oder Sozialräume (Fachkräfte).',
  })
  @ApiOkResponse({ type: ProviderNetworkListDto })
  @Audited({ resourceType: 'provider-network', action: 'list', purpose: 'Trägerverbünde' })
  list(@CurrentUser() user: Principal, @Query() query: ProviderNetworkQueryDto) {
    return this.networks.list(user, query.socialSpaceId);
  }

  @Post()
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Trägerverbund anlegen' })
  @ApiCreatedResponse({ type: ProviderNetworkDto })
  create(@CurrentUser() user: Principal, @Body() body: ProviderNetworkInputDto) {
    return this.networks.create(user, body);
  }

  @Get(':id')
  @Roles(Role.Coordinator, Role.Lead, Role.Caseworker)
  @ApiOperation({ summary: 'Trägerverbund' })
  @ApiOkResponse({ type: ProviderNetworkDto })
  @Audited({ resourceType: 'provider-network', action: 'read', idParam: 'id', purpose: 'Trägerverbund einsehen' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.networks.get(user, id);
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  @ApiOperation({ summary: 'Trägerverbund ändern' })
  @ApiOkResponse({ type: ProviderNetworkDto })
  update(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ProviderNetworkInputDto) {
    return this.networks.update(user, id, body);
  }

  @Get(':id/interviews')
  @Roles(Role.Coordinator, Role.Lead, Role.Caseworker)
  @ApiOperation({
    summary: 'Interviews des Verbunds',
    description: 'Die Auswertung eines Interviewzyklus nur über die Mitglieder des Verbunds, und der Stand jedes Mitglieds.',
  })
  @ApiOkResponse({ type: NetworkInterviewsDto })
  @Audited({ resourceType: 'provider-network', action: 'interviews.read', idParam: 'id', purpose: 'Interviews eines Trägerverbunds' })
  interviews(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() query: NetworkInterviewQueryDto) {
    return this.networks.interviews(user, id, query.cycleId);
  }

  @Get(':id/budget')
  @Roles(Role.Coordinator, Role.Lead, Role.Caseworker)
  @ApiOperation({
    summary: 'Budget des Verbunds',
    description: 'Das Sozialraumbudget des Jahres im Sozialraum des Verbunds: Zuweisungen und Ausgaben.',
  })
  @ApiOkResponse({ type: BudgetDto })
  @Audited({ resourceType: 'provider-network', action: 'budget.read', idParam: 'id', purpose: 'Budget eines Trägerverbunds' })
  budget(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() query: NetworkBudgetQueryDto) {
    return this.networks.budget(user, id, query.year);
  }
}
