import type { ScheduleRequest } from '@sro/reminders';
import type { StepState } from './steps';

/** What a workflow reports to the read model after every change. */
export interface ProcessSnapshot {
  processId: string;
  workflowId: string;
  definitionKey: string;
  definitionVersion: number;
  status: 'running' | 'paused' | 'completed' | 'cancelled';
  subjectType: string;
  subjectId: string;
  planningRegionId?: string;
  socialSpaceId?: string;
  steps: StepState[];
  summary?: Record<string, unknown>;
  /** Increases with every change; the read model keeps the highest. */
  revision: number;
}

/** One entry of an instance's history. */
export interface ProcessEventRecord {
  processId: string;
  /** Per-instance sequence from the workflow; makes the write idempotent. */
  sequence: number;
  occurredAt: string;
  kind: string;
  actorId?: string;
  details?: Record<string, unknown>;
}

/** A reminder write a change brings, in the order the workflow's reminder synchronisation made it. */
export type ReminderWrite = { cancel: string } | { schedule: ScheduleRequest[] };

/** One change's writes for the single activity `recordProcessChange`: history entry, read model, reminders. */
export interface ProcessChange {
  event?: ProcessEventRecord;
  snapshot: ProcessSnapshot;
  reminders: ReminderWrite[];
}
