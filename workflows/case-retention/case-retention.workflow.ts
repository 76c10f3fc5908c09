import { proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities } from '@sro/jugendhilfedienst';
import type { CaseRetentionInput, CaseRetentionResult } from './contract';
import { WRITE_ACTIVITY } from '../shared/process-kit';

const retention = proxyActivities<RetentionActivities>({ ...WRITE_ACTIVITY, startToCloseTimeout: '1 minute' });

/**
 * One retention run, started daily by the installation's Temporal Schedule: finds the cases whose
 * deletion date has passed (by the workflow's clock) and anonymises them one by one — personal and
 * sealed fields gone, the statistics kept, each audited. A case under legal hold is never touched;
 * the activity checks expiry and hold again in the transaction that anonymises.
 */
export async function caseRetention(input: CaseRetentionInput = {}): Promise<CaseRetentionResult> {
  const asOf = new Date().toISOString().slice(0, 10);
  const limit = Math.max(1, input.batchSize ?? 100);
  let anonymised = 0;
  // Keyset paging by id: a case the activity refused (hold set meanwhile) is not asked for again.
  let after: string | undefined;
  for (;;) {
    const batch = await retention.findExpiredCases({ asOf, limit, after });
    for (const caseId of batch) {
      if (await retention.anonymiseCase({ caseId, asOf })) anonymised += 1;
    }
    if (batch.length < limit) break;
    after = batch[batch.length - 1];
  }
  const { onHold } = await retention.countCasesOnHold({ asOf });
  return { asOf, anonymised, onHold };
}
