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

/** A reminder write a change brings, gathered while the workflow's reminders are synchronised. */
export interface GatheredWrite {
  name: 'cancelReminders' | 'scheduleReminders';
  args: unknown[];
}

/** One change's writes for the single activity `recordProcessChange`. */
export interface ProcessChange {
  event?: ProcessEventRecord;
  snapshot: ProcessSnapshot;
  writes: GatheredWrite[];
}
