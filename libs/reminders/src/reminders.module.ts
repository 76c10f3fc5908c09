import { Module } from '@nestjs/common';
import { MailOutbox } from './mail-outbox';
import { MailOutboxRepository } from './mail-outbox.repository';
import { Mailer } from './mailer';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { ReminderActivities } from './reminder.activities';
import { ReminderDeliveryRepository } from './reminder-delivery.repository';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderDispatcher } from './reminder.dispatcher';
import { ReminderQueue } from './reminder.queue';
import { ReminderReconciler } from './reminder.reconciler';
import { ReminderRepository } from './reminder.repository';
import { ReminderService } from './reminder.service';

/** Reminder scheduling (API and activities) and delivery (worker); the one place that provides them. */
@Module({
  providers: [
    ReminderRepository,
    ReminderDeliveryRepository,
    MailOutboxRepository,
    NotificationRepository,
    ReminderQueue,
    ReminderService,
    ReminderActivities,
    ReminderDeliveryService,
    ReminderDispatcher,
    ReminderReconciler,
    Mailer,
    MailOutbox,
    NotificationService,
  ],
  exports: [
    MailOutbox,
    ReminderQueue,
    ReminderService,
    ReminderDeliveryService,
    ReminderDispatcher,
    ReminderReconciler,
    NotificationService,
  ],
})
export class RemindersModule {}
