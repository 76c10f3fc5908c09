import { proxyActivities, setHandler, startChild, uuid4, workflowInfo } from '@temporalio/workflow';
import type { JugendhilfedienstActivities } from '@sro/jugendhilfedienst';
import { fallteamConsultation } from '../fallteam-consultation/fallteam-consultation.workflow';
import { caseworkerChangedSignal, workflowIds } from '../shared/contract';
import { addDuration, compareDurations, parseDuration } from '../shared/duration';
import { reject, stepReminders, WRITE_ACTIVITY } from '../shared/process-kit';
import type { ProcessSnapshot } from '../shared/process';
import { ReminderSlot } from '../shared/reminders';
import { ProcessEvent, ProcessRuntime, recordedBeforeHandlers } from '../shared/runtime';
import { germanDate, germanDateTime } from '../shared/german-format';
import { Problems } from '../shared/validation';
import {
  CaseStepState,
  JHD_ZONES,
  JugendhilfedienstCarryOver,
  JugendhilfedienstCaseInput,
  JugendhilfedienstCaseState,
  JugendhilfedienstResume,
  jugendhilfedienstStateQuery,
  jugendhilfedienstUpdates,
  PHASE_LABELS,
  PROTECTION_MEASURES,
  RISK_RESULTS,
} from './contract';

const cases = proxyActivities<JugendhilfedienstActivities>(WRITE_ACTIVITY);

/** A date `YYYY-MM-DD` as the instant its day begins (UTC). */
const dayStart = (date: string) => new Date(`${date}T00:00:00.000Z`);
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** The innermost cause's message (a child's failure wraps the activity's, which wraps the reason). */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Runs that record the intake before registering their update handlers carry this marker. */
const INTAKE_FIRST_PATCH = 'jhd-intake-before-handlers';

/**
 * The standard process of a case in the Jugendhilfedienst (seed 000): intake → classification into
 * a zone within the defined time → for the Gefährdungsbereich a § 8a risk assessment by at least
 * the definition's number of professionals within its limit (reminders before, escalation at it) →
 * after an acute result the immediate protection (§ 42 or the family court, § 8a Abs. 2) within the
 * step's short deadline, before any help is planned → a Fallteam consultation as a child workflow when help is expected to last the definition's
 * threshold or longer → a help plan (§ 36) reviewed every interval (Wiedervorlage) → closure, which
 * sets the deletion date. It holds ids, the pseudonym, codes and dates; everything else is sealed
 * in PostgreSQL.
 */
