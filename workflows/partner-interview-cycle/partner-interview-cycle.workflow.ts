import {
  ChildWorkflowHandle,
  condition,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { PinnedDefinition } from '@sro/definitions';
import type { InterviewActivities } from '@sro/interviews';
import { Actor, workflowIds } from '../shared/contract';
import { addDuration } from '../shared/duration';
import { reject, WRITE_ACTIVITY } from '../shared/process-kit';
import { untilTimerOrChange } from '../shared/runtime';
import {
  CycleEntry,
  cycleClosingSignal,
  CyclePartner,
  cycleStateQuery,
  cycleUpdates,
  InterviewCycleInput,
  InterviewCycleState,
  partnerLeftSignal,
} from './contract';
import { partnerInterview } from './partner-interview.workflow';

const interviews = proxyActivities<InterviewActivities>({ ...WRITE_ACTIVITY, startToCloseTimeout: '1 minute' });

const DAY = 86_400_000;

/** The innermost cause's message (a child's failure wraps the activity's, which wraps the reason). */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/**
 * One two-yearly interview cycle with all contract partners (seed 004). Started by the
 * installation's Temporal Schedule (or by hand): opens the cycle with the published definition,
 * starts one interview workflow per active partner, checks the registry daily (and on demand) so
 * that a partner who joins is added and one who leaves is withdrawn, and completes when every
 * interview has ended — at the latest the day before the next cycle is due. One interview that
 * fails is recorded as `failed`; the others go on.
 */
export async function partnerInterviewCycle(input: InterviewCycleInput): Promise<InterviewCycleState> {
  // Handlers are there from the first moment, so a query during the opening answers.
  const state: InterviewCycleState = {
    cycleId: '',
    number: 0,
    status: 'opening',
    startedAt: new Date().toISOString(),
    closesAt: '',
    definitionVersion: 0,
    entries: [],
    revision: 0,
  };
  // Set once the cycle is opened below; the handlers registered before then read it later.
  // eslint-disable-next-line prefer-const
  let definition: PinnedDefinition<'partner-interview-cycle'>;
  const children = new Map<string, ChildWorkflowHandle<typeof partnerInterview>>();
  const syncEvery = Math.max(1, input.syncEveryDays ?? 1) * DAY;
  let starting = 0;

  const entryOf = (partnerId: string) => state.entries.find((e) => e.partnerId === partnerId);

  const add = async (partner: CyclePartner, joinedLate: boolean): Promise<CycleEntry> => {
    const workflowId = workflowIds.partnerInterview(state.cycleId, partner.partnerId);
    const entry: CycleEntry = { ...partner, status: 'open', finished: false, workflowId, joinedLate };
    state.entries.push(entry);
    state.revision += 1;
    starting += 1;
    try {
      const child = await startChild(partnerInterview, {
        workflowId,
        args: [{ ...partner, cycleId: state.cycleId, cycleNumber: state.number, coordinatorId: input.coordinatorId, definition }],
      });
      children.set(partner.partnerId, child);
      child.result().then(
        (result) => {
          entry.status = result.status;
          entry.finished = true;
          state.revision += 1;
        },
        async (error: unknown) => {
          // One partner's failure is recorded; the cycle and the other interviews go on.
          entry.status = 'failed';
          entry.error = rootMessage(error);
          await interviews.recordInterviewFailure({
            cycleId: state.cycleId,
            partnerId: partner.partnerId,
            workflowId,
            message: entry.error,
          });
          entry.finished = true;
          state.revision += 1;
        },
      );
    } catch (error) {
      entry.status = 'failed';
      entry.error = rootMessage(error);
      entry.finished = true;
    } finally {
      starting -= 1;
      state.revision += 1;
    }
    return entry;
  };

  /** Adds partners who joined, withdraws interviews of partners who left. */
  const sync = async (actor?: Actor) => {
    const active = await interviews.activeCyclePartners({ cycleId: state.cycleId });
    const activeIds = new Set(active.map((p) => p.partnerId));
    const joined = active.filter((p) => !entryOf(p.partnerId));
    const left = state.entries.filter((e) => !e.finished && !activeIds.has(e.partnerId));
    await Promise.all(joined.map((p) => add(p, true)));
    for (const entry of left) {
      await children
        .get(entry.partnerId)
        ?.signal(partnerLeftSignal, { reason: 'Austritt aus dem Sozialraumvertrag', actorId: actor?.actorId ?? 'system' });
    }
    return { added: joined.map((p) => p.partnerId), withdrawn: left.map((e) => e.partnerId) };
  };

  const requireRunning = () => {
    if (state.status === 'opening') reject('state', 'Der Interviewzyklus wird gerade eröffnet; bitte versuchen Sie es gleich noch einmal.');
    if (state.status !== 'running') reject('state', 'Der Interviewzyklus ist beendet; nichts wurde geändert.');
  };

  setHandler(cycleUpdates.addPartner, ({ partnerId, name }) => add({ partnerId, name }, true), {
    validator: ({ partnerId }) => {
      requireRunning();
      if (entryOf(partnerId))
        reject('conflict', `Der Vertragspartner gehört bereits zum Interviewzyklus ${state.number}.`, [
          {
            pointer: '/partnerId',
            code: 'duplicate',
            params: { cycle: state.number },
            message: 'Dieser Vertragspartner ist bereits in diesem Zyklus.',
          },
        ]);
    },
  });

  setHandler(cycleUpdates.syncPartners, (actor) => sync(actor), { validator: (_actor) => requireRunning() });
  setHandler(cycleStateQuery, () => state);

  const opened = await interviews.openInterviewCycle({ workflowId: workflowInfo().workflowId, coordinatorId: input.coordinatorId });
  definition = opened.definition;
  Object.assign(state, {
    cycleId: opened.cycleId,
    number: opened.number,
    status: 'running',
    closesAt: addDuration(addDuration(new Date(state.startedAt), definition.spec.cycleInterval), 'P1D', -1).toISOString(),
    definitionVersion: definition.version,
  });
  await Promise.all(opened.partners.map((p) => add(p, false)));

  let lastSync = Date.now();
  const allFinished = () => starting === 0 && state.entries.every((e) => e.finished);
  while (!allFinished()) {
    const closesAt = Date.parse(state.closesAt);
    if (Date.now() >= closesAt) {
      for (const entry of state.entries) if (!entry.finished) await children.get(entry.partnerId)?.signal(cycleClosingSignal);
      await condition(allFinished);
      break;
    }
    await untilTimerOrChange(state, [lastSync + syncEvery, closesAt], allFinished);
    if (Date.now() >= lastSync + syncEvery && Date.now() < closesAt) {
      await sync();
      lastSync = Date.now();
    }
  }
  state.status = 'completed';
  state.revision += 1;
  await condition(allHandlersFinished);
  await interviews.closeInterviewCycle({ cycleId: state.cycleId });
  return state;
}
