import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { AgreementRepository, AgreementService, AgreementVersion, CooperationAgreement } from '@sro/agreements';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { AppConfig } from '@sro/config';
import type { DefinitionsService } from '@sro/definitions';
import type { AssignmentsService } from '@sro/reference-data';
import type { ApprovalRound, PartyApproval } from '@sro/workflows/contracts';
import { pinnedAgreementDefinition } from '../factories/agreements';

const REGION = '00000000-0000-4000-8000-000000000001';
const OTHER_REGION = '00000000-0000-4000-8000-000000000002';
const SPACE = '00000000-0000-4000-8000-000000000011';
const PARTNER = '00000000-0000-4000-8000-000000000021';
const AGREEMENT = '00000000-0000-4000-8000-000000000031';

const coordinator: Principal = { sub: 'demo-coordinator', roles: [Role.Coordinator] };
const approver = (sub: string): Principal => ({ sub, roles: [Role.Approver] });

function agreement(change: Partial<CooperationAgreement> = {}): CooperationAgreement {
  return {
    id: AGREEMENT,
    reference: 'KV-TEST01',
    title: 'Dreiseitiger Vertrag',
    kind: 'three_party',
    status: 'draft',
    planningRegionId: REGION,
    coordinatorId: 'demo-coordinator',
    parties: [
      { kind: 'contract_partner', refId: PARTNER, name: 'Stadt Teltow' },
      { kind: 'landkreis', refId: null, name: 'Landkreis' },
    ],
    socialSpaceIds: [SPACE],
    workflowId: `cooperation-agreement/${AGREEMENT}`,
    definitionVersion: 1,
    latestVersion: 1,
    activeVersion: null,
    validFrom: null,
    validUntil: null,
    renewalDueAt: null,
    approval: null,
    lastRejection: null,
    approverIds: [],
    terminationReason: null,
    stateRevision: 1,
    createdBy: 'demo-coordinator',
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-01T00:00:00Z'),
    ...change,
  };
}

function party(key: string, approverIds: string[], decided?: string): PartyApproval {
  return {
    key,
    title: `Partei ${key}`,
    kind: 'free_provider',
    approverIds,
    decision: decided ? { decision: 'approve', actorId: decided, at: '2026-11-02T00:00:00.000Z', round: 1, version: 1 } : undefined,
  };
}

function runningRound(parties: PartyApproval[]): ApprovalRound {
  return {
    round: 1,
    version: 1,
    validFrom: '2027-01-01',
    validUntil: '2029-12-31',
    renewal: false,
    committeeRequired: false,
    optionalStages: [],
    status: 'running',
    submittedAt: '2026-11-01T00:00:00.000Z',
    submittedBy: 'demo-coordinator',
    stages: [
      {
        key: 'parties',
        title: 'Zustimmung der Vertragsparteien',
        mode: 'parallel',
        quorum: parties.length,
        committee: false,
        status: 'active',
        parties,
      },
    ],
  };
}

const draftInput = (change: Record<string, unknown> = {}) => ({
  title: 'Dreiseitiger Vertrag',
  kind: 'three_party' as const,
  planningRegionId: REGION,
  parties: [],
  socialSpaceIds: [SPACE],
  body: 'Text',
  validFrom: '2027-01-01',
  validUntil: '2029-12-31',
  ...change,
});

