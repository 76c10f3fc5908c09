/**
 * The one place where task queues, workflow types, signals, updates and queries are named.
 * Imported by workflow code (bundled) and by the API; keep it free of I/O.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { Answer } from './partner-interview-cycle/answers';
import type { MigrationPlan, StepState } from './shared/steps';

export const WorkflowType = {
  Ping: 'ping',
  SozialraumDevelopment: 'sozialraumDevelopment',
  FallteamConsultation: 'fallteamConsultation',
  PartnerInterviewCycle: 'partnerInterviewCycle',
  PartnerInterview: 'partnerInterview',
  CooperationAgreement: 'cooperationAgreement',
  BenchEcho: 'benchEcho',
  Probe: 'probe',
  JugendhilfedienstCase: 'jugendhilfedienstCase',
  CaseRetention: 'caseRetention',
} as const;

/** Workflow ids are derived from what they are about, so a second start is detected by Temporal. */
export const workflowIds = {
  sozialraumDevelopment: (socialSpaceId: string) => `sozialraum-development/${socialSpaceId}`,
  fallteamConsultation: (consultationId: string) => `fallteam-consultation/${consultationId}`,
  /** A cycle started by hand (the schedule appends its own timestamp to `interviewCycleSchedule`). */
  interviewCycle: (key: string) => `partner-interview-cycle/${key}`,
  /** The interview schedule of an installation (one per task queue). */
  interviewCycleSchedule: (taskQueue: string) => `partner-interview-cycles@${taskQueue}`,
  partnerInterview: (cycleId: string, partnerId: string) => `partner-interview/${cycleId}/${partnerId}`,
  cooperationAgreement: (agreementId: string) => `cooperation-agreement/${agreementId}`,
  jugendhilfedienstCase: (caseId: string) => `jugendhilfedienst-case/${caseId}`,
  /** The retention run the schedule starts (Temporal appends the scheduled time). */
  caseRetention: (key: string) => `case-retention/${key}`,
  /** The daily retention schedule of an installation (one per task queue). */
  caseRetentionSchedule: (taskQueue: string) => `case-retention@${taskQueue}`,
};

export interface PingInput {
  message: string;
}

export interface PingOutput {
  reply: string;
}

// ---------------------------------------------------------------------------------------------
// Shared by all process workflows

/** Who asked for a change (a user id, never a name). */
export interface Actor {
  actorId: string;
}

export interface MigrateDefinitionInput extends Actor {
  definition: PinnedDefinition;
}

export interface MigrationResult {
  fromVersion: number;
  toVersion: number;
  plan: Omit<MigrationPlan, 'steps'>;
}

export const migrateDefinitionUpdate = defineUpdate<MigrationResult, [MigrateDefinitionInput]>('migrateDefinition');

// ---------------------------------------------------------------------------------------------
// sozialraum-development

/** A member of the lokale Verantwortungsgemeinschaft: an organisation or a staff user, by id. */
export interface Member {
  id: string;
  kind: 'user' | 'contract_partner' | 'municipality';
  refId: string;
  /** The member's function in the community, e.g. "Schulsozialarbeit". */
  function: string;
}

/** What a social-space process is about; input and state share it. */
export interface SozialraumSubject {
  processId: string;
  socialSpaceId: string;
  planningRegionId: string;
  /** The social space's name, for reminder texts (an organisational name, not personal data). */
  title: string;
  /** The responsible coordinator (user id). */
  coordinatorId: string;
  definition: PinnedDefinition<'sozialraum-development'>;
}

export interface SozialraumDevelopmentInput extends SozialraumSubject {
  members?: Member[];
  /** Continue-as-new after this many history events (tests lower it). */
  maxHistoryEvents?: number;
  /** State carried over by continue-as-new. */
  carried?: SozialraumDevelopmentState;
}

export interface PhaseExtension {
  phaseKey: string;
  from: string;
  to: string;
  reason: string;
  actorId: string;
  at: string;
}

