import { WorkflowStateReader } from '@sro/temporal';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AppConfig } from '@sro/config';
import { DefinitionsService, SEED_SPECS } from '@sro/definitions';
import { ProcessInstance, ProcessInstanceRepository } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { SozialraumReferenceRepository, SozialraumService } from '@sro/sozialraum';
import { sozialraumUpdates, WorkflowType } from '@sro/workflows/contracts';

const coordinator: Principal = { sub: 'demo-coordinator', roles: [Role.Coordinator] };
const REGION = '11111111-1111-4111-8111-111111111111';
const SPACE = '22222222-2222-4222-8222-222222222222';
const PARTNER = '33333333-3333-4333-8333-333333333333';
const PROCESS = '44444444-4444-4444-8444-444444444444';

const pinned = { key: 'sozialraum-development' as const, version: 3, checksum: 'c', spec: SEED_SPECS['sozialraum-development'] };

function readModel(overrides: Partial<ProcessInstance> = {}): ProcessInstance {
  return {
    id: PROCESS,
    workflowId: `sozialraum-development/${SPACE}/1`,
    definitionKey: 'sozialraum-development',
    definitionVersion: 3,
    status: 'running',
    subjectType: 'social_space',
    subjectId: SPACE,
    planningRegionId: REGION,
    socialSpaceId: SPACE,
    currentStep: 'identify',
    currentStepTitle: 'Sozialraum identifizieren',
    currentDueAt: new Date('2027-01-01T00:00:00Z'),
    steps: [],
    summary: {},
    revision: 1,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    updatedAt: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

/** The refusal a workflow update validator sends, as the Temporal client hands it over. */
function refusedUpdate(type: ErrorCode, message: string, problems: Array<{ pointer: string; message: string }>) {
  return new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message, details: [problems], nonRetryable: true }),
  );
}

