import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, REMINDER_STATUSES } from '@sro/reminders';

/** An in-app notification of the caller. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  userId: string;

  @ApiProperty({ format: 'uuid' })
  reminderId: string;

  @ApiProperty({ example: 'Frist: Sozialraum analysieren bis 01.03.2027' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, description: 'Path inside the web app', example: '/sozialraum-processes/…' })
  link: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 })
  unread: number;
}

/** A thing ahead of the caller (Wiedervorlage, deadline), listed once however many reminders it has. */
export class FollowUpDto {
  @ApiProperty({ format: 'uuid', description: 'The next scheduled reminder about it' })
  id: string;

  @ApiProperty({ example: 'jhd/<case>/review/1-0', description: 'What the reminders are about' })
  subject: string;

  @ApiProperty({ example: 'follow-up-due' })
  template: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the thing is due (not when a reminder goes out)' })
  dueAt: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'When the next reminder about it goes out' })
  nextReminderAt: Date;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: String, nullable: true, description: 'The page of the web app it is on', example: '/faelle/…' })
  link: string | null;
}

export class FollowUpPageDto {
  @ApiProperty({ type: [FollowUpDto] })
  items: FollowUpDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** A user, or everyone with a role (optionally within a planning region or social space). */
export class ReminderRecipientDto {
  @ApiProperty({ enum: ['user', 'role'] })
  type: 'user' | 'role';

  @ApiProperty({ required: false, description: 'User id (type `user`)' })
  id?: string;

  @ApiProperty({ required: false, description: 'Role (type `role`)' })
  role?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  planningRegionId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  socialSpaceId?: string;
}

/** A reminder as admins see it. */
export class ReminderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'sozialraum/<process>/<phase>/P14D' })
  key: string;

  @ApiProperty({ type: String, format: 'date-time' })
  dueAt: Date;

  @ApiProperty({ type: [ReminderRecipientDto] })
  recipients: ReminderRecipientDto[];

  @ApiProperty({ example: 'step-due' })
  template: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids and titles only, never personal data' })
  context: Record<string, string | number | boolean | null>;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels: string[];

  @ApiProperty({ enum: REMINDER_STATUSES })
  status: string;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Due → delivered, in milliseconds' })
  lagMs: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class ReminderPageDto {
  @ApiProperty({ type: [ReminderDto] })
  items: ReminderDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}

/** Queued e-mails not yet delivered. */
export class ReminderEmailCountsDto {
  @ApiProperty()
  pending: number;

  @ApiProperty()
  sending: number;

  @ApiProperty({ description: 'Committed as sending, unconfirmed for five minutes (the worker died mid-send); never resent' })
  inDoubt: number;

  @ApiProperty()
  failed: number;
}

/** Due → delivered lag of the reminders sent in the last 24 hours, in milliseconds. */
export class ReminderLagDto {
  @ApiProperty()
  delivered: number;

  @ApiProperty({ type: Number, nullable: true })
  p50: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p95: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p99: number | null;

  @ApiProperty({ type: Number, nullable: true })
  max: number | null;
}

export class ReminderMetricsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Reminders per status',
    example: { scheduled: 12, sent: 340 },
  })
  byStatus: Record<string, number>;

  @ApiProperty({ type: ReminderEmailCountsDto })
  emails: ReminderEmailCountsDto;

  @ApiProperty({ type: ReminderLagDto })
  lagMsLast24h: ReminderLagDto;
}
