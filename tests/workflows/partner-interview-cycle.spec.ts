import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import { SEED_SPECS } from '@sro/definitions';
import {
  cycleStateQuery,
  cycleUpdates,
  CyclePartner,
  InterviewCycleState,
  interviewStateQuery,
  interviewUpdates,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import type { Answer } from '@sro/workflows/partner-interview-cycle/answers';
import { addDuration } from '@sro/workflows/shared/duration';
import { eventually } from '../support/eventually';
import { timeSkippingSuite } from '../support/time-skipping';

const DAY = 86_400_000;

const partner = (name: string): CyclePartner => ({ partnerId: randomUUID(), name });

/** A complete, valid set of answers to questionnaire 2026-1. */
const answers = (scale: number): Answer[] => [
  { questionKey: 'cy_reach', value: scale },
  { questionKey: 'cy_participation', value: true },
  { questionKey: 'pa_access', value: scale },
  { questionKey: 'pa_family_centre', value: 'häufig' },
  { questionKey: 'pr_fallteam', value: scale },
  { questionKey: 'pr_cooperation_forms', value: ['Fallteam'] },
  { questionKey: 'co_network', value: scale },
  { questionKey: 'co_budget_use', value: false },
];

/** The requests with distinct keys, in order of their first arrival. */
const uniqueByKey = <T extends { key: string }>(requests: T[]): T[] => [...new Map(requests.map((r) => [r.key, r] as const)).values()];

describe('partner-interview-cycle workflow (time-skipping)', () => {
  const suite = timeSkippingSuite('pic');
  const { taskQueue, fake } = suite;

  async function startCycle(partners: CyclePartner[], syncEveryDays = 1) {
    fake.registry.partners = partners;
    const handle = await suite.env.client.workflow.start(WorkflowType.PartnerInterviewCycle, {
      taskQueue,
      workflowId: workflowIds.interviewCycle(randomUUID()),
      args: [{ coordinatorId: 'demo-coordinator', syncEveryDays }],
    });
    let state: InterviewCycleState | undefined;
    await eventually(
      async () => {
        state = await handle.query(cycleStateQuery);
        return state.entries.length === partners.length;
      },
      20_000,
      'every partner has an interview',
    );
    const interview = (p: CyclePartner) => suite.env.client.workflow.getHandle(workflowIds.partnerInterview(state!.cycleId, p.partnerId));
    return { handle, state: state!, interview };
  }

  const now = async () => suite.env.currentTimeMs();
  const plan = async (h: WorkflowHandle, inDays: number, interviewerId = 'demo-caseworker') =>
    h.executeUpdate(interviewUpdates.plan, {
      args: [{ plannedAt: new Date((await now()) + inDays * DAY).toISOString(), interviewerId, actorId: 'demo-coordinator' }],
    });

  it('interviews every partner, reminds the interviewer, escalates the overdue and interviews a partner who joins mid-cycle', async () => {
    const [a, b, c] = [partner('Familienzentrum A'), partner('Jugendhilfe B e.V.'), partner('Gemeinde C')];
    const { handle, state, interview } = await startCycle([a, b, c]);
    const started = Date.parse(state.startedAt);
    expect(state.closesAt).toBe(addDuration(addDuration(started, 'P2Y'), 'P1D', -1).toISOString()); // the day before the next cycle

    // A: planned in 60 days; the interviewer is reminded a month and a week before, the coordinators escalate a week after.
    const planned = await plan(interview(a), 60);
    expect(planned.status).toBe('planned');
    const plannedAt = Date.parse(planned.plannedAt!);
    // Scheduling is idempotent by key; under load the time-skipping server can let an activity's
    // start-to-close timeout pass and retry it, so the same request may arrive twice.
    const conduct = uniqueByKey(
      fake
        .of('scheduleReminders')
        .flat()
        .filter((r: any) => r.key.startsWith(`pic/${state.cycleId}/${a.partnerId}/conduct/`)),
    );
    expect(conduct.map((r: any) => [r.template, r.recipients[0], Date.parse(r.dueAt) - plannedAt])).toEqual([
      ['step-due', { type: 'user', id: 'demo-caseworker' }, addDuration(plannedAt + 7 * DAY, 'P1M', -1).getTime() - plannedAt],
      ['step-due', { type: 'user', id: 'demo-caseworker' }, 0],
      ['step-overdue', { type: 'role', role: 'coordinator' }, 7 * DAY],
    ]);
    const done = await interview(a).executeUpdate(interviewUpdates.recordAnswers, {
      args: [{ answers: answers(4), actorId: 'demo-caseworker' }],
    });
    expect(done.status).toBe('done');
    expect(fake.of('recordInterview').find((s: any) => s.partnerId === a.partnerId && s.answers)?.answers.items).toEqual(answers(4));
    expect(fake.of('cancelReminders')).toContain(`pic/${state.cycleId}/${a.partnerId}/`);

    // B is not planned within the three months of the plan step: overdue, and the escalation is due then.
    const planDue = Date.parse((await interview(b).query(interviewStateQuery)).steps[0].dueAt!);
    const escalation = fake
      .of('scheduleReminders')
      .flat()
      .find((r: any) => r.key.startsWith(`pic/${state.cycleId}/${b.partnerId}/plan/`) && r.template === 'step-overdue');
    expect(escalation).toMatchObject({ dueAt: new Date(planDue).toISOString(), recipients: [{ type: 'role', role: 'coordinator' }] });
    await suite.env.sleep(planDue - (await now()) - DAY);
    expect((await interview(b).query(interviewStateQuery)).status).toBe('open');
    await suite.env.sleep(2 * DAY);
    await eventually(async () => (await interview(b).query(interviewStateQuery)).status === 'overdue', 10_000, 'B overdue');
    expect(
      fake
        .of('recordProcessEvent')
        .some(
          (e: any) =>
            e.kind === 'interview_overdue' &&
            e.processId === (fake.of('recordInterview').find((s: any) => s.partnerId === b.partnerId) as any).interviewId,
        ),
    ).toBe(true);

    // D joins the contract, C leaves it: the daily check of the registry adds D and withdraws C.
    const d = partner('Neuer Träger D gGmbH');
    fake.registry.partners = [a, b, d];
    await suite.env.sleep(2 * DAY);
    await eventually(async () => (await handle.query(cycleStateQuery)).entries.some((e) => e.partnerId === d.partnerId), 10_000, 'D added');
    await eventually(async () => (await interview(c).query(interviewStateQuery)).status === 'withdrawn', 10_000, 'C withdrawn');
    expect((await handle.query(cycleStateQuery)).entries.find((e) => e.partnerId === d.partnerId)).toMatchObject({
      joinedLate: true,
      name: d.name,
    });

    await plan(interview(d), 10);
    await interview(d).executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers: answers(2), actorId: 'demo-caseworker' }] });
    // Planning an overdue interview puts it back on track.
    expect((await plan(interview(b), 5)).status).toBe('planned');
    await interview(b).executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers: answers(5), actorId: 'demo-coordinator' }] });

    const result = (await handle.result()) as InterviewCycleState;
    expect(result.status).toBe('completed');
    expect(Object.fromEntries(result.entries.map((e) => [e.name, e.status]))).toEqual({
      'Familienzentrum A': 'done',
      'Jugendhilfe B e.V.': 'done',
      'Gemeinde C': 'withdrawn',
      'Neuer Träger D gGmbH': 'done',
    });
    expect(fake.of('closeInterviewCycle')).toContainEqual({ cycleId: state.cycleId });
  });

  it('refuses invalid answers and a partner twice, changing nothing', async () => {
    const [a] = [partner('Verein A')];
    const { handle, state, interview } = await startCycle([a]);
    const early = await interview(a)
      .executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers: answers(3), actorId: 'x' }] })
      .catch((e) => e);
    expect(early.cause.type).toBe('INVALID_STATE');
    await plan(interview(a), 20);
    const before = await interview(a).query(interviewStateQuery);

    const bad = [...answers(3).slice(1), { questionKey: 'cy_reach', value: 7 }, { questionKey: 'not_in_version', value: 'x' }];
    const error = await interview(a)
      .executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers: bad, actorId: 'x' }] })
      .catch((e) => e);
    expect(error.cause.type).toBe('VALIDATION_FAILED');
    expect(error.cause.details[0]).toEqual([
      {
        pointer: '/answers/7/value',
        code: 'number.range',
        params: { min: 1, max: 5 },
        message: 'Bitte eine ganze Zahl von 1 bis 5 angeben.',
      },
      {
        pointer: '/answers/8/questionKey',
        code: 'unknown-question',
        params: { questionKey: 'not_in_version', version: '2026-1' },
        message: 'Diese Frage gehört nicht zu Version 2026-1 des Fragebogens.',
      },
    ]);
    const missing = await interview(a)
      .executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers: answers(3).slice(1), actorId: 'x' }] })
      .catch((e) => e);
    expect(missing.cause.details[0]).toEqual([
      {
        pointer: '/answers',
        code: 'required',
        params: { questionKey: 'cy_reach' },
        message: 'Bitte beantworten Sie die Pflichtfrage „Wie gut erreichen die Angebote im Sozialraum Kinder und Jugendliche?“.',
      },
    ]);
    expect((await interview(a).query(interviewStateQuery)).revision).toBe(before.revision);

    const twice = await handle.executeUpdate(cycleUpdates.addPartner, { args: [{ ...a, actorId: 'demo-coordinator' }] }).catch((e) => e);
    expect(twice.cause.type).toBe('CONFLICT');
    expect((await handle.query(cycleStateQuery)).entries).toHaveLength(1);
    await interview(a).executeUpdate(interviewUpdates.withdraw, { args: [{ reason: 'Test beendet', actorId: 'demo-coordinator' }] });
    expect(((await handle.result()) as InterviewCycleState).entries[0].status).toBe('withdrawn');
    expect(state.number).toBeGreaterThan(0);
  });

  it("records one partner's failure and lets the others finish", async () => {
    const [broken, fine] = [partner('Defekt e.V.'), partner('Intakt e.V.')];
    fake.registry.failFor.add(broken.partnerId);
    const { handle, interview } = await startCycle([broken, fine]);
    await eventually(
      async () => (await handle.query(cycleStateQuery)).entries.find((e) => e.partnerId === broken.partnerId)!.finished,
      10_000,
      'failure noticed',
    );
    await plan(interview(fine), 3);
    await interview(fine).executeUpdate(interviewUpdates.recordAnswers, { args: [{ answers: answers(3), actorId: 'demo-caseworker' }] });
    const result = (await handle.result()) as InterviewCycleState;
    expect(result.entries.map((e) => e.status)).toEqual(['failed', 'done']);
    expect(result.entries[0].error).toMatch(/cannot be written/);
    expect(fake.of('recordInterviewFailure')).toContainEqual(expect.objectContaining({ partnerId: broken.partnerId }));
  });

  it('ends the day before the next cycle is due; unfinished interviews stop where they are', async () => {
    const [a, b] = [partner('Spät A'), partner('Spät B')];
    const { handle, state, interview } = await startCycle([a, b], 30);
    await plan(interview(a), 100);
    const result = (await handle.result()) as InterviewCycleState; // the test server skips the two years
    expect(Date.parse(state.closesAt) - Date.parse(state.startedAt)).toBeGreaterThanOrEqual(729 * DAY);
    expect(await now()).toBeGreaterThanOrEqual(Date.parse(state.closesAt));
    expect(result.entries.map((e) => [e.status, e.finished])).toEqual([
      ['overdue', true],
      ['overdue', true],
    ]);
    const last = await interview(b).query(interviewStateQuery);
    expect(last.closedByCycle).toBe(true);
    expect(fake.of('cancelReminders')).toContain(`pic/${state.cycleId}/${b.partnerId}/`);
    expect(SEED_SPECS['partner-interview-cycle'].cycleInterval).toBe('P2Y');
  });
});
