import { proxyActivities } from '@temporalio/workflow';
import type { PingActivities } from '@sro/temporal';
import type { PingInput, PingOutput } from './contract';

const { pong } = proxyActivities<PingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5 },
});

/** A trivial round trip through an activity; used by health checks and tests of the encrypted path. */
export async function ping(input: PingInput): Promise<PingOutput> {
  return { reply: await pong(input.message) };
}
