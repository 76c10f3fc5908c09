import type { EntityManager } from 'typeorm';
import type { CaseGrant, CaseService } from '@sro/cases';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { DefinitionsService } from '@sro/definitions';
import {
  JugendhilfedienstCaseFile,
  JugendhilfedienstCaseRepository,
  JugendhilfedienstService,
  JugendhilfedienstWorkflowClient,
  RetentionRepository,
  RiskAssessmentInput,
} from '@sro/jugendhilfedienst';
import type { AssignmentsService } from '@sro/reference-data';
import type { JugendhilfedienstCaseState } from '@sro/workflows/contracts';

const user: Principal = { sub: 'cw-1', roles: [Role.Caseworker] };
const SPACE = '00000000-0000-4000-8000-000000000001';
const CASE_ID = '00000000-0000-4000-8000-0000000000ca';

const caseFile = (overrides: Partial<JugendhilfedienstCaseFile> = {}): JugendhilfedienstCaseFile => ({
  id: CASE_ID,
  pseudonym: 'F-ABC',
  socialSpaceId: SPACE,
  workflowId: `jugendhilfedienst-case-${CASE_ID}`,
  source: 'school',
  anonymousReport: false,
  reportedAt: new Date('2026-11-01T08:00:00Z'),
  legalHold: false,
  personal: { familyName: 'M', givenNames: ['L'], birthDates: ['2014-02-03'], address: '', familyMembers: [] },
  report: { text: 'Bericht', reporter: null },
  ...overrides,
});

const caseState = (overrides: Partial<JugendhilfedienstCaseState> = {}): JugendhilfedienstCaseState =>
  ({
    phase: 'risk_assessment',
    steps: [],
    definition: { key: 'jugendhilfedienst-case', version: 1, spec: { helpPlanReviewInterval: 'P6M' } },
    revision: 1,
    eventSequence: 1,
    ...overrides,
  }) as unknown as JugendhilfedienstCaseState;

const assessment = (overrides: Partial<RiskAssessmentInput> = {}): RiskAssessmentInput => ({
  professionals: [{ userId: 'cw-1', function: 'ASD-Fachkraft' }, { function: 'Insoweit erfahrene Fachkraft' }],
  parentsInvolved: true,
  childInvolved: true,
  homeVisit: true,
  result: 'latent',
  dangerKinds: ['neglect'],
  childSex: 'male',
  existingHelp: [],
  newHelp: [],
  familyCourt: false,
  details: 'Einschätzung',
  expectedHelpDuration: 'P9M',
  ...overrides,
});

