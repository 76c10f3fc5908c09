import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { ActivityExecuteInput } from '@temporalio/worker';
import { DomainError, ErrorCode } from '@sro/common';
import { ActivityFailureInterceptor } from '@sro/temporal';

const input: ActivityExecuteInput = { args: [], headers: {} };

/** What the interceptor throws when the activity throws `error`. */
async function failureOf(error: unknown): Promise<unknown> {
  const interceptor = new ActivityFailureInterceptor();
  return interceptor
    .execute(input, async () => Promise.reject(error))
    .then(
      () => {
        throw new Error('the activity was expected to fail');
      },
      (failure: unknown) => failure,
    );
}

describe('ActivityFailureInterceptor', () => {
  it('passes a result through unchanged', async () => {
    const interceptor = new ActivityFailureInterceptor();
    await expect(interceptor.execute(input, async () => 42)).resolves.toBe(42);
  });

  it.each([ErrorCode.ValidationFailed, ErrorCode.NotFound, ErrorCode.Forbidden, ErrorCode.Conflict, ErrorCode.InvalidState])(
    'fails a domain refusal with code %s at once, with the code as type and the field problems as details',
    async (code) => {
      const problems = [{ pointer: '/dueAt', message: 'must be in the future' }];
      const failure = await failureOf(new DomainError(code, 'refused', problems));
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ message: 'refused', type: code, nonRetryable: true, details: [problems] });
    },
  );

  it('retries a domain error that says the system is unavailable', async () => {
    const failure = await failureOf(new DomainError(ErrorCode.Unavailable, 'database down'));
    expect(failure).toMatchObject({ type: ErrorCode.Unavailable, nonRetryable: false });
  });

  it('retries any other error, keeping its message and name', async () => {
    const failure = await failureOf(new TypeError('connection reset'));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ message: 'connection reset', type: 'TypeError', nonRetryable: false });
  });

  it('leaves failures that already say what they mean alone (explicit application failures, cancellation)', async () => {
    const explicit = ApplicationFailure.nonRetryable('stop', 'CUSTOM');
    const cancelled = new CancelledFailure('cancelled');
    expect(await failureOf(explicit)).toBe(explicit);
    expect(await failureOf(cancelled)).toBe(cancelled);
  });
});
