import { WorkflowStateReader } from '@sro/temporal';
import type { Client } from '@temporalio/client';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { AppConfig } from '@sro/config';
import type { DefinitionsService } from '@sro/definitions';
import {
  InterviewCycle,
  InterviewCycleRepository,
  InterviewCycleService,
  InterviewRecord,
  InterviewReportService,
  InterviewRepository,
  InterviewScheduleService,
} from '@sro/interviews';

const CYCLE = '00000000-0000-4000-8000-000000000001';
const PARTNER = '00000000-0000-4000-8000-000000000002';

const coordinator: Principal = { sub: 'demo-coordinator', roles: [Role.Coordinator] };
const caseworker = (sub: string): Principal => ({ sub, roles: [Role.Caseworker] });

function cycle(change: Partial<InterviewCycle> = {}): InterviewCycle {
  return {
    id: CYCLE,
    number: 1,
    status: 'running',
    workflowId: 'partner-interview-cycle/scheduled',
    definitionVersion: 1,
    questionnaireVersion: '2026-1',
    coordinatorId: 'demo-coordinator',
    startedAt: new Date('2026-11-01T00:00:00Z'),
    completedAt: null,
    ...change,
  };
}

function interview(change: Partial<InterviewRecord> = {}): InterviewRecord {
  return {
    id: '00000000-0000-4000-8000-000000000003',
    cycleId: CYCLE,
    partnerId: PARTNER,
    partnerName: 'Familienzentrum',
    partnerCode: 'P01',
    status: 'planned',
    plannedAt: new Date('2026-12-01T10:00:00Z'),
    interviewerId: 'demo-caseworker',
    dueAt: new Date('2027-01-01T00:00:00Z'),
    questionnaireVersion: '2026-1',
    answeredAt: null,
    answersVersion: null,
    conductedOn: null,
    withdrawnReason: null,
    closedByCycle: false,
    error: null,
    updatedAt: new Date('2026-11-02T00:00:00Z'),
    workflowId: `partner-interview/${CYCLE}/${PARTNER}`,
    answers: null,
    ...change,
  };
}

