import { Module } from '@nestjs/common';
import { RemindersModule } from '@sro/reminders';
import { NotificationsController } from './notifications.controller';

/** The caller's inbox and follow-ups, and the admin view of reminders. */
@Module({
  imports: [RemindersModule],
  controllers: [NotificationsController],
})
export class NotificationsModule {}
