import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ConsultationActivities } from '@sro/cases';
import { addDuration } from '../shared/duration';
import { processActivities as act, PROGRAMMING_ERRORS, reject, stepReminders, writeActivities } from '../shared/process-kit';
import type { ProcessSnapshot } from '../shared/process';
import { ReminderSlot } from '../shared/reminders';
import { ProcessEvent, ProcessRuntime } from '../shared/runtime';
import { initialSteps, StepState } from '../shared/steps';
import { AdviserAccess, FallteamConsultationInput, FallteamConsultationState, fallteamStateQuery, fallteamUpdates } from './contract';
import { caseworkerChangedSignal } from '../shared/contract';

/** Adviser windows around the session (opening before, closing after it) instead of a span from the invitation. */
const WINDOW_AROUND_SESSION = 'ftc-packet-window-around-session';

/** The outcome closes the advisers' packet access at once. */
const OUTCOME_CLOSES_ACCESS = 'ftc-outcome-closes-packet-access';

const access = writeActivities<ConsultationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute', nonRetryableErrorTypes: PROGRAMMING_ERRORS },
});

/**
 * One case consultation in the extended Fallteam (seed 004): scheduled into a session, advisers
 * invited with a time-boxed packet access, the outcome recorded (at least the definition's number
 * of professionals), a follow-up (Wiedervorlage) after the definition's interval, then closed.
 * It holds ids and a pseudonym only; everything personal stays encrypted in PostgreSQL.
 */
