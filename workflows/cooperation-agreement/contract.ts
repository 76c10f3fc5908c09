/**
 * The contract of cooperation-agreement: ids, version numbers, approver user ids and dates only;
 * the text, the parties' names and the decision comments stay in PostgreSQL.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PartyKind, PinnedDefinition } from '@sro/definitions';
import type { Actor, ReasonInput } from '../shared/contract';
import type { ProcessChange } from '../shared/process';

/** `approved`: every stage passed, but the validity has not begun yet (active from `validFrom`). */
export const AGREEMENT_STATUSES = ['draft', 'in_approval', 'approved', 'active', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export type AgreementDecision = 'approve' | 'reject';

/** `discarded`: replaced by a newer draft before it was submitted; `withdrawn`: its approval ended by termination. */
export type AgreementVersionStatus = 'draft' | 'in_approval' | 'rejected' | 'approved' | 'superseded' | 'discarded' | 'withdrawn';

export interface AgreementVersionState {
  version: number;
  /** Dates `YYYY-MM-DD`; the version is valid through `validUntil`. */
  validFrom: string;
  validUntil: string;
  status: AgreementVersionStatus;
}

export interface CooperationAgreementInput {
  agreementId: string;
  /** The agreement's reference (`KV-7KQ3MX`), for reminder texts. */
  reference: string;
  planningRegionId: string;
  /** The responsible coordinator (user id): gets rejections and renewal reminders. */
  coordinatorId: string;
  definition: PinnedDefinition<'cooperation-agreement'>;
  /** The first version, drafted with the agreement. */
  firstVersion: Omit<AgreementVersionState, 'status'>;
}

/** Who may decide for one party of one stage (users with the approver role). */
export interface ApproverAssignment {
  stageKey: string;
  partyKey: string;
  approverIds: string[];
}

export interface PartyDecision {
  decision: AgreementDecision;
  actorId: string;
  at: string;
  round: number;
  version: number;
  /** Committee stages (Jugendhilfeausschuss): the resolution's number and date. */
  resolutionNumber?: string;
  resolutionDate?: string;
  /** The decision's row in PostgreSQL (with the comment), written before the update; recording the state accepts it. */
  recordId?: string;
}

export interface PartyApproval {
  key: string;
  title: string;
  kind: string;
  approverIds: string[];
  decision?: PartyDecision;
}

export type StageStatus = 'pending' | 'active' | 'passed' | 'rejected' | 'withdrawn';

/** Statuses and decisions as a user reads them in a message. */
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'ein Entwurf',
  in_approval: 'in der Freigabe',
  approved: 'freigegeben',
  active: 'in Kraft',
  expired: 'abgelaufen',
  terminated: 'beendet',
};
export const VERSION_STATUS_LABELS: Record<AgreementVersionStatus, string> = {
  draft: 'ein Entwurf',
  in_approval: 'in der Freigabe',
  rejected: 'abgelehnt',
  approved: 'freigegeben',
  superseded: 'abgelöst',
  discarded: 'verworfen',
  withdrawn: 'zurückgezogen',
};
export const STAGE_STATUS_LABELS: Record<StageStatus, string> = {
  pending: 'noch nicht offen',
  active: 'offen',
  passed: 'bereits zugestimmt',
  rejected: 'bereits abgelehnt',
  withdrawn: 'zurückgezogen',
};
export const DECISION_LABELS: Record<AgreementDecision, string> = { approve: 'Zustimmung', reject: 'Ablehnung' };

export interface StageApproval {
  key: string;
  title: string;
  mode: 'parallel' | 'sequential';
  quorum: number;
  committee: boolean;
  status: StageStatus;
  startedAt?: string;
  dueAt?: string;
  completedAt?: string;
  overdue?: boolean;
  /** Passed in an earlier round and kept (revisionRestarts `from_rejected_stage`). */
  carriedOver?: boolean;
  parties: PartyApproval[];
}

