import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProcessEvent, ProcessInstance, ProcessStatus } from '@sro/processes';
import type { Allocation, AllocationKind, BudgetView, Spending } from '@sro/sozialraum';
import type { Member, PhaseCompletion, PhaseExtension, SozialraumDevelopmentState } from '@sro/workflows/contracts';
import type { StepState, StepStatus } from '@sro/workflows/shared/steps';

const PROCESS_STATUSES: ProcessStatus[] = ['running', 'paused', 'completed', 'cancelled'];
const STEP_STATUSES: StepStatus[] = ['pending', 'active', 'completed'];
const MEMBER_KINDS: Array<Member['kind']> = ['user', 'contract_partner', 'municipality'];

/** One phase of a process with its dates. */
export class SozialraumPhaseDto implements StepState {
  @ApiProperty({ example: 'identify' })
  key: string;

  @ApiProperty({ example: 'Sozialraum identifizieren' })
  title: string;

  @ApiProperty({ enum: STEP_STATUSES })
  status: StepStatus;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Due date from the definition' })
  dueAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Extended due date, when one was granted' })
  extendedTo?: string;

  @ApiPropertyOptional()
  overdue?: boolean;
}

/** A social-space process as the read model in PostgreSQL holds it. */
export class SozialraumProcessDto implements ProcessInstance {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'sozialraum-development/…' })
  workflowId: string;

  @ApiProperty({ example: 'sozialraum-development' })
  definitionKey: string;

  @ApiProperty({ description: 'The definition version the run pinned' })
  definitionVersion: number;

  @ApiProperty({ enum: PROCESS_STATUSES })
  status: ProcessStatus;

  @ApiProperty({ example: 'social_space' })
  subjectType: string;

  @ApiProperty({ description: 'The social space' })
  subjectId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  planningRegionId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  socialSpaceId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Key of the active phase' })
  currentStep: string | null;

  @ApiProperty({ type: String, nullable: true })
  currentStepTitle: string | null;

  @ApiProperty({ type: Date, nullable: true, description: 'Effective due date of the active phase' })
  currentDueAt: Date | null;

  @ApiProperty({ type: [SozialraumPhaseDto] })
  steps: SozialraumPhaseDto[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Title and coordinator of the process' })
  summary: Record<string, unknown>;

  @ApiProperty({ description: 'Revision of the workflow state the read model shows' })
  revision: number;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export class SozialraumProcessPageDto {
  @ApiProperty({ type: [SozialraumProcessDto] })
  items: SozialraumProcessDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** A member of the lokale Verantwortungsgemeinschaft. */
export class SozialraumMemberDto implements Member {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: MEMBER_KINDS })
  kind: Member['kind'];

  @ApiProperty({ description: 'Id of the user, contract partner or municipality' })
  refId: string;

  @ApiProperty({ example: 'Schulsozialarbeit' })
  function: string;
}

/** A granted extension of a phase's due date. */
export class PhaseExtensionDto implements PhaseExtension {
  @ApiProperty()
  phaseKey: string;

  @ApiProperty({ format: 'date-time', description: 'Due date before the extension' })
  from: string;

  @ApiProperty({ format: 'date-time', description: 'Due date after the extension' })
  to: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: 'User id of who extended it' })
  actorId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** The phase that closed and the one now active. */
export class PhaseCompletionDto implements PhaseCompletion {
  @ApiProperty({ description: 'Key of the completed phase' })
  completed: string;

  @ApiProperty({ type: String, nullable: true, description: 'Key of the phase now active; null after the last one' })
  next: string | null;
}

/** The pinned definition a run follows. */
export class SozialraumPinnedDefinitionDto {
  @ApiProperty({ example: 'sozialraum-development' })
  key: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  checksum: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  spec: Record<string, unknown>;
}

/** The live state of a process as its workflow answers it. */
export class SozialraumStateDto implements Omit<SozialraumDevelopmentState, 'definition'> {
  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty({ format: 'uuid' })
  planningRegionId: string;

  @ApiProperty({ description: 'Name of the social space' })
  title: string;

  @ApiProperty({ description: 'User id of the responsible coordinator' })
  coordinatorId: string;

