import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { SEED_SPECS } from '@sro/definitions';
import {
  caseworkerChangedSignal,
  fallteamStateQuery,
  fallteamUpdates,
  JugendhilfedienstCaseInput,
  jugendhilfedienstStateQuery,
  jugendhilfedienstUpdates,
  RecordRiskAssessmentInput,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import { addDuration } from '@sro/workflows/shared/duration';
import { eventually } from '../support/eventually';
import { timeSkippingSuite } from '../support/time-skipping';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const caseworker = 'demo-caseworker';

describe('jugendhilfedienst-case workflow (time-skipping)', () => {
  const suite = timeSkippingSuite('jhd');
  const { taskQueue, fake } = suite;

  /** A new case's start input, reported an hour ago. */
  async function caseInput(overrides: Partial<JugendhilfedienstCaseInput> = {}): Promise<JugendhilfedienstCaseInput> {
    const now = await suite.env.currentTimeMs();
    return {
      caseId: randomUUID(),
      pseudonym: 'F-2026-JHD001',
      caseworkerId: caseworker,
      socialSpaceId: randomUUID(),
      planningRegionId: randomUUID(),
      source: 'school',
      anonymous: false,
      reportedAt: new Date(now - HOUR).toISOString(),
      definition: { key: 'jugendhilfedienst-case', version: 1, checksum: 'v1', spec: SEED_SPECS['jugendhilfedienst-case'] },
      ...overrides,
    };
  }

  async function start(overrides: Partial<JugendhilfedienstCaseInput> = {}) {
    const input = await caseInput(overrides);
    const handle = await suite.env.client.workflow.start(WorkflowType.JugendhilfedienstCase, {
      taskQueue,
      workflowId: `jhd-${input.caseId}`,
      args: [input],
    });
    return { input, handle };
  }
  type Handle = Awaited<ReturnType<typeof start>>['handle'];

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: any) => ({
        type: e.cause?.type as string,
        message: e.cause?.message as string,
        problems: e.cause?.details?.[0] as Array<{ pointer: string }>,
      }),
    );
  // In history order: the sequence the workflow numbered them with (under load the activity calls can land in another order).
  const events = (caseId: string) =>
    fake
      .of('recordProcessEvent')
      .filter((e: any) => e.processId === caseId)
      .sort((a: any, b: any) => a.sequence - b.sequence);
  const reminders = (prefix: string) =>
    fake
      .of('scheduleReminders')
      .flat()
      .filter((r: any) => r.key.startsWith(prefix));
  const assessment = (overrides: Partial<RecordRiskAssessmentInput> = {}): RecordRiskAssessmentInput => ({
    assessmentId: randomUUID(),
    professionals: 2,
    result: 'latent',
    parentsInvolved: true,
    childInvolved: true,
    homeVisit: true,
    expectedHelpDuration: 'P3M',
    actorId: caseworker,
    ...overrides,
  });
  const classify = (handle: Handle, zone: 'service' | 'unclear' | 'endangerment', expectedHelpDuration?: string) =>
    handle.executeUpdate(jugendhilfedienstUpdates.classify, { args: [{ zone, expectedHelpDuration, actorId: caseworker }] });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const ended = (handle: Handle) =>
    eventually(async () => (await handle.describe()).status.name === 'COMPLETED', 10_000, 'the run has ended');

  it('records the intake before a classification that came with the start (in the run’s first task)', async () => {
    const input = await caseInput();
    const caseId = input.caseId;
    const startOperation = new WithStartWorkflowOperation(WorkflowType.JugendhilfedienstCase, {
      taskQueue,
      workflowId: `jhd-${caseId}`,
      workflowIdConflictPolicy: 'FAIL',
      args: [input],
    });
    const classified = await suite.env.client.workflow.executeUpdateWithStart(jugendhilfedienstUpdates.classify, {
      args: [{ zone: 'endangerment', actorId: caseworker }],
      startWorkflowOperation: startOperation,
    });
    expect(classified.steps.filter((s) => s.status === 'active').map((s) => s.key)).toEqual(['risk_assessment']);
    expect(classified.steps.find((s) => s.key === 'classification')).toMatchObject({ status: 'completed' });
    await eventually(async () => events(caseId).length === 2, 10_000, 'both entries written');
    expect(events(caseId).map((e: any) => e.kind)).toEqual(['intake_recorded', 'classified']);
  });

  it('records the intake at the start and gives the classification the definition’s three days, escalating to the lead of the case’s team', async () => {
    const { input, handle } = await start();
    const state = await handle.query(jugendhilfedienstStateQuery);
    expect(state.phase).toBe('classification');
    const [intake, classification] = state.steps;
    expect(intake).toMatchObject({ key: 'intake', status: 'completed', startedAt: input.reportedAt });
    expect(intake.overdue).toBeUndefined();
    expect(Date.parse(classification.dueAt!) - Date.parse(classification.startedAt!)).toBe(3 * DAY);
    await eventually(async () => reminders(`jhd/${input.caseId}/steps/classification/`).length === 2, 10_000, 'classification reminders');
    expect(
      reminders(`jhd/${input.caseId}/steps/classification/`).map((r: any) => [r.key.split('/').pop(), r.template, r.recipients]),
    ).toEqual([
      ['P1D', 'step-due', [{ type: 'user', id: caseworker }]],
      ['escalation', 'step-overdue', [{ type: 'role', role: 'lead', planningRegionId: input.planningRegionId, caseId: input.caseId }]],
    ]);
    expect(events(input.caseId).map((e: any) => e.kind)).toEqual(['intake_recorded']);
    expect(events(input.caseId)[0].details).toEqual({ source: 'school', anonymous: false, definitionVersion: 1 });
  });

  it('addresses the reminders it schedules after a hand-over to the new caseworker', async () => {
    const { input, handle } = await start();
    await handle.signal(caseworkerChangedSignal, { caseworkerId: 'cw-new' });
    await classify(handle, 'endangerment');
    const prefix = `jhd/${input.caseId}/steps/risk_assessment/`;
    await eventually(async () => reminders(prefix).length === 3, 10_000, '§ 8a reminders');
    expect(
      reminders(prefix)
        .filter((r: any) => r.template === 'step-due')
        .map((r: any) => r.recipients),
    ).toEqual([[{ type: 'user', id: 'cw-new' }], [{ type: 'user', id: 'cw-new' }]]);
  });

  it('escalates a § 8a risk assessment that runs past its limit and still accepts it, marked late', async () => {
    const { input, handle } = await start();
    const classified = await classify(handle, 'endangerment');
    expect(classified.phase).toBe('risk_assessment');
    const step = classified.steps.find((s) => s.key === 'risk_assessment')!;
    expect(Date.parse(step.dueAt!) - Date.parse(step.startedAt!)).toBe(DAY);
    const prefix = `jhd/${input.caseId}/steps/risk_assessment/`;
    await eventually(async () => reminders(prefix).length === 3, 10_000, '§ 8a reminders');
    expect(reminders(prefix).map((r: any) => [r.key.split('/').pop(), r.dueAt, r.template])).toEqual([
      ['PT12H', new Date(Date.parse(step.dueAt!) - 12 * HOUR).toISOString(), 'step-due'],
      ['PT4H', new Date(Date.parse(step.dueAt!) - 4 * HOUR).toISOString(), 'step-due'],
      ['escalation', step.dueAt, 'step-overdue'],
    ]);
    // The § 8a escalation goes to the lead of the case's team (resolved at delivery), not to admins.
    expect(reminders(prefix)[2].recipients).toEqual([
      { type: 'role', role: 'lead', planningRegionId: input.planningRegionId, caseId: input.caseId },
    ]);
    expect(reminders(prefix)[2].context).toMatchObject({
      processTitle: 'Jugendhilfedienst F-2026-JHD001',
      stepTitle: 'Gefährdungseinschätzung nach § 8a SGB VIII',
    });

    await suite.env.sleep(20 * HOUR);
    expect(events(input.caseId).map((e: any) => e.kind)).not.toContain('risk_assessment_overdue');
    await suite.env.sleep(5 * HOUR);
    await eventually(async () => events(input.caseId).some((e: any) => e.kind === 'risk_assessment_overdue'), 10_000, 'overdue event');
    expect(events(input.caseId).find((e: any) => e.kind === 'risk_assessment_overdue').details).toMatchObject({
      step: 'risk_assessment',
      dueAt: step.dueAt,
      escalatedTo: 'lead',
    });
    expect((await handle.query(jugendhilfedienstStateQuery)).steps.find((s) => s.key === 'risk_assessment')!.overdue).toBe(true);

    const done = await handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, { args: [assessment()] });
    expect(done.riskAssessment).toMatchObject({ result: 'latent', professionals: 2, late: true });
    // Three months of help: no Fallteam, straight to the help plan.
    expect(done.phase).toBe('help_plan');
    expect(done.steps.find((s) => s.key === 'fallteam')).toMatchObject({ status: 'completed', skipped: true });
  });

  it('after an acute result requires the immediate protection within its short deadline, escalating when it passes, before any help plan', async () => {
    const { input, handle } = await start();
    await classify(handle, 'endangerment');
    const acute = await handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
      args: [assessment({ result: 'acute', expectedHelpDuration: 'P3M' })],
    });
    expect(acute.phase).toBe('immediate_protection');
    const step = acute.steps.find((s) => s.key === 'immediate_protection')!;
    expect(step.status).toBe('active');
    expect(Date.parse(step.dueAt!) - Date.parse(step.startedAt!)).toBe(12 * HOUR);
    const prefix = `jhd/${input.caseId}/steps/immediate_protection/`;
    await eventually(async () => reminders(prefix).length === 2, 10_000, 'protection reminders');
    expect(reminders(prefix).map((r: any) => [r.key.split('/').pop(), r.dueAt, r.template])).toEqual([
      ['PT4H', new Date(Date.parse(step.dueAt!) - 4 * HOUR).toISOString(), 'step-due'],
      ['escalation', step.dueAt, 'step-overdue'],
    ]);
    expect(reminders(prefix)[1].recipients).toEqual([
      { type: 'role', role: 'lead', planningRegionId: input.planningRegionId, caseId: input.caseId },
    ]);

    // No help plan and no closure before the child is protected.
    const plan = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordHelpPlan, {
        args: [{ helpPlanId: randomUUID(), planDate: day(await suite.env.currentTimeMs()), actorId: caseworker }],
      }),
    );
    expect(plan).toMatchObject({ type: 'INVALID_STATE' });
    const close = await failure(handle.executeUpdate(jugendhilfedienstUpdates.close, { args: [{ actorId: caseworker }] }));
    expect(close).toMatchObject({ type: 'INVALID_STATE', message: expect.stringContaining('Sofortschutz') });
    const odd = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordImmediateProtection, {
        args: [{ protectionId: randomUUID(), measure: 'hope' as never, takenAt: 'soon', actorId: caseworker }],
      }),
    );
    expect(odd?.problems.map((p) => p.pointer)).toEqual(['/measure', '/takenAt']);

    await suite.env.sleep(13 * HOUR);
    await eventually(
      async () => events(input.caseId).some((e: any) => e.kind === 'immediate_protection_overdue'),
      10_000,
      'protection overdue',
    );
    expect(events(input.caseId).find((e: any) => e.kind === 'immediate_protection_overdue').details).toMatchObject({
      step: 'immediate_protection',
      escalatedTo: 'lead',
    });

    const takenAt = new Date((await suite.env.currentTimeMs()) - HOUR).toISOString();
    const protectedCase = await handle.executeUpdate(jugendhilfedienstUpdates.recordImmediateProtection, {
      args: [{ protectionId: randomUUID(), measure: 'family_court', takenAt, actorId: caseworker }],
    });
    expect(protectedCase.immediateProtection).toMatchObject({ measure: 'family_court', takenAt, late: true });
    // Then the help as the assessment expected it: three months, the help plan without the Fallteam.
    expect(protectedCase.phase).toBe('help_plan');
    expect(protectedCase.steps.find((s) => s.key === 'immediate_protection')).toMatchObject({ status: 'completed' });
    expect(events(input.caseId).map((e: any) => e.kind)).toEqual([
      'intake_recorded',
      'classified',
      'risk_assessment_completed',
      'immediate_protection_overdue',
      'immediate_protection_recorded',
    ]);
  });

  it('skips the immediate protection after a latent result, and keeps the old path for a definition pinned without the step', async () => {
    const { handle } = await start();
    await classify(handle, 'endangerment');
    const latent = await handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, { args: [assessment()] });
    expect(latent.phase).toBe('help_plan');
    expect(latent.steps.find((s) => s.key === 'immediate_protection')).toMatchObject({ status: 'completed', skipped: true });

    const spec = SEED_SPECS['jugendhilfedienst-case'];
    const old = { ...spec, steps: spec.steps.filter((s) => s.key !== 'immediate_protection') };
    const pinned = await start({ definition: { key: 'jugendhilfedienst-case', version: 1, checksum: 'old', spec: old } });
    await classify(pinned.handle, 'endangerment');
    const acute = await pinned.handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
      args: [assessment({ result: 'acute' })],
    });
    expect(acute.phase).toBe('help_plan');
  });

  it('refuses a risk assessment by one professional, with a result outside the list or without the expected help, and changes nothing', async () => {
    const { input, handle } = await start();
    await classify(handle, 'endangerment');
    const before = await handle.query(jugendhilfedienstStateQuery);
    const one = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, { args: [assessment({ professionals: 1 })] }),
    );
    expect(one).toMatchObject({
      type: 'VALIDATION_FAILED',
      problems: [
        {
          pointer: '/professionals',
          code: 'number.min',
          params: { min: 2 },
          message: 'Mindestens 2 Fachkräfte müssen die Gefährdung gemeinsam einschätzen (§ 8a SGB VIII).',
        },
      ],
    });
    const odd = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
        args: [assessment({ result: 'dramatic' as never, expectedHelpDuration: undefined })],
      }),
    );
    expect(odd?.problems.map((p) => p.pointer)).toEqual(['/result']);
    const noHelp = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
        args: [assessment({ result: 'acute', expectedHelpDuration: undefined })],
      }),
    );
    expect(noHelp?.problems.map((p) => p.pointer)).toEqual(['/expectedHelpDuration']);
    const after = await handle.query(jugendhilfedienstStateQuery);
    expect(after.revision).toBe(before.revision);
    expect(after.riskAssessment).toBeUndefined();
    expect(events(input.caseId).map((e: any) => e.kind)).toEqual(['intake_recorded', 'classified']);

    // In time, the step's reminders go and the result "none" leads to closure.
    const done = await handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
      args: [assessment({ result: 'none', expectedHelpDuration: undefined })],
    });
    expect(done).toMatchObject({ phase: 'closure', riskAssessment: { result: 'none', late: false } });
    await eventually(
      async () => fake.of('cancelReminders').filter((p: string) => p === `jhd/${input.caseId}/steps`).length >= 2,
      10_000,
      'step reminders re-armed',
    );
    expect(reminders(`jhd/${input.caseId}/steps/closure/`).length).toBeGreaterThan(0);
  });

  it('runs the Fallteam consultation as a child workflow when help lasts six months or more and takes its outcome', async () => {
    const { input, handle } = await start();
    const classified = await classify(handle, 'service', 'P9M');
    expect(classified.phase).toBe('fallteam');
    let consultationId = '';
    await eventually(
      async () => {
        consultationId = (await handle.query(jugendhilfedienstStateQuery)).fallteam?.consultationId ?? '';
        return (
          consultationId !== '' &&
          fake.of('recordProcessEvent').some((e: any) => e.processId === input.caseId && e.kind === 'fallteam_requested')
        );
      },
      10_000,
      'fallteam requested',
    );
    expect(fake.of('prepareFallteamConsultation')).toContainEqual({ consultationId, caseId: input.caseId, caseworkerId: caseworker });

    const child = suite.env.client.workflow.getHandle(workflowIds.fallteamConsultation(consultationId));
    const childState = await child.query(fallteamStateQuery);
    expect(childState).toMatchObject({ caseId: input.caseId, pseudonym: input.pseudonym, endsWithOutcome: true, phase: 'requested' });
    expect((await child.describe()).parentExecution?.workflowId).toBe(`jhd-${input.caseId}`);

    // The case cannot close while its consultation runs.
    expect(await failure(handle.executeUpdate(jugendhilfedienstUpdates.close, { args: [{ actorId: caseworker }] }))).toMatchObject({
      type: 'INVALID_STATE',
      message: expect.stringContaining('Fallteam'),
    });

    const sessionAt = new Date((await suite.env.currentTimeMs()) + 60_000).toISOString();
    await child.executeUpdate(fallteamUpdates.schedule, { args: [{ sessionId: randomUUID(), sessionAt, actorId: caseworker }] });
    await child.executeUpdate(fallteamUpdates.inviteAdvisers, { args: [{ adviserIds: ['demo-adviser'], actorId: caseworker }] });
    await suite.env.sleep(2 * 60_000); // the outcome is recorded once the session has begun
    await child.executeUpdate(fallteamUpdates.recordOutcome, { args: [{ professionals: 3, participants: 4, actorId: caseworker }] });

    const result = await child.result();
    expect(result.phase).toBe('closed');
    expect(result.followUpAt).toBeUndefined(); // the case's help plan takes over the Wiedervorlage
    expect(fake.of('closePacketAccess')).toContainEqual({ consultationId, adviserIds: ['demo-adviser'] });

    await eventually(
      async () => (await handle.query(jugendhilfedienstStateQuery)).phase === 'help_plan',
      10_000,
      'parent took the outcome',
    );
    const parent = await handle.query(jugendhilfedienstStateQuery);
    expect(parent.fallteam).toMatchObject({ consultationId, status: 'outcome_recorded', outcome: { professionals: 3, participants: 4 } });
    expect(parent.steps.find((s) => s.key === 'fallteam')).toMatchObject({ status: 'completed' });
    expect(parent.steps.find((s) => s.key === 'help_plan')).toMatchObject({ status: 'active' });
    expect(events(input.caseId).map((e: any) => e.kind)).toEqual([
      'intake_recorded',
      'classified',
      'fallteam_requested',
      'fallteam_outcome_recorded',
    ]);
  });

  it('goes on to the help plan when the Fallteam consultation cannot start, and says why', async () => {
    const caseId = randomUUID();
    fake.fallteamFailsFor.add(caseId);
    const { handle } = await start({ caseId });
    await classify(handle, 'unclear', 'P1Y');
    await eventually(
      async () => (await handle.query(jugendhilfedienstStateQuery)).phase === 'help_plan',
      10_000,
      'help plan after failure',
    );
    expect((await handle.query(jugendhilfedienstStateQuery)).fallteam).toMatchObject({ status: 'failed' });
    expect(events(caseId).find((e: any) => e.kind === 'fallteam_failed').details.error).toMatch(/hat keine veröffentlichte Version/);
  });

  it('reviews the help plan every six months: reminders before each review, an event when one is missed, the next six months after a review', async () => {
    const { input, handle } = await start();
    await classify(handle, 'service', 'P3M');
    const planDate = day(await suite.env.currentTimeMs());
    const bad = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordHelpPlan, {
        args: [{ helpPlanId: randomUUID(), planDate, reviewAt: day(Date.parse(planDate) - DAY), actorId: caseworker }],
      }),
    );
    expect(bad).toMatchObject({
      type: 'VALIDATION_FAILED',
      problems: [
        {
          pointer: '/reviewAt',
          code: 'date.min',
          params: { after: planDate },
          message: `Die Überprüfung muss nach dem Datum des Hilfeplans (${planDate.split('-').reverse().join('.')}) liegen.`,
        },
      ],
    });
    expect((await handle.query(jugendhilfedienstStateQuery)).helpPlan).toBeUndefined();

    const planned = await handle.executeUpdate(jugendhilfedienstUpdates.recordHelpPlan, {
      args: [{ helpPlanId: randomUUID(), planDate, actorId: caseworker }],
    });
    const firstReview = day(addDuration(new Date(`${planDate}T00:00:00Z`), 'P6M').getTime());
    expect(planned).toMatchObject({ phase: 'help', helpPlan: { version: 1, planDate, nextReviewAt: firstReview, reviews: 0 } });
    const due = Date.parse(`${firstReview}T00:00:00Z`);
    const base = `jhd/${input.caseId}/review/1-0/`;
    await eventually(async () => reminders(base).length === 3, 10_000, 'review reminders');
    expect(reminders(base).map((r: any) => [r.key.split('/').pop(), r.dueAt, r.template, r.recipients])).toEqual([
      ['P14D', new Date(due - 14 * DAY).toISOString(), 'follow-up-due', [{ type: 'user', id: caseworker }]],
      ['P2D', new Date(due - 2 * DAY).toISOString(), 'follow-up-due', [{ type: 'user', id: caseworker }]],
      ['due', new Date(due).toISOString(), 'follow-up-due', [{ type: 'user', id: caseworker }]],
    ]);
    expect(reminders(base)[0].context.subjectTitle).toBe('Hilfeplanüberprüfung F-2026-JHD001');

    await suite.env.sleep(due - (await suite.env.currentTimeMs()) + HOUR);
    await eventually(async () => events(input.caseId).some((e: any) => e.kind === 'help_plan_review_due'), 10_000, 'review due');
    expect((await handle.query(jugendhilfedienstStateQuery)).helpPlan!.reviewOverdue).toBe(true);

    const early = await failure(
      handle.executeUpdate(jugendhilfedienstUpdates.recordReview, {
        args: [{ reviewedAt: day(Date.parse(planDate) - DAY), actorId: caseworker }],
      }),
    );
    expect(early?.problems.map((p) => p.pointer)).toEqual(['/reviewedAt']);
    const reviewed = await handle.executeUpdate(jugendhilfedienstUpdates.recordReview, {
      args: [{ reviewedAt: firstReview, actorId: caseworker }],
    });
    const secondReview = day(addDuration(new Date(`${firstReview}T00:00:00Z`), 'P6M').getTime());
    expect(reviewed.helpPlan).toMatchObject({ reviews: 1, lastReviewedAt: firstReview, nextReviewAt: secondReview, reviewOverdue: false });
    await eventually(async () => reminders(`jhd/${input.caseId}/review/1-1/`).length === 3, 10_000, 'next review reminders');
    expect(reminders(`jhd/${input.caseId}/review/1-1/`).at(-1).dueAt).toBe(`${secondReview}T00:00:00.000Z`);
    expect(fake.of('cancelReminders')).toContain(`jhd/${input.caseId}/review`);
  });

  it('re-classifies and assesses again while help runs, keeping the help plan and the history', async () => {
    const { input, handle } = await start();
    await classify(handle, 'service', 'P3M');
    const planned = await handle.executeUpdate(jugendhilfedienstUpdates.recordHelpPlan, {
      args: [{ helpPlanId: randomUUID(), planDate: day(await suite.env.currentTimeMs()), actorId: caseworker }],
    });
    expect(planned.phase).toBe('help');
    const same = await failure(classify(handle, 'service'));
    expect(same?.problems.map((p) => p.pointer)).toEqual(['/zone']);

    const reclassified = await classify(handle, 'endangerment');
    expect(reclassified.phase).toBe('risk_assessment');
    expect(reclassified.classifications?.map((c) => c.zone)).toEqual(['service', 'endangerment']);
    expect(reclassified.helpPlan).toEqual(planned.helpPlan);
    const step = reclassified.steps.find((s) => s.key === 'risk_assessment')!;
    expect(step).toMatchObject({ status: 'active' });
    expect(step.skipped).toBeUndefined();
    expect(Date.parse(step.dueAt!) - Date.parse(step.startedAt!)).toBe(DAY);

    const first = await handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
      args: [assessment({ expectedHelpDuration: undefined })],
    });
    expect(first).toMatchObject({ phase: 'help', helpPlan: planned.helpPlan, riskAssessment: { result: 'latent' } });

    // A second assessment while help runs: acute leads to the immediate protection, then the help goes on.
    const second = await handle.executeUpdate(jugendhilfedienstUpdates.recordRiskAssessment, {
      args: [assessment({ result: 'acute', expectedHelpDuration: undefined })],
    });
    expect(second.phase).toBe('immediate_protection');
    const protectedCase = await handle.executeUpdate(jugendhilfedienstUpdates.recordImmediateProtection, {
      args: [
        {
          protectionId: randomUUID(),
          measure: 'protective_custody',
          takenAt: new Date(await suite.env.currentTimeMs()).toISOString(),
          actorId: caseworker,
        },
      ],
    });
    expect(protectedCase).toMatchObject({ phase: 'help', helpPlan: planned.helpPlan });
    expect(events(input.caseId).map((e: any) => e.kind)).toEqual([
      'intake_recorded',
      'classified',
      'help_plan_recorded',
      'reclassified',
      'risk_assessment_completed',
      'risk_assessment_completed',
      'immediate_protection_recorded',
    ]);
  });

  it('closes the case: the deletion date is the retention period after closure, every reminder goes, the workflow ends', async () => {
    const { input, handle } = await start();
    const classified = await classify(handle, 'unclear');
    expect(classified.phase).toBe('closure');
    expect(classified.steps.filter((s) => s.skipped).map((s) => s.key)).toEqual([
      'risk_assessment',
      'immediate_protection',
      'fallteam',
      'help_plan',
    ]);
    const closed = await handle.executeUpdate(jugendhilfedienstUpdates.close, { args: [{ actorId: caseworker }] });
    expect(closed.phase).toBe('closed');
    expect(closed.deletionDate).toBe(day(addDuration(new Date(closed.closedAt!), 'P5Y').getTime()));
    expect(fake.of('recordCaseClosure')).toContainEqual({
      caseId: input.caseId,
      closedAt: closed.closedAt,
      deletionDate: closed.deletionDate,
    });
    const result = await handle.result();
    expect(result.steps.every((s: { status: string }) => s.status === 'completed')).toBe(true);
    expect(fake.of('cancelReminders')).toContain(`jhd/${input.caseId}`);
    const last = fake
      .of('recordProcessState')
      .filter((s: any) => s.processId === input.caseId)
      .sort((a: any, b: any) => a.revision - b.revision)
      .at(-1);
    expect(last).toMatchObject({
      status: 'completed',
      definitionKey: 'jugendhilfedienst-case',
      subjectType: 'case',
      summary: { phase: 'closed', deletionDate: closed.deletionDate },
    });
  });

  it('reopens a closed case as a new run from the carry-over in the read model: help runs again, its review falls due, counters go on', async () => {
    const { input, handle } = await start();
    await classify(handle, 'service', 'P3M');
    const planDate = day(await suite.env.currentTimeMs());
    await handle.executeUpdate(jugendhilfedienstUpdates.recordHelpPlan, {
      args: [{ helpPlanId: randomUUID(), planDate, actorId: caseworker }],
    });
    const closed = await handle.executeUpdate(jugendhilfedienstUpdates.close, { args: [{ actorId: caseworker }] });
    expect(closed).toMatchObject({ phase: 'closed', closedFromPhase: 'help' });
    // Not `result()`: it lets the test server skip time, which would carry the new run past its timers.
    await ended(handle);
    const last = fake
      .of('recordProcessState')
      .filter((s: any) => s.processId === input.caseId)
      .sort((a: any, b: any) => a.revision - b.revision)
      .at(-1);
    const carryOver = last.summary.carryOver;
    expect(carryOver).toMatchObject({ zone: 'service', helpPlan: { planDate }, revision: last.revision, closedFromPhase: 'help' });
    expect(JSON.stringify(carryOver)).not.toContain(input.pseudonym);

    // The read model's carry-over and steps, as the service hands them to the new run under the same workflow id.
    const again = await suite.env.client.workflow.start(WorkflowType.JugendhilfedienstCase, {
      taskQueue,
      workflowId: `jhd-${input.caseId}`,
      args: [{ ...input, resume: { ...carryOver, steps: last.steps, reopenedBy: 'cw-2' } }],
    });
    await eventually(async () => events(input.caseId).some((e: any) => e.kind === 'reopened'), 10_000, 'reopened');
    const state = await again.query(jugendhilfedienstStateQuery);
    expect(state).toMatchObject({
      phase: 'help',
      zone: 'service',
      reopenings: 1,
      helpPlan: { planDate, reviews: 0, reviewOverdue: false },
    });
    expect(state.closedAt).toBeUndefined();
    expect(state.deletionDate).toBeUndefined();
    expect(state.steps.find((s) => s.key === 'closure')).toMatchObject({ status: 'pending' });
    const sequences = events(input.caseId).map((e: any) => e.sequence);
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(events(input.caseId).at(-1)).toMatchObject({ kind: 'reopened', actorId: 'cw-2', details: { phase: 'help', reopening: 1 } });
    // New keys for the review of the reopened run (those of the closed run were cancelled and are never reused).
    const base = `jhd/${input.caseId}/review/1-0-r1/`;
    await eventually(async () => reminders(base).length === 3, 10_000, 'review reminders of the reopened run');
    const due = Date.parse(`${state.helpPlan!.nextReviewAt}T00:00:00Z`);
    await suite.env.sleep(due - (await suite.env.currentTimeMs()) + HOUR);
    await eventually(async () => events(input.caseId).some((e: any) => e.kind === 'help_plan_review_due'), 10_000, 'review due');
    const reviewed = await again.executeUpdate(jugendhilfedienstUpdates.recordReview, {
      args: [{ reviewedAt: state.helpPlan!.nextReviewAt, actorId: caseworker }],
    });
    expect(reviewed.helpPlan).toMatchObject({ reviews: 1, reviewOverdue: false });
    const reclosed = await again.executeUpdate(jugendhilfedienstUpdates.close, { args: [{ actorId: caseworker }] });
    expect(reclosed.deletionDate).toBe(day(addDuration(new Date(reclosed.closedAt!), 'P5Y').getTime()));
    await again.result();
  });

  it('reopens a case closed without help in the classification step with a new deadline', async () => {
    const { input, handle } = await start();
    await classify(handle, 'unclear');
    await handle.executeUpdate(jugendhilfedienstUpdates.close, { args: [{ actorId: caseworker }] });
    // Not `result()`: it lets the test server skip time, which would carry the new run past its timers.
    await ended(handle);
    const last = fake
      .of('recordProcessState')
      .filter((s: any) => s.processId === input.caseId)
      .sort((a: any, b: any) => a.revision - b.revision)
      .at(-1);
    const now = await suite.env.currentTimeMs();
    const again = await suite.env.client.workflow.start(WorkflowType.JugendhilfedienstCase, {
      taskQueue,
      workflowId: `jhd-${input.caseId}`,
      args: [{ ...input, resume: { ...last.summary.carryOver, steps: last.steps, reopenedBy: caseworker } }],
    });
    await eventually(async () => events(input.caseId).some((e: any) => e.kind === 'reopened'), 10_000, 'reopened');
    const state = await again.query(jugendhilfedienstStateQuery);
    expect(state.phase).toBe('classification');
    const step = state.steps.find((s) => s.key === 'classification')!;
    expect(step.status).toBe('active');
    expect(Date.parse(step.dueAt!)).toBeGreaterThanOrEqual(now + 3 * DAY - HOUR);
    const reclassified = await classify(again, 'service', 'P3M');
    expect(reclassified.phase).toBe('help_plan');
  });
});
