import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { AGREEMENT_KINDS, AGREEMENT_PARTY_KINDS, AgreementKind, AgreementPartyKind } from '@sro/agreements';
import { AGREEMENT_STATUSES, AgreementDecision, AgreementStatus, AgreementVersionStatus, StageStatus } from '@sro/workflows/contracts';
import { AttachmentDto } from './agreement.dto';

const VERSION_STATUSES: AgreementVersionStatus[] = ['draft', 'in_approval', 'rejected', 'approved', 'superseded', 'discarded', 'withdrawn'];
const STAGE_STATUSES: StageStatus[] = ['pending', 'active', 'passed', 'rejected', 'withdrawn'];
const DECISIONS: AgreementDecision[] = ['approve', 'reject'];

/** A party as the agreement names it: by registry id (none for the Landkreis), with the name it had then. */
export class AgreementPartyEntryDto {
  @ApiProperty({ enum: AGREEMENT_PARTY_KINDS })
  kind: AgreementPartyKind;

  @ApiProperty({ type: String, nullable: true, description: 'Contract partner or municipality id; null for the Landkreis' })
  refId: string | null;

  @ApiProperty({ example: 'Landkreis Potsdam-Mittelmark' })
  name: string;
}

export class PartyDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  decision: AgreementDecision;

  @ApiProperty({ description: 'User id of the approver' })
  actorId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty()
  round: number;

  @ApiProperty()
  version: number;

  @ApiPropertyOptional({ example: 'JHA-2026/017' })
  resolutionNumber?: string;

  @ApiPropertyOptional({ example: '2026-11-20' })
  resolutionDate?: string;
}

export class PartyApprovalDto {
  @ApiProperty({ example: 'municipality' })
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  kind: string;

  @ApiProperty({ type: [String] })
  approverIds: string[];

  @ApiPropertyOptional({ type: PartyDecisionDto })
  decision?: PartyDecisionDto;
}

export class StageApprovalDto {
  @ApiProperty({ example: 'parties' })
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ['parallel', 'sequential'] })
  mode: 'parallel' | 'sequential';

  @ApiProperty()
  quorum: number;

  @ApiProperty()
  committee: boolean;

  @ApiProperty({ enum: STAGE_STATUSES })
  status: StageStatus;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  dueAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;

  @ApiPropertyOptional()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Passed in an earlier round and kept' })
  carriedOver?: boolean;

  @ApiProperty({ type: [PartyApprovalDto] })
  parties: PartyApprovalDto[];
}

/** The current (or last) approval round as the workflow reported it. */
export class ApprovalRoundDto {
  @ApiProperty()
  round: number;

  @ApiProperty()
  version: number;

  @ApiProperty({ example: '2027-01-01' })
  validFrom: string;

  @ApiProperty({ example: '2029-12-31' })
  validUntil: string;

  @ApiProperty({ description: 'A new version of an active agreement' })
  renewal: boolean;

  @ApiProperty()
  committeeRequired: boolean;

  @ApiProperty({ type: [String] })
  optionalStages: string[];

  @ApiProperty({ enum: ['running', 'passed', 'rejected', 'withdrawn'] })
  status: 'running' | 'passed' | 'rejected' | 'withdrawn';

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty()
  submittedBy: string;

  @ApiPropertyOptional({ format: 'date-time' })
  completedAt?: string;

  @ApiProperty({ type: [StageApprovalDto] })
  stages: StageApprovalDto[];
}

export class AgreementRejectionDto {
  @ApiProperty()
  round: number;

  @ApiProperty()
  version: number;

  @ApiProperty()
  stageKey: string;

  @ApiProperty()
  partyKey: string;

  @ApiProperty()
  actorId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** A Kooperationsvereinbarung as listed. */
export class AgreementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'KV-7KQ3MX' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: AGREEMENT_KINDS })
  kind: AgreementKind;

  @ApiProperty({ enum: AGREEMENT_STATUSES })
  status: AgreementStatus;

  @ApiProperty({ format: 'uuid' })
  planningRegionId: string;

  @ApiProperty()
  coordinatorId: string;

  @ApiProperty({ type: [AgreementPartyEntryDto] })
  parties: AgreementPartyEntryDto[];

  @ApiProperty({ type: [String] })
  socialSpaceIds: string[];

  @ApiProperty()
  workflowId: string;

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty()
  latestVersion: number;

  @ApiProperty({ type: Number, nullable: true })
  activeVersion: number | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-01-01' })
  validFrom: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2029-12-31' })
  validUntil: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  renewalDueAt: Date | null;

  @ApiProperty({ type: ApprovalRoundDto, nullable: true })
  approval: ApprovalRoundDto | null;

  @ApiProperty({ type: AgreementRejectionDto, nullable: true })
  lastRejection: AgreementRejectionDto | null;

  @ApiProperty({ type: [String], description: 'Everyone ever named as an approver' })
  approverIds: string[];

  @ApiProperty({ type: String, nullable: true })
  terminationReason: string | null;

  @ApiProperty()
  stateRevision: number;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class AgreementPageDto {
  @ApiProperty({ type: [AgreementDto] })
  items: AgreementDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** A version as the agreement lists it, without its text. */
export class AgreementVersionSummaryDto {
  @ApiProperty()
  version: number;

  @ApiProperty({ enum: VERSION_STATUSES })
  status: AgreementVersionStatus;

  @ApiProperty({ example: '2027-01-01' })
  validFrom: string;

  @ApiProperty({ example: '2029-12-31' })
  validUntil: string;

  @ApiProperty({ type: String, nullable: true })
  changeNote: string | null;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

/** One version with its text and attachments; every version is kept. */
export class AgreementVersionDto extends AgreementVersionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty({ description: 'The text of the agreement' })
  body: string;

  @ApiProperty({ type: [AttachmentDto] })
  attachments: AttachmentDto[];
}

export class AgreementVersionListDto {
  @ApiProperty({ type: [AgreementVersionDto] })
  items: AgreementVersionDto[];
}

/** The latest version's text, as the agreement shows it. */
export class LatestAgreementVersionDto {
  @ApiProperty()
  version: number;

  @ApiProperty({ enum: VERSION_STATUSES })
  status: AgreementVersionStatus;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: [AttachmentDto] })
  attachments: AttachmentDto[];

  @ApiProperty({ example: '2027-01-01' })
  validFrom: string;

  @ApiProperty({ example: '2029-12-31' })
  validUntil: string;
}

