import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_TYPES, QuestionType, TARGET_PERSPECTIVES, TargetPerspective } from '@sro/definitions';
import { INTERVIEW_STATUSES, InterviewStatus } from '@sro/workflows/contracts';

/** How many interviews a cycle has, in all and by status. */
export class InterviewCountsDto {
  @ApiProperty()
  total: number;

  @ApiProperty()
  open: number;

  @ApiProperty()
  planned: number;

  @ApiProperty()
  overdue: number;

  @ApiProperty()
  done: number;

  @ApiProperty()
  withdrawn: number;

  @ApiProperty()
  failed: number;
}

export class InterviewCycleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 1 })
  number: number;

  @ApiProperty({ enum: ['running', 'completed'] })
  status: 'running' | 'completed';

  @ApiProperty()
  workflowId: string;

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty({ example: '2026-1' })
  questionnaireVersion: string;

  @ApiProperty()
  coordinatorId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: Date | null;

  @ApiProperty({ type: InterviewCountsDto })
  counts: InterviewCountsDto;
}

export class InterviewCyclePageDto {
  @ApiProperty({ type: [InterviewCycleDto] })
  items: InterviewCycleDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** One partner's interview in a cycle. */
export class PartnerInterviewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  cycleId: string;

  @ApiProperty({ format: 'uuid' })
  partnerId: string;

  @ApiProperty()
  partnerName: string;

  @ApiProperty()
  partnerCode: string;

  @ApiProperty({ enum: INTERVIEW_STATUSES })
  status: InterviewStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  plannedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  interviewerId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-1' })
  questionnaireVersion: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: Date | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Version of the answers: 1 as first recorded, higher after corrections' })
  answersVersion: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the interview took place' })
  conductedOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawnReason: string | null;

  @ApiProperty({ description: 'The cycle ended before the interview was done' })
  closedByCycle: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Why the interview workflow failed' })
  error: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class InterviewProgressPageDto {
  @ApiProperty({ type: [PartnerInterviewDto] })
  items: PartnerInterviewDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

export class AssignedInterviewDto extends PartnerInterviewDto {
  @ApiProperty()
  cycleNumber: number;
}

export class AssignedInterviewPageDto {
  @ApiProperty({ type: [AssignedInterviewDto] })
  items: AssignedInterviewDto[];

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** An answer the organisation gave. */
export class RecordedAnswerDto {
  @ApiProperty({ example: 'cy_reach' })
  questionKey: string;

  @ApiProperty({
    description: 'scale: 1–5; yes_no: true/false; single_choice: an option; multiple_choice: options; free_text: text',
    oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }, { type: 'array', items: { type: 'string' } }],
  })
  value: unknown;
}

/** One version of an interview's answers. */
export class AnswersVersionDto {
  @ApiProperty()
  version: number;

  @ApiProperty({ type: [RecordedAnswerDto] })
  answers: RecordedAnswerDto[];

  @ApiProperty({ type: String, format: 'date', nullable: true })
  conductedOn: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt: Date;

  @ApiProperty({ example: 'demo-caseworker' })
  recordedBy: string;

  @ApiProperty({ type: String, nullable: true, description: 'Why the answers were corrected; null for the first recording' })
  reason: string | null;
}

/** One entry of an interview's history. */
export class InterviewEventDto {
  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ example: 'planned' })
  kind: string;

  @ApiProperty({ type: String, nullable: true })
  actorId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;
}

export class InterviewDetailDto extends PartnerInterviewDto {
  @ApiProperty({ type: [RecordedAnswerDto], nullable: true })
  answers: RecordedAnswerDto[] | null;

  @ApiProperty({ type: [AnswersVersionDto] })
  answerVersions: AnswersVersionDto[];

  @ApiProperty({ type: [InterviewEventDto] })
  history: InterviewEventDto[];
}

/** The interview as the update left it, with the workflow's revision. */
export class UpdatedInterviewDto extends PartnerInterviewDto {
  @ApiProperty()
  revision: number;
}

/** A partner as the cycle knows it. */
export class CycleEntryDto {
  @ApiProperty({ format: 'uuid' })
  partnerId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: INTERVIEW_STATUSES, description: 'The last status the cycle knows' })
  status: InterviewStatus;

  @ApiProperty({ description: 'The interview workflow has ended' })
  finished: boolean;

  @ApiProperty()
  workflowId: string;

  @ApiProperty()
  joinedLate: boolean;

  @ApiPropertyOptional()
  error?: string;
}

