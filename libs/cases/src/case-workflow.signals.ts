import { Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { caseworkerChangedSignal } from '@sro/workflows/contracts';

/** Tells the running workflows of a case what changed about it (the one place the cases lib signals Temporal). */
@Injectable()
export class CaseWorkflowSignals {
  private readonly logger = new Logger('CaseWorkflowSignals');

  constructor(private readonly temporal: Client) {}

  /** The new responsible caseworker, to each workflow still running; ended ones need nothing. */
  async caseworkerChanged(workflowIds: string[], caseworkerId: string): Promise<void> {
    for (const workflowId of workflowIds) {
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(caseworkerChangedSignal, { caseworkerId });
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) continue;
        // The transfer itself is committed; a missed signal only leaves later reminders with the previous caseworker.
        this.logger.warn({ msg: 'caseworker change not signalled', workflowId, error: (error as Error).message });
      }
    }
  }
}