export interface SozialraumDevelopmentState extends SozialraumSubject {
  status: 'running' | 'paused' | 'completed' | 'cancelled';
  steps: StepState[];
  /** Deliverable values by phase and deliverable key. */
  deliverables: Record<string, Record<string, unknown>>;
  members: Member[];
  extensions: PhaseExtension[];
  pausedAt?: string;
  cancelReason?: string;
  /** Bumped whenever reminders of the active phase must be re-armed (new due date). */
  reminderCycle: number;
  nextConferenceAt?: string;
  nextReviewAt?: string;
  conferencesHeld: number;
  revision: number;
  eventSequence: number;
  continuedAsNew: number;
}

export interface SetDeliverableInput extends Actor {
  phaseKey: string;
  deliverableKey: string;
  value: unknown;
}

export interface PhaseInput extends Actor {
  phaseKey: string;
}

export interface ExtendDueDateInput extends Actor {
  phaseKey: string;
  /** ISO date-time, later than the current due date. */
  dueAt: string;
  reason: string;
}

export interface AddMemberInput extends Actor {
  member: Omit<Member, 'id'>;
}

export interface RemoveMemberInput extends Actor {
  memberId: string;
}

export interface ReasonInput extends Actor {
  reason?: string;
}

/** What phase completion answers: the phase closed and the one now active. */
export interface PhaseCompletion {
  completed: string;
  next: string | null;
}

export const sozialraumUpdates = {
  setDeliverable: defineUpdate<SozialraumDevelopmentState, [SetDeliverableInput]>('setDeliverable'),
  completePhase: defineUpdate<PhaseCompletion, [PhaseInput]>('completePhase'),
  extendDueDate: defineUpdate<PhaseExtension, [ExtendDueDateInput]>('extendDueDate'),
  addMember: defineUpdate<Member, [AddMemberInput]>('addMember'),
  removeMember: defineUpdate<Member, [RemoveMemberInput]>('removeMember'),
  pause: defineUpdate<SozialraumDevelopmentState, [ReasonInput]>('pause'),
  resume: defineUpdate<SozialraumDevelopmentState, [ReasonInput]>('resume'),
  cancel: defineUpdate<SozialraumDevelopmentState, [ReasonInput]>('cancel'),
};

export const sozialraumStateQuery = defineQuery<SozialraumDevelopmentState>('state');

/** The failure type an update validator uses; details[0] lists the problems with pointers. */
export const UPDATE_REJECTED = {
  invalid: 'VALIDATION_FAILED',
  state: 'INVALID_STATE',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
} as const;

// ---------------------------------------------------------------------------------------------
// fallteam-consultation: ids and a pseudonym only; the case's content stays in PostgreSQL, encrypted.

export interface FallteamConsultationInput {
  consultationId: string;
  caseId: string;
  pseudonym: string;
  caseworkerId: string;
  socialSpaceId: string;
  definition: PinnedDefinition<'fallteam-consultation'>;
  /** When the caseworker asked (ISO); the first step's due date counts from it. */
  requestedAt?: string;
  /**
   * Started by a Jugendhilfedienst case as its child: the consultation ends with its outcome and
   * returns it to the case, whose help plan takes over the follow-up (no Wiedervorlage here).
   */
  endsWithOutcome?: boolean;
}

export interface AdviserAccess {
  adviserId: string;
  opensAt: string;
  closesAt: string;
  closed: boolean;
}

export type ConsultationPhase = 'requested' | 'scheduled' | 'outcome_recorded' | 'closed' | 'cancelled';

export interface FallteamConsultationState extends FallteamConsultationInput {
  phase: ConsultationPhase;
  steps: StepState[];
  sessionId?: string;
  sessionAt?: string;
  access: AdviserAccess[];
  outcome?: { professionals: number; participants: number; recordedAt: string };
  followUpAt?: string;
  revision: number;
  eventSequence: number;
}

export interface ScheduleConsultationInput extends Actor {
  sessionId: string;
  sessionAt: string;
}

export interface InviteAdvisersInput extends Actor {
  adviserIds: string[];
}

export interface RecordOutcomeInput extends Actor {
  /** Counts only: who took part is recorded, encrypted, in PostgreSQL. */
  professionals: number;
  participants: number;
}

