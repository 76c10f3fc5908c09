import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseAccessKind } from '@sro/cases';
import type {
  CaseSource,
  DangerKind,
  HelpKind,
  HelpPlanView,
  ImmediateProtectionRecord,
  JhdZone,
  JugendhilfedienstCaseList,
  JugendhilfedienstCaseSummary,
  JugendhilfedienstCaseView,
  ProtectionMeasure,
  RiskAssessmentRecord,
  RiskResult,
} from '@sro/jugendhilfedienst';
import { CASE_SOURCES, DANGER_KINDS, HELP_KINDS, JHD_ZONES, PROTECTION_MEASURES, RISK_RESULTS } from '@sro/jugendhilfedienst';
import type { CaseFallteam, CaseStepState, ClassificationEntry, HelpPlanState } from '@sro/workflows/contracts';

const PHASES = ['classification', 'risk_assessment', 'immediate_protection', 'fallteam', 'help_plan', 'help', 'closure', 'closed'];

class JhdReporterDto {
  @ApiProperty()
  name: string;

  @ApiPropertyOptional()
  contact?: string;
}

/** What was reported at intake; opened for those who may see the case. */
class JhdReportDto {
  @ApiProperty()
  text: string;

  @ApiProperty({ type: JhdReporterDto, nullable: true, description: 'null for an anonymous report' })
  reporter: JhdReporterDto | null;
}

class JhdFamilyMemberDto {
  @ApiProperty({ example: 'Mutter' })
  relation: string;

  @ApiProperty()
  name: string;
}

class JhdPersonalDto {
  @ApiProperty()
  familyName: string;

  @ApiProperty({ type: [String] })
  givenNames: string[];

  @ApiProperty({ type: [String], example: ['2015-03-01'] })
  birthDates: string[];

  @ApiProperty()
  address: string;

  @ApiProperty({ type: [JhdFamilyMemberDto] })
  familyMembers: JhdFamilyMemberDto[];
}

/** One classification of the case. */
class JhdClassificationDto implements ClassificationEntry {
  @ApiProperty({ enum: JHD_ZONES })
  zone: JhdZone;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty()
  actorId: string;
}

/** A step of the case; steps the case does not need are skipped. */
class JhdStepDto implements CaseStepState {
  @ApiProperty({ example: 'risk_assessment' })
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ['pending', 'active', 'completed'] })
  status: CaseStepState['status'];

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  dueAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The due date after an extension' })
  extendedTo?: string;

  @ApiPropertyOptional()
  overdue?: boolean;

  @ApiPropertyOptional()
  skipped?: boolean;
}

class JhdProfessionalDto {
  @ApiPropertyOptional({ description: 'A user of the system; externals without' })
  userId?: string;

  @ApiProperty({ example: 'ASD-Fachkraft' })
  function: string;
}

/** A recorded § 8a risk assessment. */
class JhdRiskAssessmentDto implements RiskAssessmentRecord {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RISK_RESULTS })
  result: RiskResult;

  @ApiProperty({ type: [JhdProfessionalDto] })
  professionals: JhdProfessionalDto[];

  @ApiProperty()
  parentsInvolved: boolean;

  @ApiProperty()
  childInvolved: boolean;

  @ApiProperty({ type: String, nullable: true })
  involvementNote: string | null;

  @ApiProperty()
  homeVisit: boolean;

  @ApiProperty({ enum: DANGER_KINDS, isArray: true })
  dangerKinds: DangerKind[];

  @ApiProperty({ enum: HELP_KINDS, isArray: true })
  existingHelp: HelpKind[];

  @ApiProperty({ enum: HELP_KINDS, isArray: true })
  newHelp: HelpKind[];

  @ApiProperty()
  familyCourt: boolean;

  @ApiProperty({ type: String, nullable: true })
  details: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  completedAt: Date;

  @ApiProperty({ description: 'Completed after the § 8a limit of the definition' })
  late: boolean;
}

/** The immediate protection after an acute § 8a result. */
class JhdImmediateProtectionDto implements ImmediateProtectionRecord {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The acute assessment it follows' })
  assessmentId: string | null;

  @ApiProperty({
    enum: PROTECTION_MEASURES,
    description: 'protective_custody (§ 42 Inobhutnahme), family_court (§ 8a Abs. 2) or another reasoned measure',
  })
  measure: ProtectionMeasure;

  @ApiProperty({ type: String, nullable: true, description: 'Why this measure; sealed' })
  reason: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  takenAt: Date;

  @ApiProperty({ description: 'Recorded after the step’s deadline of the definition' })
  late: boolean;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

class JhdFallteamOutcomeDto {
  @ApiProperty()
  professionals: number;

  @ApiProperty()
  participants: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

/** The case's Fallteam consultation (a child workflow). */
class JhdFallteamDto implements CaseFallteam {
  @ApiProperty({ format: 'uuid' })
  consultationId: string;

