import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import { ApplicationFailure, TemporalFailure } from '@temporalio/common';
import { DomainError, NON_RETRYABLE_CODES } from '@sro/common';

/** Turns what an activity threw into the failure Temporal records: the one place that decides what is retried. */
export function toActivityFailure(error: unknown): unknown {
  // Cancellation, an explicit ApplicationFailure and the like already say what they mean.
  if (error instanceof TemporalFailure) return error;
  if (error instanceof DomainError) {
    // A retry cannot fix a refusal (validation, not found, conflict…); the workflow sees the code as the type.
    if (NON_RETRYABLE_CODES.has(error.code)) return ApplicationFailure.nonRetryable(error.message, error.code, error.problems);
    return ApplicationFailure.retryable(error.message, error.code, error.problems);
  }
  // Anything else (database down, Redis gone, a bug) is retried under the activity's retry policy.
  return ApplicationFailure.fromError(error, { nonRetryable: false });
}

/** Maps the failures of every activity the worker runs (see {@link toActivityFailure}). */
export class ActivityFailureInterceptor implements ActivityInboundCallsInterceptor {
  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    try {
      return await next(input);
    } catch (error) {
      throw toActivityFailure(error);
    }
  }
}

/** The worker's `interceptors.activity` entry for {@link ActivityFailureInterceptor}. */
export const activityFailureInterceptors: ActivityInterceptorsFactory = () => ({ inbound: new ActivityFailureInterceptor() });
