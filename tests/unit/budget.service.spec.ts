import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { DefinitionsService, SEED_SPECS } from '@sro/definitions';
import { ProcessInstanceRepository } from '@sro/processes';
import {
  Allocation,
  bookableYears,
  BudgetRepository,
  BudgetService,
  BudgetYear,
  Spending,
  SozialraumReferenceRepository,
} from '@sro/sozialraum';
import { WorkflowStateReader } from '@sro/temporal';

const coordinator: Principal = { sub: 'demo-coordinator', roles: [Role.Coordinator] };
const REGION = '11111111-1111-4111-8111-111111111111';
const SPACE = '22222222-2222-4222-8222-222222222222';
const PROCESS = '44444444-4444-4444-8444-444444444444';
// The ledger books only the previous, the current and the next year, so the tests follow the calendar.
const YEAR = new Date().getFullYear();

/** An in-memory ledger behind the repository's methods. */
function setup(
  initial?: { amountCents: number; allocations?: number[] },
  options: { measures?: string[]; processSpace?: string; annualBudgetCents?: number } = {},
) {
  let year: BudgetYear | null = initial ? { id: 'b1', amountCents: initial.amountCents, allocatedCents: 0 } : null;
  const allocations: Allocation[] = [];
  const spendings: Spending[] = [];
  const book = (a: Partial<Allocation> & { amountCents: number }) => {
    const id = `a${allocations.length}`;
    allocations.push({
      id,
      kind: 'initiative',
      title: 'x',
      processId: null,
      measureKey: null,
      reversesId: null,
      reason: null,
      spentCents: 0,
      createdBy: 'u',
      createdAt: new Date(),
      ...a,
    });
    return id;
  };
  for (const amount of initial?.allocations ?? []) book({ amountCents: amount });
  const spent = (id: string) => spendings.filter((x) => x.allocationId === id).reduce((sum, x) => sum + x.amountCents, 0);
  const tx = {} as EntityManager;
  const budgets = {
    transaction: jest.fn(async <T>(work: (tx: EntityManager) => Promise<T>) => work(tx)),
    lockYear: jest.fn(async () => year && { ...year, allocatedCents: allocations.reduce((s, a) => s + a.amountCents, 0) }),
    allocation: jest.fn(async (_tx: EntityManager, _budget: string, id: string) => {
      const a = allocations.find((x) => x.id === id);
      return a ? { ...a, reversedBy: allocations.find((x) => x.reversesId === id)?.id ?? null, spentCents: spent(id) } : null;
    }),
    create: jest.fn(async (_tx: EntityManager, _space: string, _year: number, amountCents: number) => {
      year = { id: 'b1', amountCents, allocatedCents: 0 };
    }),
    setAmount: jest.fn(async (_tx: EntityManager, _id: string, amountCents: number) => {
      year = { ...year!, amountCents };
    }),
    addAllocation: jest.fn(async (_tx: EntityManager, _id: string, a: Partial<Allocation> & { amountCents: number }) => book(a)),
    addSpending: jest.fn(async (_tx: EntityManager, allocationId: string, x: Omit<Spending, 'id' | 'allocationId' | 'createdAt'>) => {
      spendings.push({ ...x, id: `s${spendings.length}`, allocationId, createdAt: new Date() });
      return `s${spendings.length - 1}`;
    }),
    read: jest.fn(async () => ({
      isSet: year !== null,
      amountCents: year?.amountCents ?? 0,
      allocations: allocations.map((a) => ({ ...a, spentCents: spent(a.id) })),
      spendings: [...spendings],
    })),
  };
  const references = { socialSpace: jest.fn(async (id: string) => ({ id, name: 'Nordstadt', planningRegionId: REGION })) };
  const assignments = {
    assertCanSee: jest.fn(async () => undefined),
    assertCoordinates: jest.fn(async (user: Principal) => {
      if (!user.roles.includes(Role.Coordinator))
        throw new DomainError(ErrorCode.Forbidden, 'Only coordinators change social-space processes');
    }),
  };
  const spec = { ...SEED_SPECS['sozialraum-development'], annualBudgetCents: options.annualBudgetCents ?? 500_000 };
  const definitions = { published: jest.fn(async () => ({ key: 'sozialraum-development', version: 1, checksum: 'c', spec })) };
  const processes = {
    findById: jest.fn(async (id: string) =>
      id === PROCESS ? { id, workflowId: 'wf', socialSpaceId: options.processSpace ?? SPACE } : null,
    ),
  };
  const states = {
    read: jest.fn(async () => ({
      definition: { spec },
      deliverables: { measures: { measures: (options.measures ?? ['jugendraum']).map((key) => ({ key })) } },
    })),
  };
  const service = new BudgetService(
    budgets as unknown as BudgetRepository,
    references as unknown as SozialraumReferenceRepository,
    assignments as unknown as AssignmentsService,
    definitions as unknown as DefinitionsService,
    processes as unknown as ProcessInstanceRepository,
    states as unknown as WorkflowStateReader,
  );
  return { service, budgets, references, states };
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
    await expect(service.get(coordinator, SPACE, YEAR)).resolves.toEqual({
      socialSpaceId: SPACE,
      year: YEAR,
      isSet: false,
      amountCents: 0,
      defaultAmountCents: 500_000,
      allocatedCents: 0,
      spentCents: 0,
      availableCents: 0,
      allocations: [],
      spendings: [],
    });
  });

  it('sets a new year and then books allocations up to the amount', async () => {
    const { service } = setup();
    await service.setAmount(coordinator, SPACE, YEAR, 500_000);
    const view = await service.allocate(coordinator, SPACE, YEAR, {
      kind: 'initiative',
      title: 'Nachbarschaftsfest',
      amountCents: 300_000,
    });
    expect(view).toMatchObject({ amountCents: 500_000, allocatedCents: 300_000, availableCents: 200_000 });
  });

  it('rejects an allocation beyond the available amount as a conflict and books nothing', async () => {
    const { service, budgets } = setup({ amountCents: 500_000, allocations: [300_000] });
    const error = await refusal(
      service.allocate(coordinator, SPACE, YEAR, { kind: 'initiative', title: 'Zu teuer', amountCents: 250_000 }),
    );
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.problems).toEqual([
      { pointer: '/amountCents', code: 'number.max', params: { max: 200000 }, message: 'Höchstens 2.000,00\u00a0€ (noch verfügbar).' },
    ]);
    expect(budgets.addAllocation).not.toHaveBeenCalled();
  });

  it('books an allocation that uses exactly what is left', async () => {
    const { service } = setup({ amountCents: 500_000, allocations: [300_000] });
    await expect(
      service.allocate(coordinator, SPACE, YEAR, { kind: 'initiative', title: 'Rest', amountCents: 200_000 }),
    ).resolves.toMatchObject({ availableCents: 0 });
  });

  it('rejects an allocation in a year without a budget as a conflict', async () => {
    const { service } = setup();
    const error = await refusal(service.allocate(coordinator, SPACE, YEAR + 1, { kind: 'initiative', title: 'X', amountCents: 1 }));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.message).toBe(`Für ${YEAR + 1} ist noch kein Budget festgelegt; bitte legen Sie zuerst den Betrag fest.`);
  });

  it('rejects a measure allocation without its process and measure, naming both fields', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 });
    const error = await refusal(service.allocate(coordinator, SPACE, YEAR, { kind: 'measure', title: 'X', amountCents: 1 }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.problems.map((p) => p.pointer)).toEqual(['/processId', '/measureKey']);
    expect(budgets.transaction).not.toHaveBeenCalled();
  });

  it('books a measure allocation with its process and measure', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 });
    await service.allocate(coordinator, SPACE, YEAR, {
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
    const error = await refusal(service.setAmount(coordinator, SPACE, YEAR, 299_999));
    expect(error.code).toBe(ErrorCode.Conflict);
    expect(error.problems).toEqual([
      { pointer: '/amountCents', code: 'number.min', params: { min: 300000 }, message: 'Mindestens 3.000,00\u00a0€ (bereits zugewiesen).' },
    ]);
    expect(budgets.setAmount).not.toHaveBeenCalled();
  });

  it('lowers the budget down to exactly what is allocated', async () => {
    const { service } = setup({ amountCents: 500_000, allocations: [300_000] });
    await expect(service.setAmount(coordinator, SPACE, YEAR, 300_000)).resolves.toMatchObject({ amountCents: 300_000, availableCents: 0 });
  });

  it('lets only coordinators change the budget', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 });
    const error = await refusal(service.setAmount({ sub: 'demo-caseworker', roles: [Role.Caseworker] }, SPACE, YEAR, 1));
    expect(error.code).toBe(ErrorCode.Forbidden);
    expect(budgets.transaction).not.toHaveBeenCalled();
  });

  it('answers not found for an unknown social space', async () => {
    const { service, references } = setup();
    references.socialSpace.mockResolvedValueOnce(null as never);
    expect((await refusal(service.get(coordinator, SPACE, YEAR))).code).toBe(ErrorCode.NotFound);
  });
  it('refuses a measure the process did not plan, naming the field, and books nothing', async () => {
    const { service, budgets } = setup({ amountCents: 500_000 }, { measures: ['jugendraum'] });
    const error = await refusal(
      service.allocate(coordinator, SPACE, YEAR, {
        kind: 'measure',
        title: 'X',
        processId: PROCESS,
        measureKey: 'gibt-es-nicht',
        amountCents: 1,
      }),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.problems).toEqual([
      {
        pointer: '/measureKey',
        code: 'unknown-reference',
        params: { measureKey: 'gibt-es-nicht' },
        message: 'Diese Maßnahme ist im Prozess nicht geplant.',
      },
    ]);
    expect(budgets.transaction).not.toHaveBeenCalled();
  });

  it('refuses a process of another social space or none, naming the process field', async () => {
    const other = setup({ amountCents: 500_000 }, { processSpace: '99999999-9999-4999-8999-999999999999' });
    const error = await refusal(
      other.service.allocate(coordinator, SPACE, YEAR, {
        kind: 'measure',
        title: 'X',
        processId: PROCESS,
        measureKey: 'jugendraum',
        amountCents: 1,
      }),
    );
    expect(error.problems.map((p) => p.pointer)).toEqual(['/processId']);
    expect(other.states.read).not.toHaveBeenCalled();
    const none = setup({ amountCents: 500_000 });
    const unknown = await refusal(
      none.service.allocate(coordinator, SPACE, YEAR, {
        kind: 'measure',
        title: 'X',
        processId: '55555555-5555-4555-8555-555555555555',
        measureKey: 'jugendraum',
        amountCents: 1,
      }),
    );
    expect(unknown.problems.map((p) => p.pointer)).toEqual(['/processId']);
  });

  it('reverses an allocation by a counter-booking with its reason, once', async () => {
    const { service } = setup({ amountCents: 500_000, allocations: [300_000] });
    const view = await service.reverse(coordinator, SPACE, YEAR, 'a0', 'Träger hat abgesagt');
    expect(view).toMatchObject({ allocatedCents: 0, availableCents: 500_000 });
    expect(view.allocations).toEqual([
      expect.objectContaining({ id: 'a0', amountCents: 300_000 }),
      expect.objectContaining({ amountCents: -300_000, reversesId: 'a0', reason: 'Träger hat abgesagt', createdBy: 'demo-coordinator' }),
    ]);
    expect((await refusal(service.reverse(coordinator, SPACE, YEAR, 'a0', 'noch einmal'))).code).toBe(ErrorCode.Conflict);
    expect((await refusal(service.reverse(coordinator, SPACE, YEAR, 'a1', 'Rückbuchung der Rückbuchung'))).code).toBe(ErrorCode.Conflict);
    expect((await refusal(service.reverse(coordinator, SPACE, YEAR, 'a9', 'unbekannt'))).code).toBe(ErrorCode.NotFound);
  });

  it('books spending against an allocation up to its amount, and reverses only what is left unspent', async () => {
    const { service } = setup({ amountCents: 500_000, allocations: [300_000] });
    const spent = await service.spend(coordinator, SPACE, YEAR, 'a0', {
      amountCents: 120_000,
      spentOn: `${YEAR}-01-15`,
      note: 'Rechnung 1',
    });
    expect(spent).toMatchObject({ spentCents: 120_000, allocatedCents: 300_000 });
    expect(spent.allocations[0]).toMatchObject({ spentCents: 120_000 });
    const tooMuch = await refusal(service.spend(coordinator, SPACE, YEAR, 'a0', { amountCents: 180_001, spentOn: `${YEAR}-01-16` }));
    expect(tooMuch.code).toBe(ErrorCode.Conflict);
    expect(tooMuch.problems).toEqual([
      { pointer: '/amountCents', code: 'number.max', params: { max: 180000 }, message: 'Höchstens 1.800,00\u00a0€ (noch übrig).' },
    ]);
    const future = await refusal(service.spend(coordinator, SPACE, YEAR, 'a0', { amountCents: 1, spentOn: `${YEAR + 1}-12-31` }));
    expect(future.problems).toEqual([{ pointer: '/spentOn', code: 'date.future', message: 'Das Datum darf nicht in der Zukunft liegen.' }]);
    const reversed = await service.reverse(coordinator, SPACE, YEAR, 'a0', 'Rest wird nicht gebraucht');
    expect(reversed).toMatchObject({ allocatedCents: 120_000, availableCents: 380_000, spentCents: 120_000 });
    expect((await refusal(service.spend(coordinator, SPACE, YEAR, 'a0', { amountCents: 1, spentOn: `${YEAR}-01-17` }))).code).toBe(
      ErrorCode.Conflict,
    );
  });

  it("opens a new year with the definition's yearly default when no amount is given", async () => {
    const { service, budgets } = setup(undefined, { annualBudgetCents: 750_000 });
    expect(await service.get(coordinator, SPACE, YEAR + 1)).toMatchObject({ isSet: false, amountCents: 0, defaultAmountCents: 750_000 });
    await expect(service.setAmount(coordinator, SPACE, YEAR + 1)).resolves.toMatchObject({ isSet: true, amountCents: 750_000 });
    expect(budgets.create).toHaveBeenCalledWith(expect.anything(), SPACE, YEAR + 1, 750_000);
  });

  it('books the next year from December and refuses years outside previous to next', async () => {
    expect(bookableYears(new Date(2026, 11, 15))).toEqual({ from: 2025, to: 2027 });
    expect(bookableYears(new Date(2027, 0, 2))).toEqual({ from: 2026, to: 2028 });
    const { service, budgets } = setup();
    await expect(service.setAmount(coordinator, SPACE, YEAR + 1, 1_000)).resolves.toMatchObject({ year: YEAR + 1, amountCents: 1_000 });
    const far = await refusal(service.setAmount(coordinator, SPACE, YEAR + 2, 1_000));
    expect(far.code).toBe(ErrorCode.ValidationFailed);
    expect(far.problems).toEqual([
      {
        pointer: '/year',
        code: 'number.range',
        params: { min: YEAR - 1, max: YEAR + 1 },
        message: `Bitte ein Jahr von ${YEAR - 1} bis ${YEAR + 1} angeben.`,
      },
    ]);
    expect(budgets.create).toHaveBeenCalledTimes(1);
  });
});