/** A comment given in the rejected round. */
export class RejectionCommentDto {
  @ApiProperty()
  stageKey: string;

  @ApiProperty()
  partyKey: string;

  @ApiProperty()
  approverId: string;

  @ApiProperty({ enum: DECISIONS })
  decision: AgreementDecision;

  @ApiProperty({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt: Date;
}

export class AgreementRejectionWithCommentsDto extends AgreementRejectionDto {
  @ApiProperty({ type: [RejectionCommentDto] })
  comments: RejectionCommentDto[];
}

/** The agreement with its versions (without text), the latest text and the comments of the last rejection. */
export class AgreementDetailDto extends OmitType(AgreementDto, ['lastRejection'] as const) {
  @ApiProperty({ type: [AgreementVersionSummaryDto] })
  versions: AgreementVersionSummaryDto[];

  @ApiProperty({ type: LatestAgreementVersionDto })
  latest: LatestAgreementVersionDto;

  @ApiProperty({ type: AgreementRejectionWithCommentsDto, nullable: true })
  lastRejection: AgreementRejectionWithCommentsDto | null;
}

/** An approver's decision for one party of one stage in one round, with its comment. */
export class AgreementDecisionRecordDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  round: number;

  @ApiProperty()
  stageKey: string;

  @ApiProperty()
  partyKey: string;

  @ApiProperty()
  approverId: string;

  @ApiProperty({ enum: DECISIONS })
  decision: AgreementDecision;

  @ApiProperty({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolutionNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  resolutionDate: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt: Date;
}

export class AgreementDecisionListDto {
  @ApiProperty({ type: [AgreementDecisionRecordDto] })
  items: AgreementDecisionRecordDto[];
}

/** What the workflow accepted of a decision. */
export class DecisionOutcomeDto {
  @ApiProperty()
  round: number;

  @ApiProperty()
  version: number;

  @ApiProperty()
  stageKey: string;

  @ApiProperty()
  partyKey: string;

  @ApiProperty({ enum: DECISIONS })
  decision: AgreementDecision;

  @ApiProperty({ enum: STAGE_STATUSES })
  stageStatus: StageStatus;

  @ApiProperty({ enum: AGREEMENT_STATUSES })
  agreementStatus: AgreementStatus;
}

/** One entry of the agreement's history. */
export class AgreementEventDto {
  @ApiProperty({ description: 'Sequence number (bigint as a string)' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ example: 'submitted' })
  kind: string;

  @ApiProperty({ type: String, nullable: true })
  actorId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty()
  dedupeKey: string;
}

export class AgreementEventPageDto {
  @ApiProperty({ type: [AgreementEventDto] })
  items: AgreementEventDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** An approver's open request. */
export class PendingPartyDto {
  @ApiProperty({ example: 'municipality' })
  key: string;

  @ApiProperty({ example: 'Kommune' })
  title: string;
}

export class PendingDecisionDto {
  @ApiProperty({ format: 'uuid' })
  agreementId: string;

  @ApiProperty({ example: 'KV-7KQ3MX' })
  reference: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: AGREEMENT_KINDS })
  kind: AgreementKind;

  @ApiProperty()
  round: number;

  @ApiProperty()
  version: number;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ type: String, nullable: true })
  stageTitle: string | null;

  @ApiProperty({ description: 'The first of `parties`.' })
  partyKey: string;

  @ApiProperty({
    type: [PendingPartyDto],
    description: 'Every party of the stage the caller decides for (one row per agreement and stage).',
  })
  parties: PendingPartyDto[];

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt: Date;

  @ApiProperty()
  overdue: boolean;
}

export class PendingDecisionPageDto {
  @ApiProperty({ type: [PendingDecisionDto] })
  items: PendingDecisionDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