/** The service with typed fakes; each test overrides what it needs. */
function setup(
  options: {
    file?: JugendhilfedienstCaseFile | undefined;
    state?: JugendhilfedienstCaseState;
    activeProfessionals?: string[];
    socialSpaceIds?: string[];
  } = {},
) {
  const file = 'file' in options ? options.file : caseFile();
  const state = options.state ?? caseState();
  const tx = {} as EntityManager;
  const caseFiles = {
    transaction: jest.fn(async <T>(work: (m: EntityManager) => Promise<T>) => work(tx)),
    find: jest.fn(async () => file),
    fromRow: jest.fn(() => file),
    planningRegionOf: jest.fn(async () => 'region-1'),
    activeProfessionalIds: jest.fn(async (ids: string[]) => ids.filter((id) => (options.activeProfessionals ?? ['cw-1']).includes(id))),
    insert: jest.fn(async () => 'F-2026-DRAWN2'),
    setZone: jest.fn(async (): Promise<'service' | null> => 'service'),
    restoreZone: jest.fn(async () => undefined),
    insertRiskAssessment: jest.fn(async () => undefined),
    removeStepRecord: jest.fn(async () => undefined),
    acceptNamedStepRecords: jest.fn(async () => undefined),
    insertHelpPlan: jest.fn(async () => undefined),
    // No read model yet by default: the help plan's review interval comes from the workflow then.
    definitionVersionOf: jest.fn(async (): Promise<number | undefined> => undefined),
    insertHelpPlanReview: jest.fn(async () => 'review-1'),
    stepRecords: jest.fn(async () => ({ riskAssessments: [], immediateProtections: [], helpPlans: [] })),
    insertImmediateProtection: jest.fn(async () => undefined),
  } satisfies Partial<Record<keyof JugendhilfedienstCaseRepository, unknown>>;
  const retention = {
    setLegalHold: jest.fn(async () => ({
      id: CASE_ID,
      legalHold: true,
      legalHoldAt: new Date(),
      legalHoldReason: 'Gerichtsverfahren',
      deletionDate: null,
    })),
  } satisfies Partial<Record<keyof RetentionRepository, unknown>>;
  const workflows = {
    workflowId: (caseId: string) => `jugendhilfedienst-case-${caseId}`,
    start: jest.fn(async () => undefined),
    state: jest.fn(async () => state),
    update: jest.fn(async () => state),
  } satisfies Partial<Record<keyof JugendhilfedienstWorkflowClient, unknown>>;
  const definitions = {
    published: jest.fn(async () => ({ key: 'jugendhilfedienst-case', version: 1, spec: {} })),
    pinnedVersion: jest.fn(async (_key: string, version: number) => ({
      key: 'jugendhilfedienst-case',
      version,
      spec: { helpPlanReviewInterval: 'P3M' },
    })),
  };
  const cases = {
    visible: jest.fn(async () => ({})),
    removeUnstarted: jest.fn(async () => undefined),
    openRow: jest.fn(async (): Promise<{ row: object; grant: CaseGrant }> => ({
      row: {},
      grant: { kind: 'team', responsibleId: 'cw-1', standsInFor: [] },
    })),
  };
  const assignments = { of: jest.fn(async () => ({ planningRegionIds: ['region-1'], socialSpaceIds: options.socialSpaceIds ?? [SPACE] })) };
  const service = new JugendhilfedienstService(
    caseFiles as unknown as JugendhilfedienstCaseRepository,
    retention as unknown as RetentionRepository,
    workflows as unknown as JugendhilfedienstWorkflowClient,
    definitions as unknown as DefinitionsService,
    cases as unknown as CaseService,
    assignments as unknown as AssignmentsService,
  );
  return { service, caseFiles, retention, workflows, cases, definitions, tx };
}

