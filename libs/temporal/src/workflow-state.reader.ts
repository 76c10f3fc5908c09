import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { temporalCall } from './temporal-errors';

/**
 * Reads a running workflow's live state by its query: the one place services ask Temporal for
 * state (read models stay in PostgreSQL), so a unit test swaps it and failures become domain errors.
 */
@Injectable()
export class WorkflowStateReader {
  constructor(private readonly temporal: Client) {}

  /** The answer of `query` from the workflow with this id; Temporal failures as domain errors naming `what`. */
  read<T>(workflowId: string, query: QueryDefinition<T>, what?: string): Promise<T> {
    return temporalCall(this.temporal.workflow.getHandle(workflowId).query(query), what);
  }
}
