import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { AuditService } from '@sro/audit';
import {
  CaseAccessRepository,
  CaseAccessRow,
  CaseAccessService,
  CaseFile,
  CaseFileInsert,
  CaseInputRules,
  CaseRepository,
  CaseRow,
  CaseRetentionPolicy,
  CaseSearchIndex,
  CaseService,
  Consent,
  ConsentRepository,
  FieldCipher,
  NewConsent,
  todayInBerlin,
} from '@sro/cases';
import { DefinitionsService, SEED_SPECS } from '@sro/definitions';
import type { AssignmentsService } from '@sro/reference-data';

const caseworker: Principal = { sub: 'cw-1', roles: [Role.Caseworker] };

/** Sealing as JSON keeps the tests readable; the real cipher (and its binding to the row) has its own tests. */
const cipher = {
  seal: (value: unknown) => JSON.stringify(value),
  open: <T>(sealed: string) => JSON.parse(sealed) as T,
};

const personal = { familyName: 'Muster', givenNames: ['Erika'], birthDates: ['2014-02-03'], address: 'Lindenallee 7', familyMembers: [] };
const content = {
  will: 'Wieder zur Schule',
  goals: ['Schulbesuch'],
  resources: { person: [], surroundings: [], socialSpace: ['Jugendclub'] },
};

const caseFile = (over: Partial<CaseFile> = {}): CaseFile => ({
  id: 'case-1',
  pseudonym: 'F-2026-ABCDEF',
  zone: 'unclear',
  socialSpaceId: 'space-1',
  assignedCaseworkerIds: ['cw-1'],
  personalEnc: cipher.seal(personal),
  contentEnc: cipher.seal(content),
  confidedEnc: cipher.seal([{ id: 'c1', text: 'Vertraulich' }]),
  deletionDate: new Date('2031-01-01T00:00:00Z'),
  legalHold: false,
  anonymisedAt: null,
  workflowId: null,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  closedAt: null,
  closedBy: null,
  closedReasonEnc: null,
  version: 1,
  ...over,
});

const consent = (over: Partial<Consent> = {}): Consent => ({
  id: 'consent-1',
  caseId: 'case-1',
  version: 1,
  givenBy: 'Mutter',
  purpose: 'fallteam',
  fields: ['familyName'],
  form: 'written',
  givenAt: new Date('2026-11-01T00:00:00Z'),
  revokedAt: null,
  createdBy: 'cw-1',
  createdAt: new Date(),
  ...over,
});

/** The stored row of a case file (the inverse of `toCaseFile`). */
const asRow = (file: CaseFile): CaseRow => ({
  id: file.id,
  pseudonym: file.pseudonym,
  zone: file.zone,
  social_space_id: file.socialSpaceId,
  assigned_caseworker_ids: file.assignedCaseworkerIds,
  personal_enc: file.personalEnc,
  content_enc: file.contentEnc,
  confided_enc: file.confidedEnc,
  deletion_date: file.deletionDate,
  legal_hold: file.legalHold,
  anonymised_at: file.anonymisedAt,
  workflow_id: file.workflowId,
  closed_at: file.closedAt,
  closed_by: file.closedBy,
  closed_reason_enc: file.closedReasonEnc,
  version: file.version,
  created_at: file.createdAt,
});

