import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { StepState } from '@sro/workflows/shared/steps';

export const PROCESS_STATUSES = ['running', 'paused', 'completed', 'cancelled'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/**
 * The read model of one workflow run, written by activities. Dashboards and migration previews
 * read this, never Temporal visibility. Holds ids and step dates only, no personal data.
 */
@Entity('process_instance')
export class ProcessInstance {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'workflow_id', unique: true })
  workflowId: string;

  @Column({ name: 'definition_key' })
  definitionKey: string;

  @Column({ name: 'definition_version', type: 'int' })
  definitionVersion: number;

  @Column({ type: 'text' })
  status: ProcessStatus;

  @Column({ name: 'subject_type' })
  subjectType: string;

  @Column({ name: 'subject_id' })
  subjectId: string;

  @Column({ name: 'planning_region_id', type: 'uuid', nullable: true })
  planningRegionId: string | null;

  @Column({ name: 'social_space_id', type: 'uuid', nullable: true })
  socialSpaceId: string | null;

  @Column({ name: 'current_step', type: 'text', nullable: true })
  currentStep: string | null;

  @Column({ name: 'current_step_title', type: 'text', nullable: true })
  currentStepTitle: string | null;

  @Column({ name: 'current_due_at', type: 'timestamptz', nullable: true })
  currentDueAt: Date | null;

  @Column({ type: 'jsonb' })
  steps: StepState[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  summary: Record<string, unknown>;

  @Column({ type: 'int' })
  revision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One entry of an instance's history (decisions, extensions, migrations). */
@Entity('process_event')
export class ProcessEvent {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  id: string;

  @Column({ name: 'process_id', type: 'uuid' })
  processId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column()
  kind: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ name: 'dedupe_key' })
  dedupeKey: string;
}