/** The domain error a call rejects with. */
async function refusal(call: Promise<unknown>): Promise<DomainError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('JugendhilfedienstService', () => {
  describe('intake', () => {
    const intake = { socialSpaceId: SPACE, source: 'school' as const, report: 'Leon kommt ohne Frühstück.' };

    it('commits the case file, then starts its workflow with the pseudonym written; a start that did not happen takes the file back', async () => {
      const { service, caseFiles, workflows, cases } = setup();
      await service.intake(user, intake);
      // No transaction held across the Temporal call: the insert is its own statement.
      expect(caseFiles.transaction).not.toHaveBeenCalled();
      expect(caseFiles.insert).toHaveBeenCalledWith(
        expect.objectContaining({ socialSpaceId: SPACE, caseworkerId: 'cw-1', anonymous: false, source: 'school' }),
      );
      const [[input, undo]] = workflows.start.mock.calls as unknown as Array<[{ caseId: string; pseudonym: string }, () => Promise<void>]>;
      expect(input).toMatchObject({ socialSpaceId: SPACE, planningRegionId: 'region-1', caseworkerId: 'cw-1', anonymous: false });
      expect(input.pseudonym).toBe('F-2026-DRAWN2');
      expect(caseFiles.insert.mock.invocationCallOrder[0]).toBeLessThan(workflows.start.mock.invocationCallOrder[0]);
      expect(cases.removeUnstarted).not.toHaveBeenCalled();
      await undo();
      expect(cases.removeUnstarted).toHaveBeenCalledWith(input.caseId);
    });

    it('keeps no reporter for an anonymous report, and the source anonymous means an anonymous report', async () => {
      const { service, caseFiles } = setup();
      await service.intake(user, { ...intake, source: 'anonymous' });
      expect(caseFiles.insert).toHaveBeenCalledWith(
        expect.objectContaining({ anonymous: true, report: { text: intake.report, reporter: null } }),
      );
    });

    it('refuses a social space outside the caller’s, a reporter on an anonymous report and a report from the future, storing nothing', async () => {
      const { service, caseFiles, workflows } = setup({ socialSpaceIds: [] });
      const error = await refusal(
        service.intake(user, {
          ...intake,
          anonymous: true,
          reporter: { name: 'Nachbarin' },
          reportedAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems.map((p) => p.pointer)).toEqual(['/socialSpaceId', '/reporter', '/reportedAt']);
      expect(caseFiles.insert).not.toHaveBeenCalled();
      expect(workflows.start).not.toHaveBeenCalled();
    });

    it('refuses the source anonymous on a report that is not anonymous', async () => {
      const { service } = setup();
      const error = await refusal(service.intake(user, { ...intake, source: 'anonymous', anonymous: false }));
      expect(error.problems).toEqual([
        { pointer: '/anonymous', code: 'equals', params: { value: true }, message: 'Bei der Quelle „anonym“ ist die Meldung anonym.' },
      ]);
    });
  });

  it('answers not found for a case file without a Jugendhilfedienst process', async () => {
    const { service } = setup({ file: caseFile({ workflowId: null }) });
    expect((await refusal(service.get(user, CASE_ID))).code).toBe(ErrorCode.NotFound);
  });

  it('opens nothing the case file’s access rule refuses', async () => {
    const { service, cases, caseFiles } = setup();
    cases.openRow.mockRejectedValueOnce(DomainError.notFound('Der Fall'));
    expect((await refusal(service.get(user, CASE_ID))).code).toBe(ErrorCode.NotFound);
    expect(caseFiles.fromRow).not.toHaveBeenCalled();
  });

  it('asks the access rule for reading on get and for changing on every step', async () => {
    const { service, cases } = setup();
    await service.get(user, CASE_ID);
    expect(cases.openRow).toHaveBeenLastCalledWith(user, CASE_ID, 'read');
    cases.openRow.mockRejectedValueOnce(new DomainError(ErrorCode.Forbidden, 'nicht im Fallteam'));
    expect((await refusal(service.classify(user, CASE_ID, { zone: 'endangerment' }))).code).toBe(ErrorCode.Forbidden);
    expect(cases.openRow).toHaveBeenLastCalledWith(user, CASE_ID, 'write');
  });

  it('writes the zone before the workflow takes the step, holding no transaction across the update', async () => {
    const { service, caseFiles, workflows } = setup();
    await service.classify(user, CASE_ID, { zone: 'endangerment' });
    expect(caseFiles.setZone).toHaveBeenCalledWith(CASE_ID, 'endangerment');
    expect(caseFiles.transaction).not.toHaveBeenCalled();
    expect(workflows.update).toHaveBeenCalledWith(
      caseFile().workflowId,
      'classify',
      { zone: 'endangerment', actorId: 'cw-1' },
      { undo: expect.any(Function) },
    );
    expect(caseFiles.setZone.mock.invocationCallOrder[0]).toBeLessThan(workflows.update.mock.invocationCallOrder[0]);
  });

  it('puts the zone before back when the workflow refuses the classification', async () => {
    const { service, caseFiles, workflows } = setup();
    workflows.update.mockImplementationOnce(async (...args: unknown[]) => {
      await (args[3] as { undo: () => Promise<void> }).undo();
      throw new DomainError(ErrorCode.InvalidState, 'not now');
    });
    expect((await refusal(service.classify(user, CASE_ID, { zone: 'endangerment' }))).code).toBe(ErrorCode.InvalidState);
    expect(caseFiles.restoreZone).toHaveBeenCalledWith(CASE_ID, 'endangerment', 'service');
  });

  describe('§ 8a risk assessment', () => {
    it('records the assessment, its age group from the child’s birth date, and whether the workflow found it late', async () => {
      const { service, caseFiles, workflows } = setup({
        state: caseState({ riskAssessment: { late: true } as JugendhilfedienstCaseState['riskAssessment'] }),
      });
      await service.recordRiskAssessment(user, CASE_ID, assessment());
      expect(caseFiles.insertRiskAssessment).toHaveBeenCalledWith(
        expect.objectContaining({ caseId: CASE_ID, ageGroup: expect.any(String), reportedBy: 'school', sex: 'male' }),
      );
      const [{ id }] = caseFiles.insertRiskAssessment.mock.calls[0] as unknown as [{ id: string }];
      // Ordered: the record, then the update named by the record's id, then the acceptance with the lateness.
      expect(workflows.update).toHaveBeenCalledWith(
        expect.any(String),
        'recordRiskAssessment',
        expect.objectContaining({ assessmentId: id }),
        {
          updateId: id,
          undo: expect.any(Function),
        },
      );
      // Accepted with the lateness the workflow answered, in the round trip that reads the answer's records.
      expect(caseFiles.stepRecords).toHaveBeenCalledWith(CASE_ID, { table: 'risk_assessment', id, late: true });
      expect(caseFiles.insertRiskAssessment.mock.invocationCallOrder[0]).toBeLessThan(workflows.update.mock.invocationCallOrder[0]);
      expect(workflows.update.mock.invocationCallOrder[0]).toBeLessThan(caseFiles.stepRecords.mock.invocationCallOrder[0]);
      expect(caseFiles.transaction).not.toHaveBeenCalled();
    });

    it('removes the record when the workflow refuses the assessment, and accepts nothing', async () => {
      const { service, caseFiles, workflows } = setup();
      workflows.update.mockImplementationOnce(async (...args: unknown[]) => {
        await (args[3] as { undo: () => Promise<void> }).undo();
        throw new DomainError(ErrorCode.InvalidState, 'not now');
      });
      expect((await refusal(service.recordRiskAssessment(user, CASE_ID, assessment()))).code).toBe(ErrorCode.InvalidState);
      const [{ id }] = caseFiles.insertRiskAssessment.mock.calls[0] as unknown as [{ id: string }];
      expect(caseFiles.removeStepRecord).toHaveBeenCalledWith('risk_assessment', id);
      expect(caseFiles.stepRecords).not.toHaveBeenCalled();
    });

    it('accepts a waiting record when the workflow names it (the first answer was lost)', async () => {
      const { service, caseFiles } = setup({
        state: caseState({ riskAssessment: { assessmentId: 'a-1' } as JugendhilfedienstCaseState['riskAssessment'] }),
      });
      await service.get(user, CASE_ID);
      expect(caseFiles.acceptNamedStepRecords).toHaveBeenCalledWith(CASE_ID, {
        assessmentId: 'a-1',
        protectionId: undefined,
        helpPlanId: undefined,
      });
      expect(caseFiles.acceptNamedStepRecords.mock.invocationCallOrder[0]).toBeLessThan(caseFiles.stepRecords.mock.invocationCallOrder[0]);
    });

    it('requires a reason when the parents or the child were not involved', async () => {
      const { service } = setup();
      const error = await refusal(service.recordRiskAssessment(user, CASE_ID, assessment({ childInvolved: false })));
      expect(error.problems).toEqual([
        {
          pointer: '/involvementNote',
          code: 'required',
          message: 'Bitte begründen Sie, warum die Eltern oder das Kind nicht beteiligt wurden.',
        },
      ]);
    });

    it('names kinds of danger exactly when the result is an endangerment', async () => {
      const { service } = setup();
      const missing = await refusal(service.recordRiskAssessment(user, CASE_ID, assessment({ result: 'acute', dangerKinds: [] })));
      expect(missing.problems[0].pointer).toBe('/dangerKinds');
      const superfluous = await refusal(
        service.recordRiskAssessment(user, CASE_ID, assessment({ result: 'none', dangerKinds: ['neglect'] })),
      );
      expect(superfluous.problems).toEqual([
        {
          pointer: '/dangerKinds',
          code: 'not-applicable',
          params: { result: 'none' },
          message: 'Ohne Gefährdung wird keine Art der Gefährdung angegeben; bitte leer lassen.',
        },
      ]);
    });

    it('refuses the same professional twice and users who are not active professionals', async () => {
      const { service, caseFiles } = setup({ activeProfessionals: ['cw-1'] });
      const error = await refusal(
        service.recordRiskAssessment(
          user,
          CASE_ID,
          assessment({
            professionals: [
              { userId: 'cw-1', function: 'ASD' },
              { userId: 'cw-1', function: 'ASD' },
              { userId: 'gone', function: 'ASD' },
            ],
          }),
        ),
      );
      expect(error.problems).toEqual([
        { pointer: '/professionals/1/userId', code: 'duplicate', message: 'Diese Fachkraft ist doppelt genannt.' },
        {
          pointer: '/professionals/2/userId',
          code: 'unknown-reference',
          message: 'Diese Person ist keine aktive Fachkraft; bitte wählen Sie eine aus der Liste.',
        },
      ]);
      expect(caseFiles.activeProfessionalIds).toHaveBeenCalledWith(['cw-1', 'gone']);
      expect(caseFiles.insertRiskAssessment).not.toHaveBeenCalled();
    });

    it('refuses a child the case does not record', async () => {
      const { service } = setup();
      const error = await refusal(service.recordRiskAssessment(user, CASE_ID, assessment({ childIndex: 1 })));
      expect(error.problems).toEqual([
        {
          pointer: '/childIndex',
          code: 'number.max',
          params: { max: 0 },
          message: 'Der Fall nennt ein Geburtsdatum; bitte wählen Sie eines davon.',
        },
      ]);
    });
  });

  describe('help plan and reviews', () => {
    const plan = {
      planDate: '2026-11-20',
      helpKinds: ['educational_assistance' as const],
      goals: ['Frühstück'],
      agreements: 'Familienhilfe',
      participants: ['Mutter'],
    };

    it('sets the first review after the definition’s interval when none is given', async () => {
      const { service, caseFiles, workflows } = setup();
      await service.recordHelpPlan(user, CASE_ID, plan);
      expect(caseFiles.insertHelpPlan).toHaveBeenCalledWith(expect.objectContaining({ planDate: '2026-11-20', reviewAt: '2027-05-20' }));
      expect(workflows.update).toHaveBeenCalledWith(
        expect.any(String),
        'recordHelpPlan',
        expect.objectContaining({ reviewAt: '2027-05-20' }),
        expect.objectContaining({ updateId: expect.any(String) }),
      );
      const [{ id }] = caseFiles.insertHelpPlan.mock.calls[0] as unknown as [{ id: string }];
      expect(caseFiles.stepRecords).toHaveBeenCalledWith(CASE_ID, { table: 'help_plan', id });
    });

    it('takes the interval from the version the read model names, without asking the workflow', async () => {
      const { service, caseFiles, workflows, definitions } = setup();
      caseFiles.definitionVersionOf.mockResolvedValueOnce(2);
      await service.recordHelpPlan(user, CASE_ID, plan);
      expect(definitions.pinnedVersion).toHaveBeenCalledWith('jugendhilfedienst-case', 2);
      expect(caseFiles.insertHelpPlan).toHaveBeenCalledWith(expect.objectContaining({ reviewAt: '2027-02-20' }));
      expect(workflows.state).not.toHaveBeenCalled();
    });

    it('refuses a review date on or before the plan date', async () => {
      const { service, caseFiles } = setup();
      const error = await refusal(service.recordHelpPlan(user, CASE_ID, { ...plan, reviewAt: '2026-11-20' }));
      expect(error.problems).toEqual([
        {
          pointer: '/reviewAt',
          code: 'date.min',
          params: { after: '2026-11-20' },
          message: 'Die Überprüfung muss nach dem Datum des Hilfeplans (20.11.2026) liegen.',
        },
      ]);
      expect(caseFiles.insertHelpPlan).not.toHaveBeenCalled();
    });

    it('refuses a review while the case has no help plan', async () => {
      const { service } = setup();
      expect((await refusal(service.recordReview(user, CASE_ID, { reviewedAt: '2027-05-20', notes: 'gut' }))).code).toBe(
        ErrorCode.Conflict,
      );
    });

    it('records a review of the current plan, the next one after the interval', async () => {
      const state = caseState({ phase: 'help', helpPlan: { helpPlanId: 'plan-1' } as JugendhilfedienstCaseState['helpPlan'] });
      const { service, caseFiles } = setup({ state });
      await service.recordReview(user, CASE_ID, { reviewedAt: '2027-05-20', notes: 'gut' });
      expect(caseFiles.insertHelpPlanReview).toHaveBeenCalledWith({
        helpPlanId: 'plan-1',
        reviewedAt: '2027-05-20',
        nextReviewAt: '2027-11-20',
        notes: 'gut',
        createdBy: 'cw-1',
      });
      expect(caseFiles.stepRecords).toHaveBeenCalledWith(CASE_ID, { table: 'help_plan_review', id: 'review-1' });
    });

    it('refuses a next review on or before this one', async () => {
      const state = caseState({ phase: 'help', helpPlan: { helpPlanId: 'plan-1' } as JugendhilfedienstCaseState['helpPlan'] });
      const { service } = setup({ state });
      const error = await refusal(
        service.recordReview(user, CASE_ID, { reviewedAt: '2027-05-20', nextReviewAt: '2027-05-01', notes: 'gut' }),
      );
      expect(error.problems).toEqual([
        {
          pointer: '/nextReviewAt',
          code: 'date.min',
          params: { after: '2027-05-20' },
          message: 'Die nächste Überprüfung muss nach dem 20.05.2027 liegen.',
        },
      ]);
    });
  });

  it('says a closed case takes no more steps instead of answering not found', async () => {
    const { service, workflows } = setup({ state: caseState({ phase: 'closed' }) });
    workflows.update.mockRejectedValueOnce(DomainError.notFound('Der Fall'));
    const error = await refusal(service.closeWorkflow(user, CASE_ID));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.message).toBe('Der Fall ist abgeschlossen; nichts wurde geändert.');
  });

  it('passes the workflow’s refusal of a step through unchanged', async () => {
    const { service, workflows } = setup();
    workflows.update.mockRejectedValueOnce(new DomainError(ErrorCode.InvalidState, 'not now'));
    expect((await refusal(service.classify(user, CASE_ID, { zone: 'service' }))).code).toBe(ErrorCode.InvalidState);
  });

  it('sets a legal hold only on a case the caller may see', async () => {
    const { service, cases, retention } = setup();
    await expect(service.setLegalHold(user, CASE_ID, true, 'Gerichtsverfahren')).resolves.toMatchObject({ legalHold: true });
    expect(retention.setLegalHold).toHaveBeenCalledWith(CASE_ID, true, 'cw-1', 'Gerichtsverfahren');
    cases.visible.mockRejectedValueOnce(DomainError.notFound('Der Fall'));
    await refusal(service.setLegalHold(user, CASE_ID, false, 'Verfahren beendet'));
    expect(retention.setLegalHold).toHaveBeenCalledTimes(1);
  });
});
