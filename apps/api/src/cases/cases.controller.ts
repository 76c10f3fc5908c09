import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { CaseSearchService, CaseService, CaseTeamService, ConsultationService } from '@sro/cases';
import { Principal, Role } from '@sro/common';
import { ReasonDto } from '../sozialraum/dto/sozialraum.dto';
import { PagingDto } from '../common/paging.dto';
import { CaseListQueryDto } from './dto/case-search.dto';
import { caseEtag } from './case-file.controller';
import {
  BreakGlassDto,
  CaseTeamDto,
  ConfidedItemInputDto,
  ConsentDto,
  CreateCaseDto,
  InviteDto,
  OutcomeDto,
  RecommendationDto,
  RequestConsultationDto,
  ScheduleDto,
  SessionDto,
  SubstitutionDto,
  TransferDto,
} from './dto/case.dto';
import {
  AdviserAccessDto,
  AdviserConsultationListDto,
  BreakGlassResponseDto,
  CaseTransferDto,
  CaseTransferListDto,
  SubstitutionListDto,
  SubstitutionResponseDto,
  CaseDto,
  CaseIntakeDto,
  CasePageDto,
  ConsentListDto,
  ConsentRecordDto,
  ConsultationDto,
  ConsultationPacketDto,
  FallteamSessionDto,
  FallteamSessionPageDto,
  RecommendationRecordDto,
} from './dto/case-response.dto';

const uuid = new ParseUUIDPipe();

