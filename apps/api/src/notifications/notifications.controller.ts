import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@sro/auth';
import { ALL_ROLES, Principal, Role } from '@sro/common';
import { NotificationService } from '@sro/reminders';
import { PagingDto } from '../common/paging.dto';
import { InboxQueryDto, ReminderQueryDto } from './dto/notification-query.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationService) {}

  /** The caller's in-app inbox, newest first. */
  @Get('me/notifications')
  @Roles(...ALL_ROLES)
  inbox(@CurrentUser() user: Principal, @Query() query: InboxQueryDto) {
    return this.notifications.inbox(user.sub, { unreadOnly: query.unread, limit: query.limit, offset: query.offset });
  }

  /** Scheduled reminders addressed to the caller: follow-ups (Wiedervorlagen) and deadlines still ahead. */
  @Get('me/follow-ups')
  @Roles(...ALL_ROLES)
  followUps(@CurrentUser() user: Principal, @Query() page: PagingDto) {
    return this.notifications.upcoming(user.sub, page);
  }

  @Get('me/notifications/unread-count')
  @Roles(...ALL_ROLES)
  async unread(@CurrentUser() user: Principal) {
    return { unread: await this.notifications.unreadCount(user.sub) };
  }

  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  markRead(@CurrentUser() user: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.notifications.markRead(user.sub, id);
  }

  /** Reminders for admins, e.g. `?status=failed` to see what could not be delivered. */
  @Get('reminders')
  @Roles(Role.Admin)
  reminders(@Query() query: ReminderQueryDto) {
    return this.notifications.reminders(query);
  }

  /** Counts by status and due→delivered lag percentiles. */
  @Get('reminders/metrics')
  @Roles(Role.Admin)
  metrics() {
    return this.notifications.metrics();
  }
}