export async function jugendhilfedienstCase(input: JugendhilfedienstCaseInput): Promise<JugendhilfedienstCaseState> {
  const spec = input.definition.spec;
  const { resume, ...fresh } = input;
  const state: JugendhilfedienstCaseState = {
    ...fresh,
    phase: 'classification',
    steps: spec.steps.map((s) => ({ key: s.key, title: s.title, status: 'pending' })),
    revision: 0,
    eventSequence: 0,
  };
  const prefix = `jhd/${state.caseId}`;
  const title = `Jugendhilfedienst ${state.pseudonym}`;
  const link = `/jugendhilfedienst-cases/${state.caseId}`;
  const stepOf = (key: string): CaseStepState | undefined => state.steps.find((s) => s.key === key);
  const active = (): CaseStepState | undefined => state.steps.find((s) => s.status === 'active');
  let fallteamDone:
    { phase: string; outcome?: { professionals: number; participants: number; recordedAt: string } } | { error: string } | undefined;

  const activate = (key: string, now: Date) => {
    const step = stepOf(key);
    const stepSpec = spec.steps.find((s) => s.key === key);
    if (!step || !stepSpec) return;
    step.status = 'active';
    step.startedAt = now.toISOString();
    step.dueAt = addDuration(now, stepSpec.duration).toISOString();
  };
  const finish = (key: string, now: Date) => {
    const step = stepOf(key);
    if (!step || step.status === 'completed') return;
    step.status = 'completed';
    step.startedAt ??= now.toISOString();
    step.completedAt = now.toISOString();
  };
  /** A step again (a re-classification or a further assessment while help runs): a new start and deadline. */
  const reactivate = (key: string, now: Date) => {
    const step = stepOf(key);
    if (!step) return;
    Object.assign(step, { status: 'pending', skipped: undefined, overdue: undefined, completedAt: undefined });
    activate(key, now);
  };
  /** Help has been planned and the case is not in a protection or assessment step. */
  const helpRuns = () => !!state.helpPlan && (state.phase === 'help' || state.phase === 'help_plan');
  const skip = (key: string) => {
    const step = stepOf(key);
    if (step && step.status === 'pending') Object.assign(step, { status: 'completed', skipped: true });
  };

  /** After classification or assessment: the Fallteam for long help, the help plan for shorter, closure without help. */
  const routeHelp = (now: Date, expected: string | undefined) => {
    state.expectedHelpDuration = expected;
    skip('immediate_protection');
    if (!expected) {
      skip('fallteam');
      skip('help_plan');
      state.phase = 'closure';
      activate('closure', now);
    } else if (compareDurations(expected, spec.fallteamThreshold) >= 0) {
      state.phase = 'fallteam';
      activate('fallteam', now);
    } else {
      skip('fallteam');
      state.phase = 'help_plan';
      activate('help_plan', now);
    }
  };

  const reviewReminders = () => {
    const plan = state.helpPlan!;
    const due = dayStart(plan.nextReviewAt);
    // A reopened case's run arms keys of its own: those of the run before were cancelled at closure and are never reused.
    const base = `${prefix}/review/${plan.version}-${plan.reviews}${state.reopenings ? `-r${state.reopenings}` : ''}`;
    const context = { subjectTitle: `Hilfeplanüberprüfung ${state.pseudonym}`, dueAt: due.toISOString(), link };
    const recipients = [{ type: 'user' as const, id: state.caseworkerId }];
    const now = Date.now();
    return [
      ...spec.helpPlanReviewReminderOffsets
        .map((offset) => ({ offset, at: addDuration(due, offset, -1) }))
        .filter(({ at }) => at.getTime() > now)
        .map(({ offset, at }) => ({ key: `${base}/${offset}`, dueAt: at.toISOString(), recipients, template: 'follow-up-due', context })),
      { key: `${base}/due`, dueAt: due.toISOString(), recipients, template: 'follow-up-due', context },
    ];
  };

  /** Step reminders to the caseworker and the escalation at the due date follow the active step. */
  const stepSlot = new ReminderSlot({
    version: () => {
      const step = active();
      return step?.dueAt ? `${step.key}@${step.dueAt}` : '';
    },
    cancel: () => `${prefix}/steps`,
    build: () => {
      // An update (the closure) may have finished every step while the slot's cancellation ran.
      const step = active();
      if (!step) return [];
      const stepSpec = spec.steps.find((s) => s.key === step.key)!;
      return stepReminders({
        prefix: `${prefix}/steps/${step.key}`,
        cycle: state.revision,
        step: stepSpec,
        dueAt: new Date(step.dueAt!),
        now: new Date(),
        responsibleUserId: state.caseworkerId,
        // Admins have no planning region: an escalation to them goes to all admins.
        planningRegionId: stepSpec.escalationRole === 'admin' ? undefined : state.planningRegionId,
        caseId: state.caseId,
        context: { processTitle: title, link },
      });
    },
  });
  /** The help plan's Wiedervorlage follows its next review date. */
  const reviewSlot = new ReminderSlot({
    version: () => (state.helpPlan ? `${state.helpPlan.version}-${state.helpPlan.reviews}@${state.helpPlan.nextReviewAt}` : ''),
    cancel: () => `${prefix}/review`,
    build: reviewReminders,
  });
  const runtime = new ProcessRuntime(state, {
    processId: state.caseId,
    syncReminders: async (written, writer) => {
      if (written!.status === 'completed') {
        await writer.cancelReminders(prefix);
        stepSlot.forget();
        reviewSlot.forget();
        return;
      }
      await stepSlot.sync(undefined, writer);
      await reviewSlot.sync(undefined, writer);
    },
  });

  const snapshot = (): ProcessSnapshot => ({
    processId: state.caseId,
    workflowId: workflowInfo().workflowId,
    definitionKey: 'jugendhilfedienst-case',
    definitionVersion: state.definition.version,
    status: state.phase === 'closed' ? 'completed' : 'running',
    subjectType: 'case',
    subjectId: state.caseId,
    planningRegionId: state.planningRegionId,
    socialSpaceId: state.socialSpaceId,
    steps: state.steps,
    summary: {
      phase: state.phase,
      pseudonym: state.pseudonym,
      zone: state.zone ?? null,
      result: state.riskAssessment?.result ?? null,
      nextReviewAt: state.helpPlan?.nextReviewAt ?? null,
      deletionDate: state.deletionDate ?? null,
      carryOver: carryOver(),
    },
    revision: state.revision,
  });

  /** What a reopening continues from (the steps are in the read model beside it). */
  const carryOver = (): Omit<JugendhilfedienstCarryOver, 'steps'> => ({
    zone: state.zone,
    classifications: state.classifications,
    expectedHelpDuration: state.expectedHelpDuration,
    riskAssessment: state.riskAssessment,
    immediateProtection: state.immediateProtection,
    fallteam: state.fallteam,
    helpPlan: state.helpPlan,
    closedFromPhase: state.closedFromPhase,
    reopenings: state.reopenings,
    revision: state.revision,
    eventSequence: state.eventSequence,
  });

  const persist = (event: ProcessEvent) => runtime.persist(event, snapshot);

  const requireOpen = () => {
    if (state.phase === 'closed') reject('state', 'Der Fall ist abgeschlossen; nichts wurde geändert.');
  };
  const requirePhase = (phase: JugendhilfedienstCaseState['phase'], what: string) => {
    requireOpen();
    if (state.phase !== phase)
      reject('state', `${what} ist jetzt nicht möglich: Der Fall ist in der Phase „${PHASE_LABELS[state.phase]}“.`);
  };
  const checkHelpDuration = (p: Problems, value: unknown) => {
    if (value === undefined) return;
    const d = parseDuration(value);
    if (!d || compareDurations(d, 'PT0S') <= 0)
      p.add('/expectedHelpDuration', 'format.duration', 'Bitte eine Dauer angeben, z. B. 3 Monate (P3M) oder 1 Jahr (P1Y).');
  };
  const invalid = (p: Problems) => {
    if (!p.ok) reject('invalid', 'Die Angaben sind unvollständig oder fehlerhaft; nichts wurde geändert.', p.list);
  };

  /** Intake: the report is recorded with the start; it was due a day after it came in. */
  const recordIntake = () => {
    const started = new Date();
    const intake = stepOf('intake');
    if (intake) {
      const intakeSpec = spec.steps.find((s) => s.key === 'intake')!;
      Object.assign(intake, {
        status: 'completed',
        startedAt: input.reportedAt,
        dueAt: addDuration(new Date(input.reportedAt), intakeSpec.duration).toISOString(),
        completedAt: started.toISOString(),
      });
      if (started.toISOString() > intake.dueAt!) intake.overdue = true;
    }
    activate('classification', started);
    return persist({
      kind: 'intake_recorded',
      actorId: state.caseworkerId,
      details: { source: state.source, anonymous: state.anonymous, definitionVersion: state.definition.version },
    });
  };
  // A quick classification that came with the start ran before the intake was recorded and re-opened
  // the classification step; new runs record the intake first.
  const intake = resume ? undefined : recordedBeforeHandlers(INTAKE_FIRST_PATCH, recordIntake);

  setHandler(caseworkerChangedSignal, ({ caseworkerId }) => {
    state.caseworkerId = caseworkerId;
  });

  setHandler(
    jugendhilfedienstUpdates.classify,
    async ({ zone, expectedHelpDuration, actorId }) => {
      const now = new Date();
      const reclassified = helpRuns();
      state.zone = zone;
      (state.classifications ??= []).push({ zone, at: now.toISOString(), actorId });
      if (reclassified) {
        // While help runs the case may move zones; into the Gefährdungsbereich it needs a new § 8a assessment in time.
        if (zone === 'endangerment') {
          state.phase = 'risk_assessment';
          reactivate('risk_assessment', now);
        }
        await persist({ kind: 'reclassified', actorId, details: { zone } });
        return state;
      }
      finish('classification', now);
      if (zone === 'endangerment') {
        state.phase = 'risk_assessment';
        activate('risk_assessment', now);
      } else {
        skip('risk_assessment');
        routeHelp(now, expectedHelpDuration);
      }
      await persist({ kind: 'classified', actorId, details: { zone, expectedHelpDuration: expectedHelpDuration ?? null } });
      return state;
    },
    {
      validator: ({ zone, expectedHelpDuration }) => {
        if (!helpRuns()) requirePhase('classification', 'Eine Einordnung');
        const p = new Problems();
        p.oneOf(zone, '/zone', JHD_ZONES);
        checkHelpDuration(p, expectedHelpDuration);
        if (zone === 'endangerment' && expectedHelpDuration !== undefined)
          p.add(
            '/expectedHelpDuration',
            'decided-later',
            'Im Gefährdungsbereich legt die Gefährdungseinschätzung (§ 8a SGB VIII) die erwartete Dauer fest; bitte hier leer lassen.',
          );
        if (helpRuns() && expectedHelpDuration !== undefined)
          p.add('/expectedHelpDuration', 'help-running', 'Die Hilfe läuft bereits; ändern Sie den Hilfeplan statt der erwarteten Dauer.');
        if (helpRuns() && zone === state.zone)
          p.add('/zone', 'unchanged', `Der Fall ist bereits so eingeordnet (${String(zone)}).`, { zone });
        invalid(p);
      },
    },
  );

  setHandler(
    jugendhilfedienstUpdates.recordRiskAssessment,
    async ({ assessmentId, professionals, result, parentsInvolved, childInvolved, homeVisit, expectedHelpDuration, actorId }) => {
      const now = new Date();
      const step = stepOf('risk_assessment')!;
      const late = !!step.dueAt && now.getTime() > Date.parse(step.dueAt);
      state.riskAssessment = {
        assessmentId,
        professionals,
        result,
        parentsInvolved,
        childInvolved,
        homeVisit,
        completedAt: now.toISOString(),
        late,
      };
      finish('risk_assessment', now);
      // Acute danger: protection first (its own short deadline and escalation), help planning after it.
      // A definition pinned before the step existed goes on as it did.
      if (result === 'acute' && stepOf('immediate_protection')) {
        if (!state.helpPlan || expectedHelpDuration !== undefined) state.expectedHelpDuration = expectedHelpDuration;
        state.phase = 'immediate_protection';
        reactivate('immediate_protection', now);
      } else if (state.helpPlan) {
        // A further assessment while help runs: the help goes on (its plan can be revised), the history keeps both.
        state.phase = 'help';
      } else {
        routeHelp(now, result === 'none' ? undefined : expectedHelpDuration);
      }
      await persist({ kind: 'risk_assessment_completed', actorId, details: { assessmentId, result, professionals, late } });
      return state;
    },
    {
      validator: ({ professionals, result, parentsInvolved, childInvolved, homeVisit, expectedHelpDuration }) => {
        if (state.phase !== 'help') requirePhase('risk_assessment', 'Eine Gefährdungseinschätzung');
        const p = new Problems();
        const min = spec.riskAssessmentMinProfessionals;
        if (typeof professionals !== 'number' || !Number.isInteger(professionals) || professionals < min) {
          p.add(
            '/professionals',
            'number.min',
            `Mindestens ${min} Fachkräfte müssen die Gefährdung gemeinsam einschätzen (§ 8a SGB VIII).`,
            { min },
          );
        }
        p.oneOf(result, '/result', RISK_RESULTS);
        for (const [pointer, value] of [
          ['/parentsInvolved', parentsInvolved],
          ['/childInvolved', childInvolved],
          ['/homeVisit', homeVisit],
        ] as const) {
          if (typeof value !== 'boolean') p.add(pointer, 'type.boolean', 'Bitte „ja“ oder „nein“ angeben.');
        }
        checkHelpDuration(p, expectedHelpDuration);
        if (result === 'none' && expectedHelpDuration !== undefined)
          p.add(
            '/expectedHelpDuration',
            'not-applicable',
            'Ohne Gefährdung und Hilfebedarf folgt keine Hilfe; bitte keine Dauer angeben.',
            { result },
          );
        if (
          !state.helpPlan &&
          result !== 'none' &&
          (RISK_RESULTS as readonly string[]).includes(result) &&
          expectedHelpDuration === undefined
        ) {
          p.add('/expectedHelpDuration', 'required', 'Bitte die erwartete Dauer der Hilfe angeben.', { result });
        }
        invalid(p);
      },
    },
  );

  setHandler(
    jugendhilfedienstUpdates.recordImmediateProtection,
    async ({ protectionId, measure, takenAt, actorId }) => {
      const now = new Date();
      const step = stepOf('immediate_protection')!;
      const late = !!step.dueAt && now.getTime() > Date.parse(step.dueAt);
      state.immediateProtection = { protectionId, measure, takenAt, recordedAt: now.toISOString(), late };
      finish('immediate_protection', now);
      if (state.helpPlan) state.phase = 'help';
      else routeHelp(now, state.expectedHelpDuration);
      await persist({ kind: 'immediate_protection_recorded', actorId, details: { protectionId, measure, takenAt, late } });
      return state;
    },
    {
      validator: ({ measure, takenAt }) => {
        requirePhase('immediate_protection', 'Der Sofortschutz');
        const p = new Problems();
        p.oneOf(measure, '/measure', PROTECTION_MEASURES);
        const taken = typeof takenAt === 'string' ? Date.parse(takenAt) : NaN;
        if (Number.isNaN(taken)) p.add('/takenAt', 'format.date-time', 'Bitte Datum und Uhrzeit angeben.');
        else if (taken > Date.now() + 60_000) p.add('/takenAt', 'date.future', 'Der Zeitpunkt darf nicht in der Zukunft liegen.');
        else if (taken < Date.parse(state.reportedAt))
          p.add(
            '/takenAt',
            'date.before-report',
            `Der Zeitpunkt darf nicht vor dem Eingang der Meldung am ${germanDateTime(state.reportedAt)} liegen.`,
            { min: state.reportedAt },
          );
        invalid(p);
      },
    },
  );

  setHandler(
    jugendhilfedienstUpdates.recordHelpPlan,
    async ({ helpPlanId, planDate, reviewAt, actorId }) => {
      const now = new Date();
      const nextReviewAt = reviewAt ?? dateOf(addDuration(dayStart(planDate), spec.helpPlanReviewInterval));
      const version = (state.helpPlan?.version ?? 0) + 1;
      state.helpPlan = { helpPlanId, version, planDate, nextReviewAt, reviews: 0, reviewOverdue: false };
      finish('help_plan', now);
      state.phase = 'help';
      await persist({ kind: 'help_plan_recorded', actorId, details: { helpPlanId, version, planDate, nextReviewAt } });
      return state;
    },
    {
      validator: ({ planDate, reviewAt }) => {
        requireOpen();
        if (state.phase !== 'help_plan' && state.phase !== 'help')
          reject('state', `Ein Hilfeplan ist jetzt nicht möglich: Der Fall ist in der Phase „${PHASE_LABELS[state.phase]}“.`);
        const p = new Problems();
        const plan = p.date(planDate, '/planDate');
        const review = reviewAt === undefined ? undefined : p.date(reviewAt, '/reviewAt');
        if (plan && review && review <= plan)
          p.add('/reviewAt', 'date.min', `Die Überprüfung muss nach dem Datum des Hilfeplans (${germanDate(plan)}) liegen.`, {
            after: plan,
          });
        if (plan && state.helpPlan && plan < state.helpPlan.planDate)
          p.add(
            '/planDate',
            'date.min',
            `Das Datum darf nicht vor dem geltenden Hilfeplan vom ${germanDate(state.helpPlan.planDate)} liegen.`,
            { min: state.helpPlan.planDate },
          );
        invalid(p);
      },
    },
  );

  setHandler(
    jugendhilfedienstUpdates.recordReview,
    async ({ reviewedAt, nextReviewAt, actorId }) => {
      const plan = state.helpPlan!;
      plan.reviews += 1;
      plan.lastReviewedAt = reviewedAt;
      plan.nextReviewAt = nextReviewAt ?? dateOf(addDuration(dayStart(reviewedAt), spec.helpPlanReviewInterval));
      plan.reviewOverdue = false;
      await persist({
        kind: 'help_plan_reviewed',
        actorId,
        details: { reviewedAt, nextReviewAt: plan.nextReviewAt, review: plan.reviews },
      });
      return state;
    },
    {
      validator: ({ reviewedAt, nextReviewAt }) => {
        requirePhase('help', 'Eine Überprüfung des Hilfeplans');
        const p = new Problems();
        const reviewed = p.date(reviewedAt, '/reviewedAt');
        const next = nextReviewAt === undefined ? undefined : p.date(nextReviewAt, '/nextReviewAt');
        const plan = state.helpPlan!;
        if (reviewed && reviewed < plan.planDate)
          p.add('/reviewedAt', 'date.min', `Die Überprüfung darf nicht vor dem Hilfeplan vom ${germanDate(plan.planDate)} liegen.`, {
            min: plan.planDate,
          });
        if (reviewed && plan.lastReviewedAt && reviewed < plan.lastReviewedAt)
          p.add(
            '/reviewedAt',
            'date.min',
            `Die Überprüfung darf nicht vor der letzten Überprüfung am ${germanDate(plan.lastReviewedAt)} liegen.`,
            { min: plan.lastReviewedAt },
          );
        if (reviewed && next && next <= reviewed)
          p.add('/nextReviewAt', 'date.min', `Die nächste Überprüfung muss nach dem ${germanDate(reviewed)} liegen.`, { after: reviewed });
        invalid(p);
      },
    },
  );

  setHandler(
    jugendhilfedienstUpdates.close,
    async ({ actorId }) => {
      const now = new Date();
      state.closedFromPhase = state.phase;
      for (const step of state.steps) {
        if (step.status === 'active') finish(step.key, now);
        else skip(step.key);
      }
      finish('closure', now);
      state.phase = 'closed';
      state.closedAt = now.toISOString();
      state.deletionDate = dateOf(addDuration(now, spec.retentionAfterClosure));
      await runtime.run(() =>
        cases.recordCaseClosure({ caseId: state.caseId, closedAt: state.closedAt!, deletionDate: state.deletionDate! }),
      );
      await persist({ kind: 'closed', actorId, details: { deletionDate: state.deletionDate } });
      return state;
    },
    {
      validator: (_actor) => {
        requireOpen();
        if (state.phase === 'immediate_protection')
          reject(
            'state',
            'Bei akuter Gefährdung ist zuerst der Sofortschutz zu dokumentieren; der Fall kann noch nicht abgeschlossen werden.',
          );
        if (state.fallteam?.status === 'running')
          reject(
            'state',
            'Die Fallteamberatung läuft noch; bitte erfassen Sie ihr Ergebnis oder brechen Sie sie ab, bevor Sie den Fall abschließen.',
          );
      },
    },
  );

  setHandler(jugendhilfedienstStateQuery, () => state);

  if (resume) await reopen(resume);
  else await intake!();

  while (state.phase !== 'closed') {
    if (state.phase === 'fallteam' && !state.fallteam) {
      await startFallteam();
      continue;
    }
    if (fallteamDone) {
      const done = fallteamDone;
      fallteamDone = undefined;
      const now = new Date();
      const fallteam = state.fallteam!;
      if ('error' in done) fallteam.status = 'failed';
      else {
        fallteam.status = done.phase === 'cancelled' ? 'cancelled' : 'outcome_recorded';
        fallteam.outcome = done.outcome;
      }
      finish('fallteam', now);
      state.phase = 'help_plan';
      activate('help_plan', now);
      await persist({
        kind: `fallteam_${fallteam.status}`,
        details: { consultationId: fallteam.consultationId, ...('error' in done ? { error: done.error } : {}) },
      });
      continue;
    }
    const step = active();
    const stepDue = step?.dueAt && !step.overdue ? [Date.parse(step.dueAt)] : [];
    const plan = state.helpPlan;
    const reviewDue = state.phase === 'help' && plan && !plan.reviewOverdue ? [dayStart(plan.nextReviewAt).getTime()] : [];
    if (!(await runtime.wake([...stepDue, ...reviewDue], () => fallteamDone !== undefined))) continue;
    const now = Date.now();
    if (step?.dueAt && !step.overdue && Date.parse(step.dueAt) <= now) {
      // The escalation reminder went out at the due date; the read model shows the step overdue.
      step.overdue = true;
      const escalatedTo = spec.steps.find((s) => s.key === step.key)?.escalationRole ?? null;
      await persist({ kind: `${step.key}_overdue`, details: { step: step.key, dueAt: step.dueAt, escalatedTo } });
    }
    if (state.phase === 'help' && plan && !plan.reviewOverdue && dayStart(plan.nextReviewAt).getTime() <= now) {
      plan.reviewOverdue = true;
      await persist({ kind: 'help_plan_review_due', details: { nextReviewAt: plan.nextReviewAt } });
    }
  }
  await runtime.finish();
  return state;

  /**
   * A closed case reopened: the state its last run left goes on. With a help plan the help runs again
   * (its review is due as planned, overdue at once if the date has passed); otherwise the step the
   * case was closed from starts again with a new deadline, and a case closed without help (or
   * before classification) is classified again.
   */
  async function reopen({ reopenedBy, closedFromPhase, ...carried }: JugendhilfedienstResume): Promise<void> {
    const now = new Date();
    Object.assign(state, carried, { reopenings: (carried.reopenings ?? 0) + 1 });
    const closure = stepOf('closure');
    if (closure)
      Object.assign(closure, {
        status: 'pending',
        skipped: undefined,
        overdue: undefined,
        startedAt: undefined,
        dueAt: undefined,
        completedAt: undefined,
      });
    if (state.helpPlan) {
      state.helpPlan.reviewOverdue = false;
      state.phase = 'help';
    } else if (closedFromPhase === 'fallteam' && state.fallteam) {
      state.phase = 'help_plan';
      reactivate('help_plan', now);
    } else if (closedFromPhase && ['risk_assessment', 'fallteam', 'help_plan'].includes(closedFromPhase)) {
      state.phase = closedFromPhase;
      reactivate(closedFromPhase, now);
    } else {
      state.phase = 'classification';
      reactivate('classification', now);
    }
    await persist({ kind: 'reopened', actorId: reopenedBy, details: { phase: state.phase, reopening: state.reopenings } });
  }

  async function startFallteam(): Promise<void> {
    const consultationId = uuid4();
    const workflowId = workflowIds.fallteamConsultation(consultationId);
    state.fallteam = { consultationId, workflowId, status: 'running' };
    try {
      const prepared = await cases.prepareFallteamConsultation({ consultationId, caseId: state.caseId, caseworkerId: state.caseworkerId });
      const child = await startChild(fallteamConsultation, {
        workflowId,
        args: [
          {
            consultationId,
            caseId: state.caseId,
            pseudonym: state.pseudonym,
            caseworkerId: state.caseworkerId,
            socialSpaceId: state.socialSpaceId,
            definition: prepared.definition,
            endsWithOutcome: true,
          },
        ],
      });
      await persist({ kind: 'fallteam_requested', details: { consultationId } });
      child.result().then(
        (result) => (fallteamDone = { phase: result.phase, outcome: result.outcome }),
        (error: unknown) => (fallteamDone = { error: rootMessage(error) }),
      );
    } catch (error) {
      fallteamDone = { error: rootMessage(error) };
    }
  }
}