  @ApiProperty()
  workflowId: string;

  @ApiProperty({ enum: ['running', 'outcome_recorded', 'cancelled', 'failed'] })
  status: CaseFallteam['status'];

  @ApiPropertyOptional({ type: JhdFallteamOutcomeDto })
  outcome?: JhdFallteamOutcomeDto;
}

/** The current help plan as the workflow tracks it. */
class JhdHelpPlanStateDto implements HelpPlanState {
  @ApiProperty({ format: 'uuid' })
  helpPlanId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ example: '2026-11-20' })
  planDate: string;

  @ApiProperty({ example: '2027-05-20' })
  nextReviewAt: string;

  @ApiProperty()
  reviews: number;

  @ApiPropertyOptional({ example: '2027-05-20' })
  lastReviewedAt?: string;

  @ApiProperty()
  reviewOverdue: boolean;
}

class JhdHelpPlanReviewDto {
  @ApiProperty({ type: String, format: 'date-time' })
  reviewedAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  nextReviewAt: Date;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
}

/** A help plan version (§ 36) with its reviews. */
class JhdHelpPlanDto implements HelpPlanView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  planDate: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  reviewAt: Date;

  @ApiProperty({ enum: HELP_KINDS, isArray: true })
  helpKinds: HelpKind[];

  @ApiPropertyOptional({ type: [String] })
  goals?: string[];

  @ApiPropertyOptional()
  agreements?: string;

  @ApiPropertyOptional({ type: [String] })
  participants?: string[];

  @ApiProperty({ type: [JhdHelpPlanReviewDto] })
  reviews: JhdHelpPlanReviewDto[];
}

/** A Jugendhilfedienst case: the case file, its sealed records (opened) and the workflow's state. */
export class JhdCaseResponseDto implements JugendhilfedienstCaseView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  pseudonym: string;

  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty({ enum: CASE_SOURCES, nullable: true })
  source: CaseSource | null;

  @ApiProperty({ description: 'The reporter stays unknown' })
  anonymous: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reportedAt: Date | null;

  @ApiProperty({ type: JhdReportDto, nullable: true })
  report: JhdReportDto | null;

  @ApiProperty({ type: JhdPersonalDto })
  personal: JhdPersonalDto;

  @ApiProperty({ enum: JHD_ZONES, nullable: true })
  zone: JhdZone | null;

  @ApiProperty({ type: [JhdClassificationDto], description: 'Every classification, re-classifications while help runs included' })
  classifications: JhdClassificationDto[];

  @ApiProperty({ enum: PHASES })
  phase: JugendhilfedienstCaseView['phase'];

  @ApiProperty({ type: [JhdStepDto] })
  steps: JhdStepDto[];

  @ApiProperty({ description: 'Version of the definition the case runs on' })
  definitionVersion: number;

  @ApiProperty({ type: String, nullable: true, example: 'P9M' })
  expectedHelpDuration: string | null;

  @ApiProperty({ type: [JhdRiskAssessmentDto] })
  riskAssessments: JhdRiskAssessmentDto[];

  @ApiProperty({ type: [JhdImmediateProtectionDto] })
  immediateProtections: JhdImmediateProtectionDto[];

  @ApiProperty({ type: JhdFallteamDto, nullable: true })
  fallteam: JhdFallteamDto | null;

  @ApiProperty({ type: JhdHelpPlanStateDto, nullable: true })
  helpPlan: JhdHelpPlanStateDto | null;

  @ApiProperty({ type: [JhdHelpPlanDto] })
  helpPlans: JhdHelpPlanDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2031-11-20', description: 'Closure + the definition’s retention period' })
  deletionDate: string | null;

  @ApiProperty({ description: 'Kept past its deletion date' })
  legalHold: boolean;
}

/** One line of the case list. */
class JhdCaseSummaryDto implements JugendhilfedienstCaseSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  pseudonym: string;

  @ApiProperty({ enum: JHD_ZONES, nullable: true })
  zone: string | null;

  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty({ enum: CASE_SOURCES, nullable: true })
  source: CaseSource | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reportedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deletionDate: Date | null;

  @ApiProperty({ enum: PHASES, nullable: true })
  phase: string | null;

  @ApiProperty({ type: String, nullable: true })
  currentStep: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  currentDueAt: Date | null;

  @ApiProperty({
    enum: ['team', 'substitute', 'break-glass', 'lead'],
    nullable: true,
    description: 'How the caller reaches the case; null: listed only (file number, pseudonym and responsible caseworker)',
  })
  access: CaseAccessKind | null;

  @ApiProperty({ description: 'The responsible caseworker (user id)' })
  responsibleCaseworkerId: string;
}

export class JhdCaseListResponseDto implements JugendhilfedienstCaseList {
  @ApiProperty({ type: [JhdCaseSummaryDto] })
  items: JhdCaseSummaryDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
