import { agreementStateQuery, agreementUpdates, WorkflowType } from '@sro/workflows/contracts';
import type { AgreementSnapshot, CooperationAgreementInput, DecideAgreementInput } from '@sro/workflows/contracts';
import { addDuration } from '@sro/workflows/shared/duration';
import { agreementInput, agreementSpec, dayFrom, pinnedAgreementDefinition, seedApprovers } from '../factories/agreements';
import { eventually } from '../support/eventually';
import { timeSkippingSuite } from '../support/time-skipping';

const DAY = 86_400_000;

describe('cooperation-agreement workflow (time-skipping)', () => {
  const suite = timeSkippingSuite('cav');
  const { taskQueue, fake } = suite;

  async function start(overrides: Partial<CooperationAgreementInput> = {}) {
    const input = agreementInput(await suite.env.currentTimeMs(), overrides);
    const handle = await suite.env.client.workflow.start(WorkflowType.CooperationAgreement, {
      taskQueue,
      workflowId: `cav-${input.agreementId}`,
      args: [input],
    });
    return { input, handle };
  }

  type Handle = Awaited<ReturnType<typeof start>>['handle'];
  const decide = (
    handle: Handle,
    round: number,
    partyKey: string,
    decision: 'approve' | 'reject' = 'approve',
    extra: Partial<DecideAgreementInput> = {},
  ) =>
    handle.executeUpdate(agreementUpdates.decide, {
      args: [{ round, stageKey: partyKey === 'jha' ? 'committee' : 'parties', partyKey, decision, actorId: `ap-${partyKey}`, ...extra }],
    });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: any) => ({ type: e.cause?.type as string, message: e.cause?.message as string, problems: e.cause?.details?.[0] }),
    );
  const snapshots = (agreementId: string): AgreementSnapshot[] =>
    fake.of('recordAgreementState').filter((s: AgreementSnapshot) => s.agreementId === agreementId);
  const lastSnapshot = (agreementId: string) =>
    snapshots(agreementId)
      .sort((a, b) => a.revision - b.revision)
      .at(-1)!;
  const events = (agreementId: string) =>
    fake
      .of('recordProcessEvent')
      .filter((e: any) => e.processId === agreementId)
      .map((e: any) => e.kind);
  const reminders = (prefix: string) =>
    fake
      .of('scheduleReminders')
      .flat()
      .filter((r: any) => r.key.startsWith(prefix));

  it('passes a parallel stage once its quorum approves; the undecided party has nothing left to decide', async () => {
    const { input, handle } = await start({
      definition: pinnedAgreementDefinition(agreementSpec((s) => (s.approvalStages[0].quorum = 2))),
    });
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    const submitted = await handle.query(agreementStateQuery);
    expect(submitted.status).toBe('in_approval');
    expect(submitted.approval!.stages.map((s) => [s.key, s.status])).toEqual([['parties', 'active']]); // the committee is optional and not required
    expect(
      lastSnapshot(input.agreementId)
        .pending.map((p) => p.approverId)
        .sort(),
    ).toEqual(['ap-landkreis', 'ap-municipality', 'ap-provider']);

    expect(await decide(handle, 1, 'municipality')).toMatchObject({ stageStatus: 'active', agreementStatus: 'in_approval' });
    expect(await decide(handle, 1, 'provider')).toMatchObject({ stageStatus: 'passed', agreementStatus: 'active' });

    const late = await failure(decide(handle, 1, 'landkreis'));
    expect(late).toMatchObject({ type: 'INVALID_STATE', message: 'Diese Freigaberunde ist beendet; es ist nichts zu entscheiden.' });
    const state = await handle.query(agreementStateQuery);
    expect(state).toMatchObject({ status: 'active', activeVersion: 1, validUntil: input.firstVersion.validUntil });
    expect(state.approval!.stages[0].parties.find((p) => p.key === 'landkreis')!.decision).toBeUndefined();
    await eventually(async () => lastSnapshot(input.agreementId).status === 'active', 10_000, 'active snapshot');
    expect(lastSnapshot(input.agreementId)).toMatchObject({
      pending: [],
      activeVersion: 1,
      versions: [{ version: 1, status: 'approved' }],
    });
    // The undecided party's reminders and the stage's escalation are withdrawn.
    const cancelled = fake.of('cancelReminders');
    expect(cancelled).toEqual(
      expect.arrayContaining([`cav/${input.agreementId}/r1/parties/p/landkreis`, `cav/${input.agreementId}/r1/parties/escalation`]),
    );
    expect(events(input.agreementId)).toEqual(['drafted', 'submitted', 'approved', 'approved', 'stage_passed', 'activated']);
  });

  it('lets only the named approvers decide, and a second click by the same approver changes nothing and says so', async () => {
    const { handle } = await start();
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });

    const stranger = await failure(decide(handle, 1, 'municipality', 'approve', { actorId: 'ap-provider' }));
    expect(stranger).toMatchObject({ type: 'FORBIDDEN', message: expect.stringContaining('Sie sind nicht benannt') });

    await decide(handle, 1, 'municipality');
    const before = await handle.query(agreementStateQuery);
    const again = await failure(decide(handle, 1, 'municipality', 'reject'));
    expect(again).toMatchObject({
      type: 'INVALID_STATE',
      message: expect.stringMatching(
        /^Sie haben bereits am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr entschieden \(Zustimmung\); nichts wurde geändert\.$/,
      ),
    });
    const after = await handle.query(agreementStateQuery);
    expect(after.revision).toBe(before.revision);
    expect(after.approval!.stages[0].parties[0].decision).toMatchObject({ decision: 'approve', actorId: 'ap-municipality' });
  });

  it('returns a rejected agreement to draft; a revision restarts at the rejected stage when the definition says so', async () => {
    const spec = agreementSpec((s) => (s.revisionRestarts = 'from_rejected_stage'));
    const { input, handle } = await start({ definition: pinnedAgreementDefinition(spec) });
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: true, approvers: seedApprovers(true), actorId: 'demo-coordinator' }],
    });
    // The committee stage waits for the parties.
    expect(await failure(decide(handle, 1, 'jha', 'approve', { resolutionNumber: 'JHA-1', resolutionDate: '2026-11-20' }))).toMatchObject({
      type: 'INVALID_STATE',
      message: expect.stringContaining('ist noch nicht offen'),
    });
    for (const party of ['municipality', 'provider', 'landkreis']) await decide(handle, 1, party);

    const noResolution = await failure(decide(handle, 1, 'jha', 'reject'));
    expect(noResolution).toMatchObject({ type: 'VALIDATION_FAILED' });
    expect(noResolution!.problems.map((p: any) => p.pointer)).toEqual(['/resolutionNumber', '/resolutionDate']);
    const rejected = await decide(handle, 1, 'jha', 'reject', { resolutionNumber: 'JHA-2026/017', resolutionDate: '2026-11-20' });
    expect(rejected).toMatchObject({ stageStatus: 'rejected', agreementStatus: 'draft' });
    const draft = await handle.query(agreementStateQuery);
    expect(draft.lastRejection).toMatchObject({ round: 1, version: 1, stageKey: 'committee', partyKey: 'jha', actorId: 'ap-jha' });
    expect(draft.approval!.stages[1].parties[0].decision).toMatchObject({ resolutionNumber: 'JHA-2026/017', resolutionDate: '2026-11-20' });
    expect(reminders(`cav/${input.agreementId}/r1/rejected`)).toEqual([
      expect.objectContaining({ template: 'agreement-rejected', recipients: [{ type: 'user', id: 'demo-coordinator' }] }),
    ]);

    // The rejected version cannot go round again unchanged.
    expect(
      await failure(
        handle.executeUpdate(agreementUpdates.submit, { args: [{ version: 1, committeeRequired: true, actorId: 'demo-coordinator' }] }),
      ),
    ).toMatchObject({ type: 'INVALID_STATE' });
    const now = await suite.env.currentTimeMs();
    const badRevision = await failure(
      handle.executeUpdate(agreementUpdates.revise, {
        args: [{ version: 2, validFrom: dayFrom(now, 60), validUntil: dayFrom(now, 30), actorId: 'demo-coordinator' }],
      }),
    );
    expect(badRevision).toMatchObject({
      type: 'VALIDATION_FAILED',
      problems: [
        {
          pointer: '/validUntil',
          code: 'date.min',
          params: { after: dayFrom(now, 60) },
          message: `Das Ende der Gültigkeit muss nach dem Beginn (${dayFrom(now, 60).split('-').reverse().join('.')}) liegen.`,
        },
      ],
    });
    await handle.executeUpdate(agreementUpdates.revise, {
      args: [{ version: 2, validFrom: dayFrom(now, 0), validUntil: dayFrom(now, 800), actorId: 'demo-coordinator' }],
    });
    const resubmitted = await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 2, committeeRequired: true, actorId: 'demo-coordinator' }],
    });
    expect(resubmitted.approval!.stages.map((s) => [s.key, s.status, !!s.carriedOver])).toEqual([
      ['parties', 'passed', true],
      ['committee', 'active', false],
    ]);
    expect(await decide(handle, 2, 'jha', 'approve', { resolutionNumber: 'JHA-2026/031', resolutionDate: '2026-12-04' })).toMatchObject({
      agreementStatus: 'active',
    });
    const active = await handle.query(agreementStateQuery);
    expect(active).toMatchObject({ status: 'active', activeVersion: 2, validUntil: dayFrom(now, 800) });
    expect(active.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'rejected'],
      [2, 'approved'],
    ]);
  });

  it('with revisionRestarts "all", every stage decides the revised version again', async () => {
    const { handle } = await start();
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    await decide(handle, 1, 'municipality');
    expect(await decide(handle, 1, 'landkreis', 'reject')).toMatchObject({ stageStatus: 'rejected', agreementStatus: 'draft' });
    const now = await suite.env.currentTimeMs();
    await handle.executeUpdate(agreementUpdates.revise, {
      args: [{ version: 2, validFrom: dayFrom(now, 30), validUntil: dayFrom(now, 400), actorId: 'demo-coordinator' }],
    });
    const round2 = await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 2, committeeRequired: false, actorId: 'demo-coordinator' }],
    });
    expect(round2.approval).toMatchObject({ round: 2, version: 2 });
    expect(round2.approval!.stages[0]).toMatchObject({ status: 'active' });
    expect(round2.approval!.stages[0].parties.every((p) => !p.decision)).toBe(true);
    // The municipality approved version 1, not version 2: it decides again.
    expect(await decide(handle, 2, 'municipality')).toMatchObject({ stageStatus: 'active' });
  });

  it('reminds the named approvers before the stage deadline, escalates to the coordinators at it, and still accepts the decisions', async () => {
    const { input, handle } = await start();
    const submitted = await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    const stage = submitted.approval!.stages[0];
    const due = new Date(stage.dueAt!);
    expect(due.getTime()).toBe(addDuration(new Date(stage.startedAt!), 'P30D').getTime());
    const base = `cav/${input.agreementId}/r1/parties`;
    await eventually(async () => reminders(base).length > 0, 10_000, 'approver reminders');
    const municipality = reminders(`${base}/p/municipality/`);
    expect(municipality.map((r: any) => [r.key.split('/').pop(), r.template])).toEqual([
      ['request', 'decision-due'],
      ['P7D', 'decision-due'],
      ['P2D', 'decision-due'],
    ]);
    expect(municipality.slice(1).map((r: any) => r.dueAt)).toEqual([
      new Date(due.getTime() - 7 * DAY).toISOString(),
      new Date(due.getTime() - 2 * DAY).toISOString(),
    ]);
    expect(municipality[0].recipients).toEqual([{ type: 'user', id: 'ap-municipality' }]);
    expect(municipality[0].context).toMatchObject({
      subjectTitle: 'Kooperationsvereinbarung KV-TEST01 – Zustimmung der Vertragsparteien',
      dueAt: stage.dueAt,
    });
    expect(reminders(`${base}/escalation/`)).toEqual([
      expect.objectContaining({
        dueAt: stage.dueAt,
        template: 'step-overdue',
        recipients: [{ type: 'role', role: 'coordinator', planningRegionId: input.planningRegionId }],
      }),
    ]);

    await decide(handle, 1, 'municipality');
    // The municipality decided: its remaining reminders go, the others stay.
    await eventually(async () => fake.of('cancelReminders').includes(`${base}/p/municipality`), 10_000, 'municipality reminders cancelled');
    expect(fake.of('cancelReminders')).not.toContain(`${base}/p/provider`);

    await suite.env.sleep(31 * DAY);
    await eventually(async () => events(input.agreementId).includes('stage_overdue'), 10_000, 'stage overdue');
    const overdue = fake.of('recordProcessEvent').find((e: any) => e.processId === input.agreementId && e.kind === 'stage_overdue');
    expect(overdue.details).toMatchObject({ stageKey: 'parties', undecided: ['provider', 'landkreis'], escalatedTo: 'coordinator' });
    expect((await handle.query(agreementStateQuery)).approval!.stages[0].overdue).toBe(true);

    await decide(handle, 1, 'provider');
    expect(await decide(handle, 1, 'landkreis')).toMatchObject({ agreementStatus: 'active' });
  });

  it('reminds the coordinator to renew the lead time before expiry and lets the agreement lapse when nobody renews', async () => {
    const now = await suite.env.currentTimeMs();
    const validUntil = dayFrom(now, 365);
    const { input, handle } = await start({ firstVersion: { version: 1, validFrom: dayFrom(now, 0), validUntil } });
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    for (const party of ['municipality', 'provider', 'landkreis']) await decide(handle, 1, party);
    const active = await handle.query(agreementStateQuery);
    const expiresAt = new Date(`${validUntil}T00:00:00.000Z`).getTime() + DAY;
    expect(active).toMatchObject({ status: 'active', expiresAt: new Date(expiresAt).toISOString() });
    expect(active.renewalDueAt).toBe(addDuration(expiresAt, 'P3M', -1).toISOString());

    await eventually(async () => reminders(`cav/${input.agreementId}/renewal/`).length === 2, 10_000, 'renewal reminders');
    const renewal = reminders(`cav/${input.agreementId}/renewal/`);
    expect(renewal.map((r: any) => [r.key.split('/').pop(), r.dueAt, r.template])).toEqual([
      ['P3M', addDuration(expiresAt, 'P3M', -1).toISOString(), 'agreement-renewal-due'],
      ['P1M', addDuration(expiresAt, 'P1M', -1).toISOString(), 'agreement-renewal-due'],
    ]);
    expect(renewal[0]).toMatchObject({ recipients: [{ type: 'user', id: 'demo-coordinator' }], context: { validUntil } });

    await suite.env.sleep(300 * DAY);
    await eventually(async () => events(input.agreementId).includes('renewal_due'), 10_000, 'renewal due');
    expect(await handle.query(agreementStateQuery)).toMatchObject({ status: 'active', renewalDue: true });

    const result = await handle.result(); // the server skips to the expiry
    expect(result.status).toBe('expired');
    expect(events(input.agreementId).slice(-2)).toEqual(['renewal_due', 'expired']);
    expect(lastSnapshot(input.agreementId)).toMatchObject({ status: 'expired', activeVersion: 1 });
    const process = fake
      .of('recordProcessState')
      .filter((p: any) => p.processId === input.agreementId)
      .sort((a: any, b: any) => a.revision - b.revision)
      .at(-1);
    expect(process.status).toBe('completed');
  });

  it('renews an active agreement: the new version runs the approval while the old one stays in force, then replaces it', async () => {
    const now = await suite.env.currentTimeMs();
    const { input, handle } = await start({ firstVersion: { version: 1, validFrom: dayFrom(now, 0), validUntil: dayFrom(now, 200) } });
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    for (const party of ['municipality', 'provider', 'landkreis']) await decide(handle, 1, party);

    const shorter = await failure(
      handle.executeUpdate(agreementUpdates.revise, {
        args: [{ version: 2, validFrom: dayFrom(now, 1), validUntil: dayFrom(now, 100), actorId: 'demo-coordinator' }],
      }),
    );
    expect(shorter).toMatchObject({
      type: 'VALIDATION_FAILED',
      problems: [{ pointer: '/validUntil', code: 'date.min', message: expect.stringContaining('Eine Verlängerung muss über den') }],
    });
    await handle.executeUpdate(agreementUpdates.revise, {
      args: [{ version: 2, validFrom: dayFrom(now, 201), validUntil: dayFrom(now, 900), actorId: 'demo-coordinator' }],
    });
    const renewing = await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 2, committeeRequired: false, actorId: 'demo-coordinator' }],
    });
    expect(renewing).toMatchObject({ status: 'active', activeVersion: 1, approval: { round: 2, renewal: true } });
    for (const party of ['municipality', 'provider', 'landkreis']) await decide(handle, 2, party);
    // Approved, the renewal waits for its validFrom; the first version stays in force until then.
    const waiting = await handle.query(agreementStateQuery);
    expect(waiting).toMatchObject({ status: 'active', activeVersion: 1, scheduled: { version: 2, validFrom: dayFrom(now, 201) } });
    expect(waiting.versions.map((v) => v.status)).toEqual(['approved', 'approved']);
    await suite.env.sleep(202 * DAY);
    await eventually(async () => events(input.agreementId).at(-1) === 'activated', 10_000, 'renewal in force');
    // Version 1 ends with day 200, version 2 begins with day 201: the agreement never lapsed in between.
    expect(events(input.agreementId).slice(-2)).toEqual(['approval_passed', 'activated']);
    expect(events(input.agreementId)).not.toContain('expired');
    const renewed = await handle.query(agreementStateQuery);
    expect(renewed).toMatchObject({ status: 'active', activeVersion: 2, validUntil: dayFrom(now, 900) });
    expect(renewed.versions.map((v) => v.status)).toEqual(['superseded', 'approved']);
    // The first version's renewal reminders were withdrawn when the renewal went into approval.
    expect(fake.of('cancelReminders')).toContain(`cav/${input.agreementId}/renewal/v1-d1-r1`);
  });

  it('shows an approved agreement as approved until its validFrom, then active with its renewal reminders', async () => {
    const now = await suite.env.currentTimeMs();
    const validFrom = dayFrom(now, 30);
    const { input, handle } = await start({ firstVersion: { version: 1, validFrom, validUntil: dayFrom(now, 400) } });
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    for (const party of ['municipality', 'provider']) await decide(handle, 1, party);
    expect(await decide(handle, 1, 'landkreis')).toMatchObject({ stageStatus: 'passed', agreementStatus: 'approved' });
    const approved = await handle.query(agreementStateQuery);
    expect(approved).toMatchObject({ status: 'approved', validFrom, scheduled: { version: 1, startsAt: `${validFrom}T00:00:00.000Z` } });
    expect(approved.activeVersion).toBeUndefined();
    await eventually(async () => lastSnapshot(input.agreementId).status === 'approved', 10_000, 'approved snapshot');
    expect(lastSnapshot(input.agreementId)).toMatchObject({
      activeVersion: null,
      validFrom,
      versions: [{ version: 1, status: 'approved' }],
    });
    // Nothing to renew and no new version while it waits.
    expect(reminders(`cav/${input.agreementId}/renewal/`)).toEqual([]);
    expect(
      await failure(
        handle.executeUpdate(agreementUpdates.revise, {
          args: [{ version: 2, validFrom: dayFrom(now, 40), validUntil: dayFrom(now, 500), actorId: 'demo-coordinator' }],
        }),
      ),
    ).toMatchObject({ type: 'INVALID_STATE', message: expect.stringContaining(`gilt ab dem ${validFrom.split('-').reverse().join('.')}`) });

    await suite.env.sleep(29 * DAY);
    expect((await handle.query(agreementStateQuery)).status).toBe('approved');
    await suite.env.sleep(2 * DAY);
    await eventually(async () => (await handle.query(agreementStateQuery)).status === 'active', 10_000, 'active at validFrom');
    const active = await handle.query(agreementStateQuery);
    expect(active).toMatchObject({ activeVersion: 1, validFrom, validUntil: dayFrom(now, 400) });
    expect(active.scheduled).toBeUndefined();
    expect(events(input.agreementId).slice(-3)).toEqual(['stage_passed', 'approval_passed', 'activated']);
    await eventually(async () => lastSnapshot(input.agreementId).status === 'active', 10_000, 'active snapshot');
    await eventually(async () => reminders(`cav/${input.agreementId}/renewal/`).length > 0, 10_000, 'renewal reminders once in force');
  });

  it('a renewal approved to start after a gap: the agreement waits as approved instead of lapsing, then the renewal is active', async () => {
    const now = await suite.env.currentTimeMs();
    const { input, handle } = await start({ firstVersion: { version: 1, validFrom: dayFrom(now, 0), validUntil: dayFrom(now, 100) } });
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    for (const party of ['municipality', 'provider', 'landkreis']) await decide(handle, 1, party);
    await handle.executeUpdate(agreementUpdates.revise, {
      args: [{ version: 2, validFrom: dayFrom(now, 150), validUntil: dayFrom(now, 800), actorId: 'demo-coordinator' }],
    });
    await handle.executeUpdate(agreementUpdates.submit, { args: [{ version: 2, committeeRequired: false, actorId: 'demo-coordinator' }] });
    for (const party of ['municipality', 'provider', 'landkreis']) await decide(handle, 2, party);

    await suite.env.sleep(120 * DAY);
    await eventually(async () => events(input.agreementId).includes('expired'), 10_000, 'version 1 ended');
    expect(await handle.query(agreementStateQuery)).toMatchObject({ status: 'approved', activeVersion: 1, scheduled: { version: 2 } });
    await suite.env.sleep(31 * DAY);
    await eventually(async () => (await handle.query(agreementStateQuery)).status === 'active', 10_000, 'version 2 in force');
    expect(await handle.query(agreementStateQuery)).toMatchObject({
      activeVersion: 2,
      validFrom: dayFrom(now, 150),
      validUntil: dayFrom(now, 800),
    });
    expect(events(input.agreementId).slice(-3)).toEqual(['approval_passed', 'expired', 'activated']);
  });

  it('terminating withdraws a running approval and cancels its reminders', async () => {
    const { input, handle } = await start();
    await handle.executeUpdate(agreementUpdates.submit, {
      args: [{ version: 1, committeeRequired: false, approvers: seedApprovers(), actorId: 'demo-coordinator' }],
    });
    await handle.executeUpdate(agreementUpdates.terminate, {
      args: [{ reason: 'Träger gibt das Familienzentrum auf', actorId: 'demo-coordinator' }],
    });
    const result = await handle.result();
    expect(result).toMatchObject({ status: 'terminated', approval: { status: 'withdrawn' } });
    expect(result.versions[0].status).toBe('withdrawn');
    for (const party of ['municipality', 'provider', 'landkreis'])
      expect(fake.of('cancelReminders')).toContain(`cav/${input.agreementId}/r1/parties/p/${party}`);
    expect(lastSnapshot(input.agreementId)).toMatchObject({ status: 'terminated', pending: [] });
  });
});