/** The service with fake repositories and workflow handle. */
function setup(options: { stored?: InterviewCycle; found?: InterviewRecord; interviewers?: string[]; partners?: string[] } = {}) {
  const cycles = {
    findById: jest.fn(async () => options.stored ?? null),
    counts: jest.fn(async () => ({ total: 1, open: 0, planned: 1, overdue: 0, done: 0, withdrawn: 0, failed: 0 })),
    exists: jest.fn(async () => !!options.stored),
    activePartners: jest.fn(async () => (options.partners ?? []).map((partnerId) => ({ partnerId, name: 'Partner' }))),
    isActiveUserWithRole: jest.fn(async (id: string) => (options.interviewers ?? ['demo-caseworker']).includes(id)),
  } satisfies Partial<Record<keyof InterviewCycleRepository, unknown>>;
  const interviews = {
    find: jest.fn(async () => options.found ?? null),
    history: jest.fn(async () => []),
    answerVersions: jest.fn(async () => []),
  } satisfies Partial<Record<keyof InterviewRepository, unknown>>;
  const handle = { executeUpdate: jest.fn(async (): Promise<unknown> => ({ revision: 7 })) };
  const temporal = { workflow: { getHandle: jest.fn(() => handle) } };
  const service = new InterviewCycleService(
    cycles as unknown as InterviewCycleRepository,
    interviews as unknown as InterviewRepository,
    temporal as unknown as Client,
    new WorkflowStateReader(temporal as unknown as Client),
    {} as InterviewReportService,
  );
  return { service, cycles, interviews, handle };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('InterviewCycleService', () => {
  it('answers 404 for the progress of a cycle that does not exist', async () => {
    expect((await refusal(setup().service.progress(CYCLE, { limit: 10, offset: 0 }))).code).toBe(ErrorCode.NotFound);
  });

  it('lets only coordinators, admins and the interviewer read an interview', async () => {
    const { service } = setup({ found: interview({ answers: [{ questionKey: 'cy_reach', value: 4 }] }) });
    expect((await refusal(service.interview(caseworker('someone-else'), CYCLE, PARTNER))).code).toBe(ErrorCode.Forbidden);
    const read = await service.interview(caseworker('demo-caseworker'), CYCLE, PARTNER);
    expect(read).toMatchObject({ partnerId: PARTNER, answers: [{ questionKey: 'cy_reach', value: 4 }], history: [] });
    expect(read).not.toHaveProperty('workflowId');
  });

  it('lets only the interviewer or a coordinator record answers', async () => {
    const { service, handle } = setup({ found: interview() });
    expect((await refusal(service.recordAnswers(caseworker('someone-else'), CYCLE, PARTNER, { answers: [] }))).code).toBe(
      ErrorCode.Forbidden,
    );
    expect(handle.executeUpdate).not.toHaveBeenCalled();
    await expect(service.recordAnswers(coordinator, CYCLE, PARTNER, { answers: [] })).resolves.toMatchObject({
      revision: 7,
      status: 'planned',
    });
  });

  it('plans only with an active coordinator or caseworker as interviewer', async () => {
    const { service, cycles, handle } = setup({ found: interview() });
    const error = await refusal(
      service.plan(coordinator, CYCLE, PARTNER, { plannedAt: '2027-01-10T10:00:00Z', interviewerId: 'demo-adviser' }),
    );
    expect(error.problems).toEqual([
      {
        pointer: '/interviewerId',
        code: 'user.role',
        params: { roles: ['coordinator', 'caseworker'] },
        message: 'Bitte eine aktive Person mit der Rolle Koordination oder Fachkraft auswählen.',
      },
    ]);
    expect(cycles.isActiveUserWithRole).toHaveBeenCalledWith('demo-adviser', [Role.Coordinator, Role.Caseworker]);
    expect(handle.executeUpdate).not.toHaveBeenCalled();
  });

  it('answers 404 for an interview the cycle does not have', async () => {
    expect((await refusal(setup().service.withdraw(coordinator, CYCLE, PARTNER, 'Austritt'))).code).toBe(ErrorCode.NotFound);
  });

  it('adds partners only to a running cycle, and only partners in the contract', async () => {
    const ended = setup({ stored: cycle({ status: 'completed' }), partners: [PARTNER] });
    expect((await refusal(ended.service.addPartner(coordinator, CYCLE, PARTNER))).code).toBe(ErrorCode.InvalidState);
    const notInContract = setup({ stored: cycle(), partners: [] });
    expect((await refusal(notInContract.service.addPartner(coordinator, CYCLE, PARTNER))).problems.map((p) => p.pointer)).toEqual([
      '/partnerId',
    ]);
    expect(notInContract.handle.executeUpdate).not.toHaveBeenCalled();
  });
});

describe('InterviewScheduleService', () => {
  function schedule(coordinators: string[] = ['demo-coordinator']) {
    const cycles = { isActiveUserWithRole: jest.fn(async (id: string) => coordinators.includes(id)) } satisfies Partial<
      Record<keyof InterviewCycleRepository, unknown>
    >;
    const handle = { backfill: jest.fn(async () => undefined) };
    const temporal = { schedule: { getHandle: jest.fn(() => handle), create: jest.fn() } };
    const config = { temporal: { taskQueue: 'test' } } as AppConfig;
    const service = new InterviewScheduleService(
      cycles as unknown as InterviewCycleRepository,
      temporal as unknown as Client,
      config,
      {} as DefinitionsService,
    );
    return { service, handle, temporal };
  }

  it('plans cycles only for an active coordinator', async () => {
    const { service, temporal } = schedule();
    const error = await refusal(service.upsert(coordinator, { coordinatorId: 'demo-caseworker' }));
    expect(error.problems).toEqual([
      {
        pointer: '/coordinatorId',
        code: 'user.role',
        params: { roles: ['coordinator'] },
        message: 'Bitte eine aktive Person mit der Rolle Koordination auswählen.',
      },
    ]);
    expect(temporal.schedule.create).not.toHaveBeenCalled();
  });

  it('refuses a backfill that ends before it starts or reaches into the future', async () => {
    const { service, handle } = schedule();
    expect((await refusal(service.backfill('2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'))).problems).toEqual([
      {
        pointer: '/to',
        code: 'date.min',
        params: { after: '2025-01-02T00:00:00Z' },
        message: 'Das Ende muss nach dem Beginn (02.01.2025, 01:00 Uhr) liegen.',
      },
    ]);
    expect((await refusal(service.backfill('2025-01-01T00:00:00Z', new Date(Date.now() + 86_400_000).toISOString()))).problems).toEqual([
      { pointer: '/to', code: 'date.future', message: 'Das Ende darf nicht in der Zukunft liegen.' },
    ]);
    expect(handle.backfill).not.toHaveBeenCalled();
  });
});