export interface ApprovalRound {
  round: number;
  version: number;
  validFrom: string;
  validUntil: string;
  /** A new version of an active agreement (renewal): the agreement stays in force meanwhile. */
  renewal: boolean;
  committeeRequired: boolean;
  optionalStages: string[];
  status: 'running' | 'passed' | 'rejected' | 'withdrawn';
  submittedAt: string;
  submittedBy: string;
  completedAt?: string;
  stages: StageApproval[];
}

export interface AgreementRejection {
  round: number;
  version: number;
  stageKey: string;
  partyKey: string;
  actorId: string;
  at: string;
}

export interface CooperationAgreementState extends CooperationAgreementInput {
  status: AgreementStatus;
  versions: AgreementVersionState[];
  latestVersion: number;
  /** An approved version waiting for its validity to begin (`startsAt`, the start of `validFrom`), then in force. */
  scheduled?: { version: number; validFrom: string; validUntil: string; startsAt: string };
  /** The version in force and its validity (while `approved`: the validity of the approved version). */
  activeVersion?: number;
  validFrom?: string;
  validUntil?: string;
  /** Start of the day after `validUntil`: the agreement lapses then unless renewed. */
  expiresAt?: string;
  /** `renewalLeadTime` before expiry. */
  renewalDueAt?: string;
  renewalDue: boolean;
  approval?: ApprovalRound;
  rounds: number;
  /** The assignments of the last submission; a resubmission without new ones reuses them. */
  assignments: ApproverAssignment[];
  /** Everyone ever named, so approvers can read the agreements they decided. */
  namedApprovers: string[];
  lastRejection?: AgreementRejection;
  terminatedAt?: string;
  revision: number;
  eventSequence: number;
}

export interface ReviseAgreementInput extends Actor {
  version: number;
  validFrom: string;
  validUntil: string;
}

export interface SubmitAgreementInput extends Actor {
  version: number;
  committeeRequired: boolean;
  optionalStages?: string[];
  /** Required on the first submission; later ones reuse the previous assignments when omitted. */
  approvers?: ApproverAssignment[];
  /** The kinds of the agreement's parties, one per party: the stages' `whenPresent` parties follow them. */
  partyKinds?: PartyKind[];
}

export interface DecideAgreementInput extends Actor {
  round: number;
  stageKey: string;
  partyKey: string;
  decision: AgreementDecision;
  resolutionNumber?: string;
  resolutionDate?: string;
  /** The id of the decision's row, committed (not yet accepted) before the update; also the update's id. */
  recordId?: string;
}

export interface DecisionOutcome {
  round: number;
  version: number;
  stageKey: string;
  partyKey: string;
  decision: AgreementDecision;
  stageStatus: StageStatus;
  agreementStatus: AgreementStatus;
}

/** One approver's open request, as the read model lists it. */
export interface PendingDecision {
  approverId: string;
  round: number;
  version: number;
  stageKey: string;
  partyKey: string;
  dueAt: string;
}

/** What the workflow writes to the agreement's rows after every change. */
export interface AgreementSnapshot {
  agreementId: string;
  status: AgreementStatus;
  latestVersion: number;
  activeVersion: number | null;
  validFrom: string | null;
  validUntil: string | null;
  renewalDueAt: string | null;
  definitionVersion: number;
  approval: ApprovalRound | null;
  lastRejection: AgreementRejection | null;
  versions: Array<Pick<AgreementVersionState, 'version' | 'status'>>;
  pending: PendingDecision[];
  namedApprovers: string[];
  revision: number;
}

/** One change's writes for the single activity `recordAgreementChange`: the agreement's rows, then the process change. */
export interface AgreementChange {
  agreement: AgreementSnapshot;
  process: ProcessChange;
}

export const agreementUpdates = {
  revise: defineUpdate<CooperationAgreementState, [ReviseAgreementInput]>('reviseAgreement'),
  submit: defineUpdate<CooperationAgreementState, [SubmitAgreementInput]>('submitAgreement'),
  decide: defineUpdate<DecisionOutcome, [DecideAgreementInput]>('decideAgreement'),
  terminate: defineUpdate<CooperationAgreementState, [ReasonInput]>('terminateAgreement'),
};

export const agreementStateQuery = defineQuery<CooperationAgreementState>('agreementState');
