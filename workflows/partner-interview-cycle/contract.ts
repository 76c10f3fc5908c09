/**
 * The contracts of partner-interview-cycle and its partner-interview children: organisations' ids
 * and names, interviewer ids and answers of organisations; no data of clients.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { Actor } from '../shared/contract';
import type { StepState } from '../shared/steps';
import type { Answer } from './answers';

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
  /** The day the interview took place (`YYYY-MM-DD`); by default the planned day. */
  conductedOn?: string;
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
  /** The day the interview took place: not before the planned date, not in the future; by default the planned day. */
  conductedOn?: string;
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
  answers?: { items: Answer[]; answeredAt: string; answeredBy: string; conductedOn?: string };
  withdrawnReason: string | null;
  closedByCycle: boolean;
  revision: number;
}