/** Case files: caseworkers only; every read and change is audited with its purpose. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly consultations: ConsultationService,
    private readonly team: CaseTeamService,
    private readonly search: CaseSearchService,
  ) {}

  @Post()
  @Roles(Role.Caseworker)
  @ApiCreatedResponse({ type: CaseIntakeDto })
  @ApiOperation({
    summary: 'Fall aufnehmen, auf Wunsch gleich mit der Fallteam-Anfrage',
    description:
      'Mit `consultation` entstehen Fall und Fallteam-Anfrage in einem Aufruf (eine Transaktion, dann der Start der Beratung); ' +
      'die Antwort enthält die Beratung unter `consultation`. Ohne das Feld wird nur der Fall angelegt.',
  })
  @Audited({
    resourceType: 'case',
    action: 'create',
    purpose: 'Fallaufnahme',
    also: { resultField: 'consultation', action: 'request-consultation', purpose: 'Fallteam-Anfrage', childKey: 'consultationId' },
  })
  create(@CurrentUser() user: Principal, @Body() body: CreateCaseDto): Promise<CaseIntakeDto> {
    const input = {
      socialSpaceId: body.socialSpaceId,
      zone: body.zone,
      personal: body.personal,
      content: { will: body.will, goals: body.goals, resources: body.resources },
      confided: body.confided ?? [],
    };
    return body.consultation ? this.consultations.intake(user, input, body.consultation.questions) : this.cases.create(user, input);
  }

  @Get()
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: CasePageDto })
  @Audited({ resourceType: 'case', action: 'list', purpose: 'Fallübersicht' })
  @ApiOperation({
    summary: 'Fälle suchen und auflisten',
    description:
      'Die eigenen Fälle und die Fälle der eigenen Sozialräume, mit Suche (Name, Geburtsdatum, Pseudonym/Aktenzeichen), Filtern, Sortierung und Seiten. ' +
      'Fälle außerhalb des eigenen Fallteams erscheinen nur als Hinweis „existiert, fragen Sie die fallverantwortliche Fachkraft“ (ohne Namen und Bereich).',
  })
  list(@CurrentUser() user: Principal, @Query() query: CaseListQueryDto): Promise<CasePageDto> {
    return this.search.list(user, query);
  }

  @Get(':id')
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: CaseDto, headers: { ETag: { description: 'Version der Fallakte, für If-Match bei Änderungen' } } })
  @Audited({ resourceType: 'case', action: 'read', purpose: 'Fallbearbeitung' })
  async get(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<CaseDto> {
    const details = await this.cases.get(user, id);
    res.setHeader('ETag', caseEtag(details.version));
    return details;
  }

  @Get(':id/consents')
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: ConsentListDto })
  @Audited({ resourceType: 'case', action: 'read-consents', purpose: 'Einwilligungen prüfen' })
  consents(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ConsentListDto> {
    return this.cases.consents(user, id);
  }

  @Post(':id/consents')
  @Roles(Role.Caseworker)
  @ApiCreatedResponse({ type: ConsentRecordDto })
  @Audited({
    resourceType: 'case',
    action: 'add-consent',
    purpose: 'Einwilligung erfassen',
    parent: { resourceType: 'case', childKey: 'consentId' },
  })
  addConsent(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ConsentDto): Promise<ConsentRecordDto> {
    return this.cases.addConsent(user, id, body);
  }

  @Post(':id/consents/:consentId/revoke')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: ConsentRecordDto })
  @Audited({
    resourceType: 'case',
    action: 'revoke-consent',
    purpose: 'Widerruf der Einwilligung',
    parent: { resourceType: 'case', childKey: 'consentId', childParam: 'consentId' },
  })
  revoke(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('consentId', uuid) consentId: string,
  ): Promise<ConsentRecordDto> {
    return this.cases.revokeConsent(user, id, consentId);
  }

  @Post(':id/confided')
  @Roles(Role.Caseworker)
  @ApiCreatedResponse({ type: CaseDto })
  @Audited({ resourceType: 'case', action: 'add-confided', purpose: 'Anvertrautes erfassen (§ 65 SGB VIII)' })
  addConfided(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ConfidedItemInputDto): Promise<CaseDto> {
    return this.cases.addConfided(user, id, body.text);
  }

  @Post(':id/confided/:itemId/release')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: CaseDto })
  @Audited({ resourceType: 'case', action: 'release-confided', purpose: 'Freigabe von Anvertrautem an das Fallteam' })
  releaseConfided(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('itemId', uuid) itemId: string): Promise<CaseDto> {
    return this.cases.releaseConfided(user, id, itemId);
  }

  @Put(':id/team')
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: CaseDto })
  @Audited({ resourceType: 'case', action: 'set-team', purpose: 'Fallteam bestimmen' })
  async setTeam(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: CaseTeamDto): Promise<CaseDto> {
    await this.team.setCoWorkers(user, id, body.coWorkerIds);
    return this.cases.get(user, id);
  }

  @Post(':id/break-glass')
  @Roles(Role.Caseworker)
  @ApiCreatedResponse({ type: BreakGlassResponseDto })
  // The answer's id is the opening's; the service audits the case with the reason.
  @Audited({ resourceType: 'case-break-glass', action: 'open', purpose: 'Notfallzugriff (Break-Glass)' })
  breakGlass(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: BreakGlassDto): Promise<BreakGlassResponseDto> {
    return this.team.breakGlass(user, id, body.reason);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: CaseTransferDto })
  // The answer's id is the transfer's; the service audits the case with who, from whom and to whom.
  @Audited({ resourceType: 'case-transfer', action: 'create', purpose: 'Fallübergabe' })
  transfer(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: TransferDto): Promise<CaseTransferDto> {
    return this.team.transfer(user, id, body);
  }

  @Get(':id/transfers')
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: CaseTransferListDto })
  @Audited({ resourceType: 'case', action: 'read-transfers', purpose: 'Übergabehistorie' })
  transfers(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<CaseTransferListDto> {
    return this.team.transfers(user, id);
  }

  @Post(':id/consultations')
  @Roles(Role.Caseworker)
  @ApiCreatedResponse({ type: ConsultationDto })
  @Audited({
    resourceType: 'case',
    action: 'request-consultation',
    purpose: 'Fallteam-Anfrage',
    parent: { resourceType: 'case', childKey: 'consultationId' },
  })
  requestConsultation(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: RequestConsultationDto,
  ): Promise<ConsultationDto> {
    return this.consultations.request(user, id, body.questions);
  }
}

/** Substitutions (Vertretung): during the period the substitute has the absent caseworker's case-team rights. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('substitutions')
export class SubstitutionsController {
  constructor(private readonly team: CaseTeamService) {}

  @Post()
  @Roles(Role.Caseworker, Role.Lead)
  @ApiCreatedResponse({ type: SubstitutionResponseDto })
  @Audited({ resourceType: 'substitution', action: 'create', purpose: 'Vertretung regeln' })
  create(@CurrentUser() user: Principal, @Body() body: SubstitutionDto): Promise<SubstitutionResponseDto> {
    return this.team.nameSubstitute(user, body);
  }

  @Get()
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: SubstitutionListDto })
  mine(@CurrentUser() user: Principal): Promise<SubstitutionListDto> {
    return this.team.substitutions(user);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: SubstitutionResponseDto })
  @Audited({ resourceType: 'substitution', action: 'end', purpose: 'Vertretung beenden' })
  end(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<SubstitutionResponseDto> {
    return this.team.endSubstitution(user, id);
  }
}

/** Consultation rows name their case (from the answer); a refusal keeps the consultation's id. */
const CASE_OF_CONSULTATION = { resourceType: 'case', childKey: 'consultationId', parentField: 'caseId' };

