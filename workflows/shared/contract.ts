/**
 * What the workflows share: workflow types and ids, the actor of a change,
 * the definition migration every process workflow answers, and how an update is rejected.
 * Imported by workflow code (bundled) and by the API; keep it free of I/O.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { MigrationPlan } from './steps';

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
  /** Run `run` (1, 2, …) of a social space's process: a space starts a new run after cancellation or completion. */
  sozialraumDevelopment: (socialSpaceId: string, run: number) => `sozialraum-development/${socialSpaceId}/${run}`,
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

export interface ReasonInput extends Actor {
  reason?: string;
}

/** The failure type an update validator uses; details[0] lists the problems with pointers. */
export const UPDATE_REJECTED = {
  invalid: 'VALIDATION_FAILED',
  state: 'INVALID_STATE',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
} as const;