/** The service with inline fakes; each test replaces what its rule depends on. */
function build() {
  const stored: CaseFile[] = [caseFile()];
  const caseFiles = {
    insert: jest.fn(async (file: CaseFileInsert) => {
      stored.push(
        caseFile({
          id: file.id,
          pseudonym: file.pseudonym,
          zone: file.zone,
          socialSpaceId: file.socialSpaceId,
          assignedCaseworkerIds: [file.caseworkerId],
          personalEnc: file.personalEnc,
          contentEnc: file.contentEnc,
          confidedEnc: file.confidedEnc,
          deletionDate: null,
        }),
      );
      return { version: 1, createdAt: stored[0].createdAt, pseudonym: file.pseudonym };
    }),
    transaction: jest.fn(async <T>(work: (tx: unknown) => Promise<T>) => work({})),
    pageFor: jest.fn(async () => ({ items: stored, total: stored.length })),
    findById: jest.fn(async (id: string): Promise<CaseFile | undefined> => stored.find((c) => c.id === id)),
    // The row and the access rule's answer come in one query; here the row is the stored file as the mapping reads it.
    findRowWithAccess: jest.fn(async (id: string, userId: string) => {
      const file = stored.find((c) => c.id === id);
      return file && { row: asRow(file), access: await accessRows.accessOf(id, userId) };
    }),
  };
  const consents = {
    add: jest.fn(async (_caseId: string, c: NewConsent) => consent({ givenBy: c.givenBy, fields: c.fields })),
    revoke: jest.fn(async (): Promise<Consent | undefined> => consent({ revokedAt: new Date() })),
    listFor: jest.fn(async () => [consent()]),
    fieldsReleasedFor: jest.fn(async () => ['familyName', 'address', 'familyName']),
  };
  const assignments = { of: jest.fn(async () => ({ planningRegionIds: ['region-1'], socialSpaceIds: ['space-1'] })) };
  const definitions = {
    published: jest.fn(async () => ({
      key: 'fallteam-consultation',
      version: 1,
      checksum: 'x',
      spec: SEED_SPECS['fallteam-consultation'],
    })),
  };
  // The access rule's SQL has its own e2e matrix; here the team is who the file lists, substitutes as given.
  const substitutes: Record<string, string[]> = {};
  const accessRows = {
    accessOf: jest.fn(async (caseId: string, userId: string): Promise<CaseAccessRow> => {
      const file = stored.find((c) => c.id === caseId);
      if (file?.assignedCaseworkerIds.includes(userId)) return { kind: 'team', standsInFor: [] };
      const standsInFor = (substitutes[userId] ?? []).filter((a) => file?.assignedCaseworkerIds.includes(a));
      return { kind: standsInFor.length > 0 ? 'substitute' : null, standsInFor };
    }),
  };
  const audit = { record: jest.fn(async () => ({})) };
  const searchIndex = {
    keyId: 'key-1',
    index: jest.fn(async () => undefined),
    newCaseTokens: jest.fn(() => ({ sql: () => 'INSERT …', values: [[Buffer.from('token')]] })),
  };
  const access = new CaseAccessService(
    accessRows as unknown as CaseAccessRepository,
    assignments as unknown as AssignmentsService,
    audit as unknown as AuditService,
  );
  const service = new CaseService(
    caseFiles as unknown as CaseRepository,
    consents as unknown as ConsentRepository,
    cipher as unknown as FieldCipher,
    assignments as unknown as AssignmentsService,
    new CaseInputRules(definitions as unknown as DefinitionsService),
    access,
    new CaseRetentionPolicy(definitions as unknown as DefinitionsService),
    searchIndex as unknown as CaseSearchIndex,
  );
  return { service, stored, caseFiles, consents, assignments, substitutes, audit, searchIndex };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const newCase = { socialSpaceId: 'space-1', zone: 'service' as const, personal, content, confided: [{ text: 'Schulden' }] };
const newConsent: NewConsent = { givenBy: 'Mutter', purpose: 'fallteam', fields: ['familyName'], form: 'written', givenAt: '2026-11-01' };

describe('CaseService', () => {
  describe('create', () => {
    it('refuses a case in a social space the caseworker is not assigned to, storing nothing', async () => {
      const { service, caseFiles } = build();
      const error = await refusal(service.create(caseworker, { ...newCase, socialSpaceId: 'space-9' }));
      expect(error.problems).toEqual([
        { pointer: '/socialSpaceId', code: 'not-assigned', message: 'Bitte einen Ihrer Sozialräume auswählen.' },
      ]);
      expect(caseFiles.insert).not.toHaveBeenCalled();
    });

    it('stores personal data, content and confided items sealed, under a pseudonym, assigned to its creator', async () => {
      const { service, caseFiles } = build();
      const created = await service.create(caseworker, newCase);
      const [insert] = caseFiles.insert.mock.calls[0];
      expect(insert.pseudonym).toMatch(/^F-\d{4}-[A-Z2-9]{6}$/);
      expect(insert.caseworkerId).toBe('cw-1');
      expect(insert.personalEnc).toBe(cipher.seal(personal));
      expect(cipher.open(insert.confidedEnc)).toEqual([{ id: expect.any(String), text: 'Schulden', confidantId: 'cw-1', released: false }]);
      expect(created).toMatchObject({
        id: insert.id,
        personal,
        will: content.will,
        confided: [{ text: 'Schulden' }],
        assignedCaseworkerIds: ['cw-1'],
      });
      // The answer is built from what was written; it is what the next read shows.
      expect(created).toEqual(await service.get(caseworker, created.id));
    });

    it('writes the blind index of the names in the statement of the case, naming the key', async () => {
      const { service, caseFiles, searchIndex } = build();
      await service.create(caseworker, newCase);
      expect(caseFiles.transaction).not.toHaveBeenCalled();
      expect(caseFiles.insert.mock.calls[0][0].searchKeyId).toBe('key-1');
      expect(searchIndex.newCaseTokens).toHaveBeenCalledWith(personal);
      expect((caseFiles.insert.mock.calls[0] as unknown[])[1]).toEqual([searchIndex.newCaseTokens.mock.results[0].value]);
    });

    it('refuses birth dates after today, naming each, and stores nothing', async () => {
      const { service, caseFiles } = build();
      const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
      const error = await refusal(
        service.create(caseworker, { ...newCase, personal: { ...personal, birthDates: ['2014-02-03', tomorrow, '2999-01-01'] } }),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems).toEqual([
        {
          pointer: '/personal/birthDates/1',
          code: 'date.future',
          params: { max: expect.any(String) },
          message: `Das Geburtsdatum ${tomorrow.split('-').reverse().join('.')} liegt in der Zukunft.`,
        },
        {
          pointer: '/personal/birthDates/2',
          code: 'date.future',
          params: { max: expect.any(String) },
          message: 'Das Geburtsdatum 01.01.2999 liegt in der Zukunft.',
        },
      ]);
      expect(caseFiles.insert).not.toHaveBeenCalled();
    });

    it('stores an open case without a deletion date and shows the retention rule of the definition', async () => {
      const { service, caseFiles } = build();
      const created = await service.create(caseworker, newCase);
      expect(caseFiles.insert.mock.calls[0][0].deletionDate).toBeNull();
      expect(created.retentionRule).toEqual({
        definitionKey: 'fallteam-consultation',
        definitionVersion: 1,
        afterClosure: 'P5Y',
        afterClosureWithoutHelp: 'P2Y',
      });
    });
  });

  describe('visibility', () => {
    it('shows a case to the caseworker assigned to it even outside their social spaces', async () => {
      const { service, stored, assignments } = build();
      stored[0] = caseFile({ socialSpaceId: 'space-9' });
      await expect(service.visibleCase(caseworker, 'case-1')).resolves.toMatchObject({ id: 'case-1' });
      expect(assignments.of).not.toHaveBeenCalled();
    });

    it('refuses (403, not 404) a case of their social space to a caseworker who is not on its team', async () => {
      const { service, stored } = build();
      stored[0] = caseFile({ assignedCaseworkerIds: ['cw-2'] });
      expect((await refusal(service.visibleCase(caseworker, 'case-1'))).code).toBe(ErrorCode.Forbidden);
      expect((await refusal(service.addConsent(caseworker, 'case-1', newConsent))).code).toBe(ErrorCode.Forbidden);
    });

    it('opens a case to the substitute of a team member and audits the access as substitution', async () => {
      const { service, stored, substitutes, audit } = build();
      stored[0] = caseFile({ assignedCaseworkerIds: ['cw-2'] });
      substitutes['cw-1'] = ['cw-2'];
      await expect(service.get(caseworker, 'case-1')).resolves.toMatchObject({ id: 'case-1', access: 'substitute' });
      expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: 'access-as-substitute', resourceId: 'case-1' }));
    });

    it.each([
      ['a case of another social space', caseFile({ assignedCaseworkerIds: ['cw-2'], socialSpaceId: 'space-9' }), caseworker],
      ['an anonymised case', caseFile({ anonymisedAt: new Date() }), caseworker],
      ['a case to someone who is not a caseworker', caseFile(), { sub: 'cw-1', roles: [Role.Coordinator] }],
    ])('answers "not found" for %s', async (_what, file, user) => {
      const { service, stored } = build();
      stored[0] = file;
      expect((await refusal(service.get(user, 'case-1'))).code).toBe(ErrorCode.NotFound);
    });

    it('answers "not found" for an unknown case', async () => {
      const { service } = build();
      expect((await refusal(service.get(caseworker, 'nope'))).code).toBe(ErrorCode.NotFound);
    });
  });

  describe('confided items (§ 65)', () => {
    const items = [
      { id: 'mine', text: 'Mir anvertraut', confidantId: 'cw-1', released: false },
      { id: 'theirs', text: 'Der Kollegin anvertraut', confidantId: 'cw-2', released: false },
      { id: 'released', text: 'Freigegeben', confidantId: 'cw-2', released: true },
    ];

    it('shows a co-worker only their own and released items; the confidant releases per item', async () => {
      const { service, stored } = build();
      stored[0] = caseFile({ assignedCaseworkerIds: ['cw-2', 'cw-1'], confidedEnc: cipher.seal(items) });
      expect((await service.get(caseworker, 'case-1')).confided.map((i) => i.id)).toEqual(['mine', 'released']);
      expect((await refusal(service.releaseConfided(caseworker, 'case-1', 'theirs'))).code).toBe(ErrorCode.NotFound);
      const cw2: Principal = { sub: 'cw-2', roles: [Role.Caseworker] };
      stored[0] = { ...stored[0], confidedEnc: cipher.seal(items) };
      const caseFiles = (service as unknown as { caseFiles: { setConfided: jest.Mock } }).caseFiles;
      caseFiles.setConfided = jest.fn(async (_id: string, enc: string) => {
        stored[0] = { ...stored[0], confidedEnc: enc };
      });
      await service.releaseConfided(cw2, 'case-1', 'theirs');
      expect((await service.get(caseworker, 'case-1')).confided.map((i) => i.id)).toEqual(['mine', 'theirs', 'released']);
    });

    it("shows the confidant's substitute the confidant's items", async () => {
      const { service, stored, substitutes } = build();
      stored[0] = caseFile({ assignedCaseworkerIds: ['cw-2'], confidedEnc: cipher.seal(items.filter((i) => i.id !== 'mine')) });
      substitutes['cw-1'] = ['cw-2'];
      expect((await service.get(caseworker, 'case-1')).confided.map((i) => i.id)).toEqual(['theirs', 'released']);
    });
  });

  describe('consents', () => {
    it('names every field a consent cannot release, storing nothing', async () => {
      const { service, consents } = build();
      const error = await refusal(
        service.addConsent(caseworker, 'case-1', { ...newConsent, fields: ['familyName', 'shoeSize', 'income'] }),
      );
      expect(error.problems.map((p) => p.pointer)).toEqual(['/fields/1', '/fields/2']);
      expect(consents.add).not.toHaveBeenCalled();
    });

    it("refuses a purpose not in the definition's list (a case variant too) and a consent given in the future", async () => {
      const { service, consents } = build();
      const variant = await refusal(service.addConsent(caseworker, 'case-1', { ...newConsent, purpose: 'Fallteam' }));
      expect(variant.problems).toEqual([
        {
          pointer: '/purpose',
          code: 'enum',
          params: { allowed: expect.arrayContaining(['fallteam', 'help-planning']), meant: 'fallteam' },
          message: expect.stringMatching(/^Unbekannter Zweck „Fallteam“ \(gemeint ist wohl „fallteam“\); erlaubt: fallteam, help-planning/),
        },
      ]);
      const future = await refusal(
        service.addConsent(caseworker, 'case-1', {
          ...newConsent,
          purpose: 'shopping',
          givenAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
      expect(future.problems.map((p) => p.pointer)).toEqual(['/purpose', '/givenAt']);
      const futureDay = await refusal(service.addConsent(caseworker, 'case-1', { ...newConsent, givenAt: '2999-12-31' }));
      expect(futureDay.problems).toEqual([
        {
          pointer: '/givenAt',
          code: 'date.future',
          params: { max: expect.any(String) },
          message: 'Eine Einwilligung kann nicht in der Zukunft erteilt worden sein.',
        },
      ]);
      expect(consents.add).not.toHaveBeenCalled();
      // Today's date is fine.
      await service.addConsent(caseworker, 'case-1', { ...newConsent, purpose: 'help-planning', givenAt: todayInBerlin() });
      expect(consents.add).toHaveBeenCalledTimes(1);
    });

    it('records a consent on a case the caseworker may see, with the caseworker as its author', async () => {
      const { service, consents } = build();
      await service.addConsent(caseworker, 'case-1', newConsent);
      expect(consents.add).toHaveBeenCalledWith('case-1', newConsent, 'cw-1');
    });

    it('refuses consents on a case the caseworker may not see', async () => {
      const { service, consents } = build();
      expect((await refusal(service.addConsent(caseworker, 'nope', newConsent))).code).toBe(ErrorCode.NotFound);
      expect((await refusal(service.consents(caseworker, 'nope'))).code).toBe(ErrorCode.NotFound);
      expect(consents.add).not.toHaveBeenCalled();
      expect(consents.listFor).not.toHaveBeenCalled();
    });

    it('answers a conflict when there is no active consent to revoke', async () => {
      const { service, consents } = build();
      consents.revoke.mockResolvedValue(undefined);
      expect((await refusal(service.revokeConsent(caseworker, 'case-1', 'consent-1'))).code).toBe(ErrorCode.Conflict);
    });

    it('releases to the Fallteam the fields of consents for the purpose "fallteam"', async () => {
      const { service, consents } = build();
      expect([...(await service.releasedFields('case-1'))].sort()).toEqual(['address', 'familyName']);
      expect(consents.fieldsReleasedFor).toHaveBeenCalledWith('case-1', 'fallteam');
    });
  });
});

describe('CaseRetentionPolicy', () => {
  const definitions = {
    published: jest.fn(async (key: 'fallteam-consultation' | 'jugendhilfedienst-case') => ({
      key,
      version: 3,
      checksum: 'x',
      spec: SEED_SPECS[key],
    })),
  };
  const policy = new CaseRetentionPolicy(definitions as unknown as DefinitionsService);

  it('derives the deletion date from closure: five years with help, two without, for a Fallteam case', async () => {
    const rule = await policy.ruleFor({ workflowId: null });
    expect(rule).toEqual({
      definitionKey: 'fallteam-consultation',
      definitionVersion: 3,
      afterClosure: 'P5Y',
      afterClosureWithoutHelp: 'P2Y',
    });
    const closedAt = new Date('2026-12-02T10:00:00Z');
    expect(policy.deletionDate(rule, closedAt, true)).toBe('2031-12-02');
    expect(policy.deletionDate(rule, closedAt, false)).toBe('2028-12-02');
  });

  it('takes the Jugendhilfedienst definition for a case with that process', async () => {
    const rule = await policy.ruleFor({ workflowId: 'jugendhilfedienst-case-1' });
    expect(rule).toMatchObject({ definitionKey: 'jugendhilfedienst-case', afterClosure: 'P5Y', afterClosureWithoutHelp: null });
    expect(policy.deletionDate(rule, new Date('2026-12-02T10:00:00Z'), false)).toBe('2031-12-02');
  });
});