export const fallteamUpdates = {
  schedule: defineUpdate<FallteamConsultationState, [ScheduleConsultationInput]>('schedule'),
  inviteAdvisers: defineUpdate<AdviserAccess[], [InviteAdvisersInput]>('inviteAdvisers'),
  recordOutcome: defineUpdate<FallteamConsultationState, [RecordOutcomeInput]>('recordOutcome'),
  cancel: defineUpdate<FallteamConsultationState, [ReasonInput]>('cancelConsultation'),
};

export const fallteamStateQuery = defineQuery<FallteamConsultationState>('consultationState');

// ---------------------------------------------------------------------------------------------
// partner-interview-cycle: organisations' ids and names, interviewer ids and answers of
// organisations; no data of clients.

export interface InterviewCycleInput {
  /** The coordinator responsible for planning the interviews (user id). */
  coordinatorId: string;
  /** Days between two checks of the partner registry for joins and exits (tests lower it). */
  syncEveryDays?: number;
}

export interface CyclePartner {
  partnerId: string;
  name: string;
}

/** What opening a cycle returns: the row written, the pinned definition and the active partners. */
export interface OpenedCycle {
  cycleId: string;
  number: number;
  definition: PinnedDefinition<'partner-interview-cycle'>;
  partners: CyclePartner[];
}

export const INTERVIEW_STATUSES = ['open', 'planned', 'overdue', 'done', 'withdrawn', 'failed'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export interface CycleEntry extends CyclePartner {
  /** The interview's last status the cycle knows; the live status is in PostgreSQL. */
  status: InterviewStatus;
  /** The interview workflow has ended (done, withdrawn, failed, or stopped by the cycle's end). */
  finished: boolean;
  workflowId: string;
  joinedLate: boolean;
  error?: string;
}

export interface InterviewCycleState {
  cycleId: string;
  number: number;
  status: 'opening' | 'running' | 'completed';
  startedAt: string;
  /** At the latest then the cycle ends; interviews still open count as not answered. */
  closesAt: string;
  definitionVersion: number;
  entries: CycleEntry[];
  revision: number;
}

export interface PartnerInterviewInput extends CyclePartner {
  cycleId: string;
  cycleNumber: number;
  coordinatorId: string;
  definition: PinnedDefinition<'partner-interview-cycle'>;
}

export interface PartnerInterviewState extends PartnerInterviewInput {
  /** The interview's id (its row and its history in PostgreSQL). */
  interviewId: string;
  status: InterviewStatus;
  steps: StepState[];
  plannedAt?: string;
  interviewerId?: string;
  /** The questionnaire version the interview was planned with; answers are checked against it. */
  questionnaireVersion?: string;
  answeredAt?: string;
  withdrawnReason?: string;
  /** The cycle ended before the interview was done. */
  closedByCycle: boolean;
  revision: number;
  eventSequence: number;
}

export interface AddPartnerInput extends Actor, CyclePartner {}

export interface PlanInterviewInput extends Actor {
  /** ISO date-time of the interview. */
  plannedAt: string;
  interviewerId: string;
}

export interface RecordAnswersInput extends Actor {
  answers: Answer[];
}

export interface WithdrawInput extends Actor {
  reason: string;
}

export const cycleUpdates = {
  addPartner: defineUpdate<CycleEntry, [AddPartnerInput]>('addPartner'),
  /** Checks the registry now for partners that joined or left. */
  syncPartners: defineUpdate<{ added: string[]; withdrawn: string[] }, [Actor]>('syncPartners'),
};

export const cycleStateQuery = defineQuery<InterviewCycleState>('cycleState');

export const interviewUpdates = {
  plan: defineUpdate<PartnerInterviewState, [PlanInterviewInput]>('planInterview'),
  recordAnswers: defineUpdate<PartnerInterviewState, [RecordAnswersInput]>('recordAnswers'),
  withdraw: defineUpdate<PartnerInterviewState, [WithdrawInput]>('withdrawInterview'),
};

/** The cycle tells its interviews that it ends. */
export const cycleClosingSignal = defineSignal('cycleClosing');

/** The cycle found that the partner left the contract (exit date reached). */
export const partnerLeftSignal = defineSignal<[WithdrawInput]>('partnerLeft');

export const interviewStateQuery = defineQuery<PartnerInterviewState>('interviewState');

/** What an interview workflow writes to PostgreSQL after every change. */
export interface InterviewSnapshot {
  interviewId: string;
  cycleId: string;
  partnerId: string;
  workflowId: string;
  status: InterviewStatus;
  plannedAt: string | null;
  interviewerId: string | null;
  dueAt: string | null;
  questionnaireVersion: string | null;
  /** Set once, with the change that records them. */
  answers?: { items: Answer[]; answeredAt: string; answeredBy: string };
  withdrawnReason: string | null;
  closedByCycle: boolean;
  revision: number;
}

// ---------------------------------------------------------------------------------------------
// cooperation-agreement: ids, version numbers, approver user ids and dates only; the text, the
// parties' names and the decision comments stay in PostgreSQL.

export const AGREEMENT_STATUSES = ['draft', 'in_approval', 'active', 'expired', 'terminated'] as const;
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
}

