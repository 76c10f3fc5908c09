import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { SEED_SPECS } from '@sro/definitions';
import { addDuration } from '@sro/workflows/shared/duration';
import { sozialraumStateQuery, sozialraumUpdates, WorkflowType, migrateDefinitionUpdate } from '@sro/workflows/contracts';
import type { SozialraumDevelopmentInput } from '@sro/workflows/contracts';
import { pinnedSozialraumDefinition, sozialraumInput, validDeliverables } from '../factories/sozialraum';
import { eventually } from '../support/eventually';
import { timeSkippingSuite } from '../support/time-skipping';

const DAY = 24 * 3600 * 1000;

describe('sozialraum-development workflow (time-skipping)', () => {
  const suite = timeSkippingSuite('srd');
  const { taskQueue, fake } = suite;

  const start = (input: SozialraumDevelopmentInput) =>
    suite.env.client.workflow.start(WorkflowType.SozialraumDevelopment, { taskQueue, workflowId: `srd-${input.processId}`, args: [input] });

  async function reachPhase(handle: Awaited<ReturnType<typeof start>>, phases: number): Promise<void> {
    for (const d of validDeliverables().slice(0, phases)) {
      await handle.executeUpdate(sozialraumUpdates.setDeliverable, { args: [{ ...d, actorId: 'demo-coordinator' }] });
      await handle.executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey: d.phaseKey, actorId: 'demo-coordinator' }] });
    }
  }

  it('records the start before a deliverable that came with the start (in the run’s first task)', async () => {
    const input = sozialraumInput();
    const [boundaries] = validDeliverables();
    await suite.env.client.workflow.executeUpdateWithStart(sozialraumUpdates.setDeliverable, {
      args: [{ ...boundaries, actorId: 'demo-coordinator' }],
      startWorkflowOperation: new WithStartWorkflowOperation(WorkflowType.SozialraumDevelopment, {
        taskQueue,
        workflowId: `srd-${input.processId}`,
        workflowIdConflictPolicy: 'FAIL',
        args: [input],
      }),
    });
    const events = () => fake.of('recordProcessEvent').filter((e: any) => e.processId === input.processId);
    await eventually(async () => events().length === 2, 10_000, 'both entries written');
    expect(events().map((e: any) => [e.sequence, e.kind])).toEqual([
      [1, 'started'],
      [2, 'deliverable_set'],
    ]);
  });

  it('captures at most four frames per stack in the sandbox (the SDK takes one for every promise; ten made a third of the workflow thread’s time)', async () => {
    const handle = await start(sozialraumInput());
    await eventually(async () => (await handle.query(sozialraumStateQuery)).revision > 0, 10_000, 'started');
    // The SDK's own stack-trace query: one stack per pending promise, the process sleeping in its main loop.
    const stacks = (await handle.query<string>('__stack_trace')).split('\n\n');
    const frames = stacks.map((stack) => stack.split('\n').filter((line) => line.trim().startsWith('at ')).length);
    expect(Math.max(...frames)).toBeGreaterThan(0);
    expect(Math.max(...frames)).toBeLessThanOrEqual(4);
  });

  it('schedules a reminder at each offset before the due date and the escalation at it', async () => {
    const input = sozialraumInput();
    const handle = await start(input);
    const state = await handle.query(sozialraumStateQuery);
    const phase = state.steps[0];
    expect(phase).toMatchObject({ key: 'identify', status: 'active' });
    const due = new Date(phase.dueAt!);
    expect(due.getTime()).toBe(addDuration(new Date(phase.startedAt!), 'P2M').getTime());

    const identify = () =>
      fake
        .of('scheduleReminders')
        .flat()
        .filter((r: any) => r.key.startsWith(`srd/${input.processId}/identify/`));
    await eventually(async () => identify().length > 0, 10_000, 'reminders scheduled');
    const scheduled = identify();
    expect(scheduled.map((r: any) => [r.key.split('/').pop(), r.dueAt, r.template])).toEqual([
      ['P14D', new Date(due.getTime() - 14 * DAY).toISOString(), 'step-due'],
      ['P3D', new Date(due.getTime() - 3 * DAY).toISOString(), 'step-due'],
      ['escalation', due.toISOString(), 'step-overdue'],
    ]);
    expect(scheduled[2].recipients).toEqual([{ type: 'role', role: 'coordinator', planningRegionId: input.planningRegionId }]);
    expect(scheduled[0].recipients).toEqual([{ type: 'user', id: 'demo-coordinator' }]);
    // Reminders carry ids and titles only.
    expect(Object.keys(scheduled[0].context).sort()).toEqual(['dueAt', 'link', 'processTitle', 'stepTitle']);
  });

  it('marks a phase overdue and records the escalation when its due date passes', async () => {
    const input = sozialraumInput();
    const handle = await start(input);
    // P2M is 59 to 62 days depending on the month.
    await suite.env.sleep(65 * DAY);
    await eventually(async () => (await handle.query(sozialraumStateQuery)).steps[0].overdue === true, 10_000, 'overdue');
    const state = await handle.query(sozialraumStateQuery);
    expect(state.steps[0]).toMatchObject({ key: 'identify', status: 'active', overdue: true });
    const overdueEvents = () =>
      fake.of('recordProcessEvent').filter((e: any) => e.processId === input.processId && e.kind === 'phase_overdue');
    await eventually(async () => overdueEvents().length > 0, 10_000, 'overdue event');
    const overdue = overdueEvents();
    expect(overdue).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ phaseKey: 'identify', escalatedTo: 'coordinator' }) }),
    ]);
    const latestReadModel = () =>
      fake
        .of('recordProcessState')
        .filter((s: any) => s.processId === input.processId)
        .pop();
    await eventually(async () => latestReadModel()?.steps[0].overdue === true, 10_000, 'overdue in the read model');
  });

  it('refuses completion while deliverables are missing, then cancels the phase reminders on completion', async () => {
    const input = sozialraumInput();
    const handle = await start(input);
    const refused = await handle
      .executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey: 'identify', actorId: 'u' }] })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refused.cause.message).toBe(
      'Die Phase „Sozialraum identifizieren“ kann noch nicht abgeschlossen werden: Es fehlt ein Ergebnis.',
    );
    expect(refused.cause.details[0]).toEqual([
      {
        pointer: '/deliverables/boundaries',
        code: 'required',
        params: { deliverableKey: 'boundaries' },
        message: 'Bitte „Abgrenzung und Beschreibung des Sozialraums, seine Kommunen“ erfassen; das Ergebnis ist Pflicht.',
      },
    ]);

    const outOfOrder = await handle
      .executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey: 'goals', actorId: 'u' }] })
      .catch((e) => e);
    expect(outOfOrder.cause.message).toBe(
      'Die Phase „Ziele festlegen und priorisieren“ ist noch nicht offen; die aktuelle Phase ist „Sozialraum identifizieren“.',
    );

    await reachPhase(handle, 1);
    await eventually(async () => fake.of('cancelReminders').includes(`srd/${input.processId}/identify`), 10_000, 'reminders cancelled');
    const state = await handle.query(sozialraumStateQuery);
    expect(state.steps.map((s) => s.status)).toEqual(['completed', 'active', 'pending', 'pending', 'pending', 'pending']);
    const analyse = fake
      .of('scheduleReminders')
      .flat()
      .filter((r: any) => r.key.startsWith(`srd/${input.processId}/analyse/`));
    expect(analyse).toHaveLength(3);
  });

  it('saves the Sozialraumanalyse question by question as a draft and completes the phase only when all are answered', async () => {
    const handle = await start(sozialraumInput());
    await reachPhase(handle, 1);
    const questions = SEED_SPECS['sozialraum-development'].analysisQuestions.map((q) => q.key);
    const texts = SEED_SPECS['sozialraum-development'].analysisQuestions.map((q) => q.text);
    const save = (value: unknown) =>
      handle.executeUpdate(sozialraumUpdates.setDeliverable, {
        args: [{ phaseKey: 'analyse', deliverableKey: 'analysis', value, actorId: 'u' }],
      });
    await save({ profileYear: 2026, answers: [{ questionKey: questions[0], answer: 'Erster Entwurf' }] });
    await save({ answers: [{ questionKey: questions[1], answer: 'Zweite Antwort' }] });
    const refused = await handle
      .executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey: 'analyse', actorId: 'u' }] })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refused.cause.message).toBe(
      'Die Phase „Sozialraum analysieren (Sozialraumanalyse)“ kann noch nicht abgeschlossen werden: Es fehlt ein Ergebnis.',
    );
    expect(refused.cause.details[0]).toEqual([
      {
        pointer: '/deliverables/analysis',
        code: 'incomplete',
        params: { deliverableKey: 'analysis' },
        message: `„Sozialraumanalyse: Antworten auf die Leitfragen, Bezug zum Sozialraumprofil“ ist unvollständig: unbeantwortete Leitfragen: ${texts
          .slice(2)
          .map((t) => `„${t}“`)
          .join(', ')}.`,
      },
    ]);
    // A question answered again takes the new answer; the others stay.
    await save({
      answers: [
        { questionKey: questions[0], answer: 'Überarbeitet' },
        ...questions.slice(2).map((q) => ({ questionKey: q, answer: `Antwort ${q}` })),
      ],
    });
    const state = await handle.query(sozialraumStateQuery);
    const analysis = state.deliverables.analyse.analysis as {
      profileYear: number;
      answers: Array<{ questionKey: string; answer: string }>;
    };
    expect(analysis.profileYear).toBe(2026);
    expect(analysis.answers.map((a) => a.questionKey)).toEqual(questions);
    expect(analysis.answers[0].answer).toBe('Überarbeitet');
    expect(analysis.answers[1].answer).toBe('Zweite Antwort');
    await expect(handle.executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey: 'analyse', actorId: 'u' }] })).resolves.toEqual(
      { completed: 'analyse', next: 'visions' },
    );
  });

  it('rejects invalid deliverables with pointers and leaves the state unchanged', async () => {
    const handle = await start(sozialraumInput());
    await reachPhase(handle, 3);
    const before = await handle.query(sozialraumStateQuery);
    const error = await handle
      .executeUpdate(sozialraumUpdates.setDeliverable, {
        args: [
          {
            phaseKey: 'goals',
            deliverableKey: 'goals',
            actorId: 'u',
            value: [
              { key: 'a', title: 'A', rank: 1, perspective: 'parents', indicator: 'x' },
              { key: 'b', title: 'B', rank: 1, perspective: 'pets', indicator: 'y' },
            ],
          },
        ],
      })
      .catch((e) => e);
    expect(error.cause.details[0]).toEqual([
      { pointer: '/value/1/rank', code: 'duplicate', params: { rank: 1, index: 0 }, message: 'Die Priorität 1 hat bereits Ziel 1.' },
      {
        pointer: '/value/1/perspective',
        code: 'enum',
        params: { allowed: ['children_youth', 'parents', 'professionals', 'community'] },
        message: 'Bitte einen der vorgesehenen Werte wählen: children_youth, parents, professionals, community.',
      },
    ]);
    expect((await handle.query(sozialraumStateQuery)).revision).toBe(before.revision);
  });

  it('extends a due date with a reason and re-arms the reminders for the new date', async () => {
    const input = sozialraumInput();
    const handle = await start(input);
    const { dueAt } = (await handle.query(sozialraumStateQuery)).steps[0];
    const later = new Date(Date.parse(dueAt!) + 30 * DAY).toISOString();
    const noReason = await handle
      .executeUpdate(sozialraumUpdates.extendDueDate, { args: [{ phaseKey: 'identify', dueAt: later, reason: '', actorId: 'u' }] })
      .catch((e) => e);
    expect(noReason.cause.details[0]).toEqual([
      {
        pointer: '/reason',
        code: 'length.min',
        params: { min: 3 },
        message: 'Bitte begründen Sie die Verlängerung (mindestens 3 Zeichen).',
      },
    ]);
    const extension = await handle.executeUpdate(sozialraumUpdates.extendDueDate, {
      args: [
        { phaseKey: 'identify', dueAt: later, reason: 'Kommunalwahl verschiebt die Auftaktveranstaltung', actorId: 'demo-coordinator' },
      ],
    });
    expect(extension).toMatchObject({ from: dueAt, to: later });
    const rearmedReminders = () =>
      fake
        .of('scheduleReminders')
        .flat()
        .filter((r: any) => r.key.startsWith(`srd/${input.processId}/identify/c1/`));
    await eventually(async () => rearmedReminders().length > 0, 10_000, 're-armed reminders');
    const rearmed = rearmedReminders();
    expect(rearmed.find((r: any) => r.key.endsWith('escalation')).dueAt).toBe(later);
    // Reminders for the old date were either never armed or cancelled before the new ones.
    const old = fake
      .of('scheduleReminders')
      .flat()
      .filter((r: any) => r.key.startsWith(`srd/${input.processId}/identify/c0/`));
    if (old.length > 0) expect(fake.of('cancelReminders')).toContain(`srd/${input.processId}/identify`);
  });

  it('continues as new in phase 6 and keeps its state', async () => {
    const input = sozialraumInput({ maxHistoryEvents: 80 });
    const handle = await start(input);
    await reachPhase(handle, 5);
    const firstRun = (await handle.describe()).runId;
    // Quarterly conferences and reviews for two years: far more events than the limit.
    await suite.env.sleep(24 * 31 * DAY);
    const after = await suite.env.client.workflow.getHandle(handle.workflowId).query(sozialraumStateQuery);
    const latestRun = (await suite.env.client.workflow.getHandle(handle.workflowId).describe()).runId;
    expect(latestRun).not.toBe(firstRun);
    expect(after.continuedAsNew).toBeGreaterThanOrEqual(1);
    expect(after.conferencesHeld).toBeGreaterThanOrEqual(7);
    expect(after.steps.find((s) => s.key === 'implementation')?.status).toBe('active');
    expect(after.deliverables.goals.goals).toHaveLength(2);
    expect(after.processId).toBe(input.processId);
    // Still answering updates after continuing as new.
    await suite.env.client.workflow
      .getHandle(handle.workflowId)
      .executeUpdate(sozialraumUpdates.setDeliverable, { args: [{ ...validDeliverables()[5], actorId: 'u' }] });
  });

  it('adopts a newer definition through the migration update, moving the active due date', async () => {
    const input = sozialraumInput();
    const handle = await start(input);
    const v2 = JSON.parse(JSON.stringify(SEED_SPECS['sozialraum-development']));
    v2.phases[0].duration = 'P3M';
    const result = await handle.executeUpdate(migrateDefinitionUpdate, {
      args: [{ definition: pinnedSozialraumDefinition(2, v2), actorId: 'demo-admin' }],
    });
    expect(result.toVersion).toBe(2);
    const state = await handle.query(sozialraumStateQuery);
    expect(state.definition.version).toBe(2);
    expect(Date.parse(state.steps[0].dueAt!)).toBe(addDuration(new Date(state.steps[0].startedAt!), 'P3M').getTime());
    const again = await handle
      .executeUpdate(migrateDefinitionUpdate, { args: [{ definition: pinnedSozialraumDefinition(2, v2), actorId: 'x' }] })
      .catch((e) => e);
    expect(again.cause.message).toBe('Der Prozess läuft bereits mit Version 2 der Definition; nichts wurde geändert.');
  });

  it('keeps the time a phase was paused when it adopts a newer definition', async () => {
    const handle = await start(sozialraumInput());
    await handle.executeUpdate(sozialraumUpdates.pause, { args: [{ reason: 'Elternzeit', actorId: 'u' }] });
    await suite.env.sleep(10 * DAY);
    await handle.executeUpdate(sozialraumUpdates.resume, { args: [{ actorId: 'u' }] });
    const resumed = (await handle.query(sozialraumStateQuery)).steps[0];
    const credit = Date.parse(resumed.dueAt!) - addDuration(new Date(resumed.startedAt!), 'P2M').getTime();
    expect(credit).toBeGreaterThanOrEqual(10 * DAY);

    const v2 = JSON.parse(JSON.stringify(SEED_SPECS['sozialraum-development']));
    v2.phases[0].duration = 'P3M';
    const result = await handle.executeUpdate(migrateDefinitionUpdate, {
      args: [{ definition: pinnedSozialraumDefinition(2, v2), actorId: 'demo-admin' }],
    });
    expect(result.plan.pauseCreditMs).toBe(credit);
    const migrated = (await handle.query(sozialraumStateQuery)).steps[0];
    expect(Date.parse(migrated.dueAt!)).toBe(addDuration(new Date(migrated.startedAt!), 'P3M').getTime() + credit);
  });
});
