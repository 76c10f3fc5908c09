import { Injectable } from '@nestjs/common';
import { ReminderService } from '@sro/reminders';
import { Activities } from '@sro/temporal';
import type { ProcessChange } from '@sro/workflows/shared/process';
import { ProcessInstanceRepository } from './process-instance.repository';

/**
 * A process change's writes as one activity (the worker provides it; it needs the reminders): the
 * history entry and the read model in one statement, then the reminder writes the change brought, in
 * their order. A workflow that awaits it costs one local activity per change instead of one per
 * write. Every write is idempotent (history by sequence, read model by revision, reminders by key),
 * so a retry after a partial run is harmless.
 */
@Injectable()
@Activities()
export class ProcessChangeActivities {
  constructor(
    private readonly readModel: ProcessInstanceRepository,
    private readonly reminderService: ReminderService,
  ) {}

  async recordProcessChange(change: ProcessChange): Promise<void> {
    await this.readModel.recordChange(change.event, change.snapshot);
    for (const write of change.reminders) {
      if ('cancel' in write) await this.reminderService.cancel(write.cancel, { prefix: true });
      else await this.reminderService.scheduleMany(write.schedule);
    }
  }
}