function setup(
  options: {
    process?: ProcessInstance | null;
    running?: ProcessInstance | null;
    runs?: number;
    space?: boolean;
    knownMembers?: string[];
  } = {},
) {
  const processes = {
    findById: jest.fn(async () => (options.process === undefined ? readModel() : options.process)),
    locate: jest.fn(async () => (options.process === undefined ? readModel() : options.process)),
    findUnfinished: jest.fn(async () => options.running ?? null),
    countRuns: jest.fn(async () => options.runs ?? 0),
    record: jest.fn(async () => undefined),
  };
  const references = {
    socialSpace: jest.fn(async (id: string) => (options.space === false ? null : { id, name: 'Nordstadt', planningRegionId: REGION })),
    memberExists: jest.fn(async (_kind: string, refId: string) => (options.knownMembers ?? [PARTNER]).includes(refId)),
  };
  const assignments = {
    assertCoordinates: jest.fn(async (user: Principal, planningRegionId: string, what: string) => {
      if (!user.roles.includes(Role.Coordinator))
        throw new DomainError(ErrorCode.Forbidden, 'Only coordinators change social-space processes');
      if (planningRegionId !== REGION) throw DomainError.notFound(what);
    }),
    assertCanSee: jest.fn(async () => undefined),
    of: jest.fn(async () => ({ planningRegionIds: [REGION], socialSpaceIds: [SPACE] })),
  };
  const definitions = { published: jest.fn(async () => pinned) };
  const handle = {
    executeUpdate: jest.fn(async (): Promise<unknown> => ({ completed: 'identify', next: 'analyse' })),
    query: jest.fn(async (): Promise<unknown> => ({ members: [] })),
  };
  const temporal = { workflow: { start: jest.fn(async () => undefined), getHandle: jest.fn(() => handle) } };
  const config = { temporal: { taskQueue: 'sro-test' } };
  const service = new SozialraumService(
    processes as unknown as ProcessInstanceRepository,
    references as unknown as SozialraumReferenceRepository,
    temporal as unknown as Client,
    new WorkflowStateReader(temporal as unknown as Client),
    config as unknown as AppConfig,
    definitions as unknown as DefinitionsService,
    assignments as unknown as AssignmentsService,
  );
  return { service, processes, references, assignments, definitions, temporal, handle };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('SozialraumService', () => {
  describe('start', () => {
    it('starts the workflow with the published definition and records revision 0 so the caller can read at once', async () => {
      const { service, temporal, processes } = setup();
      const started = await service.start(coordinator, SPACE, [{ kind: 'contract_partner', refId: PARTNER, function: 'Familienzentrum' }]);
      expect(started.id).toBe(PROCESS);
      const [type, options] = temporal.workflow.start.mock.calls[0] as unknown as [
        string,
        { workflowId: string; taskQueue: string; args: [Record<string, unknown>] },
      ];
      expect(type).toBe(WorkflowType.SozialraumDevelopment);
      expect(options).toMatchObject({
        workflowId: `sozialraum-development/${SPACE}/1`,
        taskQueue: 'sro-test',
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      expect(options.args[0]).toMatchObject({
        socialSpaceId: SPACE,
        planningRegionId: REGION,
        title: 'Nordstadt',
        coordinatorId: 'demo-coordinator',
        definition: pinned,
      });
      expect(options.args[0].members).toEqual([
        { id: expect.any(String), kind: 'contract_partner', refId: PARTNER, function: 'Familienzentrum' },
      ]);
      const recorded = (processes.record.mock.calls[0] as unknown[])[0] as Record<string, unknown> & {
        steps: Array<{ key: string; status: string }>;
      };
      expect(recorded).toMatchObject({
        revision: 0,
        status: 'running',
        definitionVersion: 3,
        subjectId: SPACE,
        processId: (options.args[0] as { processId: string }).processId,
      });
      expect(recorded.steps.map((s) => s.status)).toEqual(['active', 'pending', 'pending', 'pending', 'pending', 'pending']);
    });

    it('refuses an unknown social space as invalid input, naming the field', async () => {
      const { service, temporal } = setup({ space: false });
      const error = await refusal(service.start(coordinator, SPACE));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems).toEqual([
        {
          pointer: '/socialSpaceId',
          code: 'unknown-reference',
          message: 'Diesen Sozialraum gibt es nicht; bitte wählen Sie einen aus der Liste.',
        },
      ]);
      expect(temporal.workflow.start).not.toHaveBeenCalled();
    });

    it('refuses a second start while a process of the social space runs', async () => {
      const { service, temporal } = setup({ running: readModel() });
      const error = await refusal(service.start(coordinator, SPACE));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.message).toBe(
        'Im Sozialraum läuft bereits ein Entwicklungsprozess (laufend); bitte schließen Sie ihn ab oder brechen Sie ihn ab, bevor Sie einen neuen beginnen.',
      );
      expect(temporal.workflow.start).not.toHaveBeenCalled();
    });

    it('refuses a second start while the process of the social space is paused', async () => {
      const { service, temporal } = setup({ running: readModel({ status: 'paused' }) });
      const error = await refusal(service.start(coordinator, SPACE));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.message).toMatch(/bereits ein Entwicklungsprozess \(pausiert\)/);
      expect(temporal.workflow.start).not.toHaveBeenCalled();
    });

    it('starts a new run with its own workflow id after earlier runs were cancelled or completed', async () => {
      const { service, temporal, processes } = setup({ runs: 2 });
      await service.start(coordinator, SPACE);
      const [, options] = temporal.workflow.start.mock.calls[0] as unknown as [string, { workflowId: string }];
      expect(options.workflowId).toBe(`sozialraum-development/${SPACE}/3`);
      expect(processes.record).toHaveBeenCalledWith(expect.objectContaining({ workflowId: `sozialraum-development/${SPACE}/3` }));
    });

    it('records no read-model row when the workflow does not start', async () => {
      const { service, temporal, processes } = setup();
      temporal.workflow.start.mockRejectedValueOnce(new WorkflowExecutionAlreadyStartedError('started', 'wf', 'type') as never);
      const error = await refusal(service.start(coordinator, SPACE));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(processes.record).not.toHaveBeenCalled();
    });

    it('refuses members whose reference does not exist, with a pointer per member', async () => {
      const { service, temporal } = setup({ knownMembers: [PARTNER] });
      const error = await refusal(
        service.start(coordinator, SPACE, [
          { kind: 'contract_partner', refId: PARTNER, function: 'Familienzentrum' },
          { kind: 'user', refId: 'nobody', function: 'Schulsozialarbeit' },
        ]),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems).toEqual([
        { pointer: '/members/1/refId', code: 'unknown-reference', params: { kind: 'user' }, message: 'Diese Person gibt es nicht.' },
      ]);
      expect(temporal.workflow.start).not.toHaveBeenCalled();
    });

    it('does not start in a planning region the coordinator is not assigned to', async () => {
      const { service, references, temporal } = setup();
      references.socialSpace.mockResolvedValueOnce({ id: SPACE, name: 'Fremd', planningRegionId: '99999999-9999-4999-8999-999999999999' });
      expect((await refusal(service.start(coordinator, SPACE))).code).toBe(ErrorCode.NotFound);
      expect(temporal.workflow.start).not.toHaveBeenCalled();
    });
  });

  describe('deliverables', () => {
    it('sends the deliverable with the caller as actor and answers the read model', async () => {
      const { service, handle } = setup();
      const value = { description: 'Nordstadt', municipalityIds: [] };
      const answer = await service.setDeliverable(coordinator, PROCESS, { phaseKey: 'identify', deliverableKey: 'boundaries', value });
      expect(handle.executeUpdate).toHaveBeenCalledWith(sozialraumUpdates.setDeliverable, {
        args: [{ phaseKey: 'identify', deliverableKey: 'boundaries', value, actorId: 'demo-coordinator' }],
      });
      expect(answer.id).toBe(PROCESS);
    });

    it('passes on an invalid deliverable as a validation error with the pointers the workflow named', async () => {
      const { service, handle } = setup();
      handle.executeUpdate.mockRejectedValueOnce(
        refusedUpdate(ErrorCode.ValidationFailed, 'Invalid deliverable', [{ pointer: '/value/description', message: 'must not be empty' }]),
      );
      const error = await refusal(
        service.setDeliverable(coordinator, PROCESS, { phaseKey: 'identify', deliverableKey: 'boundaries', value: { description: '' } }),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems).toEqual([{ pointer: '/value/description', message: 'must not be empty' }]);
    });

    it('lets no caseworker change a deliverable, and never asks the workflow', async () => {
      const { service, handle } = setup();
      const caseworker: Principal = { sub: 'demo-caseworker', roles: [Role.Caseworker] };
      const error = await refusal(
        service.setDeliverable(caseworker, PROCESS, { phaseKey: 'identify', deliverableKey: 'boundaries', value: {} }),
      );
      expect(error.code).toBe(ErrorCode.Forbidden);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });
  });

  describe('phase completion', () => {
    it('answers the completed and the next phase', async () => {
      const { service, handle } = setup();
      await expect(service.completePhase(coordinator, PROCESS, 'identify')).resolves.toEqual({ completed: 'identify', next: 'analyse' });
      expect(handle.executeUpdate).toHaveBeenCalledWith(sozialraumUpdates.completePhase, {
        args: [{ phaseKey: 'identify', actorId: 'demo-coordinator' }],
      });
    });

    it('sends the last deliverable with the completion, its municipalities checked first', async () => {
      const { service, handle } = setup({ knownMembers: [PARTNER] });
      const value = { description: 'Nordstadt', municipalityIds: [PARTNER] };
      await expect(service.completePhase(coordinator, PROCESS, 'identify', { deliverableKey: 'boundaries', value })).resolves.toEqual({
        completed: 'identify',
        next: 'analyse',
      });
      expect(handle.executeUpdate).toHaveBeenCalledWith(sozialraumUpdates.completePhase, {
        args: [{ phaseKey: 'identify', deliverable: { deliverableKey: 'boundaries', value }, actorId: 'demo-coordinator' }],
      });
    });

    it('refuses an unknown municipality in the deliverable at its pointer, without asking the workflow', async () => {
      const { service, handle } = setup({ knownMembers: [] });
      const value = { description: 'Nordstadt', municipalityIds: [PARTNER] };
      const error = await refusal(service.completePhase(coordinator, PROCESS, 'identify', { deliverableKey: 'boundaries', value }));
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems).toEqual([
        { pointer: '/deliverable/value/municipalityIds/0', code: 'unknown-reference', message: 'Diese Kommune gibt es nicht.' },
      ]);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('rejects phase completion while deliverables are missing, as a conflict that names them', async () => {
      const { service, handle } = setup();
      handle.executeUpdate.mockRejectedValueOnce(
        refusedUpdate(ErrorCode.Conflict, 'Phase identify cannot be completed: missing deliverables boundaries', [
          { pointer: '/deliverables/boundaries', message: 'required deliverable is missing' },
        ]),
      );
      const error = await refusal(service.completePhase(coordinator, PROCESS, 'identify'));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.message).toMatch(/missing deliverables boundaries/);
      expect(error.problems).toEqual([{ pointer: '/deliverables/boundaries', message: 'required deliverable is missing' }]);
    });

    it('rejects completing a phase of an unknown process as not found, without asking the workflow', async () => {
      const { service, handle } = setup({ process: null });
      expect((await refusal(service.completePhase(coordinator, PROCESS, 'identify'))).code).toBe(ErrorCode.NotFound);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('rejects completing a phase of another planning region as not found', async () => {
      const { service, handle } = setup({ process: readModel({ planningRegionId: '99999999-9999-4999-8999-999999999999' }) });
      expect((await refusal(service.completePhase(coordinator, PROCESS, 'identify'))).code).toBe(ErrorCode.NotFound);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });
  });

  describe('members and reads', () => {
    it('checks a new member reference before the workflow hears of it', async () => {
      const { service, handle } = setup({ knownMembers: [] });
      const error = await refusal(
        service.addMember(coordinator, PROCESS, { kind: 'municipality', refId: PARTNER, function: 'Bürgermeisteramt' }),
      );
      expect(error.problems).toEqual([
        { pointer: '/refId', code: 'unknown-reference', params: { kind: 'municipality' }, message: 'Diese Kommune gibt es nicht.' },
      ]);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('answers the read model with a null state when the workflow cannot be queried', async () => {
      const { service, handle } = setup();
      handle.query.mockRejectedValueOnce(new Error('workflow not found'));
      await expect(service.get(coordinator, PROCESS)).resolves.toEqual({ process: readModel(), state: null });
    });
  });
});