/** Fallteam sessions and consultations. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationService) {}

  @Post('fallteam-sessions')
  @Roles(Role.Caseworker, Role.Coordinator)
  @ApiCreatedResponse({ type: FallteamSessionDto })
  createSession(@CurrentUser() user: Principal, @Body() body: SessionDto): Promise<FallteamSessionDto> {
    return this.consultations.createSession(user, body);
  }

  @Get('fallteam-sessions')
  @Roles(Role.Caseworker, Role.Coordinator)
  @ApiOkResponse({ type: FallteamSessionPageDto })
  sessions(@Query() page: PagingDto): Promise<FallteamSessionPageDto> {
    return this.consultations.sessions(page);
  }

  /** Advisers: the consultations they are invited to, while the window is open. */
  @Get('consultations')
  @Roles(Role.Adviser)
  @ApiOkResponse({ type: AdviserConsultationListDto })
  mine(@CurrentUser() user: Principal): Promise<AdviserConsultationListDto> {
    return this.consultations.forAdviser(user);
  }

  @Get('consultations/:id')
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOkResponse({ type: ConsultationDto })
  @Audited({ resourceType: 'consultation', action: 'read', purpose: 'Fallteam', parent: CASE_OF_CONSULTATION })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ConsultationDto> {
    return this.consultations.get(user, id);
  }

  @Get('consultations/:id/packet')
  @Roles(Role.Adviser, Role.Caseworker)
  @ApiOkResponse({ type: ConsultationPacketDto })
  @Audited({ resourceType: 'consultation-packet', action: 'read', purpose: 'Fallberatung im erweiterten Fallteam' })
  packet(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ConsultationPacketDto> {
    return this.consultations.packet(user, id);
  }

  @Post('consultations/:id/schedule')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: ConsultationDto })
  @Audited({ resourceType: 'consultation', action: 'schedule', purpose: 'Fallteam', parent: CASE_OF_CONSULTATION })
  schedule(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ScheduleDto): Promise<ConsultationDto> {
    return this.consultations.schedule(user, id, body.sessionId);
  }

  @Post('consultations/:id/invitations')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: [AdviserAccessDto] })
  @Audited({ resourceType: 'consultation', action: 'invite', purpose: 'Fallteam', parent: CASE_OF_CONSULTATION })
  invite(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: InviteDto): Promise<AdviserAccessDto[]> {
    return this.consultations.invite(user, id, body.adviserIds);
  }

  /** Advisers: a recommendation, inside their window and before the outcome (otherwise 404, as for the packet). */
  @Post('consultations/:id/recommendations')
  @Roles(Role.Adviser)
  @ApiCreatedResponse({ type: RecommendationRecordDto })
  @Audited({ resourceType: 'consultation', action: 'recommend', purpose: 'Fallberatung im erweiterten Fallteam' })
  recommend(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: RecommendationDto,
  ): Promise<RecommendationRecordDto> {
    return this.consultations.recommend(user, id, body);
  }

  @Post('consultations/:id/outcome')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: ConsultationDto })
  @Audited({ resourceType: 'consultation', action: 'record-outcome', purpose: 'Fallteam', parent: CASE_OF_CONSULTATION })
  outcome(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: OutcomeDto): Promise<ConsultationDto> {
    return this.consultations.recordOutcome(user, id, body);
  }

  @Post('consultations/:id/cancel')
  @HttpCode(200)
  @Roles(Role.Caseworker)
  @ApiOkResponse({ type: ConsultationDto })
  @Audited({ resourceType: 'consultation', action: 'cancel', purpose: 'Fallteam', parent: CASE_OF_CONSULTATION })
  cancel(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ConsultationDto> {
    return this.consultations.cancel(user, id, body.reason);
  }
}
