import { proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { InterviewActivities } from '@sro/interviews';
import { addDuration } from '../shared/duration';
import { germanDateTime, germanDuration } from '../shared/german-format';
import { processActivities as act, reject, stepReminders, WRITE_ACTIVITY } from '../shared/process-kit';
import { ReminderSlot } from '../shared/reminders';
import { ProcessEvent, ProcessRuntime } from '../shared/runtime';
import { effectiveDueAt, initialSteps, StepState } from '../shared/steps';
import { checkConductedOn, validateAnswers } from './answers';
import {
  cycleClosingSignal,
  InterviewSnapshot,
  interviewStateQuery,
  interviewUpdates,
  partnerLeftSignal,
  PartnerInterviewInput,
  PartnerInterviewState,
} from './contract';

const interviews = proxyActivities<InterviewActivities>(WRITE_ACTIVITY);

/** Answers are due this long after the planned interview date; then the interview is overdue. */
export const ANSWERS_DUE_AFTER = 'P7D';

const FINAL = new Set(['done', 'withdrawn']);

/**
 * One partner's interview in a cycle (seed 004): planned (date, interviewer) within the plan
 * step's time, reminders to the interviewer before the date, answers recorded against the
 * questionnaire version it was planned with, done. A step past its due date makes the interview
 * `overdue` and the definition's role gets the escalation. It ends as `withdrawn` when the
 * partner leaves, and stops where it is when the cycle closes.
 */
export async function partnerInterview(input: PartnerInterviewInput): Promise<PartnerInterviewState> {
  const spec = input.definition.spec;
  const state: PartnerInterviewState = {
    ...input,
    interviewId: uuid4(),
    status: 'open',
    steps: initialSteps(spec.steps, new Date()),
    closedByCycle: false,
    revision: 0,
    eventSequence: 0,
  };
  const prefix = `pic/${state.cycleId}/${state.partnerId}`;
  const active = (): StepState | undefined => state.steps.find((s) => s.status === 'active');
  const stepSpec = (key: string) => spec.steps.find((s) => s.key === key)!;
  const ended = () => FINAL.has(state.status) || state.closedByCycle;

  /** The active step's reminders: planning reminds the coordinator, the interview itself its interviewer. */
  const stepSlot = new ReminderSlot({
    version: () => {
      const step = active();
      return step && !ended() ? `${step.key}@${step.dueAt}` : '';
    },
    cancel: () => `${prefix}/`,
    build: () => {
      const step = active()!;
      return stepReminders({
        prefix: `${prefix}/${step.key}`,
        cycle: state.revision,
        step: stepSpec(step.key),
        dueAt: new Date(step.dueAt!),
        now: new Date(),
        responsibleUserId: step.key === 'plan' ? state.coordinatorId : (state.interviewerId ?? state.coordinatorId),
        context: {
          processTitle: `Partnerinterview ${state.name} (Zyklus ${state.cycleNumber})`,
          link: `/interview-cycles/${state.cycleId}/interviews/${state.partnerId}`,
        },
      });
    },
  });
  const runtime = new ProcessRuntime(state, {
    processId: state.interviewId,
    syncReminders: (_written, writer) => stepSlot.sync(undefined, writer),
  });

  const snapshot = (answers?: InterviewSnapshot['answers']): InterviewSnapshot => {
    const step = active();
    return {
      cycleId: state.cycleId,
      partnerId: state.partnerId,
      interviewId: state.interviewId,
      workflowId: workflowInfo().workflowId,
      status: state.status,
      plannedAt: state.plannedAt ?? null,
      interviewerId: state.interviewerId ?? null,
      dueAt: (step && !ended() && effectiveDueAt(step)) || null,
      questionnaireVersion: state.questionnaireVersion ?? null,
      answers,
      withdrawnReason: state.withdrawnReason ?? null,
      closedByCycle: state.closedByCycle,
      revision: state.revision,
    };
  };

  /** Writes the interview, its history entry, and keeps the active step's reminders in step. */
  const persist = (event: ProcessEvent, answers?: InterviewSnapshot['answers']) => {
    const record = runtime.change(event);
    const snap = snapshot(answers);
    return runtime.write(async () => {
      await interviews.recordInterview(snap);
      await act.recordProcessEvent(record);
    });
  };

  const requireOpen = () => {
    if (state.status === 'done' || state.status === 'withdrawn')
      reject(
        'state',
        state.status === 'done'
          ? 'Das Interview ist bereits abgeschlossen; nichts wurde geändert.'
          : 'Das Interview wurde zurückgezogen; nichts wurde geändert.',
      );
    if (state.closedByCycle) reject('state', 'Der Interviewzyklus ist beendet; nichts wurde geändert.');
  };

  setHandler(
    interviewUpdates.plan,
    async ({ plannedAt, interviewerId, actorId }) => {
      const now = new Date();
      const replanned = !!state.plannedAt;
      const plan = state.steps.find((s) => s.key === 'plan')!;
      if (plan.status === 'active') {
        plan.status = 'completed';
        plan.completedAt = now.toISOString();
        delete plan.overdue;
      }
      const conduct = state.steps.find((s) => s.key === 'conduct')!;
      conduct.status = 'active';
      conduct.startedAt ??= now.toISOString();
      conduct.dueAt = addDuration(new Date(plannedAt), ANSWERS_DUE_AFTER).toISOString();
      delete conduct.overdue;
      state.plannedAt = plannedAt;
      state.interviewerId = interviewerId;
      state.questionnaireVersion = spec.questionnaire.version;
      state.status = 'planned';
      await persist({ kind: replanned ? 'interview_replanned' : 'interview_planned', actorId, details: { plannedAt, interviewerId } });
      return state;
    },
    {
      validator: ({ plannedAt }) => {
        requireOpen();
        const at = Date.parse(plannedAt);
        const latest = addDuration(new Date(), stepSpec('conduct').duration).getTime();
        if (Number.isNaN(at) || at <= Date.now())
          reject('invalid', 'Der Interviewtermin liegt in der Vergangenheit.', [
            { pointer: '/plannedAt', code: 'date.past', message: 'Bitte einen Termin in der Zukunft wählen.' },
          ]);
        if (at > latest)
          reject(
            'invalid',
            `Das Interview muss innerhalb von ${germanDuration(stepSpec('conduct').duration, { dative: true })} nach der Planung stattfinden.`,
            [
              {
                pointer: '/plannedAt',
                code: 'date.max',
                params: { max: new Date(latest).toISOString() },
                message: `Der Termin darf nicht nach dem ${germanDateTime(latest)} liegen.`,
              },
            ],
          );
      },
    },
  );

  setHandler(
    interviewUpdates.recordAnswers,
    async ({ answers, conductedOn, actorId }) => {
      const now = new Date();
      const conduct = state.steps.find((s) => s.key === 'conduct')!;
      conduct.status = 'completed';
      conduct.completedAt = now.toISOString();
      delete conduct.overdue;
      state.status = 'done';
      state.answeredAt = now.toISOString();
      state.conductedOn = conductedOn ?? state.plannedAt!.slice(0, 10);
      await persist(
        {
          kind: 'answers_recorded',
          actorId,
          details: { answers: answers.length, questionnaireVersion: state.questionnaireVersion, conductedOn: state.conductedOn },
        },
        { items: answers, answeredAt: state.answeredAt, answeredBy: actorId, conductedOn: state.conductedOn },
      );
      return state;
    },
    {
      validator: ({ answers, conductedOn }) => {
        requireOpen();
        if (!state.plannedAt)
          reject('state', 'Bitte planen Sie das Interview (Termin und interviewende Person), bevor Sie Antworten erfassen.');
        const problems = validateAnswers(spec.questionnaire, answers);
        if (!problems.ok)
          reject(
            'invalid',
            `Die Antworten passen nicht zu Version ${spec.questionnaire.version} des Fragebogens; nichts wurde gespeichert.`,
            problems.list,
          );
        if (conductedOn !== undefined) {
          const dated = checkConductedOn(conductedOn, state.plannedAt, new Date());
          if (!dated.ok) reject('invalid', 'Die Antworten sind falsch datiert; nichts wurde gespeichert.', dated.list);
        }
      },
    },
  );

  const withdraw = async (reason: string, actorId?: string) => {
    state.status = 'withdrawn';
    state.withdrawnReason = reason;
    await persist({ kind: 'interview_withdrawn', actorId, details: { reason } });
    return state;
  };

  setHandler(interviewUpdates.withdraw, ({ reason, actorId }) => withdraw(reason, actorId), { validator: (_input) => requireOpen() });

  setHandler(partnerLeftSignal, ({ reason, actorId }) => {
    if (!ended()) void withdraw(reason, actorId);
  });

  setHandler(cycleClosingSignal, () => {
    if (ended()) return;
    state.closedByCycle = true;
    void persist({ kind: 'closed_by_cycle', details: { status: state.status } });
  });

  setHandler(interviewStateQuery, () => state);

  await persist({ kind: 'interview_opened', details: { cycleNumber: state.cycleNumber } });

  while (!ended()) {
    const step = active()!;
    const dueAt = Date.parse(effectiveDueAt(step)!);
    if (!step.overdue && dueAt <= Date.now()) {
      step.overdue = true;
      state.status = 'overdue';
      await persist({ kind: 'interview_overdue', details: { step: step.key, dueAt: step.dueAt } });
      continue;
    }
    await runtime.wake([step.overdue ? Infinity : dueAt]);
  }
  // The last write (and cancelling the reminders) must be done before the workflow completes.
  await runtime.finish();
  return state;
}
