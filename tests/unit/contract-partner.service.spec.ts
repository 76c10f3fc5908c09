import { DomainError, ErrorCode } from '@sro/common';
import {
  AssignmentsService,
  ContractPartner,
  ContractPartnerFields,
  ContractPartnerRepository,
  ContractPartnerService,
  PartnerInput,
  PlanningRegionRepository,
  SocialSpace,
} from '@sro/reference-data';

const SPACES: SocialSpace[] = [
  { id: '00000000-0000-4000-8000-000000000001', code: 'SR01', name: 'Sozialraum Teltow', planningRegionId: 'r1' },
  { id: '00000000-0000-4000-8000-000000000002', code: 'SR02', name: 'Sozialraum Kleinmachnow', planningRegionId: 'r1' },
];
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

const input = (overrides: Partial<PartnerInput> = {}): PartnerInput => ({
  name: 'Familienzentrum Seehof e.V.',
  kind: 'free_provider',
  socialSpaceIds: [SPACES[0].id],
  accessionDate: '2024-03-01',
  contacts: [],
  ...overrides,
});

const stored = (fields: Partial<ContractPartner> = {}): ContractPartner => ({
  id: 'p1',
  code: 'VP-ABC123',
  name: 'Familienzentrum Seehof e.V.',
  kind: 'free_provider',
  accessionDate: '2024-03-01',
  exitDate: null,
  exitReason: null,
  socialSpaces: [SPACES[0]],
  contacts: [],
  updatedBy: 'demo-coordinator',
  createdAt: new Date('2024-03-01T00:00:00Z'),
  updatedAt: new Date('2024-03-01T00:00:00Z'),
  ...fields,
});

function setup(existing: ContractPartner | null = stored()) {
  const partners = {
    findById: jest.fn(async (_id: string) => existing),
    create: jest.fn(async (_code: string, _fields: ContractPartnerFields) => 'p1'),
    update: jest.fn(async (_partner: ContractPartner, _fields: ContractPartnerFields) => undefined),
    setExit: jest.fn(async (_id: string, _exitDate: string, _reason: string | null, _actor: string) => undefined),
  } satisfies Partial<Record<keyof ContractPartnerRepository, unknown>>;
  const regions = {
    socialSpacesByIds: jest.fn(async (ids: string[]) => SPACES.filter((s) => ids.includes(s.id))),
  } satisfies Partial<Record<keyof PlanningRegionRepository, unknown>>;
  // Every coordinator of these tests works in planning region r1, except 'coordinator-r2'.
  const assignments = {
    of: jest.fn(async (userId: string) => ({ planningRegionIds: userId === 'coordinator-r2' ? ['r2'] : ['r1'], socialSpaceIds: [] })),
  } satisfies Partial<Record<keyof AssignmentsService, unknown>>;
  const service = new ContractPartnerService(
    partners as unknown as ContractPartnerRepository,
    regions as unknown as PlanningRegionRepository,
    assignments as unknown as AssignmentsService,
  );
  return { service, partners, regions };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('ContractPartnerService', () => {
  it('creates a partner under a fresh VP code with its social spaces, recording who did it', async () => {
    const { service, partners } = setup();
    await service.create('demo-coordinator', input({ socialSpaceIds: [SPACES[0].id, SPACES[1].id, SPACES[0].id] }));
    const [code, fields] = partners.create.mock.calls[0];
    expect(code).toMatch(/^VP-[0-9A-F]{6}$/);
    expect(fields).toEqual({
      name: 'Familienzentrum Seehof e.V.',
      kind: 'free_provider',
      accessionDate: '2024-03-01',
      exitDate: null,
      contacts: [],
      socialSpaces: SPACES,
      updatedBy: 'demo-coordinator',
    });
  });

  it('refuses an exit before the accession and unknown social spaces, naming each by pointer, and stores nothing', async () => {
    const { service, partners } = setup();
    const error = await refusal(
      service.create('demo-coordinator', input({ exitDate: '2020-01-01', socialSpaceIds: [SPACES[0].id, UNKNOWN] })),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.problems).toEqual([
      {
        pointer: '/exitDate',
        code: 'date.min',
        params: { min: '2024-03-01' },
        message: 'Der Austritt darf nicht vor dem Beitritt am 01.03.2024 liegen.',
      },
      { pointer: '/socialSpaceIds/1', code: 'unknown-reference', message: 'Diesen Sozialraum gibt es nicht.' },
    ]);
    expect(partners.create).not.toHaveBeenCalled();
  });

  it('replaces the fields of an existing partner and answers 404 for an unknown one', async () => {
    const { service, partners } = setup();
    await service.update('demo-coordinator-pr2', 'p1', input({ name: 'Familienzentrum Seehof gGmbH' }));
    expect(partners.update).toHaveBeenCalledWith(
      stored(),
      expect.objectContaining({ name: 'Familienzentrum Seehof gGmbH', updatedBy: 'demo-coordinator-pr2' }),
    );

    const missing = setup(null);
    expect((await refusal(missing.service.update('demo-coordinator', 'nope', input()))).code).toBe(ErrorCode.NotFound);
    expect(missing.partners.update).not.toHaveBeenCalled();
  });

  it('closes a partner on its exit date but refuses an exit before its accession', async () => {
    const { service, partners } = setup(stored({ accessionDate: '2012-06-01' }));
    await service.exit('demo-coordinator', 'p1', '2026-12-31', ' Träger hat den Betrieb eingestellt ');
    expect(partners.setExit).toHaveBeenCalledWith('p1', '2026-12-31', 'Träger hat den Betrieb eingestellt', 'demo-coordinator');

    partners.setExit.mockClear();
    const error = await refusal(service.exit('demo-coordinator', 'p1', '2011-12-31'));
    expect(error.problems).toEqual([
      {
        pointer: '/exitDate',
        code: 'date.min',
        params: { min: '2012-06-01' },
        message: 'Der Austritt darf nicht vor dem Beitritt am 01.06.2012 liegen.',
      },
    ]);
    expect(partners.setExit).not.toHaveBeenCalled();
  });

  it('lets a coordinator change only partners of their planning regions, before and after the change (403)', async () => {
    const { service, partners } = setup();
    for (const attempt of [
      service.update('coordinator-r2', 'p1', input()),
      service.exit('coordinator-r2', 'p1', '2026-12-31'),
      service.create('coordinator-r2', input()),
    ])
      expect((await refusal(attempt)).code).toBe(ErrorCode.Forbidden);
    expect(partners.update).not.toHaveBeenCalled();
    expect(partners.setExit).not.toHaveBeenCalled();
    expect(partners.create).not.toHaveBeenCalled();
  });
});
