import { Module } from '@nestjs/common';
import { MailOutbox } from './mail-outbox';
import { Mailer } from './mailer';
import { NotificationService } from './notification.service';
import { ReminderActivities } from './reminder.activities';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderDispatcher } from './reminder.dispatcher';
import { ReminderQueue } from './reminder.queue';
import { ReminderReconciler } from './reminder.reconciler';
import { ReminderService } from './reminder.service';

/** Reminder scheduling (API and activities) and delivery (worker). */
@Module({
  providers: [ReminderQueue, ReminderService, ReminderActivities, ReminderDeliveryService, ReminderDispatcher, ReminderReconciler, Mailer, MailOutbox, NotificationService],
  exports: [MailOutbox, ReminderQueue, ReminderService, ReminderDeliveryService, ReminderDispatcher, ReminderReconciler, NotificationService],
})
export class RemindersModule {}
