import { Column, Entity, PrimaryColumn } from 'typeorm';

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One row of the append-only, hash-chained audit log. The database refuses UPDATE and DELETE. */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_id' })
  actorId: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  @Column()
  action: string;

  @Column({ name: 'resource_type' })
  resourceType: string;

  @Column({ name: 'resource_id', type: 'text', nullable: true })
  resourceId: string | null;

  @Column()
  purpose: string;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
