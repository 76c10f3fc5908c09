import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { Allocation, BudgetRepository, BudgetService, BudgetYear, SozialraumReferenceRepository } from '@sro/sozialraum';

const coordinator: Principal = { sub: 'demo-coordinator', roles: [Role.Coordinator] };
const REGION = '11111111-1111-4111-8111-111111111111';
const SPACE = '22222222-2222-4222-8222-222222222222';
const PROCESS = '44444444-4444-4444-8444-444444444444';

/** An in-memory ledger behind the repository's methods. */
function setup(initial?: { amountCents: number; allocations?: number[] }) {
  let year: BudgetYear | null = initial ? { id: 'b1', amountCents: initial.amountCents, allocatedCents: 0 } : null;
  const allocations: Allocation[] = [];
  const book = (amountCents: number) =>
    allocations.push({
      id: `a${allocations.length}`,
      kind: 'initiative',
      title: 'x',
      processId: null,
      measureKey: null,
      amountCents,
      createdBy: 'u',
      createdAt: new Date(),
    });
  for (const amount of initial?.allocations ?? []) book(amount);
  const tx = {} as EntityManager;
  const budgets = {
    transaction: jest.fn(async <T>(work: (tx: EntityManager) => Promise<T>) => work(tx)),
    lockYear: jest.fn(async () => year && { ...year, allocatedCents: allocations.reduce((s, a) => s + a.amountCents, 0) }),
    create: jest.fn(async (_tx: EntityManager, _space: string, _year: number, amountCents: number) => {
      year = { id: 'b1', amountCents, allocatedCents: 0 };
    }),
    setAmount: jest.fn(async (_tx: EntityManager, _id: string, amountCents: number) => {
      year = { ...year!, amountCents };
    }),
    addAllocation: jest.fn(async (_tx: EntityManager, _id: string, a: { amountCents: number }) => {
      book(a.amountCents);
    }),
    read: jest.fn(async () => ({ amountCents: year?.amountCents ?? 0, allocations: [...allocations] })),
  };
  const references = { socialSpace: jest.fn(async (id: string) => ({ id, name: 'Nordstadt', planningRegionId: REGION })) };
  const assignments = {
    assertCanSee: jest.fn(async () => undefined),
    assertCoordinates: jest.fn(async (user: Principal) => {
      if (!user.roles.includes(Role.Coordinator))
        throw new DomainError(ErrorCode.Forbidden, 'Only coordinators change social-space processes');
    }),
  };
  const service = new BudgetService(
    budgets as unknown as BudgetRepository,
    references as unknown as SozialraumReferenceRepository,
    assignments as unknown as AssignmentsService,
  );
  return { service, budgets, references };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('BudgetService', () => {
  it('shows a year without a budget as zero', async () => {
    const { service } = setup();
    await expect(service.get(coordinator, SPACE, 2026)).resolves.toEqual({
      socialSpaceId: SPACE,
      year: 2026,
      amountCents: 0,
      allocatedCents: 0,
      availableCents: 0,
      allocations: [],
    });
  });

  it('sets a new year and then books allocations up to the amount', async () => {
    const { service } = setup();
    await service.setAmount(coordinator, SPACE, 2026, 500_000);
    const view = await service.allocate(coordinator, SPACE, 2026, {
      kind: 'initiative',
      title: 'Nachbarschaftsfest',
      amountCents: 300_000,
    });
    expect(view).toMatchObject({ amountCents: 500_000, allocatedCents: 300_000, availableCents: 200_000 });
  });

  it('rejects an allocation beyond the available amount as a conflict and books nothing', async () => {
    const { service, budgets } = setup({ amountCents: 500_000, allocations: [300_000] });
    const error = await refusal(
      service.allocate(coordinator, SPACE, 2026, { kind: 'initiative', title: 'Zu teuer', amountCents: 250_000 }),
    );
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.problems).toEqual([{ pointer: '/amountCents', message: 'at most 200000' }]);
    expect(budgets.addAllocation).not.toHaveBeenCalled();
  });

  it('books an allocation that uses exactly what is left', async () => {
    const { service } = setup({ amountCents: 500_000, allocations: [300_000] });
    await expect(
      service.allocate(coordinator, SPACE, 2026, { kind: 'initiative', title: 'Rest', amountCents: 200_000 }),
    ).resolves.toMatchObject({ availableCents: 0 });
  });

  it('rejects an allocation in a year without a budget as a conflict', async () => {
    const { service } = setup();
    const error = await refusal(service.allocate(coordinator, SPACE, 2027, { kind: 'initiative', title: 'X', amountCents: 1 }));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.message).toMatch(/No budget is set for 2027/);
  });

  it('rejects a measure allocation without its process and measure, naming both fields', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 });
    const error = await refusal(service.allocate(coordinator, SPACE, 2026, { kind: 'measure', title: 'X', amountCents: 1 }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.problems.map((p) => p.pointer)).toEqual(['/processId', '/measureKey']);
    expect(budgets.transaction).not.toHaveBeenCalled();
  });

  it('books a measure allocation with its process and measure', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 });
    await service.allocate(coordinator, SPACE, 2026, {
      kind: 'measure',
      title: 'Jugendraum',
      processId: PROCESS,
      measureKey: 'jugendraum',
      amountCents: 1_000,
    });
    expect(budgets.addAllocation).toHaveBeenCalledWith(expect.anything(), 'b1', {
      kind: 'measure',
      title: 'Jugendraum',
      processId: PROCESS,
      measureKey: 'jugendraum',
      amountCents: 1_000,
      createdBy: 'demo-coordinator',
    });
  });

  it('rejects lowering the budget below what is already allocated', async () => {
    const { service, budgets } = setup({ amountCents: 500_000, allocations: [300_000] });
    const error = await refusal(service.setAmount(coordinator, SPACE, 2026, 299_999));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.problems).toEqual([{ pointer: '/amountCents', message: 'at least 300000' }]);
    expect(budgets.setAmount).not.toHaveBeenCalled();
  });

  it('lowers the budget down to exactly what is allocated', async () => {
    const { service } = setup({ amountCents: 500_000, allocations: [300_000] });
    await expect(service.setAmount(coordinator, SPACE, 2026, 300_000)).resolves.toMatchObject({ amountCents: 300_000, availableCents: 0 });
  });

  it('lets only coordinators change the budget', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 });
    const error = await refusal(service.setAmount({ sub: 'demo-caseworker', roles: [Role.Caseworker] }, SPACE, 2026, 1));
    expect(error.code).toBe(ErrorCode.Forbidden);
    expect(budgets.transaction).not.toHaveBeenCalled();
  });

  it('answers not found for an unknown social space', async () => {
    const { service, references } = setup();
    references.socialSpace.mockResolvedValueOnce(null as never);
    expect((await refusal(service.get(coordinator, SPACE, 2026))).code).toBe(ErrorCode.NotFound);
  });
});