export interface PartyApproval {
  key: string;
  title: string;
  kind: string;
  approverIds: string[];
  decision?: PartyDecision;
}

export type StageStatus = 'pending' | 'active' | 'passed' | 'rejected' | 'withdrawn';

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
  /** The version in force and its validity. */
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
}

export interface DecideAgreementInput extends Actor {
  round: number;
  stageKey: string;
  partyKey: string;
  decision: AgreementDecision;
  resolutionNumber?: string;
  resolutionDate?: string;
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

export const agreementUpdates = {
  revise: defineUpdate<CooperationAgreementState, [ReviseAgreementInput]>('reviseAgreement'),
  submit: defineUpdate<CooperationAgreementState, [SubmitAgreementInput]>('submitAgreement'),
  decide: defineUpdate<DecisionOutcome, [DecideAgreementInput]>('decideAgreement'),
  terminate: defineUpdate<CooperationAgreementState, [ReasonInput]>('terminateAgreement'),
};

export const agreementStateQuery = defineQuery<CooperationAgreementState>('agreementState');

// ---------------------------------------------------------------------------------------------
// bench-echo: the raw baseline of `npm run bench` (no data at all)

export const benchEchoUpdate = defineUpdate<number, [number]>('echo');
export const benchEchoFinish = defineSignal('finish');

// ---------------------------------------------------------------------------------------------
// probe: an end-to-end self-check (ids only)

export interface ProbeInput {
  /** A UUID; the reminder key and the history entry are derived from it. */
  probeId: string;
  /** The user who receives the reminder. */
  recipientId: string;
  reminderInMs: number;
  waitMs: number;
}

export interface ProbeOutput {
  probeId: string;
  completedAt: string;
}

// ---------------------------------------------------------------------------------------------
// jugendhilfedienst-case: ids, the pseudonym, codes (source, zone, result) and dates only; the
// report, the family's data, the assessment's details and the help plan stay sealed in PostgreSQL.

/** Who made the case known (Bekanntwerden), as the official child and youth welfare statistics count it. */
export const CASE_SOURCES = [
  'police_court',
  'school',
  'kita',
  'health_service',
  'social_services',
  'relatives',
  'neighbours',
  'parents',
  'child_self',
  'anonymous',
  'other',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const JHD_ZONES = ['service', 'unclear', 'endangerment'] as const;
export type JhdZone = (typeof JHD_ZONES)[number];

/** Results of a § 8a risk assessment: acute or latent endangerment, help needed without endangerment, none. */
export const RISK_RESULTS = ['acute', 'latent', 'help_needed', 'none'] as const;
export type RiskResult = (typeof RISK_RESULTS)[number];

export type JugendhilfedienstPhase = 'classification' | 'risk_assessment' | 'fallteam' | 'help_plan' | 'help' | 'closure' | 'closed';

export interface JugendhilfedienstCaseInput {
  caseId: string;
  pseudonym: string;
  /** The responsible caseworker (user id): reminders and the Fallteam request. */
  caseworkerId: string;
  socialSpaceId: string;
  planningRegionId: string;
  source: CaseSource;
  anonymous: boolean;
  /** When the report came in; intake is due a day later. */
  reportedAt: string;
  definition: PinnedDefinition<'jugendhilfedienst-case'>;
}

/** A step of the case; steps the case does not need (no endangerment, short help) are skipped. */
export interface CaseStepState extends StepState {
  skipped?: boolean;
}

export interface RiskAssessmentSummary {
  assessmentId: string;
  professionals: number;
  result: RiskResult;
  parentsInvolved: boolean;
  childInvolved: boolean;
  homeVisit: boolean;
  completedAt: string;
  /** Completed after the § 8a limit of the definition. */
  late: boolean;
}

export interface CaseFallteam {
  consultationId: string;
  workflowId: string;
  status: 'running' | 'outcome_recorded' | 'cancelled' | 'failed';
  outcome?: { professionals: number; participants: number; recordedAt: string };
}

export interface HelpPlanState {
  helpPlanId: string;
  version: number;
  /** Dates `YYYY-MM-DD`. */
  planDate: string;
  nextReviewAt: string;
  reviews: number;
  lastReviewedAt?: string;
  reviewOverdue: boolean;
}

export interface JugendhilfedienstCaseState extends JugendhilfedienstCaseInput {
  phase: JugendhilfedienstPhase;
  steps: CaseStepState[];
  zone?: JhdZone;
  /** ISO duration the help is expected to last; six months or more goes to the Fallteam. */
  expectedHelpDuration?: string;
  riskAssessment?: RiskAssessmentSummary;
  fallteam?: CaseFallteam;
  helpPlan?: HelpPlanState;
  closedAt?: string;
  /** `YYYY-MM-DD`: closure + the definition's retention period. */
  deletionDate?: string;
  revision: number;
  eventSequence: number;
}

export interface ClassifyCaseInput extends Actor {
  zone: JhdZone;
  /** Help planned for a service or unclear case; absent: no help, the case goes to closure. */
  expectedHelpDuration?: string;
}

export interface RecordRiskAssessmentInput extends Actor {
  assessmentId: string;
  /** Counts and codes only: who took part and why is sealed in PostgreSQL. */
  professionals: number;
  result: RiskResult;
  parentsInvolved: boolean;
  childInvolved: boolean;
  homeVisit: boolean;
  /** Required unless the result is `none`. */
  expectedHelpDuration?: string;
}

export interface RecordHelpPlanInput extends Actor {
  helpPlanId: string;
  planDate: string;
  /** First review; default: plan date + the definition's review interval. */
  reviewAt?: string;
}

export interface RecordHelpPlanReviewInput extends Actor {
  reviewedAt: string;
  nextReviewAt?: string;
}

export const jugendhilfedienstUpdates = {
  classify: defineUpdate<JugendhilfedienstCaseState, [ClassifyCaseInput]>('classifyCase'),
  recordRiskAssessment: defineUpdate<JugendhilfedienstCaseState, [RecordRiskAssessmentInput]>('recordRiskAssessment'),
  recordHelpPlan: defineUpdate<JugendhilfedienstCaseState, [RecordHelpPlanInput]>('recordHelpPlan'),
  recordReview: defineUpdate<JugendhilfedienstCaseState, [RecordHelpPlanReviewInput]>('recordHelpPlanReview'),
  close: defineUpdate<JugendhilfedienstCaseState, [Actor]>('closeCase'),
};

export const jugendhilfedienstStateQuery = defineQuery<JugendhilfedienstCaseState>('caseState');

/** What the workflow asks for to bring the case to the Fallteam: the consultation row and the definition it pins. */
export interface PreparedConsultation {
  consultationId: string;
  definition: PinnedDefinition<'fallteam-consultation'>;
}

// ---------------------------------------------------------------------------------------------
// case-retention: started daily by a Temporal Schedule; ids and counts only.

export interface CaseRetentionInput {
  /** Cases per batch (tests lower it). */
  batchSize?: number;
}

export interface CaseRetentionResult {
  /** The day (`YYYY-MM-DD`) whose deletion dates have passed. */
  asOf: string;
  anonymised: number;
  /** Expired but under legal hold: kept. */
  onHold: number;
}