/** The service with fake repository, workflow handle and registry; each test changes what it needs. */
function setup(options: { stored?: CooperationAgreement; approval?: ApprovalRound; regions?: string[] } = {}) {
  const repo = {
    // The approval round as the read model holds it (the workflow writes it with every change).
    findById: jest.fn(async (_id: string) =>
      options.stored ? { ...options.stored, approval: options.approval ?? options.stored.approval ?? null } : null,
    ),
    planningRegionExists: jest.fn(async (id: string) => id === REGION || id === OTHER_REGION),
    partyName: jest.fn(async (_kind: string, id: string) => (id === PARTNER ? 'Stadt Teltow' : null)),
    existingSocialSpaceIds: jest.fn(async (ids: string[]) => new Set(ids.filter((s) => s === SPACE))),
    activeApproverIds: jest.fn(async (ids: string[]) => new Set(ids.filter((u) => u.startsWith('ap-')))),
    insertDraft: jest.fn(async () => undefined),
    delete: jest.fn(async () => undefined),
    updateDraftMeta: jest.fn(async () => undefined),
    transaction: jest.fn(async <T>(work: (tx: never) => Promise<T>) => work(undefined as never)),
    insertPendingVersion: jest.fn(async () => undefined),
    removePendingVersion: jest.fn(async () => undefined),
    findVersion: jest.fn(async (agreementId: string, version: number) => ({ agreementId, version }) as AgreementVersion),
    insertDecision: jest.fn(async () => undefined),
    removeDecision: jest.fn(async () => undefined),
  } satisfies Partial<Record<keyof AgreementRepository, unknown>>;
  const handle = {
    describe: jest.fn(async (): Promise<unknown> => ({})),
    query: jest.fn(async () => ({ status: options.stored?.status ?? 'draft', approval: options.approval })),
    executeUpdate: jest.fn(async (_update: unknown, _options: unknown): Promise<unknown> => ({
      stageStatus: 'active',
      agreementStatus: 'in_approval',
    })),
  };
  const temporal = { workflow: { start: jest.fn(async () => undefined), getHandle: jest.fn(() => handle) } };
  const definitions = { published: jest.fn(async () => pinnedAgreementDefinition()) } satisfies Partial<
    Record<keyof DefinitionsService, unknown>
  >;
  const assignments = {
    of: jest.fn(async () => ({ planningRegionIds: options.regions ?? [REGION], socialSpaceIds: [] })),
    assertCoordinates: jest.fn(async () => undefined),
  } satisfies Partial<Record<keyof AssignmentsService, unknown>>;
  const config = { temporal: { taskQueue: 'test' } } as AppConfig;
  const service = new AgreementService(
    repo as unknown as AgreementRepository,
    temporal as unknown as Client,
    config,
    definitions as unknown as DefinitionsService,
    assignments as unknown as AssignmentsService,
  );
  return { service, repo, handle, temporal };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('AgreementService drafting', () => {
  it('refuses an unknown planning region and writes nothing', async () => {
    const { service, repo } = setup();
    const error = await refusal(service.create(coordinator, draftInput({ planningRegionId: '00000000-0000-4000-8000-0000000000ff' })));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.problems.map((p) => p.pointer)).toEqual(['/planningRegionId']);
    expect(repo.insertDraft).not.toHaveBeenCalled();
  });

  it('refuses a coordinator drafting for a planning region they do not coordinate', async () => {
    const { service, repo } = setup();
    expect((await refusal(service.create(coordinator, draftInput({ planningRegionId: OTHER_REGION })))).code).toBe(ErrorCode.Forbidden);
    expect(repo.insertDraft).not.toHaveBeenCalled();
  });

  it('refuses a validity that ends before it starts', async () => {
    const { service } = setup();
    const error = await refusal(service.create(coordinator, draftInput({ validFrom: '2029-01-01', validUntil: '2028-01-01' })));
    expect(error.problems).toEqual([
      {
        pointer: '/validUntil',
        code: 'date.min',
        params: { after: '2029-01-01' },
        message: 'Das Ende der Gültigkeit muss nach dem Beginn (01.01.2029) liegen.',
      },
    ]);
  });

  it('names every unknown, repeated or misnamed party and social space by pointer', async () => {
    const { service } = setup();
    const unknownPartner = '00000000-0000-4000-8000-0000000000ee';
    const unknownSpace = '00000000-0000-4000-8000-0000000000dd';
    const error = await refusal(
      service.create(
        coordinator,
        draftInput({
          parties: [
            { kind: 'contract_partner', refId: PARTNER },
            { kind: 'contract_partner', refId: PARTNER },
            { kind: 'landkreis', refId: PARTNER },
            { kind: 'municipality', name: 'Teltow' },
            { kind: 'contract_partner', refId: unknownPartner },
          ],
          socialSpaceIds: [SPACE, unknownSpace],
        }),
      ),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.problems).toEqual([
      { pointer: '/parties/1', code: 'duplicate', message: 'Diese Partei ist doppelt genannt.' },
      {
        pointer: '/parties/2/refId',
        code: 'not-applicable',
        message: 'Der Landkreis hat keine Kennung im Verzeichnis; bitte leer lassen.',
      },
      { pointer: '/parties/3/name', code: 'not-applicable', message: 'Der Name kommt aus dem Verzeichnis; bitte leer lassen.' },
      { pointer: '/parties/3/refId', code: 'required', message: 'Bitte die Kommune aus der Liste auswählen.' },
      {
        pointer: '/parties/4/refId',
        code: 'unknown-reference',
        message: 'Diesen Eintrag (Vertragspartner) gibt es nicht; bitte wählen Sie einen aus der Liste.',
      },
      { pointer: '/socialSpaceIds/1', code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' },
    ]);
  });

  it('takes the draft back when its workflow did not start, and keeps it when Temporal cannot say', async () => {
    const { service, repo, temporal, handle } = setup();
    temporal.workflow.start.mockRejectedValueOnce(new Error('Temporal is down'));
    handle.describe.mockRejectedValueOnce(new WorkflowNotFoundError('not found', 'cooperation-agreement/x', undefined));
    await expect(service.create(coordinator, draftInput())).rejects.toThrow('Temporal is down');
    expect(repo.insertDraft).toHaveBeenCalledTimes(1);
    const [row] = repo.insertDraft.mock.calls[0] as unknown as [{ id: string }];
    expect(repo.delete).toHaveBeenCalledWith(row.id);

    // The start may have happened (its answer was lost): the draft stays for the running workflow.
    temporal.workflow.start.mockRejectedValueOnce(new Error('deadline exceeded'));
    handle.describe.mockRejectedValueOnce(new Error('unavailable'));
    await expect(service.create(coordinator, draftInput())).rejects.toThrow('deadline exceeded');
    expect(repo.delete).toHaveBeenCalledTimes(1);
  });

  it('changes parties only while the agreement is a draft', async () => {
    const { service, repo } = setup({ stored: agreement({ status: 'in_approval' }) });
    const error = await refusal(
      service.update(coordinator, AGREEMENT, { title: 'Neu', kind: 'cooperation', parties: [], socialSpaceIds: [] }),
    );
    expect(error.code).toBe(ErrorCode.InvalidState);
    expect(repo.updateDraftMeta).not.toHaveBeenCalled();
  });

  it('refuses every change to an agreement that has ended', async () => {
    const { service, repo, handle } = setup({ stored: agreement({ status: 'terminated' }) });
    expect(
      (await refusal(service.revise(coordinator, AGREEMENT, { body: 'x', validFrom: '2027-01-01', validUntil: '2028-01-01' }))).code,
    ).toBe(ErrorCode.InvalidState);
    expect((await refusal(service.terminate(coordinator, AGREEMENT, 'noch einmal'))).code).toBe(ErrorCode.InvalidState);
    expect(repo.insertPendingVersion).not.toHaveBeenCalled();
    expect(handle.executeUpdate).not.toHaveBeenCalled();
  });

  it('commits the next version after the one the workflow took, without status, then sends the update; a refusal removes it', async () => {
    const { service, repo, handle } = setup({ stored: agreement({ status: 'draft', latestVersion: 2 }) });
    await expect(
      service.revise(coordinator, AGREEMENT, { body: 'Neu', validFrom: '2027-01-01', validUntil: '2029-12-31' }),
    ).resolves.toMatchObject({ version: 3 });
    expect(repo.transaction).not.toHaveBeenCalled();
    expect(repo.insertPendingVersion).toHaveBeenCalledWith(
      expect.objectContaining({ agreementId: AGREEMENT, version: 3, body: 'Neu', attachments: [], changeNote: null }),
    );
    expect(handle.executeUpdate).toHaveBeenCalledWith(expect.anything(), {
      args: [expect.objectContaining({ version: 3, actorId: 'demo-coordinator' })],
    });
    expect(repo.insertPendingVersion.mock.invocationCallOrder[0]).toBeLessThan(handle.executeUpdate.mock.invocationCallOrder[0]);
    expect(repo.removePendingVersion).not.toHaveBeenCalled();

    handle.executeUpdate.mockRejectedValueOnce(
      new WorkflowUpdateFailedError('refused', ApplicationFailure.create({ type: ErrorCode.InvalidState, message: 'Freigabe läuft.' })),
    );
    const error = await refusal(service.revise(coordinator, AGREEMENT, { body: 'Neu', validFrom: '2027-01-01', validUntil: '2029-12-31' }));
    expect(error.code).toBe(ErrorCode.InvalidState);
    expect(repo.removePendingVersion).toHaveBeenCalledWith(AGREEMENT, 3);
  });

  it('answers a concurrent revision of the same number as a conflict', async () => {
    const { service, repo, handle } = setup({ stored: agreement({ status: 'draft' }) });
    repo.insertPendingVersion.mockRejectedValueOnce(Object.assign(new Error('duplicate key'), { code: '23505' }));
    const error = await refusal(service.revise(coordinator, AGREEMENT, { body: 'Neu', validFrom: '2027-01-01', validUntil: '2029-12-31' }));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(handle.executeUpdate).not.toHaveBeenCalled();
  });
});

describe('AgreementService submission', () => {
  it('refuses to submit an agreement with fewer than two parties', async () => {
    const { service, handle } = setup({ stored: agreement({ parties: [] }) });
    const error = await refusal(service.submit(coordinator, AGREEMENT, { approvers: [] }));
    expect(error.problems.map((p) => p.pointer)).toEqual(['/parties']);
    expect(handle.executeUpdate).not.toHaveBeenCalled();
  });

  it('names only active approvers, pointing at each one that is not', async () => {
    const { service, handle } = setup({ stored: agreement() });
    const error = await refusal(
      service.submit(coordinator, AGREEMENT, {
        approvers: [
          { stageKey: 'parties', partyKey: 'municipality', approverIds: ['ap-municipality', 'not-an-approver'] },
          { stageKey: 'parties', partyKey: 'landkreis', approverIds: ['ap-landkreis'] },
        ],
      }),
    );
    expect(error.problems).toEqual([
      {
        pointer: '/approvers/0/approverIds/1',
        code: 'user.role',
        params: { roles: ['approver'] },
        message: 'Diese Person ist nicht aktiv oder hat nicht die Rolle Freigabe.',
      },
    ]);
    expect(handle.executeUpdate).not.toHaveBeenCalled();
  });
});

describe('AgreementService decisions', () => {
  const decide = (options: Parameters<typeof setup>[0], who: string, input: Partial<Parameters<AgreementService['decide']>[2]> = {}) => {
    const fakes = setup({ stored: agreement({ status: 'in_approval' }), ...options });
    return { ...fakes, result: fakes.service.decide(approver(who), AGREEMENT, { stageKey: 'parties', decision: 'approve', ...input }) };
  };

  it('refuses a decision while no approval round runs', async () => {
    const { result, repo } = decide({}, 'ap-municipality');
    expect((await refusal(result)).code).toBe(ErrorCode.InvalidState);
    expect(repo.insertDecision).not.toHaveBeenCalled();
  });

  it('refuses a stage the round does not have', async () => {
    const { result } = decide({ approval: runningRound([party('municipality', ['ap-municipality'])]) }, 'ap-municipality', {
      stageKey: 'committee',
    });
    expect((await refusal(result)).problems.map((p) => p.pointer)).toEqual(['/stageKey']);
  });

  it('refuses an approver the stage does not name', async () => {
    const { result, repo } = decide({ approval: runningRound([party('municipality', ['ap-municipality'])]) }, 'ap-provider');
    expect((await refusal(result)).code).toBe(ErrorCode.Forbidden);
    expect(repo.insertDecision).not.toHaveBeenCalled();
  });

  it('refuses a party the approver is not named for', async () => {
    const approval = runningRound([party('municipality', ['ap-municipality']), party('provider', ['ap-provider'])]);
    const { result } = decide({ approval }, 'ap-provider', { partyKey: 'municipality' });
    expect((await refusal(result)).code).toBe(ErrorCode.Forbidden);
  });

  it('asks an approver named for several parties to say which one', async () => {
    const approval = runningRound([party('municipality', ['ap-both']), party('provider', ['ap-both'])]);
    const { result } = decide({ approval }, 'ap-both');
    const error = await refusal(result);
    expect(error.problems).toEqual([
      {
        pointer: '/partyKey',
        code: 'enum',
        params: { allowed: ['municipality', 'provider'] },
        message: 'Bitte eine Partei wählen: Partei municipality, Partei provider.',
      },
    ]);
  });

  it('answers a second decision for the same party with a conflict, naming who decided', async () => {
    const approval = runningRound([party('municipality', ['ap-municipality', 'ap-deputy'], 'ap-deputy')]);
    const { result, repo } = decide({ approval }, 'ap-municipality');
    const error = await refusal(result);
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.message).toMatch(
      /^Für „Partei municipality“ hat bereits eine andere Person am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr entschieden \(Zustimmung\); nichts wurde geändert\.$/,
    );
    expect(repo.insertDecision).not.toHaveBeenCalled();
  });

  it('requires a comment for a rejection', async () => {
    const { result } = decide({ approval: runningRound([party('municipality', ['ap-municipality'])]) }, 'ap-municipality', {
      decision: 'reject',
      comment: '  ',
    });
    expect((await refusal(result)).problems).toEqual([
      { pointer: '/comment', code: 'required', message: 'Bitte begründen Sie die Ablehnung.' },
    ]);
  });

  it('commits the decision with its comment unaccepted, then sends it with the row id as the update id (no transaction across the update)', async () => {
    const { result, repo, handle } = decide({ approval: runningRound([party('municipality', ['ap-municipality'])]) }, 'ap-municipality', {
      comment: 'Einverstanden',
    });
    await expect(result).resolves.toMatchObject({ agreementStatus: 'in_approval' });
    expect(repo.transaction).not.toHaveBeenCalled();
    const [[row]] = repo.insertDecision.mock.calls as unknown as Array<[{ id: string }]>;
    expect(row).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        agreementId: AGREEMENT,
        round: 1,
        version: 1,
        stageKey: 'parties',
        partyKey: 'municipality',
        approverId: 'ap-municipality',
        decision: 'approve',
        comment: 'Einverstanden',
      }),
    );
    expect(handle.executeUpdate).toHaveBeenCalledWith(expect.anything(), {
      updateId: row.id,
      args: [expect.objectContaining({ round: 1, partyKey: 'municipality', actorId: 'ap-municipality', recordId: row.id })],
    });
    expect(repo.insertDecision.mock.invocationCallOrder[0]).toBeLessThan(handle.executeUpdate.mock.invocationCallOrder[0]);
    expect(repo.removeDecision).not.toHaveBeenCalled();
  });

  it('removes the decision when the workflow refuses it, and keeps it when the answer is lost', async () => {
    const refused = setup({
      stored: agreement({ status: 'in_approval' }),
      approval: runningRound([party('municipality', ['ap-municipality'])]),
    });
    refused.handle.executeUpdate.mockRejectedValueOnce(
      new WorkflowUpdateFailedError(
        'refused',
        ApplicationFailure.create({ type: ErrorCode.InvalidState, message: 'Bereits entschieden.' }),
      ),
    );
    const error = await refusal(
      refused.service.decide(approver('ap-municipality'), AGREEMENT, { stageKey: 'parties', decision: 'approve' }),
    );
    expect(error.code).toBe(ErrorCode.InvalidState);
    const [[row]] = refused.repo.insertDecision.mock.calls as unknown as Array<[{ id: string }]>;
    expect(refused.repo.removeDecision).toHaveBeenCalledWith(row.id);

    const lost = setup({
      stored: agreement({ status: 'in_approval' }),
      approval: runningRound([party('municipality', ['ap-municipality'])]),
    });
    lost.handle.executeUpdate.mockRejectedValueOnce(new Error('deadline exceeded'));
    await expect(lost.service.decide(approver('ap-municipality'), AGREEMENT, { stageKey: 'parties', decision: 'approve' })).rejects.toThrow(
      'deadline exceeded',
    );
    expect(lost.repo.removeDecision).not.toHaveBeenCalled();
  });
});

describe('AgreementService visibility', () => {
  it('hides an agreement from an approver it never named and from coordinators of other regions', async () => {
    expect(
      (await refusal(setup({ stored: agreement({ approverIds: ['ap-landkreis'] }) }).service.versions(approver('ap-provider'), AGREEMENT)))
        .code,
    ).toBe(ErrorCode.NotFound);
    expect((await refusal(setup({ stored: agreement(), regions: [OTHER_REGION] }).service.versions(coordinator, AGREEMENT))).code).toBe(
      ErrorCode.NotFound,
    );
  });

  it('answers 404 for an agreement that does not exist', async () => {
    expect((await refusal(setup().service.decisions({ sub: 'demo-admin', roles: [Role.Admin] }, AGREEMENT))).code).toBe(ErrorCode.NotFound);
  });
});
