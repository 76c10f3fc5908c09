import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { CaseClosureService, JugendhilfedienstService } from '@sro/jugendhilfedienst';
import {
  ClassifyDto,
  HelpPlanDto,
  HelpPlanReviewDto,
  ImmediateProtectionDto,
  IntakeDto,
  JhdListQueryDto,
  RiskAssessmentDto,
} from './dto/jugendhilfedienst.dto';
import { JhdCaseListResponseDto, JhdCaseResponseDto } from './dto/jugendhilfedienst-case.response.dto';

const uuid = new ParseUUIDPipe();

/** The standardised Jugendhilfedienst process: caseworkers of the case's social space; every call audited. */
@ApiTags('jugendhilfedienst')
@ApiBearerAuth()
@Controller('jugendhilfedienst-cases')
export class JugendhilfedienstController {
  constructor(
    private readonly cases: JugendhilfedienstService,
    private readonly closure: CaseClosureService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'intake', purpose: 'Eingang einer Meldung (Jugendhilfedienst)' })
  intake(@CurrentUser() user: Principal, @Body() body: IntakeDto): Promise<JhdCaseResponseDto> {
    return this.cases.intake(user, body);
  }

  @Get()
  @ApiOkResponse({ type: JhdCaseListResponseDto })
  @Roles(Role.Caseworker, Role.Lead)
  @Audited({ resourceType: 'case', action: 'list', purpose: 'Fallübersicht Jugendhilfedienst' })
  list(@CurrentUser() user: Principal, @Query() query: JhdListQueryDto): Promise<JhdCaseListResponseDto> {
    return this.cases.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker, Role.Lead)
  @Audited({ resourceType: 'case', action: 'read', purpose: 'Fallbearbeitung Jugendhilfedienst' })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<JhdCaseResponseDto> {
    return this.cases.get(user, id);
  }

  @Post(':id/classification')
  @HttpCode(200)
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'classify', purpose: 'Einordnung des Falls' })
  classify(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ClassifyDto): Promise<JhdCaseResponseDto> {
    return this.cases.classify(user, id, body);
  }

  @Post(':id/risk-assessment')
  @HttpCode(200)
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'risk-assessment', purpose: 'Gefährdungseinschätzung nach § 8a SGB VIII' })
  riskAssessment(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: RiskAssessmentDto,
  ): Promise<JhdCaseResponseDto> {
    return this.cases.recordRiskAssessment(user, id, body);
  }

  @Post(':id/immediate-protection')
  @HttpCode(200)
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({
    resourceType: 'case',
    action: 'immediate-protection',
    purpose: 'Sofortschutz bei akuter Gefährdung (§ 42, § 8a Abs. 2 SGB VIII)',
  })
  immediateProtection(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body() body: ImmediateProtectionDto,
  ): Promise<JhdCaseResponseDto> {
    return this.cases.recordImmediateProtection(user, id, body);
  }

  @Post(':id/help-plans')
  @HttpCode(200)
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'help-plan', purpose: 'Hilfeplan nach § 36 SGB VIII' })
  helpPlan(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: HelpPlanDto): Promise<JhdCaseResponseDto> {
    return this.cases.recordHelpPlan(user, id, body);
  }

  @Post(':id/help-plans/reviews')
  @HttpCode(200)
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'help-plan-review', purpose: 'Überprüfung des Hilfeplans (Wiedervorlage)' })
  review(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: HelpPlanReviewDto): Promise<JhdCaseResponseDto> {
    return this.cases.recordReview(user, id, body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: JhdCaseResponseDto })
  @Roles(Role.Caseworker)
  @Audited({ resourceType: 'case', action: 'close', purpose: 'Fallabschluss' })
  async close(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<JhdCaseResponseDto> {
    // Closed without a reason here; POST /cases/:id/close takes one.
    await this.closure.closeProcess(user, id, null);
    return this.cases.get(user, id);
  }
}