export async function fallteamConsultation(input: FallteamConsultationInput): Promise<FallteamConsultationState> {
  const spec = input.definition.spec;
  const state: FallteamConsultationState = {
    ...input,
    phase: 'requested',
    // The API answers the request with these steps before the workflow runs, so both use its instant.
    steps: initialSteps(spec.steps, input.requestedAt ? new Date(input.requestedAt) : new Date()),
    access: [],
    revision: 0,
    eventSequence: 0,
  };
  const prefix = `ftc/${state.consultationId}`;
  const active = (): StepState | undefined => state.steps.find((s) => s.status === 'active');

  /** Step reminders to the caseworker follow the active step and its due date while the consultation runs. */
  const stepSlot = new ReminderSlot<ProcessSnapshot>({
    version: (written) => {
      const step = active();
      return step && written.status === 'running' ? `${step.key}@${step.dueAt}` : '';
    },
    cancel: () => `${prefix}/steps`,
    build: () => {
      const step = active()!;
      return stepReminders({
        prefix: `${prefix}/steps/${step.key}`,
        cycle: state.revision,
        step: spec.steps.find((s) => s.key === step.key)!,
        dueAt: new Date(step.dueAt!),
        now: new Date(),
        responsibleUserId: state.caseworkerId,
        caseId: state.caseId,
        context: { processTitle: `Fallteam ${state.pseudonym}`, link: `/consultations/${state.consultationId}` },
      });
    },
  });
  const runtime = new ProcessRuntime(state, {
    processId: state.consultationId,
    syncReminders: async (written, writer) => {
      await stepSlot.sync(written!, writer);
      // A cancelled consultation needs no follow-up; a closed one keeps the follow-up that is just due.
      if (state.phase === 'cancelled') await writer.cancelReminders(prefix);
    },
  });

  const complete = (key: string, now: Date) => {
    const index = state.steps.findIndex((s) => s.key === key);
    const step = state.steps[index];
    if (step.status !== 'active') return;
    step.status = 'completed';
    step.completedAt = now.toISOString();
    const next = state.steps[index + 1];
    if (next) {
      next.status = 'active';
      next.startedAt = now.toISOString();
      next.dueAt = addDuration(now, spec.steps[index + 1].duration).toISOString();
    }
  };

  const snapshot = (): ProcessSnapshot => ({
    processId: state.consultationId,
    workflowId: workflowInfo().workflowId,
    definitionKey: 'fallteam-consultation',
    definitionVersion: state.definition.version,
    status: state.phase === 'cancelled' ? 'cancelled' : state.phase === 'closed' ? 'completed' : 'running',
    subjectType: 'case',
    subjectId: state.caseId,
    socialSpaceId: state.socialSpaceId,
    steps: state.steps,
    summary: {
      phase: state.phase,
      pseudonym: state.pseudonym,
      sessionId: state.sessionId ?? null,
      sessionAt: state.sessionAt ?? null,
      followUpAt: state.followUpAt ?? null,
      advisers: state.access.length,
    },
    revision: state.revision,
  });

  const persist = (event: ProcessEvent) => runtime.persist(event, snapshot);

  /**
   * The adviser's packet window: from `packetOpensBefore` before the session (not before now) to
   * `packetClosesAfter` after it. Runs pinned to a definition from before these fields, and histories
   * from before the patch, keep the old window: `accessWindow` from the invitation.
   */
  const aroundSession = () => !!(spec.packetOpensBefore && spec.packetClosesAfter && state.sessionAt) && patched(WINDOW_AROUND_SESSION);
  const packetWindow = (now: Date): { opensAt: string; closesAt: string } => {
    if (!aroundSession()) {
      const legacy = (spec as { accessWindow?: string }).accessWindow ?? 'P14D';
      return { opensAt: now.toISOString(), closesAt: addDuration(now, legacy).toISOString() };
    }
    const session = new Date(state.sessionAt!);
    const opens = addDuration(session, spec.packetOpensBefore, -1);
    return {
      opensAt: (opens.getTime() > now.getTime() ? opens : now).toISOString(),
      closesAt: addDuration(session, spec.packetClosesAfter).toISOString(),
    };
  };

  const requireOpen = () => {
    if (state.phase === 'closed' || state.phase === 'cancelled')
      reject(
        'state',
        state.phase === 'closed'
          ? 'Die Fallteamberatung ist abgeschlossen; nichts wurde geändert.'
          : 'Die Fallteamberatung ist abgebrochen; nichts wurde geändert.',
      );
  };

  setHandler(caseworkerChangedSignal, ({ caseworkerId }) => {
    state.caseworkerId = caseworkerId;
  });

  setHandler(
    fallteamUpdates.schedule,
    async ({ sessionId, sessionAt, actorId }) => {
      const rescheduled = !!state.sessionId;
      state.sessionId = sessionId;
      state.sessionAt = sessionAt;
      state.phase = 'scheduled';
      complete('scheduling', new Date());
      const session = state.steps.find((s) => s.key === 'session');
      if (session?.status === 'active') session.dueAt = sessionAt;
      if (rescheduled && state.access.length > 0 && aroundSession()) {
        // The advisers' windows move with the session, reopening one that had closed before.
        const window = packetWindow(new Date());
        for (const a of state.access) Object.assign(a, window, { closed: false });
        await runtime.run(() => access.openPacketAccess({ consultationId: state.consultationId, access: state.access }));
      }
      await persist({ kind: rescheduled ? 'rescheduled' : 'scheduled', actorId, details: { sessionId, sessionAt } });
      return state;
    },
    {
      validator: ({ sessionAt }) => {
        requireOpen();
        if (state.phase === 'outcome_recorded')
          reject('state', 'Das Ergebnis ist bereits erfasst; die Beratung kann nicht mehr verlegt werden.');
        if (Number.isNaN(Date.parse(sessionAt)) || Date.parse(sessionAt) <= Date.now())
          reject('invalid', 'Die Sitzung liegt in der Vergangenheit; bitte wählen Sie eine künftige Sitzung.', [
            {
              pointer: '/sessionId',
              code: 'date.past',
              message: 'Diese Sitzung liegt in der Vergangenheit; bitte eine künftige Sitzung wählen.',
            },
          ]);
      },
    },
  );

  setHandler(
    fallteamUpdates.inviteAdvisers,
    async ({ adviserIds, actorId }) => {
      const now = new Date();
      const window = packetWindow(now);
      const { closesAt } = window;
      const granted: AdviserAccess[] = [];
      for (const adviserId of adviserIds) {
        const existing = state.access.find((a) => a.adviserId === adviserId);
        if (existing) {
          if (aroundSession()) existing.opensAt = window.opensAt;
          existing.closesAt = closesAt;
          existing.closed = false;
          granted.push(existing);
        } else {
          const entry = { adviserId, opensAt: window.opensAt, closesAt, closed: false };
          state.access.push(entry);
          granted.push(entry);
        }
      }
      await runtime.run(() => access.openPacketAccess({ consultationId: state.consultationId, access: granted }));
      await persist({ kind: 'advisers_invited', actorId, details: { adviserIds, closesAt } });
      return granted;
    },
    {
      validator: ({ adviserIds }) => {
        requireOpen();
        if (state.phase !== 'scheduled')
          reject('state', 'Beratende können erst eingeladen werden, wenn die Beratung einer Sitzung zugeordnet ist.');
        if (!Array.isArray(adviserIds) || adviserIds.length === 0)
          reject('invalid', 'Bitte nennen Sie mindestens eine beratende Person.', [
            { pointer: '/adviserIds', code: 'array.min', params: { min: 1 }, message: 'Bitte mindestens eine beratende Person auswählen.' },
          ]);
      },
    },
  );

  setHandler(
    fallteamUpdates.recordOutcome,
    async ({ professionals, participants, actorId, followUpAt }) => {
      const now = new Date();
      state.outcome = { professionals, participants, recordedAt: now.toISOString() };
      state.phase = 'outcome_recorded';
      complete('session', now);
      complete('outcome', now);
      if (input.endsWithOutcome) {
        // A case's child consultation ends here: the case takes the outcome and plans the follow-up itself.
        state.phase = 'closed';
        const open = state.access.filter((a) => !a.closed);
        for (const a of open) a.closed = true;
        if (open.length > 0)
          await runtime.run(() =>
            access.closePacketAccess({ consultationId: state.consultationId, adviserIds: open.map((a) => a.adviserId) }),
          );
        await persist({ kind: 'outcome_recorded', actorId, details: { professionals, participants } });
        return state;
      }
      // The advisers advised; with the outcome their packet access ends (older runs keep it to the window's end).
      const stillOpen = state.access.filter((a) => !a.closed);
      if (stillOpen.length > 0 && patched(OUTCOME_CLOSES_ACCESS)) {
        for (const a of stillOpen) a.closed = true;
        await runtime.run(() =>
          access.closePacketAccess({ consultationId: state.consultationId, adviserIds: stillOpen.map((a) => a.adviserId) }),
        );
      }
      state.followUpAt = followUpAt ?? addDuration(now, spec.followUpAfter).toISOString();
      await runtime.run(() =>
        act.scheduleReminders([
          ...spec.followUpReminderOffsets.map((offset) => ({
            key: `${prefix}/follow-up/${offset}`,
            dueAt: addDuration(new Date(state.followUpAt!), offset, -1).toISOString(),
            recipients: [{ type: 'user' as const, id: state.caseworkerId }],
            template: 'follow-up-due',
            context: {
              subjectTitle: `Fallteam ${state.pseudonym}`,
              dueAt: state.followUpAt!,
              link: `/consultations/${state.consultationId}`,
            },
          })),
          {
            key: `${prefix}/follow-up/due`,
            dueAt: state.followUpAt!,
            recipients: [{ type: 'user' as const, id: state.caseworkerId }],
            template: 'follow-up-due',
            context: {
              subjectTitle: `Fallteam ${state.pseudonym}`,
              dueAt: state.followUpAt!,
              link: `/consultations/${state.consultationId}`,
            },
          },
        ]),
      );
      await persist({ kind: 'outcome_recorded', actorId, details: { professionals, participants, followUpAt: state.followUpAt } });
      return state;
    },
    {
      validator: ({ professionals, participants, followUpAt }) => {
        requireOpen();
        if (followUpAt !== undefined && !(Date.parse(followUpAt) > Date.now()))
          reject('invalid', 'Die Wiedervorlage muss in der Zukunft liegen.', [
            { pointer: '/followUpOn', code: 'date.min', params: {}, message: 'Die Wiedervorlage muss nach dem heutigen Tag liegen.' },
          ]);
        if (state.phase !== 'scheduled')
          reject('state', 'Das Ergebnis kann erst erfasst werden, wenn die Beratung einer Sitzung zugeordnet ist.');
        if (!Number.isInteger(professionals) || professionals < spec.minProfessionals) {
          reject('invalid', `Mindestens ${spec.minProfessionals} Fachkräfte des Jugendamts müssen an der Beratung teilnehmen.`, [
            {
              pointer: '/participants',
              code: 'number.min',
              params: { min: spec.minProfessionals },
              message: `Mindestens ${spec.minProfessionals} Fachkräfte des Jugendamts müssen teilnehmen (externe Beratende zählen nicht mit).`,
            },
          ]);
        }
        if (!Number.isInteger(participants) || participants < professionals)
          reject('invalid', 'Die Zahl der Teilnehmenden muss die Fachkräfte einschließen.', [
            {
              pointer: '/participants',
              code: 'number.min',
              params: { min: professionals },
              message: `Mindestens ${professionals} Teilnehmende (alle Fachkräfte zählen mit).`,
            },
          ]);
        if (state.sessionAt && Date.parse(state.sessionAt) > Date.now())
          reject('state', 'Das Ergebnis kann erst erfasst werden, wenn die Sitzung begonnen hat.');
      },
    },
  );

  setHandler(
    fallteamUpdates.cancel,
    async ({ reason, actorId }) => {
      state.phase = 'cancelled';
      for (const a of state.access) a.closed = true;
      await runtime.run(() =>
        access.closePacketAccess({ consultationId: state.consultationId, adviserIds: state.access.map((a) => a.adviserId) }),
      );
      await persist({ kind: 'cancelled', actorId, details: { reason: reason ?? null } });
      return state;
    },
    {
      validator: (_input) => {
        requireOpen();
      },
    },
  );

  setHandler(fallteamStateQuery, () => state);

  await persist({ kind: 'requested', actorId: state.caseworkerId, details: { definitionVersion: state.definition.version } });

  while (state.phase !== 'closed' && state.phase !== 'cancelled') {
    const openAccess = state.access.filter((a) => !a.closed).map((a) => Date.parse(a.closesAt));
    const followUp = state.followUpAt ? [Date.parse(state.followUpAt)] : [];
    if (!(await runtime.wake([...openAccess, ...followUp]))) continue;
    const now = Date.now();
    const expired = state.access.filter((a) => !a.closed && Date.parse(a.closesAt) <= now);
    if (expired.length > 0) {
      for (const a of expired) a.closed = true;
      await runtime.run(() =>
        access.closePacketAccess({ consultationId: state.consultationId, adviserIds: expired.map((a) => a.adviserId) }),
      );
      await persist({ kind: 'packet_access_closed', details: { adviserIds: expired.map((a) => a.adviserId) } });
    }
    if (state.followUpAt && Date.parse(state.followUpAt) <= now) {
      state.phase = 'closed';
      await persist({ kind: 'follow_up_due', details: { followUpAt: state.followUpAt } });
    }
  }
  await runtime.finish();
  return state;
}
