import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REMINDER_STATUSES = ['scheduled', 'sent', 'cancelled', 'failed', 'late'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export const CHANNELS = ['in_app', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who receives a reminder: a user, or everyone with a role (optionally within a planning region or social space). */
/**
 * Who a reminder goes to: a user, or the active holders of a role (within a planning region or social
 * space). A `lead` recipient with a `caseId` is the lead of that case's team, resolved when the
 * reminder is delivered (so a transfer moves it); a case without one falls back to the leads of the
 * case's planning region.
 */
export type Recipient =
  { type: 'user'; id: string } | { type: 'role'; role: string; planningRegionId?: string; socialSpaceId?: string; caseId?: string };

/** A reminder: PostgreSQL is the record, BullMQ holds a delayed job whose id is the key. */
@Entity('reminder')
export class Reminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  key: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'jsonb' })
  recipients: Recipient[];

  @Column()
  template: string;

  /** Ids and titles only, never personal data. */
  @Column({ type: 'jsonb' })
  context: Record<string, string | number | boolean | null>;

  @Column('text', { array: true })
  channels: Channel[];

  @Column({ type: 'text' })
  status: ReminderStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'lag_ms', type: 'int', nullable: true })
  lagMs: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** An in-app notification of one user. */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id' })
  userId: string;

  @Column({ name: 'reminder_id', type: 'uuid' })
  reminderId: string;

  @Column()
  title: string;

  @Column()
  body: string;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
