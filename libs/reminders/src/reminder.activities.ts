import { Injectable } from '@nestjs/common';
import { Activities } from '@sro/temporal';
import { ReminderService, ScheduleRequest } from './reminder.service';

/** What workflows use: the workflow decides when, these activities make it durable and deliverable. */
@Injectable()
@Activities()
export class ReminderActivities {
  constructor(private readonly reminders: ReminderService) {}

  async scheduleReminders(requests: ScheduleRequest[]): Promise<void> {
    await this.reminders.scheduleMany(requests);
  }

  /** Cancels every scheduled reminder under a key prefix (e.g. a finished step). */
  async cancelReminders(prefix: string): Promise<number> {
    return this.reminders.cancel(prefix, { prefix: true });
  }
}
