import { sleep } from '@temporalio/workflow';
import type { ProbeInput, ProbeOutput } from './contract';
import { processActivities as act } from '../shared/process-kit';

/**
 * An end-to-end self-check: schedules one reminder to a user (delivered in-app and by e-mail by
 * the worker), waits, writes one history entry and completes. The fault tests run hundreds of
 * them while they kill workers and restart servers, to see every part (Temporal, PostgreSQL,
 * Redis, delivery) work together. Test-only: in the testing bundle (../testing.ts), not in production.
 */
export async function probe(input: ProbeInput): Promise<ProbeOutput> {
  const dueAt = new Date(Date.now() + input.reminderInMs).toISOString();
  await act.scheduleReminders([
    {
      key: `probe/${input.probeId}`,
      dueAt,
      recipients: [{ type: 'user', id: input.recipientId }],
      template: 'step-due',
      context: { processTitle: `Selbsttest ${input.probeId}`, stepTitle: 'Selbsttest', dueAt },
    },
  ]);
  await sleep(input.waitMs);
  const completedAt = new Date().toISOString();
  await act.recordProcessEvent({ processId: input.probeId, sequence: 1, occurredAt: completedAt, kind: 'probe_completed' });
  return { probeId: input.probeId, completedAt };
}
