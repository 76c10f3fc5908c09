/** The five workflow families; a definition's key is one of them. */
export const DEFINITION_KEYS = [
  'sozialraum-development',
  'fallteam-consultation',
  'partner-interview-cycle',
  'cooperation-agreement',
  'jugendhilfedienst-case',
] as const;
export type DefinitionKey = (typeof DEFINITION_KEYS)[number];

/** Roles a deadline can escalate to (advisers are external and never receive escalations). */
export const ESCALATION_ROLES = ['caseworker', 'lead', 'coordinator', 'admin', 'approver'] as const;
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

export const DELIVERABLE_TYPES = [
  'text',
  'document',
  'date',
  'number',
  'boolean',
  'list',
  // typed deliverables of the social-space phases
  'boundaries',
  'analysis',
  'events',
  'goals',
  'measures',
  'monitoring',
] as const;
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number];

/** The four target perspectives of the Sozialraumvertrag. */
export const TARGET_PERSPECTIVES = ['children_youth', 'parents', 'professionals', 'community'] as const;
export type TargetPerspective = (typeof TARGET_PERSPECTIVES)[number];

export const QUESTION_TYPES = ['scale', 'yes_no', 'single_choice', 'multiple_choice', 'free_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const PARTY_KINDS = ['municipality', 'free_provider', 'landkreis', 'youth_welfare_committee'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** ISO-8601 duration, e.g. `P30D`, `P6M`, `P2Y`. */
export type IsoDuration = string;

export interface DeliverableSpec {
  key: string;
  title: string;
  type: DeliverableType;
  required: boolean;
  constraints?: { minItems?: number; maxItems?: number; maxLength?: number };
}

/** A step (phase) with a deadline: reminders before it, an escalation after it. */
export interface StepSpec {
  key: string;
  title: string;
  duration: IsoDuration;
  /** Before the due date, e.g. `["P14D", "P2D"]`. */
  reminderOffsets: IsoDuration[];
  escalationRole?: EscalationRole;
  deliverables: DeliverableSpec[];
  checklist?: string[];
}

export interface SozialraumDevelopmentSpec {
  phases: StepSpec[];
  /** Guideline questions of the Sozialraumanalyse (phase 2). */
  analysisQuestions: Array<{ key: string; text: string }>;
  /** Interval of the Sozialraumkonferenzen in phase 6. */
  conferenceInterval: IsoDuration;
  conferenceReminderOffsets: IsoDuration[];
  measureReviewInterval: IsoDuration;
  /** The Sozialraumbudget a social space gets per year unless a coordinator sets another amount (euro cents). */
  annualBudgetCents: number;
}

export interface FallteamConsultationSpec {
  steps: StepSpec[];
  minProfessionals: number;
  /** How long an invited adviser may open the packet. */
  accessWindow: IsoDuration;
  /** Wiedervorlage after the session. */
  followUpAfter: IsoDuration;
  followUpReminderOffsets: IsoDuration[];
  pseudonymisePacket: boolean;
  /** The purposes a consent may name (`fallteam` releases identity fields to the Fallteam's advisers). */
  consentPurposes: string[];
}

export interface QuestionSpec {
  key: string;
  text: string;
  type: QuestionType;
  required: boolean;
  options?: string[];
}

export interface QuestionnaireSectionSpec {
  key: string;
  title: string;
  perspective: TargetPerspective;
  questions: QuestionSpec[];
}

export interface QuestionnaireSpec {
  version: string;
  sections: QuestionnaireSectionSpec[];
}

export interface PartnerInterviewCycleSpec {
  cycleInterval: IsoDuration;
  /** Per interview: plan, conduct. */
  steps: StepSpec[];
  questionnaire: QuestionnaireSpec;
}

export interface PartySpec {
  key: string;
  title: string;
  kind: PartyKind;
  /**
   * Decides only when the agreement has a party of this kind, and then once per such party (a
   * bilateral agreement needs only its two parties' approvals); false: always decides.
   */
  whenPresent: boolean;
}

export interface ApprovalStageSpec {
  key: string;
  title: string;
  /** `parallel`: all parties decide at once; `sequential`: in the listed order. */
  mode: 'parallel' | 'sequential';
  parties: PartySpec[];
  /** Approvals needed to pass the stage. */
  quorum: number;
  optional: boolean;
  /** A committee stage records resolution number and date (Jugendhilfeausschuss). */
  committee: boolean;
  duration: IsoDuration;
  reminderOffsets: IsoDuration[];
  escalationRole?: EscalationRole;
}

export interface CooperationAgreementSpec {
  approvalStages: ApprovalStageSpec[];
  renewalLeadTime: IsoDuration;
  renewalReminderOffsets: IsoDuration[];
  /** After a rejection and revision: restart every stage, or from the rejecting one. */
  revisionRestarts: 'all' | 'from_rejected_stage';
}

export interface JugendhilfedienstCaseSpec {
  steps: StepSpec[];
  riskAssessmentMinProfessionals: number;
  /** Help expected to last at least this long goes to the Fallteam. */
  fallteamThreshold: IsoDuration;
  helpPlanReviewInterval: IsoDuration;
  helpPlanReviewReminderOffsets: IsoDuration[];
  /** Share of Jugendhilfedienst time in preventive social-space work (0.1 = 10 %). */
  preventiveShareTarget: number;
  /** Case data is deleted or anonymised this long after closure. */
  retentionAfterClosure: IsoDuration;
}

export interface SpecByKey {
  'sozialraum-development': SozialraumDevelopmentSpec;
  'fallteam-consultation': FallteamConsultationSpec;
  'partner-interview-cycle': PartnerInterviewCycleSpec;
  'cooperation-agreement': CooperationAgreementSpec;
  'jugendhilfedienst-case': JugendhilfedienstCaseSpec;
}

export type AnySpec = SpecByKey[DefinitionKey];

/** What a workflow start pins: the exact version it runs. */
export interface PinnedDefinition<K extends DefinitionKey = DefinitionKey> {
  key: K;
  version: number;
  checksum: string;
  spec: SpecByKey[K];
}

export function isDefinitionKey(value: unknown): value is DefinitionKey {
  return typeof value === 'string' && (DEFINITION_KEYS as readonly string[]).includes(value);
}