/** What a check of the registry changed: partners added, interviews withdrawn. */
export class PartnerSyncDto {
  @ApiProperty({ type: [String] })
  added: string[];

  @ApiProperty({ type: [String] })
  withdrawn: string[];
}

export class ScheduledCycleDto {
  @ApiProperty({ format: 'date-time' })
  scheduledAt: string;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty()
  workflowId: string;
}

/** The Temporal Schedule that starts the cycles. */
export class InterviewScheduleViewDto {
  @ApiProperty()
  scheduleId: string;

  @ApiProperty({ example: 'P2Y' })
  interval: string;

  @ApiProperty({ format: 'date-time' })
  anchor: string;

  @ApiProperty()
  coordinatorId: string;

  @ApiProperty()
  paused: boolean;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: [String], description: 'When the next cycles start (date-times)' })
  nextCycles: string[];

  @ApiProperty({ type: [ScheduledCycleDto] })
  recentCycles: ScheduledCycleDto[];

  @ApiProperty({ type: [String], description: 'Workflow ids of the cycles the schedule started that still run' })
  runningCycles: string[];

  @ApiProperty()
  cyclesStarted: number;
}

// --- the report --------------------------------------------------------------------------------

export class ReportCycleDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  number: number;

  @ApiProperty({ enum: ['running', 'completed'] })
  status: 'running' | 'completed';

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt: string | null;

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty({ example: '2026-1' })
  questionnaireVersion: string;
}

export class ReportPartnersDto {
  @ApiProperty()
  total: number;

  @ApiProperty()
  done: number;

  @ApiProperty()
  withdrawn: number;

  @ApiProperty()
  notAnswered: number;

  @ApiProperty()
  failed: number;
}

export class DistributionEntryDto {
  @ApiProperty()
  value: string;

  @ApiProperty()
  count: number;

  @ApiProperty({ description: 'Of the interviews that answered the question, 0–1' })
  share: number;
}

export class PreviousQuestionDto {
  @ApiProperty()
  answered: number;

  @ApiProperty({ type: Number, nullable: true })
  mean: number | null;

  @ApiProperty({ type: [DistributionEntryDto] })
  distribution: DistributionEntryDto[];
}

export class ShareChangeDto {
  @ApiProperty()
  value: string;

  @ApiProperty()
  change: number;
}

export class QuestionChangeDto {
  @ApiProperty({ type: Number, nullable: true })
  mean: number | null;

  @ApiProperty({ type: [ShareChangeDto] })
  shares: ShareChangeDto[];
}

export class QuestionReportDto {
  @ApiProperty({ example: 'cy_reach' })
  key: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  type: QuestionType;

  @ApiProperty()
  answered: number;

  @ApiProperty({ type: [DistributionEntryDto] })
  distribution: DistributionEntryDto[];

  @ApiProperty({ type: Number, nullable: true, description: 'Scale questions only' })
  mean: number | null;

  @ApiProperty({ type: [String], description: 'Free-text questions only; not attributed' })
  texts: string[];

  @ApiProperty({ type: PreviousQuestionDto, nullable: true })
  previous: PreviousQuestionDto | null;

  @ApiProperty({ type: QuestionChangeDto, nullable: true })
  change: QuestionChangeDto | null;
}

export class ReportPerspectiveDto {
  @ApiProperty({ enum: TARGET_PERSPECTIVES })
  perspective: TargetPerspective;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: [QuestionReportDto] })
  questions: QuestionReportDto[];
}

export class PreviousCycleDto {
  @ApiProperty({ format: 'uuid' })
  cycleId: string;

  @ApiProperty()
  number: number;

  @ApiProperty()
  responseRate: number;
}

export class ResponseRateChangeDto {
  @ApiProperty()
  responseRate: number;
}

/** The feedback report of a cycle per target perspective (organisations' answers, no names). */
export class InterviewReportDto {
  @ApiProperty({ type: ReportCycleDto })
  cycle: ReportCycleDto;

  @ApiProperty({ description: 'False while the cycle still runs: the numbers can change' })
  final: boolean;

  @ApiProperty({ type: ReportPartnersDto })
  partners: ReportPartnersDto;

  @ApiProperty({ description: 'Done interviews of those not withdrawn, 0–1' })
  responseRate: number;

  @ApiProperty({ type: [ReportPerspectiveDto] })
  perspectives: ReportPerspectiveDto[];

  @ApiProperty({ type: PreviousCycleDto, nullable: true })
  previous: PreviousCycleDto | null;

  @ApiProperty({ type: ResponseRateChangeDto, nullable: true })
  change: ResponseRateChangeDto | null;
}
