import { allHandlersFinished, condition, continueAsNew, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { StepSpec } from '@sro/definitions';
import { migrateDefinitionUpdate } from '../shared/contract';
import { addDuration } from '../shared/duration';
import { processActivities as act, reject, stepReminders } from '../shared/process-kit';
import type { ProcessSnapshot } from '../shared/process';
import { ReminderSlot } from '../shared/reminders';
import { ProcessEvent, ProcessRuntime, recordedBeforeHandlers } from '../shared/runtime';
import { germanDate } from '../shared/german-format';
import { effectiveDueAt, initialSteps, planStepMigration, StepState } from '../shared/steps';
import {
  DeliverableValue,
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

/** Runs that record their start before registering their update handlers carry this marker. */
const START_FIRST_PATCH = 'srd-start-before-handlers';

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
  const runtime = new ProcessRuntime(state, {
    processId: state.processId,
    syncReminders: (_written, writer) => phaseReminders.sync(undefined, writer),
  });

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
    if (state.status === 'cancelled' || state.status === 'completed')
      reject(
        'state',
        state.status === 'cancelled'
          ? 'Der Prozess ist abgebrochen; nichts wurde geändert.'
          : 'Der Prozess ist abgeschlossen; nichts wurde geändert.',
      );
  };

  const requireActivePhase = (phaseKey: string): StepState => {
    const step = state.steps.find((s) => s.key === phaseKey);
    if (!step)
      reject('notFound', `Diese Phase gibt es in Version ${state.definition.version} der Definition nicht.`, [
        { pointer: '/phaseKey', code: 'unknown-phase', params: { phaseKey }, message: 'Diese Phase gibt es im Prozess nicht.' },
      ]);
    const current = active();
    if (step.status !== 'active') {
      const now = current ? `die aktuelle Phase ist „${current.title}“` : 'keine Phase ist offen';
      reject(
        'state',
        `Die Phase „${step.title}“ ist ${step.status === 'pending' ? 'noch nicht offen' : 'bereits abgeschlossen'}; ${now}.`,
        [
          {
            pointer: '/phaseKey',
            code: 'phase.not-current',
            params: { phaseKey, currentPhaseKey: current?.key ?? null },
            message: current ? `Das ist nicht die aktuelle Phase („${current.title}“).` : 'Im Prozess ist keine Phase offen.',
          },
        ],
      );
    }
    return step;
  };

  const deliverableContext = () => ({
    spec: spec(),
    goalKeys: ((state.deliverables.goals?.goals as Goal[] | undefined) ?? []).map((g) => g.key),
    measureKeys: ((state.deliverables.measures?.measures as Measure[] | undefined) ?? []).map((m) => m.key),
  });

  /** A deliverable's value once saved: an analysis is saved question by question, a draft adds to what is there. */
  const savedValue = (phaseKey: string, deliverableKey: string, value: unknown): unknown => {
    const type = phaseSpec(phaseKey)!.deliverables.find((d) => d.key === deliverableKey)!.type;
    const saved = state.deliverables[phaseKey]?.[deliverableKey];
    return type === 'analysis' ? mergeAnalysis(spec(), saved as Analysis | undefined, value as Analysis) : value;
  };

  /**
   * Required deliverables not there yet, and those saved as an unfinished draft (an analysis with gaps);
   * with `adding`, as they would be once it is saved.
   */
  const missingDeliverables = (phaseKey: string, adding?: DeliverableValue): Array<{ key: string; code: string; message: string }> => {
    const given = { ...(state.deliverables[phaseKey] ?? {}) };
    if (adding) given[adding.deliverableKey] = savedValue(phaseKey, adding.deliverableKey, adding.value);
    return phaseSpec(phaseKey)!.deliverables.flatMap((d) => {
      if (!d.required) return [];
      if (given[d.key] === undefined)
        return [{ key: d.key, code: 'required', message: `Bitte „${d.title}“ erfassen; das Ergebnis ist Pflicht.` }];
      const gaps = d.type === 'analysis' ? analysisGaps(spec(), given[d.key] as Analysis) : [];
      return gaps.length > 0 ? [{ key: d.key, code: 'incomplete', message: `„${d.title}“ ist unvollständig: ${gaps.join('; ')}.` }] : [];
    });
  };

  /**
   * Refuses a deliverable the phase does not have or a value that does not fit it; `at` says where the
   * request carries the key and the value (problem pointers below the value are relative to `/value`).
   */
  const checkDeliverable = (phaseKey: string, { deliverableKey, value }: DeliverableValue, at: { key: string; value: string }) => {
    const deliverable = phaseSpec(phaseKey)!.deliverables.find((d) => d.key === deliverableKey);
    if (!deliverable)
      reject('notFound', `Die Phase „${phaseSpec(phaseKey)!.title}“ hat kein solches Ergebnis.`, [
        {
          pointer: at.key,
          code: 'unknown-deliverable',
          params: { deliverableKey },
          message: 'Dieses Ergebnis gehört nicht zu dieser Phase.',
        },
      ]);
    const problems = validateDeliverable(deliverable, value, deliverableContext());
    if (!problems.ok)
      reject(
        'invalid',
        `Das Ergebnis „${deliverable.title}“ ist unvollständig oder fehlerhaft; nichts wurde gespeichert.`,
        problems.list.map((p) => ({ ...p, pointer: `${at.value}${p.pointer}` })),
      );
  };

  const saveDeliverable = (phaseKey: string, { deliverableKey, value }: DeliverableValue) => {
    state.deliverables[phaseKey] = {
      ...(state.deliverables[phaseKey] ?? {}),
      [deliverableKey]: savedValue(phaseKey, deliverableKey, value),
    };
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

  // New runs record their start before an update that came with it.
  const recordStart = () =>
    persist({ kind: 'started', actorId: state.coordinatorId, details: { definitionVersion: state.definition.version } });
  const started = input.carried ? undefined : recordedBeforeHandlers(START_FIRST_PATCH, recordStart);

  // --- updates --------------------------------------------------------------------------------

  setHandler(
    sozialraumUpdates.setDeliverable,
    async ({ phaseKey, deliverableKey, value, actorId }) => {
      saveDeliverable(phaseKey, { deliverableKey, value });
      await persist({ kind: 'deliverable_set', actorId, details: { phaseKey, deliverableKey } });
      return state;
    },
    {
      validator: ({ phaseKey, deliverableKey, value }) => {
        requireRunning();
        requireActivePhase(phaseKey);
        checkDeliverable(phaseKey, { deliverableKey, value }, { key: '/deliverableKey', value: '' });
      },
    },
  );

  setHandler(
    sozialraumUpdates.completePhase,
    async ({ phaseKey, deliverable, actorId }) => {
      // The phase's last deliverable may come with its completion: one change, one history entry that names it.
      if (deliverable) saveDeliverable(phaseKey, deliverable);
      const step = active()!;
      const now = new Date();
      step.status = 'completed';
      step.completedAt = now.toISOString();
      const next = state.steps.find((s) => s.status === 'pending');
      if (next) startPhase(next, now);
      else state.status = 'completed';
      const saved = deliverable ? { deliverableKey: deliverable.deliverableKey } : {};
      await persist({ kind: 'phase_completed', actorId, details: { phaseKey, next: next?.key ?? null, ...saved } });
      return { completed: phaseKey, next: next?.key ?? null };
    },
    {
      validator: ({ phaseKey, deliverable }) => {
        requireRunning();
        if (state.status === 'paused') reject('state', 'Der Prozess ist pausiert; bitte setzen Sie ihn zuerst fort.');
        requireActivePhase(phaseKey);
        if (deliverable) checkDeliverable(phaseKey, deliverable, { key: '/deliverable/key', value: '/deliverable' });
        const missing = missingDeliverables(phaseKey, deliverable);
        if (missing.length > 0) {
          reject(
            'state',
            `Die Phase „${phaseSpec(phaseKey)!.title}“ kann noch nicht abgeschlossen werden: ${missing.length === 1 ? 'Es fehlt ein Ergebnis' : `Es fehlen ${missing.length} Ergebnisse`}.`,
            missing.map(({ key, code, message }) => ({ pointer: `/deliverables/${key}`, code, message, params: { deliverableKey: key } })),
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
        if (Number.isNaN(due))
          problems.push({ pointer: '/dueAt', code: 'format.date-time', message: 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).' });
        else if (due <= effectiveDue(step).getTime())
          problems.push({
            pointer: '/dueAt',
            code: 'date.min',
            params: { after: effectiveDue(step).toISOString() },
            message: `Die neue Frist muss nach dem ${germanDate(effectiveDue(step))} liegen (bisherige Frist).`,
          });
        else if (due <= Date.now())
          problems.push({ pointer: '/dueAt', code: 'date.past', message: 'Die neue Frist muss in der Zukunft liegen.' });
        if (typeof reason !== 'string' || reason.trim().length < 3)
          problems.push({
            pointer: '/reason',
            code: 'length.min',
            params: { min: 3 },
            message: 'Bitte begründen Sie die Verlängerung (mindestens 3 Zeichen).',
          });
        if (problems.length > 0) reject('invalid', 'Die Frist kann so nicht verlängert werden; nichts wurde geändert.', problems);
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
          reject('invalid', 'Diese Art von Mitglied ist nicht vorgesehen.', [
            {
              pointer: '/kind',
              code: 'enum',
              params: { allowed: [...MEMBER_KINDS] },
              message: `Bitte einen der vorgesehenen Werte wählen: ${MEMBER_KINDS.join(', ')}.`,
            },
          ]);
        if (state.members.some((m) => m.kind === member.kind && m.refId === member.refId)) {
          reject('state', 'Dieses Mitglied gehört bereits zur lokalen Verantwortungsgemeinschaft.', [
            { pointer: '/refId', code: 'duplicate', message: 'Bereits Mitglied.' },
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
        if (!state.members.some((m) => m.id === memberId))
          reject('notFound', 'Dieses Mitglied gehört nicht zur lokalen Verantwortungsgemeinschaft.');
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
        if (state.status === 'paused') reject('state', 'Der Prozess ist bereits pausiert; nichts wurde geändert.');
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
        if (state.status !== 'paused') reject('state', 'Der Prozess ist nicht pausiert; nichts wurde geändert.');
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
          reject('invalid', `Eine Definition „${String(definition?.key)}“ kann diesen Prozess nicht steuern.`);
        if (definition.version <= state.definition.version)
          reject('state', `Der Prozess läuft bereits mit Version ${state.definition.version} der Definition; nichts wurde geändert.`);
        const plan = planStepMigration(state.steps, spec().phases, (definition.spec as typeof state.definition.spec).phases);
        if (!plan.compatible) reject('state', `Nicht mit Version ${definition.version} vereinbar: ${plan.reason}`);
      },
    },
  );

  setHandler(sozialraumStateQuery, () => state);

  // --- main loop: deadlines, phase-6 conferences and reviews -----------------------------------

  if (started) await started();
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
