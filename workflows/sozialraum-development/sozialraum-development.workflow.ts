import { allHandlersFinished, condition, continueAsNew, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { StepSpec } from '@sro/definitions';
import { migrateDefinitionUpdate } from '../shared/contract';
import { addDuration } from '../shared/duration';
import { processActivities as act, reject, stepReminders } from '../shared/process-kit';
import type { ProcessSnapshot } from '../shared/process';
import { ReminderSlot } from '../shared/reminders';
import { ProcessEvent, ProcessRuntime } from '../shared/runtime';
import { effectiveDueAt, initialSteps, planStepMigration, StepState } from '../shared/steps';
import {
  PhaseExtension,
  SozialraumDevelopmentInput,
  SozialraumDevelopmentState,
  sozialraumStateQuery,
  sozialraumUpdates,
} from './contract';
import { analysisGaps, mergeAnalysis, validateDeliverable } from './deliverables';
import type { Analysis, Goal, Measure } from './deliverables';

const MEMBER_KINDS = ['user', 'contract_partner', 'municipality'] as const;
const DEFAULT_MAX_HISTORY_EVENTS = 5_000;

function initialState(input: SozialraumDevelopmentInput): SozialraumDevelopmentState {
  return {
    processId: input.processId,
    socialSpaceId: input.socialSpaceId,
    planningRegionId: input.planningRegionId,
    title: input.title,
    coordinatorId: input.coordinatorId,
    definition: input.definition,
    status: 'running',
    steps: initialSteps(input.definition.spec.phases, new Date()),
    deliverables: {},
    members: (input.members ?? []).map((m) => ({ ...m, id: m.id || uuid4() })),
    extensions: [],
    reminderCycle: 0,
    conferencesHeld: 0,
    revision: 0,
    eventSequence: 0,
    continuedAsNew: 0,
  };
}

/**
 * The six-phase social-space development of one social space (seed 000): each phase has a due
 * date, deliverables and reminders from the pinned definition; phase 6 runs on with regular
 * Sozialraumkonferenzen and measure reviews, continuing as new to keep its history bounded.
 */
export async function sozialraumDevelopment(input: SozialraumDevelopmentInput): Promise<SozialraumDevelopmentState> {
  const state: SozialraumDevelopmentState = input.carried ?? initialState(input);
  const spec = () => state.definition.spec;
  const phaseSpec = (key: string): StepSpec | undefined => spec().phases.find((p) => p.key === key);
  const active = (): StepState | undefined => state.steps.find((s) => s.status === 'active');
  const effectiveDue = (step: StepState) => new Date(effectiveDueAt(step)!);
  const prefix = (phaseKey: string) => `srd/${state.processId}/${phaseKey}`;
  const context = () => ({ processTitle: state.title, link: `/sozialraum-processes/${state.processId}` });

  /** The active phase's reminders follow its due date, cycle and pause state. */
  const phaseReminders = new ReminderSlot({
    version: () => {
      const step = active();
      return step && state.status === 'running' ? `${step.key}/c${state.reminderCycle}` : '';
    },
    cancel: (armed) => (armed ? prefix(armed.split('/')[0]) : undefined),
    build: () => {
      const step = active()!;
      return stepReminders({
        prefix: prefix(step.key),
        cycle: state.reminderCycle,
        step: phaseSpec(step.key)!,
        dueAt: effectiveDue(step),
        now: new Date(),
        responsibleUserId: state.coordinatorId,
        planningRegionId: state.planningRegionId,
        context: context(),
      });
    },
  });
  const runtime = new ProcessRuntime(state, { processId: state.processId, syncReminders: () => phaseReminders.sync() });

  const snapshot = (): ProcessSnapshot => ({
    processId: state.processId,
    workflowId: workflowInfo().workflowId,
    definitionKey: 'sozialraum-development',
    definitionVersion: state.definition.version,
    status: state.status,
    subjectType: 'social_space',
    subjectId: state.socialSpaceId,
    planningRegionId: state.planningRegionId,
    socialSpaceId: state.socialSpaceId,
    steps: state.steps,
    summary: {
      title: state.title,
      coordinatorId: state.coordinatorId,
      members: state.members.length,
      deliverables: Object.fromEntries(Object.entries(state.deliverables).map(([k, v]) => [k, Object.keys(v)])),
      nextConferenceAt: state.nextConferenceAt ?? null,
      conferencesHeld: state.conferencesHeld,
    },
    revision: state.revision,
  });

  /** Persists the read model and, when given, one history event; runs after every change. */
  const persist = (event?: ProcessEvent) => runtime.persist(event, snapshot);

  const requireRunning = () => {
    if (state.status === 'cancelled' || state.status === 'completed') reject('state', `The process is ${state.status}`);
  };

  const requireActivePhase = (phaseKey: string): StepState => {
    const step = state.steps.find((s) => s.key === phaseKey);
    if (!step)
      reject('notFound', `Phase ${phaseKey} does not exist in version ${state.definition.version}`, [
        { pointer: '/phaseKey', message: 'unknown phase' },
      ]);
    const current = active();
    if (step.status !== 'active') {
      reject('state', `Phase ${phaseKey} is ${step.status}; the current phase is ${current?.key ?? 'none'}`, [
        { pointer: '/phaseKey', message: `not the current phase (${current?.key ?? 'none'})` },
      ]);
    }
    return step;
  };

  const deliverableContext = () => ({
    spec: spec(),
    goalKeys: ((state.deliverables.goals?.goals as Goal[] | undefined) ?? []).map((g) => g.key),
    measureKeys: ((state.deliverables.measures?.measures as Measure[] | undefined) ?? []).map((m) => m.key),
  });

  /** Required deliverables not there yet, and those saved as an unfinished draft (an analysis with gaps). */
  const missingDeliverables = (phaseKey: string): Array<{ key: string; message: string }> => {
    const given = state.deliverables[phaseKey] ?? {};
    return phaseSpec(phaseKey)!.deliverables.flatMap((d) => {
      if (!d.required) return [];
      if (given[d.key] === undefined) return [{ key: d.key, message: 'required deliverable is missing' }];
      const gaps = d.type === 'analysis' ? analysisGaps(spec(), given[d.key] as Analysis) : [];
      return gaps.length > 0 ? [{ key: d.key, message: `incomplete: ${gaps.join('; ')}` }] : [];
    });
  };

  const startPhase = (step: StepState, at: Date) => {
    step.status = 'active';
    step.startedAt = at.toISOString();
    step.dueAt = addDuration(at, phaseSpec(step.key)!.duration).toISOString();
    state.reminderCycle += 1;
    if (step.key === spec().phases[spec().phases.length - 1].key) {
      state.nextConferenceAt = addDuration(at, spec().conferenceInterval).toISOString();
      state.nextReviewAt = addDuration(at, spec().measureReviewInterval).toISOString();
    }
  };

  // --- updates --------------------------------------------------------------------------------

  setHandler(
    sozialraumUpdates.setDeliverable,
    async ({ phaseKey, deliverableKey, value, actorId }) => {
      const saved = state.deliverables[phaseKey]?.[deliverableKey];
      const type = phaseSpec(phaseKey)!.deliverables.find((d) => d.key === deliverableKey)!.type;
      // The analysis is saved question by question: a draft adds to what is there.
      const next = type === 'analysis' ? mergeAnalysis(spec(), saved as Analysis | undefined, value as Analysis) : value;
      state.deliverables[phaseKey] = { ...(state.deliverables[phaseKey] ?? {}), [deliverableKey]: next };
      await persist({ kind: 'deliverable_set', actorId, details: { phaseKey, deliverableKey } });
      return state;
    },
    {
      validator: ({ phaseKey, deliverableKey, value }) => {
        requireRunning();
        requireActivePhase(phaseKey);
        const deliverable = phaseSpec(phaseKey)!.deliverables.find((d) => d.key === deliverableKey);
        if (!deliverable)
          reject('notFound', `Phase ${phaseKey} has no deliverable ${deliverableKey}`, [
            { pointer: '/deliverableKey', message: 'unknown deliverable' },
          ]);
        const problems = validateDeliverable(deliverable, value, deliverableContext());
        if (!problems.ok) reject('invalid', `The ${deliverableKey} deliverable is invalid`, problems.list);
      },
    },
  );

  setHandler(
    sozialraumUpdates.completePhase,
    async ({ phaseKey, actorId }) => {
      const step = active()!;
      const now = new Date();
      step.status = 'completed';
      step.completedAt = now.toISOString();
      const next = state.steps.find((s) => s.status === 'pending');
      if (next) startPhase(next, now);
      else state.status = 'completed';
      await persist({ kind: 'phase_completed', actorId, details: { phaseKey, next: next?.key ?? null } });
      return { completed: phaseKey, next: next?.key ?? null };
    },
    {
      validator: ({ phaseKey }) => {
        requireRunning();
        if (state.status === 'paused') reject('state', 'The process is paused; resume it first');
        requireActivePhase(phaseKey);
        const missing = missingDeliverables(phaseKey);
        if (missing.length > 0) {
          reject(
            'state',
            `Phase ${phaseKey} cannot be completed: missing deliverables ${missing.map((m) => m.key).join(', ')}`,
            missing.map(({ key, message }) => ({ pointer: `/deliverables/${key}`, message })),
          );
        }
      },
    },
  );

  setHandler(
    sozialraumUpdates.extendDueDate,
    async ({ phaseKey, dueAt, reason, actorId }) => {
      const step = active()!;
      const extension: PhaseExtension = {
        phaseKey,
        from: effectiveDue(step).toISOString(),
        to: new Date(dueAt).toISOString(),
        reason,
        actorId,
        at: new Date().toISOString(),
      };
      step.extendedTo = extension.to;
      step.overdue = false;
      state.extensions.push(extension);
      state.reminderCycle += 1;
      await persist({ kind: 'due_date_extended', actorId, details: { phaseKey, from: extension.from, to: extension.to, reason } });
      return extension;
    },
    {
      validator: ({ phaseKey, dueAt, reason }) => {
        requireRunning();
        const step = requireActivePhase(phaseKey);
        const problems = [];
        const due = Date.parse(dueAt);
        if (Number.isNaN(due)) problems.push({ pointer: '/dueAt', message: 'must be a date-time' });
        else if (due <= effectiveDue(step).getTime())
          problems.push({ pointer: '/dueAt', message: `must be later than the current due date ${effectiveDue(step).toISOString()}` });
        else if (due <= Date.now()) problems.push({ pointer: '/dueAt', message: 'must be in the future' });
        if (typeof reason !== 'string' || reason.trim().length < 3)
          problems.push({ pointer: '/reason', message: 'an extension needs a reason' });
        if (problems.length > 0) reject('invalid', 'The extension is invalid', problems);
      },
    },
  );

  setHandler(
    sozialraumUpdates.addMember,
    async ({ member, actorId }) => {
      const added = { ...member, id: uuid4() };
      state.members.push(added);
      await persist({ kind: 'member_added', actorId, details: { memberId: added.id, kind: added.kind, refId: added.refId } });
      return added;
    },
    {
      validator: ({ member }) => {
        requireRunning();
        if (!MEMBER_KINDS.includes(member?.kind))
          reject('invalid', 'Unknown member kind', [{ pointer: '/kind', message: `must be one of ${MEMBER_KINDS.join(', ')}` }]);
        if (state.members.some((m) => m.kind === member.kind && m.refId === member.refId)) {
          reject('state', 'This member already belongs to the local responsibility community', [
            { pointer: '/refId', message: 'already a member' },
          ]);
        }
      },
    },
  );

  setHandler(
    sozialraumUpdates.removeMember,
    async ({ memberId, actorId }) => {
      const index = state.members.findIndex((m) => m.id === memberId);
      const [removed] = state.members.splice(index, 1);
      await persist({ kind: 'member_removed', actorId, details: { memberId } });
      return removed;
    },
    {
      validator: ({ memberId }) => {
        requireRunning();
        if (!state.members.some((m) => m.id === memberId)) reject('notFound', `No member ${memberId}`);
      },
    },
  );

  setHandler(
    sozialraumUpdates.pause,
    async ({ reason, actorId }) => {
      state.status = 'paused';
      state.pausedAt = new Date().toISOString();
      await persist({ kind: 'paused', actorId, details: { reason: reason ?? null } });
      return state;
    },
    {
      validator: (_input) => {
        requireRunning();
        if (state.status === 'paused') reject('state', 'The process is already paused');
      },
    },
  );

  setHandler(
    sozialraumUpdates.resume,
    async ({ actorId }) => {
      const pausedMs = Date.now() - Date.parse(state.pausedAt!);
      const step = active();
      // The paused time does not count against the phase.
      if (step) {
        step.dueAt = new Date(Date.parse(step.dueAt!) + pausedMs).toISOString();
        if (step.extendedTo) step.extendedTo = new Date(Date.parse(step.extendedTo) + pausedMs).toISOString();
        step.overdue = effectiveDue(step).getTime() <= Date.now();
      }
      state.status = 'running';
      state.pausedAt = undefined;
      state.reminderCycle += 1;
      await persist({ kind: 'resumed', actorId, details: { pausedMs } });
      return state;
    },
    {
      validator: (_input) => {
        if (state.status !== 'paused') reject('state', 'The process is not paused');
      },
    },
  );

  setHandler(
    sozialraumUpdates.cancel,
    async ({ reason, actorId }) => {
      state.status = 'cancelled';
      state.cancelReason = reason;
      await persist({ kind: 'cancelled', actorId, details: { reason: reason ?? null } });
      return state;
    },
    { validator: (_input) => requireRunning() },
  );

  setHandler(
    migrateDefinitionUpdate,
    async ({ definition, actorId }) => {
      const from = state.definition.version;
      const plan = planStepMigration(state.steps, spec().phases, (definition.spec as typeof state.definition.spec).phases);
      state.definition = definition as typeof state.definition;
      state.steps = plan.steps;
      state.reminderCycle += 1;
      const step = active();
      if (step) step.overdue = effectiveDue(step).getTime() <= Date.now();
      const { steps: _steps, ...summary } = plan;
      await persist({ kind: 'definition_migrated', actorId, details: { fromVersion: from, toVersion: definition.version, ...summary } });
      return { fromVersion: from, toVersion: definition.version, plan: summary };
    },
    {
      validator: ({ definition }) => {
        requireRunning();
        if (definition?.key !== 'sozialraum-development')
          reject('invalid', `A ${String(definition?.key)} definition cannot drive this process`);
        if (definition.version <= state.definition.version) reject('state', `The process already runs version ${state.definition.version}`);
        const plan = planStepMigration(state.steps, spec().phases, (definition.spec as typeof state.definition.spec).phases);
        if (!plan.compatible) reject('state', `Incompatible with version ${definition.version}: ${plan.reason}`);
      },
    },
  );

  setHandler(sozialraumStateQuery, () => state);

  // --- main loop: deadlines, phase-6 conferences and reviews -----------------------------------

  if (!input.carried)
    await persist({ kind: 'started', actorId: state.coordinatorId, details: { definitionVersion: state.definition.version } });
  else await runtime.resyncReminders();

  const maxEvents = input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;
  while (state.status === 'running' || state.status === 'paused') {
    const step = active();
    const timers = [
      step && state.status === 'running' && !step.overdue ? effectiveDue(step).getTime() : Infinity,
      state.status === 'running' && state.nextConferenceAt ? Date.parse(state.nextConferenceAt) : Infinity,
      state.status === 'running' && state.nextReviewAt ? Date.parse(state.nextReviewAt) : Infinity,
    ];
    if (!(await runtime.wake(timers)) || state.status !== 'running') continue;

    const now = Date.now();
    if (step && step.status === 'active' && !step.overdue && effectiveDue(step).getTime() <= now) {
      step.overdue = true;
      await persist({
        kind: 'phase_overdue',
        details: { phaseKey: step.key, dueAt: effectiveDue(step).toISOString(), escalatedTo: phaseSpec(step.key)?.escalationRole ?? null },
      });
    }
    if (state.nextConferenceAt && Date.parse(state.nextConferenceAt) <= now) {
      const due = state.nextConferenceAt;
      state.conferencesHeld += 1;
      state.nextConferenceAt = addDuration(new Date(due), spec().conferenceInterval).toISOString();
      await runtime.run(() =>
        act.scheduleReminders(
          spec()
            .conferenceReminderOffsets.map((offset) => ({ offset, at: addDuration(new Date(state.nextConferenceAt!), offset, -1) }))
            .filter(({ at }) => at.getTime() > now)
            .map(({ offset, at }) => ({
              key: `srd/${state.processId}/conference/${state.nextConferenceAt!.slice(0, 10)}/${offset}`,
              dueAt: at.toISOString(),
              recipients: [{ type: 'user' as const, id: state.coordinatorId }],
              template: 'conference-due',
              context: { ...context(), dueAt: state.nextConferenceAt! },
            })),
        ),
      );
      await persist({ kind: 'conference_due', details: { at: due, next: state.nextConferenceAt } });
    }
    if (state.nextReviewAt && Date.parse(state.nextReviewAt) <= now) {
      const due = state.nextReviewAt;
      state.nextReviewAt = addDuration(new Date(due), spec().measureReviewInterval).toISOString();
      await persist({ kind: 'measure_review_due', details: { at: due, next: state.nextReviewAt } });
    }
    if (workflowInfo().historyLength > maxEvents || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      state.continuedAsNew += 1;
      await continueAsNew<typeof sozialraumDevelopment>({ ...input, carried: state });
    }
  }
  await runtime.finish(async () => {
    await phaseReminders.disarm();
    await act.cancelReminders(`srd/${state.processId}/conference`);
  });
  return state;
}
