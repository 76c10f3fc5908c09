import { randomUUID } from 'node:crypto';
import { WorkflowType } from '@sro/workflows/contracts';
import { timeSkippingSuite } from '../support/time-skipping';

const DAY = 86_400_000;

describe('case-retention workflow (time-skipping)', () => {
  const suite = timeSkippingSuite('retention');
  const { taskQueue, fake } = suite;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const run = async (batchSize?: number) =>
    suite.env.client.workflow.execute(WorkflowType.CaseRetention, {
      taskQueue,
      workflowId: `retention-${randomUUID()}`,
      args: [{ batchSize }],
    });
  const add = (deletionDate: string | null, legalHold = false) => {
    // Ids sort in creation order, so keyset paging is easy to follow.
    const id = `${String(fake.caseFiles.size).padStart(4, '0')}-${randomUUID()}`;
    fake.caseFiles.set(id, { id, deletionDate, legalHold });
    return id;
  };
  const anonymised = () =>
    [...fake.caseFiles.values()]
      .filter((c) => c.anonymisedAt)
      .map((c) => c.id)
      .sort();

  beforeEach(() => fake.caseFiles.clear());

  it('anonymises exactly the cases whose deletion date has come by the workflow clock, and none under legal hold', async () => {
    const now = await suite.env.currentTimeMs();
    const expired = add(day(now - 30 * DAY));
    const dueToday = add(day(now));
    const later = add(day(now + 10 * DAY));
    const held = add(day(now - 400 * DAY), true);
    const open = add(null); // an open Jugendhilfedienst case has no deletion date yet

    const first = await run();
    expect(first).toEqual({ asOf: day(now), anonymised: 2, onHold: 1 });
    expect(anonymised()).toEqual([expired, dueToday].sort());
    expect(fake.of('anonymiseCase').filter((a: any) => [later, held, open].includes(a.caseId))).toEqual([]);

    await suite.env.sleep(11 * DAY);
    const second = await run();
    expect(second).toMatchObject({ anonymised: 1, onHold: 1 });
    expect(anonymised()).toEqual([expired, dueToday, later].sort());
    expect(fake.caseFiles.get(held)!.anonymisedAt).toBeUndefined();
    expect(fake.caseFiles.get(open)!.anonymisedAt).toBeUndefined();

    // The hold is lifted: the next run takes the case.
    fake.caseFiles.get(held)!.legalHold = false;
    expect(await run()).toMatchObject({ anonymised: 1, onHold: 0 });
    expect(fake.caseFiles.get(held)!.anonymisedAt).toBeDefined();
    expect(fake.caseFiles.get(open)!.anonymisedAt).toBeUndefined();
  });

  it('works through more expired cases than one batch holds, page by page', async () => {
    const now = await suite.env.currentTimeMs();
    const ids = Array.from({ length: 7 }, () => add(day(now - DAY)));
    add(day(now + DAY));
    const result = await run(3);
    expect(result.anonymised).toBe(7);
    expect(anonymised()).toEqual([...ids].sort());
    const pages = fake.of('findExpiredCases').slice(-3);
    expect(pages.map((p: any) => p.limit)).toEqual([3, 3, 3]);
    expect(pages[0].after).toBeUndefined();
  });

  it('counts a case the activity refuses (a hold set after it was listed) as kept, and moves on', async () => {
    const now = await suite.env.currentTimeMs();
    const a = add(day(now - DAY));
    const b = add(day(now - DAY));
    const c = add(day(now - DAY));
    // Between listing and anonymising, b is put on hold: the activity re-checks and refuses.
    fake.retentionHooks.afterFind = () => (fake.caseFiles.get(b)!.legalHold = true);
    try {
      const result = await run(2);
      expect(result).toMatchObject({ anonymised: 2, onHold: 1 });
      expect(anonymised()).toEqual([a, c].sort());
      expect(fake.of('anonymiseCase').map((x: any) => x.caseId)).toEqual(expect.arrayContaining([a, b, c]));
    } finally {
      fake.retentionHooks.afterFind = undefined;
    }
  });
});
