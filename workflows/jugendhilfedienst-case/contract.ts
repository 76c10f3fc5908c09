/**
 * The contract of jugendhilfedienst-case: ids, the pseudonym, codes (source, zone, result) and dates
 * only; the report, the family's data, the assessment's details and the help plan stay sealed in
 * PostgreSQL.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { Actor } from '../shared/contract';
import type { StepState } from '../shared/steps';

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

/**
 * How a child in acute danger is protected at once: taken into care (§ 42 SGB VIII Inobhutnahme),
 * the family court called (§ 8a Abs. 2), or another measure with its reason.
 */
export const PROTECTION_MEASURES = ['protective_custody', 'family_court', 'other'] as const;
export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number];

export type JugendhilfedienstPhase =
  'classification' | 'risk_assessment' | 'immediate_protection' | 'fallteam' | 'help_plan' | 'help' | 'closure' | 'closed';

/** The phases as a caseworker names them (in messages). */
export const PHASE_LABELS: Record<JugendhilfedienstPhase, string> = {
  classification: 'Einordnung',
  risk_assessment: 'Gefährdungseinschätzung',
  immediate_protection: 'Sofortschutz',
  fallteam: 'Fallteam',
  help_plan: 'Hilfeplanung',
  help: 'Hilfe',
  closure: 'Abschluss',
  closed: 'abgeschlossen',
};

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
  /** A closed case reopened: the run goes on from the state its predecessor left in the read model. */
  resume?: JugendhilfedienstResume;
}

/**
 * What a run leaves in the read model for the run that reopens the case (ids, codes and dates only,
 * like the rest of the state): the steps, the records of the process, the phase it was closed from
 * and the counters, so revisions, history entries and reminder keys go on without repeating.
 */
export interface JugendhilfedienstCarryOver {
  steps: CaseStepState[];
  zone?: JhdZone;
  classifications?: ClassificationEntry[];
  expectedHelpDuration?: string;
  riskAssessment?: RiskAssessmentSummary;
  immediateProtection?: ImmediateProtectionSummary;
  fallteam?: CaseFallteam;
  helpPlan?: HelpPlanState;
  closedFromPhase?: JugendhilfedienstPhase;
  reopenings?: number;
  revision: number;
  eventSequence: number;
}

/** The carry-over and who reopened the case. */
export interface JugendhilfedienstResume extends JugendhilfedienstCarryOver {
  reopenedBy: string;
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

/** The immediate protection after an acute § 8a result; why and how is sealed in PostgreSQL. */
export interface ImmediateProtectionSummary {
  protectionId: string;
  measure: ProtectionMeasure;
  /** When the measure was taken. */
  takenAt: string;
  recordedAt: string;
  /** Recorded after the step's short deadline of the definition. */
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

/** One (re-)classification of the case. */
export interface ClassificationEntry {
  zone: JhdZone;
  at: string;
  actorId: string;
}

export interface JugendhilfedienstCaseState extends JugendhilfedienstCaseInput {
  phase: JugendhilfedienstPhase;
  steps: CaseStepState[];
  zone?: JhdZone;
  /** Every classification, the first one and re-classifications while help runs, oldest first. */
  classifications?: ClassificationEntry[];
  /** ISO duration the help is expected to last; six months or more goes to the Fallteam. */
  expectedHelpDuration?: string;
  riskAssessment?: RiskAssessmentSummary;
  immediateProtection?: ImmediateProtectionSummary;
  fallteam?: CaseFallteam;
  helpPlan?: HelpPlanState;
  closedAt?: string;
  /** `YYYY-MM-DD`: closure + the definition's retention period. */
  deletionDate?: string;
  /** The phase the case was in when it was closed (where a reopening resumes). */
  closedFromPhase?: JugendhilfedienstPhase;
  /** How often the case was reopened: keeps the reminder keys of each run apart. */
  reopenings?: number;
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

export interface RecordImmediateProtectionInput extends Actor {
  protectionId: string;
  measure: ProtectionMeasure;
  takenAt: string;
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
  recordImmediateProtection: defineUpdate<JugendhilfedienstCaseState, [RecordImmediateProtectionInput]>('recordImmediateProtection'),
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
