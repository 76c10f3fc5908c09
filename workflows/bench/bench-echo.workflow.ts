import { condition, setHandler } from '@temporalio/workflow';
import { benchEchoFinish, benchEchoUpdate } from './contract';

/**
 * The raw Temporal baseline of `npm run bench`: a workflow that does nothing but answer an update
 * and wait to be told to finish. What a scenario costs beyond this is the system's own work.
 * Test-only: in the testing bundle (../testing.ts), not in production.
 */
export async function benchEcho(): Promise<number> {
  let updates = 0;
  let finished = false;
  setHandler(benchEchoUpdate, (n) => {
    updates += 1;
    return n;
  });
  setHandler(benchEchoFinish, () => {
    finished = true;
  });
  await condition(() => finished, '1 hour');
  return updates;
}
