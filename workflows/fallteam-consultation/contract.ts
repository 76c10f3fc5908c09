/** The contract of fallteam-consultation: ids and a pseudonym only; the case's content stays in PostgreSQL, encrypted. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { Actor, ReasonInput } from '../shared/contract';
import type { StepState } from '../shared/steps';

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
  /** Counts only: who took part is recorded, encrypted, in PostgreSQL. Jugendamt professionals, advisers not counted. */
  professionals: number;
  participants: number;
  /** When the case comes back (an instant); without it the definition's `followUpAfter` from now. */
  followUpAt?: string;
}

export const fallteamUpdates = {
  schedule: defineUpdate<FallteamConsultationState, [ScheduleConsultationInput]>('schedule'),
  inviteAdvisers: defineUpdate<AdviserAccess[], [InviteAdvisersInput]>('inviteAdvisers'),
  recordOutcome: defineUpdate<FallteamConsultationState, [RecordOutcomeInput]>('recordOutcome'),
  cancel: defineUpdate<FallteamConsultationState, [ReasonInput]>('cancelConsultation'),
};

export const fallteamStateQuery = defineQuery<FallteamConsultationState>('consultationState');
