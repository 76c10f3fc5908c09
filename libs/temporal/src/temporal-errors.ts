import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ErrorCode, FieldProblem } from '@sro/common';

const CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Turns Temporal client errors into domain errors: a rejected update keeps its code and problems.
 * `what` is a German noun phrase with its article (`Die Vereinbarung`).
 */
export function toDomainError(error: unknown, what = 'Der Prozess'): unknown {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type && CODES.has(cause.type)) {
      const problems = Array.isArray(cause.details?.[0]) ? (cause.details[0] as FieldProblem[]) : [];
      return new DomainError(cause.type as ErrorCode, cause.message, problems);
    }
    return new DomainError(ErrorCode.InvalidState, cause?.message ?? error.message);
  }
  if (error instanceof WorkflowNotFoundError) return DomainError.notFound(what);
  if (error instanceof WorkflowExecutionAlreadyStartedError)
    return DomainError.conflict(`${what} läuft bereits; nichts wurde neu gestartet.`);
  return error;
}

/** Awaits a Temporal call, rethrowing its failure as a domain error. */
export async function temporalCall<T>(call: Promise<T>, what?: string): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw toDomainError(error, what);
  }
}

/**
 * Awaits a Temporal update whose PostgreSQL write was committed before it (never a transaction held
 * across the call): when the workflow refused the update, a definite answer, `undo` takes the write
 * back before the refusal is rethrown as a domain error. Any other failure leaves the write: the
 * update may have been accepted, and the caller's retry repeats both steps idempotently.
 */
export async function temporalUpdateAfterWrite<T>(call: Promise<T>, what: string, undo: () => Promise<void>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) await undo();
    throw toDomainError(error, what);
  }
}

/**
 * Awaits a workflow's start whose PostgreSQL rows were committed before it (never a transaction held
 * across the call): when Temporal answers that the workflow does not exist, the start did not happen
 * and `undo` takes the rows back before the failure is rethrown as a domain error. When Temporal
 * cannot say (unreachable), the rows stay with the error answered: the start may have happened.
 */
export async function temporalStartAfterWrite(
  client: Client,
  workflowId: string,
  start: Promise<unknown>,
  what: string,
  undo: () => Promise<void>,
): Promise<void> {
  try {
    await start;
  } catch (error) {
    if (await neverStarted(client, workflowId)) await undo();
    throw toDomainError(error, what);
  }
}

/** True only when Temporal answers that the workflow does not exist (a failed start that did not happen). */
async function neverStarted(client: Client, workflowId: string): Promise<boolean> {
  try {
    await client.workflow.getHandle(workflowId).describe();
    return false;
  } catch (error) {
    return error instanceof WorkflowNotFoundError;
  }
}
