import { patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { AgreementActivities, AgreementChangeActivities } from '@sro/agreements';
import type { ScheduleRequest } from '@sro/reminders';
import { migrateDefinitionUpdate } from '../shared/contract';
import { addDuration } from '../shared/duration';
import { ONE_WRITE_PATCH, processActivities as act, reject, WRITE_ACTIVITY, writeActivities } from '../shared/process-kit';
import type { ProcessSnapshot } from '../shared/process';
import { ReminderGroups } from '../shared/reminders';
import { ProcessEvent, ProcessRuntime } from '../shared/runtime';
import type { StepState } from '../shared/steps';
import { germanDate, germanDateTime } from '../shared/german-format';
import { Problems } from '../shared/validation';
import {
  buildStages,
  checkAssignments,
  evaluateStage,
  expiryOf,
  partiesOnTurn,
  relevantAssignments,
  startOf,
  startStage,
} from './approval';
import {
  agreementStateQuery,
  agreementUpdates,
  AGREEMENT_STATUS_LABELS,
  DECISION_LABELS,
  STAGE_STATUS_LABELS,
  VERSION_STATUS_LABELS,
  AgreementSnapshot,
  CooperationAgreementInput,
  CooperationAgreementState,
  PendingDecision,
  StageApproval,
} from './contract';

const agreements = writeActivities<AgreementActivities & AgreementChangeActivities>(WRITE_ACTIVITY);

/** An approved version whose validity begins later waits as `approved` (histories before it went `active` at once). */
const APPROVED_UNTIL_VALID_FROM = 'agreement-approved-until-valid-from';

/**
 * A cooperation agreement (Kooperationsvereinbarung, seeds 000/002/004) from draft to its end: each
 * submitted version runs the approval stages of the pinned definition (parallel or sequential, a
 * quorum per stage, an optional Jugendhilfeausschuss stage with its resolution); a rejection returns
 * it to draft, a revised version restarts the stages the definition names; approved, it is active
 * until it lapses at the end of its validity, with a renewal reminder the lead time before. A
 * renewal is a new version that runs the approval again while the old one stays in force.
 */
export async function cooperationAgreement(input: CooperationAgreementInput): Promise<CooperationAgreementState> {
  const state: CooperationAgreementState = {
    ...input,
    status: 'draft',
    versions: [{ ...input.firstVersion, status: 'draft' }],
    latestVersion: input.firstVersion.version,
    renewalDue: false,
    rounds: 0,
    assignments: [],
    namedApprovers: [],
    revision: 0,
    eventSequence: 0,
  };
  const spec = () => state.definition.spec;
  const prefix = `cav/${state.agreementId}`;
  const subjectTitle = () => `Kooperationsvereinbarung ${state.reference}`;
  const link = `/cooperation-agreements/${state.agreementId}`;
  const running = () => state.approval?.status === 'running';
  const finished = () => state.status === 'terminated' || (state.status === 'expired' && !running());
  const versionOf = (version: number) => state.versions.find((v) => v.version === version)!;

  // --- read model and reminders ----------------------------------------------------------------

  const pending = (): PendingDecision[] => {
    const round = state.approval;
    if (!round || round.status !== 'running') return [];
    return round.stages.flatMap((stage) =>
      partiesOnTurn(stage).flatMap((party) =>
        party.approverIds.map((approverId) => ({
          approverId,
          round: round.round,
          version: round.version,
          stageKey: stage.key,
          partyKey: party.key,
          dueAt: stage.dueAt!,
        })),
      ),
    );
  };

  const snapshot = (): AgreementSnapshot => ({
    agreementId: state.agreementId,
    status: state.status,
    latestVersion: state.latestVersion,
    activeVersion: state.activeVersion ?? null,
    validFrom: state.validFrom ?? null,
    validUntil: state.validUntil ?? null,
    renewalDueAt: state.renewalDueAt ?? null,
    definitionVersion: state.definition.version,
    approval: state.approval ?? null,
    lastRejection: state.lastRejection ?? null,
    versions: state.versions.map(({ version, status }) => ({ version, status })),
    pending: pending(),
    namedApprovers: state.namedApprovers,
    revision: state.revision,
  });

  /** The approval stages as steps of the generic process read model. */
  const steps = (): StepState[] =>
    (state.approval?.stages ?? []).map((s) => ({
      key: s.key,
      title: s.title,
      status: s.status === 'active' ? 'active' : s.status === 'passed' ? 'completed' : 'pending',
      startedAt: s.startedAt,
      dueAt: s.dueAt,
      completedAt: s.completedAt,
      overdue: s.overdue,
    }));

  const wantedReminders = (): Map<string, () => ScheduleRequest[]> => {
    const wanted = new Map<string, () => ScheduleRequest[]>();
    const now = new Date();
    const round = state.approval;
    if (round && round.status === 'running') {
      for (const stage of round.stages.filter((s) => s.status === 'active')) {
        const stageSpec = spec().approvalStages.find((s) => s.key === stage.key)!;
        const dueAt = new Date(stage.dueAt!);
        const context = { subjectTitle: `${subjectTitle()} – ${stage.title}`, dueAt: stage.dueAt!, link };
        for (const party of partiesOnTurn(stage)) {
          const base = `${prefix}/r${round.round}/${stage.key}/p/${party.key}`;
          const recipients = party.approverIds.map((id) => ({ type: 'user' as const, id }));
          wanted.set(base, () => [
            // The request itself, then one reminder per offset still ahead of the deadline.
            { key: `${base}/request`, dueAt: now.toISOString(), recipients, template: 'decision-due', context },
            ...stageSpec.reminderOffsets
              .map((offset) => ({ offset, at: addDuration(dueAt, offset, -1) }))
              .filter(({ at }) => at.getTime() > now.getTime())
              .map(({ offset, at }) => ({
                key: `${base}/${offset}`,
                dueAt: at.toISOString(),
                recipients,
                template: 'decision-due',
                context,
              })),
          ]);
        }
        if (stageSpec.escalationRole) {
          const base = `${prefix}/r${round.round}/${stage.key}/escalation`;
          wanted.set(base, () => [
            {
              key: `${base}/due`,
              dueAt: stage.dueAt!,
              recipients: [{ type: 'role', role: stageSpec.escalationRole!, planningRegionId: state.planningRegionId }],
              template: 'step-overdue',
              context: { processTitle: subjectTitle(), stepTitle: stage.title, dueAt: stage.dueAt!, link },
            },
          ]);
        }
      }
    }
    // Renewal reminders while the version in force has no renewal in approval.
    if (state.status === 'active' && state.expiresAt && !(running() && round?.renewal) && !state.scheduled) {
      const base = `${prefix}/renewal/v${state.activeVersion}-d${state.definition.version}-r${state.rounds}`;
      const expiresAt = new Date(state.expiresAt);
      const offsets = [...new Set([spec().renewalLeadTime, ...spec().renewalReminderOffsets])];
      wanted.set(base, () =>
        offsets
          .map((offset) => ({ offset, at: addDuration(expiresAt, offset, -1) }))
          // The lead-time reminder goes out even when the agreement was approved inside the lead time.
          .map(({ offset, at }) => ({ offset, at: offset === spec().renewalLeadTime && at.getTime() < now.getTime() ? now : at }))
          .filter(({ at }) => at.getTime() >= now.getTime() && at.getTime() < expiresAt.getTime())
          .map(({ offset, at }) => ({
            key: `${base}/${offset}`,
            dueAt: at.toISOString(),
            recipients: [{ type: 'user' as const, id: state.coordinatorId }],
            template: 'agreement-renewal-due',
            context: { subjectTitle: subjectTitle(), validUntil: state.validUntil!, link },
          })),
      );
    }
    return wanted;
  };

  /** Reminder groups armed now, by key prefix; each prefix is armed at most once, so keys never repeat. */
  const reminders = new ReminderGroups(wantedReminders);
  const runtime = new ProcessRuntime(state, { processId: state.agreementId, syncReminders: (_written, writer) => reminders.sync(writer) });

  const processSnapshot = (): ProcessSnapshot => ({
    processId: state.agreementId,
    workflowId: workflowInfo().workflowId,
    definitionKey: 'cooperation-agreement',
    definitionVersion: state.definition.version,
    status: state.status === 'terminated' ? 'cancelled' : state.status === 'expired' && !running() ? 'completed' : 'running',
    subjectType: 'cooperation_agreement',
    subjectId: state.agreementId,
    planningRegionId: state.planningRegionId,
    steps: steps(),
    summary: {
      reference: state.reference,
      status: state.status,
      activeVersion: state.activeVersion ?? null,
      validUntil: state.validUntil ?? null,
      round: state.approval?.round ?? null,
    },
    revision: state.revision,
  });

  /** Persists the agreement rows, the process read model and one history event; then re-arms reminders. */
  const persist = (event: ProcessEvent, extra: ScheduleRequest[] = []) => {
    const record = runtime.change(event);
    const agreement = snapshot();
    const process = processSnapshot();
    // In runs with the one-write marker all of it is one local activity (see ProcessRuntime.persist).
    if (patched(ONE_WRITE_PATCH))
      return runtime.run(() =>
        runtime.recordChange(record, process, (change) => agreements.recordAgreementChange({ agreement, process: change }), extra),
      );
    return runtime.write(
      async () => {
        await act.recordProcessEvent(record);
        await agreements.recordAgreementState(agreement);
        await act.recordProcessState(process);
      },
      async () => {
        if (extra.length > 0) await act.scheduleReminders(extra);
      },
    );
  };

  // --- transitions ------------------------------------------------------------------------------

  /** The version takes effect: it replaces the one in force and its validity drives renewal and expiry. */
  const putInForce = (version: number, validFrom: string, validUntil: string) => {
    if (state.activeVersion !== undefined && state.activeVersion !== version) versionOf(state.activeVersion).status = 'superseded';
    state.activeVersion = version;
    state.validFrom = validFrom;
    state.validUntil = validUntil;
    state.expiresAt = expiryOf(validUntil).toISOString();
    state.renewalDueAt = addDuration(new Date(state.expiresAt), spec().renewalLeadTime, -1).toISOString();
    state.renewalDue = false;
    state.status = 'active';
  };

  /**
   * Every stage passed. A version whose validity has begun takes effect at once (true); one that
   * begins later waits as `approved` (a first version) or beside the version in force (a renewal)
   * until the start of its `validFrom` (false).
   */
  const activate = (now: Date): boolean => {
    const round = state.approval!;
    versionOf(round.version).status = 'approved';
    round.status = 'passed';
    round.completedAt = now.toISOString();
    const startsAt = startOf(round.validFrom);
    if (startsAt.getTime() > now.getTime() && patched(APPROVED_UNTIL_VALID_FROM)) {
      state.scheduled = {
        version: round.version,
        validFrom: round.validFrom,
        validUntil: round.validUntil,
        startsAt: startsAt.toISOString(),
      };
      if (state.status === 'in_approval') {
        state.status = 'approved';
        state.validFrom = round.validFrom;
        state.validUntil = round.validUntil;
      }
      return false;
    }
    putInForce(round.version, round.validFrom, round.validUntil);
    return true;
  };

  const endRound = (status: 'rejected' | 'withdrawn', now: Date) => {
    const round = state.approval!;
    round.status = status;
    round.completedAt = now.toISOString();
    for (const stage of round.stages)
      if (stage.status === 'active' || stage.status === 'pending')
        stage.status = status === 'rejected' && stage.status === 'active' ? 'rejected' : 'withdrawn';
    versionOf(round.version).status = status;
    // A first approval returns to draft; a renewal leaves the version in force (or the lapse) as it is.
    if (state.status === 'in_approval') state.status = 'draft';
  };

  // --- updates ------------------------------------------------------------------------------------

  const requireOpen = () => {
    if (state.status === 'terminated' || state.status === 'expired')
      reject('state', `Die Vereinbarung ist ${AGREEMENT_STATUS_LABELS[state.status]}; nichts wurde geändert.`);
  };
  const requireNoApproval = () => {
    if (running())
      reject(
        'state',
        `Version ${state.approval!.version} ist in der Freigabe; bitte warten Sie die Entscheidungen ab oder beenden Sie die Vereinbarung.`,
      );
    if (state.scheduled)
      reject(
        'state',
        `Version ${state.scheduled.version} ist freigegeben und gilt ab dem ${germanDate(state.scheduled.validFrom)}; bitte warten Sie bis dahin oder beenden Sie die Vereinbarung.`,
      );
  };

  setHandler(
    agreementUpdates.revise,
    async ({ version, validFrom, validUntil, actorId }) => {
      const latest = versionOf(state.latestVersion);
      if (latest.status === 'draft') latest.status = 'discarded';
      state.versions.push({ version, validFrom, validUntil, status: 'draft' });
      state.latestVersion = version;
      await persist({ kind: 'version_created', actorId, details: { version, validFrom, validUntil, renewal: state.status === 'active' } });
      return state;
    },
    {
      validator: ({ version, validFrom, validUntil }) => {
        requireOpen();
        requireNoApproval();
        if (version !== state.latestVersion + 1)
          reject('state', `Die nächste Version ist ${state.latestVersion + 1}; bitte laden Sie die Vereinbarung neu.`, [
            {
              pointer: '/version',
              code: 'version.expected',
              params: { expected: state.latestVersion + 1 },
              message: `Erwartet wird Version ${state.latestVersion + 1}.`,
            },
          ]);
        const p = new Problems();
        const from = p.date(validFrom, '/validFrom');
        const until = p.date(validUntil, '/validUntil');
        if (from && until && until <= from)
          p.add('/validUntil', 'date.min', `Das Ende der Gültigkeit muss nach dem Beginn (${germanDate(from)}) liegen.`, { after: from });
        if (until && state.status === 'active' && state.validUntil && until <= state.validUntil)
          p.add('/validUntil', 'date.min', `Eine Verlängerung muss über den ${germanDate(state.validUntil)} hinausreichen.`, {
            after: state.validUntil,
          });
        if (!p.ok) reject('invalid', 'Der Gültigkeitszeitraum ist unvollständig oder fehlerhaft; nichts wurde geändert.', p.list);
      },
    },
  );

  setHandler(
    agreementUpdates.submit,
    async ({ version, committeeRequired, optionalStages, approvers, partyKinds, actorId }) => {
      const now = new Date();
      const previous = state.approval;
      const renewal = state.status === 'active';
      const assignments = approvers ?? state.assignments;
      const selection = { committeeRequired, optionalStages: optionalStages ?? [], partyKinds };
      // After a rejection of this approval chain, the definition says where the next round starts.
      const carried =
        !renewal && previous?.status === 'rejected' && spec().revisionRestarts === 'from_rejected_stage' ? previous.stages : [];
      let stages = buildStages(spec(), selection, assignments, now, carried);
      // A new version needs at least one decision: when nothing would be left to decide, every stage restarts.
      if (stages.every((s) => s.status === 'passed')) stages = buildStages(spec(), selection, assignments, now);
      state.rounds += 1;
      const v = versionOf(version);
      state.approval = {
        round: state.rounds,
        version,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        renewal,
        committeeRequired,
        optionalStages: selection.optionalStages,
        status: 'running',
        submittedAt: now.toISOString(),
        submittedBy: actorId,
        stages,
      };
      state.assignments = assignments;
      state.namedApprovers = [...new Set([...state.namedApprovers, ...assignments.flatMap((a) => a.approverIds)])].sort();
      v.status = 'in_approval';
      if (!renewal) state.status = 'in_approval';
      const carriedOver = stages.filter((s) => s.carriedOver).map((s) => s.key);
      await persist({ kind: 'submitted', actorId, details: { version, round: state.rounds, renewal, committeeRequired, carriedOver } });
      return state;
    },
    {
      validator: ({ version, committeeRequired, optionalStages, approvers, partyKinds }) => {
        requireOpen();
        requireNoApproval();
        if (version !== state.latestVersion)
          reject('state', `Nur die neueste Version (${state.latestVersion}) kann eingereicht werden.`, [
            {
              pointer: '/version',
              code: 'version.expected',
              params: { expected: state.latestVersion },
              message: `Erwartet wird Version ${state.latestVersion}.`,
            },
          ]);
        const v = versionOf(version);
        if (v.status !== 'draft')
          reject(
            'state',
            `Version ${version} ist ${VERSION_STATUS_LABELS[v.status]}; bitte legen Sie eine neue Version an, um erneut einzureichen.`,
          );
        if (state.status === 'active' && state.validUntil && v.validUntil <= state.validUntil)
          reject('invalid', 'Eine Verlängerung muss die Gültigkeit verlängern.', [
            {
              pointer: '/validUntil',
              code: 'date.min',
              params: { after: state.validUntil },
              message: `Das Ende muss nach dem ${germanDate(state.validUntil)} liegen.`,
            },
          ]);
        if (typeof committeeRequired !== 'boolean')
          reject('invalid', 'Bitte geben Sie an, ob der Jugendhilfeausschuss beteiligt wird.', [
            { pointer: '/committeeRequired', code: 'type.boolean', message: 'Bitte „ja“ oder „nein“ angeben.' },
          ]);
        const selection = { committeeRequired, optionalStages, partyKinds };
        if ((approvers ?? state.assignments).length === 0)
          reject('invalid', 'Bitte benennen Sie für jede Partei jeder Stufe, wer entscheidet.', [
            { pointer: '/approvers', code: 'required', message: 'Bei der ersten Einreichung bitte die Entscheidenden benennen.' },
          ]);
        // A resubmission reuses the assignments of the parties that are still parties of the agreement.
        const problems = checkAssignments(spec(), selection, approvers ?? relevantAssignments(spec(), selection, state.assignments));
        if (problems.length > 0)
          reject('invalid', 'Die benannten Entscheidenden passen nicht zu den Freigabestufen; nichts wurde geändert.', problems);
      },
    },
  );

  setHandler(
    agreementUpdates.decide,
    async ({ round: roundNo, stageKey, partyKey, decision, resolutionNumber, resolutionDate, actorId, recordId }) => {
      const now = new Date();
      const round = state.approval!;
      const stage = round.stages.find((s) => s.key === stageKey)!;
      const party = stage.parties.find((p) => p.key === partyKey)!;
      party.decision = {
        decision,
        actorId,
        at: now.toISOString(),
        round: roundNo,
        version: round.version,
        ...(stage.committee ? { resolutionNumber, resolutionDate } : {}),
        ...(recordId ? { recordId } : {}),
      };
      const outcome = evaluateStage(stage);
      const events: ProcessEvent[] = [
        {
          kind: decision === 'approve' ? 'approved' : 'rejected',
          actorId,
          details: {
            round: roundNo,
            version: round.version,
            stageKey,
            partyKey,
            ...(stage.committee ? { resolutionNumber, resolutionDate } : {}),
          },
        },
      ];
      const extra: ScheduleRequest[] = [];
      if (outcome === 'passed') {
        stage.status = 'passed';
        stage.completedAt = now.toISOString();
        events.push({ kind: 'stage_passed', details: { round: roundNo, stageKey } });
        const next = round.stages.find((s) => s.status === 'pending');
        if (next) startStage(next, spec(), now);
        else if (activate(now)) {
          events.push({ kind: 'activated', details: { version: round.version, validFrom: state.validFrom, validUntil: state.validUntil } });
        } else {
          const { validFrom, validUntil, startsAt } = state.scheduled!;
          events.push({ kind: 'approval_passed', details: { version: round.version, validFrom, validUntil, startsAt } });
        }
      } else if (outcome === 'rejected') {
        stage.completedAt = now.toISOString();
        endRound('rejected', now);
        state.lastRejection = { round: roundNo, version: round.version, stageKey, partyKey, actorId, at: now.toISOString() };
        events.push({
          kind: 'approval_rejected',
          details: { round: roundNo, version: round.version, stageKey, partyKey, status: state.status },
        });
        extra.push({
          key: `${prefix}/r${roundNo}/rejected`,
          dueAt: now.toISOString(),
          recipients: [{ type: 'user', id: state.coordinatorId }],
          template: 'agreement-rejected',
          context: { subjectTitle: subjectTitle(), stageTitle: stage.title, partyTitle: party.title, version: round.version, link },
        });
      }
      for (const [i, event] of events.entries()) await persist(event, i === events.length - 1 ? extra : []);
      return {
        round: roundNo,
        version: round.version,
        stageKey,
        partyKey,
        decision,
        stageStatus: stage.status,
        agreementStatus: state.status,
      };
    },
    {
      validator: ({ round: roundNo, stageKey, partyKey, decision, resolutionNumber, resolutionDate, actorId }) => {
        const round = state.approval;
        if (!round || round.status !== 'running' || round.round !== roundNo)
          reject('state', 'Diese Freigaberunde ist beendet; es ist nichts zu entscheiden.', [
            {
              pointer: '/round',
              code: 'round.ended',
              message: 'Das ist nicht die laufende Freigaberunde; bitte laden Sie die Vereinbarung neu.',
            },
          ]);
        const stage = round.stages.find((s) => s.key === stageKey);
        if (!stage)
          reject('notFound', 'Diese Stufe gehört nicht zur Freigabe.', [
            { pointer: '/stageKey', code: 'unknown-stage', params: { stageKey }, message: 'Diese Stufe gehört nicht zur Freigabe.' },
          ]);
        const party = stage.parties.find((p) => p.key === partyKey);
        if (!party)
          reject('notFound', `Die Stufe „${stage.title}“ hat diese Partei nicht.`, [
            {
              pointer: '/partyKey',
              code: 'unknown-party',
              params: { stageKey, partyKey },
              message: 'Diese Partei entscheidet nicht in dieser Stufe.',
            },
          ]);
        if (!party.approverIds.includes(actorId))
          reject('forbidden', `Sie sind nicht benannt, für „${party.title}“ in der Stufe „${stage.title}“ zu entscheiden.`);
        if (party.decision) {
          const d = party.decision;
          if (d.actorId === actorId)
            reject(
              'state',
              `Sie haben bereits am ${germanDateTime(d.at)} entschieden (${DECISION_LABELS[d.decision]}); nichts wurde geändert.`,
            );
          reject(
            'state',
            `Für „${party.title}“ hat bereits eine andere Person am ${germanDateTime(d.at)} entschieden (${DECISION_LABELS[d.decision]}); nichts wurde geändert.`,
          );
        }
        if (stage.status === 'pending')
          reject('state', `Die Stufe „${stage.title}“ ist noch nicht offen; bitte warten Sie die vorherigen Stufen ab.`);
        if (stage.status !== 'active')
          reject('state', `Die Stufe „${stage.title}“ ist ${STAGE_STATUS_LABELS[stage.status]}; nichts wurde geändert.`);
        if (!partiesOnTurn(stage).includes(party))
          reject(
            'state',
            `In der Stufe „${stage.title}“ wird nacheinander entschieden; zuerst entscheidet „${partiesOnTurn(stage)[0]?.title}“.`,
          );
        const p = new Problems();
        p.oneOf(decision, '/decision', ['approve', 'reject'] as const);
        if (stage.committee) {
          p.text(resolutionNumber, '/resolutionNumber', 100);
          p.date(resolutionDate, '/resolutionDate');
        }
        if (!p.ok)
          reject(
            'invalid',
            stage.committee
              ? 'Zu einem Ausschussbeschluss gehören Beschlussnummer und Beschlussdatum.'
              : 'Die Entscheidung ist unvollständig oder fehlerhaft; nichts wurde geändert.',
            p.list,
          );
      },
    },
  );

  setHandler(
    agreementUpdates.terminate,
    async ({ reason, actorId }) => {
      const now = new Date();
      if (running()) endRound('withdrawn', now);
      state.status = 'terminated';
      state.terminatedAt = now.toISOString();
      await persist({ kind: 'terminated', actorId, details: { reason: reason ?? null, activeVersion: state.activeVersion ?? null } });
      return state;
    },
    { validator: (_input) => requireOpen() },
  );

  setHandler(
    migrateDefinitionUpdate,
    async ({ definition, actorId }) => {
      const from = state.definition.version;
      state.definition = definition as typeof state.definition;
      // The running round keeps its stages; the next round and the renewal timing follow the new version.
      if (state.expiresAt) state.renewalDueAt = addDuration(new Date(state.expiresAt), spec().renewalLeadTime, -1).toISOString();
      await persist({ kind: 'definition_migrated', actorId, details: { fromVersion: from, toVersion: definition.version } });
      return {
        fromVersion: from,
        toVersion: definition.version,
        plan: { compatible: true, dueDateChanges: [], addedSteps: [], removedSteps: [] },
      };
    },
    {
      validator: ({ definition }) => {
        requireOpen();
        if (definition?.key !== 'cooperation-agreement')
          reject('invalid', `Eine Definition „${String(definition?.key)}“ kann diese Vereinbarung nicht steuern.`);
        if (definition.version <= state.definition.version)
          reject('state', `Die Vereinbarung läuft bereits mit Version ${state.definition.version} der Definition; nichts wurde geändert.`);
      },
    },
  );

  setHandler(agreementStateQuery, () => state);

  // --- main loop: approver deadlines, renewal, expiry ---------------------------------------------

  await persist({
    kind: 'drafted',
    actorId: state.coordinatorId,
    details: { version: input.firstVersion.version, definitionVersion: state.definition.version },
  });

  while (!finished()) {
    const activeStages = (state.approval?.status === 'running' ? state.approval.stages : []).filter(
      (s) => s.status === 'active' && !s.overdue,
    );
    const renewalWatched = () => state.status === 'active' && !state.renewalDue && !!state.renewalDueAt && !state.scheduled;
    const timers = [
      ...activeStages.map((s) => Date.parse(s.dueAt!)),
      renewalWatched() ? Date.parse(state.renewalDueAt!) : Infinity,
      state.status === 'active' && state.expiresAt ? Date.parse(state.expiresAt) : Infinity,
      ...(state.scheduled ? [Date.parse(state.scheduled.startsAt)] : []),
    ];
    if (!(await runtime.wake(timers))) continue;

    const now = Date.now();
    const scheduled = state.scheduled;
    if (scheduled && Date.parse(scheduled.startsAt) <= now) {
      state.scheduled = undefined;
      putInForce(scheduled.version, scheduled.validFrom, scheduled.validUntil);
      await persist({
        kind: 'activated',
        details: { version: scheduled.version, validFrom: scheduled.validFrom, validUntil: scheduled.validUntil },
      });
      continue;
    }
    for (const stage of activeStages.filter((s: StageApproval) => s.status === 'active' && Date.parse(s.dueAt!) <= now)) {
      stage.overdue = true;
      const escalatedTo = spec().approvalStages.find((s) => s.key === stage.key)?.escalationRole ?? null;
      await persist({
        kind: 'stage_overdue',
        details: {
          round: state.approval!.round,
          stageKey: stage.key,
          dueAt: stage.dueAt,
          undecided: partiesOnTurn(stage).map((p) => p.key),
          escalatedTo,
        },
      });
    }
    if (renewalWatched() && Date.parse(state.renewalDueAt!) <= now) {
      state.renewalDue = true;
      await persist({
        kind: 'renewal_due',
        details: { version: state.activeVersion, validUntil: state.validUntil, renewalDueAt: state.renewalDueAt },
      });
    }
    if (state.status === 'active' && state.expiresAt && Date.parse(state.expiresAt) <= now) {
      // A renewal approved for a later start: the agreement waits for it instead of lapsing.
      state.status = state.scheduled ? 'approved' : 'expired';
      await persist({
        kind: 'expired',
        details: {
          version: state.activeVersion,
          validUntil: state.validUntil,
          renewalInApproval: running() ? state.approval!.version : null,
        },
      });
    }
  }
  await runtime.finish(() => reminders.disarm());
  return state;
}
