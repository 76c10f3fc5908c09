/** The contract of sozialraum-development: ids, the social space's name and the deliverables. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { Actor, ReasonInput } from '../shared/contract';
import type { StepState } from '../shared/steps';

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

/** A value for one of a phase's deliverables. */
export interface DeliverableValue {
  deliverableKey: string;
  value: unknown;
}

export interface SetDeliverableInput extends Actor, DeliverableValue {
  phaseKey: string;
}

export interface PhaseInput extends Actor {
  phaseKey: string;
  /** The phase's last deliverable, saved with the completion (one change); nothing is saved when the completion is refused. */
  deliverable?: DeliverableValue;
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