  @ApiProperty({ type: SozialraumPinnedDefinitionDto })
  definition: SozialraumPinnedDefinitionDto;

  @ApiProperty({ enum: PROCESS_STATUSES })
  status: ProcessStatus;

  @ApiProperty({ type: [SozialraumPhaseDto] })
  steps: SozialraumPhaseDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: true },
    description: 'Deliverable values by phase key and deliverable key',
  })
  deliverables: Record<string, Record<string, unknown>>;

  @ApiProperty({ type: [SozialraumMemberDto] })
  members: SozialraumMemberDto[];

  @ApiProperty({ type: [PhaseExtensionDto] })
  extensions: PhaseExtensionDto[];

  @ApiPropertyOptional({ format: 'date-time' })
  pausedAt?: string;

  @ApiPropertyOptional()
  cancelReason?: string;

  @ApiProperty({ description: 'Bumped whenever the reminders of the active phase are re-armed' })
  reminderCycle: number;

  @ApiPropertyOptional({ format: 'date-time' })
  nextConferenceAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  nextReviewAt?: string;

  @ApiProperty()
  conferencesHeld: number;

  @ApiProperty()
  revision: number;

  @ApiProperty()
  eventSequence: number;

  @ApiProperty()
  continuedAsNew: number;
}

/** The read model and, when the workflow answers, its live state. */
export class SozialraumProcessDetailDto {
  @ApiProperty({ type: SozialraumProcessDto })
  process: SozialraumProcessDto;

  @ApiProperty({ type: SozialraumStateDto, nullable: true })
  state: SozialraumStateDto | null;
}

/** One entry of a process's history. */
export class SozialraumHistoryEntryDto implements ProcessEvent {
  @ApiProperty({ description: 'Sequence number (a PostgreSQL bigint, as a string)' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty()
  occurredAt: Date;

  @ApiProperty({ example: 'phase_completed' })
  kind: string;

  @ApiProperty({ type: String, nullable: true })
  actorId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty({ description: 'Makes a retried write a no-op' })
  dedupeKey: string;
}

export class SozialraumHistoryPageDto {
  @ApiProperty({ type: [SozialraumHistoryEntryDto] })
  items: SozialraumHistoryEntryDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** One booking of the budget ledger. */
export class BudgetAllocationDto implements Allocation {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['measure', 'initiative'] })
  kind: AllocationKind;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  processId: string | null;

  @ApiProperty({ type: String, nullable: true })
  measureKey: string | null;

  @ApiProperty({ description: 'Euro cents; negative for a reversal' })
  amountCents: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The allocation this booking reverses' })
  reversesId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the allocation was reversed (reversals only)' })
  reason: string | null;

  @ApiProperty({ description: 'Euro cents actually spent against this allocation' })
  spentCents: number;

  @ApiProperty({ description: 'User id of who booked it' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;
}

/** Money actually spent against an allocation. */
export class BudgetSpendingDto implements Spending {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  allocationId: string;

  @ApiProperty({ description: 'Euro cents' })
  amountCents: number;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  spentOn: string;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ description: 'User id of who booked it' })
  createdBy: string;

  @ApiProperty()
  createdAt: Date;
}

/** A year's Sozialraumbudget of a social space and its ledger. */
export class BudgetDto implements BudgetView {
  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ description: "Whether the year's budget is set; a new year starts from defaultAmountCents" })
  isSet: boolean;

  @ApiProperty({ description: 'Euro cents; 0 when no budget is set' })
  amountCents: number;

  @ApiProperty({ type: Number, nullable: true, description: "Euro cents: the published definition's yearly default" })
  defaultAmountCents: number | null;

  @ApiProperty({ description: 'Euro cents, net of reversals' })
  allocatedCents: number;

  @ApiProperty({ description: 'Euro cents actually spent' })
  spentCents: number;

  @ApiProperty({ description: 'Euro cents' })
  availableCents: number;

  @ApiProperty({ type: [BudgetAllocationDto], description: 'Allocations and reversals in booking order' })
  allocations: BudgetAllocationDto[];

  @ApiProperty({ type: [BudgetSpendingDto] })
  spendings: BudgetSpendingDto[];
}
