import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@sro/auth';
import { ALL_ROLES, Principal, Role } from '@sro/common';
import { Audited } from '@sro/audit';
import { NotificationService, ReminderService } from '@sro/reminders';
import { PagingDto } from '../common/paging.dto';
import { InboxQueryDto, ReminderQueryDto } from './dto/notification-query.dto';
import {
  FollowUpPageDto,
  NotificationDto,
  NotificationPageDto,
  ReminderMetricsDto,
  ReminderDto,
  ReminderPageDto,
  UnreadCountDto,
} from './dto/notification.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationService,
    private readonly reminderService: ReminderService,
  ) {}

  /** The caller's in-app inbox, newest first. */
  @Get('me/notifications')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationPageDto })
  inbox(@CurrentUser() user: Principal, @Query() query: InboxQueryDto): Promise<NotificationPageDto> {
    return this.notifications.inbox(user.sub, { unreadOnly: query.unread, limit: query.limit, offset: query.offset });
  }

  /** Scheduled reminders addressed to the caller: follow-ups (Wiedervorlagen) and deadlines still ahead. */
  @Get('me/follow-ups')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: FollowUpPageDto })
  followUps(@CurrentUser() user: Principal, @Query() page: PagingDto): Promise<FollowUpPageDto> {
    return this.notifications.upcoming(user.sub, page);
  }

  @Get('me/notifications/unread-count')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: UnreadCountDto })
  async unread(@CurrentUser() user: Principal): Promise<UnreadCountDto> {
    return { unread: await this.notifications.unreadCount(user.sub) };
  }

  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: NotificationDto })
  markRead(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user.sub, id);
  }

  /** Reminders for admins, e.g. `?status=failed` to see what could not be delivered. */
  @Get('reminders')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ReminderPageDto })
  reminders(@Query() query: ReminderQueryDto): Promise<ReminderPageDto> {
    return this.notifications.reminders(query);
  }

  /** Sends a failed reminder again (its failed e-mails back to the outbox, or a new job); 409 when it has not failed. */
  @Post('reminders/:id/retry')
  @HttpCode(200)
  @Roles(Role.Admin)
  @Audited({ resourceType: 'reminder', action: 'retry', purpose: 'Erinnerung erneut zustellen' })
  @ApiOkResponse({ type: ReminderDto })
  retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReminderDto> {
    return this.reminderService.retryFailed(id);
  }

  /** Counts by status and due→delivered lag percentiles. */
  @Get('reminders/metrics')
  @Roles(Role.Admin)
  @ApiOkResponse({ type: ReminderMetricsDto })
  metrics(): Promise<ReminderMetricsDto> {
    return this.notifications.metrics();
  }
}
