import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DefinitionKey } from './spec.types';

export const DEFINITION_STATUSES = ['draft', 'published', 'retired'] as const;
export type DefinitionStatus = (typeof DEFINITION_STATUSES)[number];

/** Statuses as a sentence names them (`Version 3 ist ein Entwurf`). */
export const DEFINITION_STATUS_LABELS: Record<DefinitionStatus, string> = {
  draft: 'ein Entwurf',
  published: 'veröffentlicht',
  retired: 'außer Kraft',
};

/** One version of a workflow definition; at most one published version per key (partial unique index). */
@Entity('workflow_definition')
export class WorkflowDefinition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  key: DefinitionKey;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  status: DefinitionStatus;

  @Column({ type: 'jsonb' })
  spec: Record<string, unknown>;

  @Column({ type: 'text' })
  checksum: string;

  @Column({ type: 'text' })
  author: string;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
