import { Injectable } from '@nestjs/common';
import { Client, UpdateDefinition } from '@temporalio/client';
import { AppConfig } from '@sro/config';
import { temporalCall, temporalStartAfterWrite, temporalUpdateAfterWrite } from '@sro/temporal';
import {
  JugendhilfedienstCaseInput,
  JugendhilfedienstCaseState,
  jugendhilfedienstStateQuery,
  jugendhilfedienstUpdates,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';

type CaseUpdates = typeof jugendhilfedienstUpdates;
/** The argument of a Jugendhilfedienst case update. */
export type CaseUpdateArg<K extends keyof CaseUpdates> =
  CaseUpdates[K] extends UpdateDefinition<JugendhilfedienstCaseState, [infer A]> ? A : never;

const WHAT = 'Der Fall';

/** The `jugendhilfedienst-case` workflows as the API talks to them: start, query the state, send updates. */
@Injectable()
export class JugendhilfedienstWorkflowClient {
  constructor(
    private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  workflowId(caseId: string): string {
    return workflowIds.jugendhilfedienstCase(caseId);
  }

  /**
   * Starts the case's workflow. With `undo`, the start follows the committed case file: when Temporal
   * answers that the start did not happen, `undo` takes the case file back (`temporalStartAfterWrite`).
   */
  async start(input: JugendhilfedienstCaseInput, undo?: () => Promise<void>): Promise<void> {
    const args: [JugendhilfedienstCaseInput] = [input];
    const workflowId = this.workflowId(input.caseId);
    const started = this.temporal.workflow.start(WorkflowType.JugendhilfedienstCase, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args,
    });
    await (undo ? temporalStartAfterWrite(this.temporal, workflowId, started, WHAT, undo) : temporalCall(started, WHAT));
  }

  state(workflowId: string): Promise<JugendhilfedienstCaseState> {
    return temporalCall(this.temporal.workflow.getHandle(workflowId).query(jugendhilfedienstStateQuery), WHAT);
  }

  /**
   * Sends an update and answers the state after it; the workflow's refusal comes back as a domain
   * error. With `afterWrite`, the update follows a committed PostgreSQL write: `updateId` names the
   * update (the record's id, so the same step is never applied twice) and `undo` takes the write back
   * when the workflow refuses (see `temporalUpdateAfterWrite`).
   */
  update<K extends keyof CaseUpdates>(
    workflowId: string,
    update: K,
    arg: CaseUpdateArg<K>,
    afterWrite?: { updateId?: string; undo: () => Promise<void> },
  ): Promise<JugendhilfedienstCaseState> {
    const definition = jugendhilfedienstUpdates[update] as CaseUpdates['classify'];
    const call = this.temporal.workflow
      .getHandle(workflowId)
      .executeUpdate(definition, { args: [arg as never], ...(afterWrite?.updateId ? { updateId: afterWrite.updateId } : {}) });
    return afterWrite ? temporalUpdateAfterWrite(call, WHAT, afterWrite.undo) : temporalCall(call, WHAT);
  }
}
