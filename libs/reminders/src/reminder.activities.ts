import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, NON_RETRYABLE_CODES } from '@sro/common';
import { Activities } from '@sro/temporal';
import { ReminderService, ScheduleRequest } from './reminder.service';

/**
 * Domain errors a retry cannot fix become non-retryable failures with the code as type.
 * @deprecated A worker interceptor in `@sro/temporal` is to map activity failures in one place; this wrapper goes once it lands.
 */
export async function asActivity<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError && NON_RETRYABLE_CODES.has(error.code)) {
      throw ApplicationFailure.nonRetryable(error.message, error.code, error.problems);
    }
    throw error;
  }
}

/** What workflows use: the workflow decides when, these activities make it durable and deliverable. */
@Injectable()
@Activities()
export class ReminderActivities {
  constructor(private readonly reminders: ReminderService) {}

  async scheduleReminders(requests: ScheduleRequest[]): Promise<void> {
    await asActivity(() => this.reminders.scheduleMany(requests));
  }

  /** Cancels every scheduled reminder under a key prefix (e.g. a finished step). */
  async cancelReminders(prefix: string): Promise<number> {
    return asActivity(() => this.reminders.cancel(prefix, { prefix: true }));
  }
}
