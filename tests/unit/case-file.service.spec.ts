import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { EntityManager } from 'typeorm';
import {
  CaseFile,
  CaseFileService,
  CaseHistoryInsert,
  CaseHistoryRepository,
  CaseInputRules,
  CaseRepository,
  CaseRetentionPolicy,
  CaseService,
  ConsentRepository,
  ConsultationService,
  ConsultationStatus,
  FieldCipher,
  PacketReleaseRepository,
  CaseFollowUpRepository,
} from '@sro/cases';
import type { DefinitionsService } from '@sro/definitions';
import type { CaseSearchIndex } from '../../libs/cases/src/case-search.index';

/** Sealing as JSON keeps the tests readable; the real cipher has its own tests. */
const cipher = {
  seal: (value: unknown) => JSON.stringify(value),
  open: <T>(sealed: string) => JSON.parse(sealed) as T,
} as unknown as FieldCipher;
/** The fake ignores where a value is sealed (the real binding is tested in field-cipher.spec and sealed-fields e2e). */
const AT = { table: 'case_file', column: 'personal_enc', rowId: 'case-1' };

const caseworker: Principal = { sub: 'cw-1', roles: [Role.Caseworker] } as Principal;
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
  personalEnc: cipher.seal(personal, AT),
  contentEnc: cipher.seal(content, AT),
  confidedEnc: cipher.seal([], AT),
  deletionDate: null,
  legalHold: false,
  anonymisedAt: null,
  workflowId: null,
  closedAt: null,
  closedBy: null,
  closedReasonEnc: null,
  version: 3,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

const status = (over: Partial<ConsultationStatus> = {}): ConsultationStatus => ({
  id: 'con-1',
  phase: 'cancelled',
  requestedBy: 'cw-1',
  requestedAt: new Date(),
  sessionId: null,
  outcomeRecorded: false,
  ...over,
});

function build(file = caseFile()) {
  const tx = {} as EntityManager;
  const cases = {
    open: jest.fn(async () => ({ file, grant: { kind: 'team', responsibleId: 'cw-1', standsInFor: [] } })),
    get: jest.fn(async () => ({ id: file.id })),
  };
  const caseFiles = {
    transaction: jest.fn(async <T>(work: (m: EntityManager) => Promise<T>) => work(tx)),
    updateIfVersion: jest.fn(async (): Promise<number | undefined> => file.version + 1),
    findById: jest.fn(async () => file),
    close: jest.fn(
      async (_tx: EntityManager, _id: string, _closure: { deletionDate: string | null }): Promise<number | undefined> => file.version + 1,
    ),
    reopen: jest.fn(async (): Promise<number | undefined> => file.version + 1),
    recordClosureIntent: jest.fn(async (_id: string, _intent: { by: string; reasonEnc: string | null; at: Date }) => true),
    dropClosureIntent: jest.fn(async () => undefined),
    lockClosureIntent: jest.fn(async (): Promise<{ closingBy: string; closingReasonEnc: string | null } | undefined> => ({
      closingBy: 'cw-1',
      closingReasonEnc: JSON.stringify('Hilfe beendet'),
    })),
    confirmClosure: jest.fn(async () => file.version + 1),
  };
  const history = { insert: jest.fn(async (_entry: CaseHistoryInsert) => undefined), nextId: jest.fn(async () => '41') };
  const releases = { markStale: jest.fn(async () => []) };
  const consultations = { statusesOf: jest.fn(async (): Promise<ConsultationStatus[]> => []) };
  const definitions = {
    published: jest.fn(async () => ({ version: 2, spec: { retentionAfterClosure: 'P5Y', retentionAfterClosureWithoutHelp: 'P2Y' } })),
  };
  const searchIndex = { index: jest.fn(async () => undefined) };
  const service = new CaseFileService(
    cases as unknown as CaseService,
    caseFiles as unknown as CaseRepository,
    history as unknown as CaseHistoryRepository,
    releases as unknown as PacketReleaseRepository,
    {} as ConsentRepository,
    {} as CaseFollowUpRepository,
    consultations as unknown as ConsultationService,
    new CaseRetentionPolicy(definitions as unknown as DefinitionsService),
    new CaseInputRules(definitions as unknown as DefinitionsService),
    cipher,
    searchIndex as unknown as CaseSearchIndex,
  );
  return { service, caseFiles, history, releases, consultations, searchIndex };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('CaseFileService', () => {
  describe('update', () => {
    it('refuses a write without a version (428) and with a stale one (412) before storing anything', async () => {
      const { service, caseFiles, history } = build();
      expect((await refusal(service.update(caseworker, 'case-1', { will: 'x' }, undefined))).code).toBe(ErrorCode.PreconditionRequired);
      const stale = await refusal(service.update(caseworker, 'case-1', { will: 'x' }, 2));
      expect(stale.code).toBe(ErrorCode.PreconditionFailed);
      expect(stale.message).toContain('aktuelle Version 3');
      expect(caseFiles.updateIfVersion).not.toHaveBeenCalled();
      expect(history.insert).not.toHaveBeenCalled();
    });

    it('stores only what changed, names the fields, and marks the packet stale only for packet fields', async () => {
      const { service, caseFiles, history, releases, searchIndex } = build();
      await service.update(caseworker, 'case-1', { personal: { ...personal, address: 'Am Markt 1' }, goals: ['Schulbesuch'] }, 3);
      expect(caseFiles.updateIfVersion).toHaveBeenCalledWith(expect.anything(), 'case-1', 3, {
        zone: undefined,
        personalEnc: cipher.seal({ ...personal, address: 'Am Markt 1' }, AT),
        contentEnc: undefined,
      });
      expect(searchIndex.index).toHaveBeenCalledWith('case-1', { ...personal, address: 'Am Markt 1' }, expect.anything());
      expect(history.insert).toHaveBeenCalledWith(
        { caseId: 'case-1', version: 4, action: 'update', fields: ['personal.address'], actorId: 'cw-1' },
        expect.anything(),
      );
      expect(releases.markStale).not.toHaveBeenCalled();

      await service.update(caseworker, 'case-1', { zone: 'service', resources: { ...content.resources, person: ['Fußball'] } }, 3);
      expect(releases.markStale).toHaveBeenCalledWith(expect.anything(), 'case-1', ['zone', 'resources.person']);
    });

    it('stores nothing when nothing differs', async () => {
      const { service, caseFiles } = build();
      await service.update(caseworker, 'case-1', { will: content.will, goals: content.goals }, 3);
      expect(caseFiles.updateIfVersion).not.toHaveBeenCalled();
    });

    it('answers 412 when another writer came in between, without a history entry', async () => {
      const { service, caseFiles, history } = build();
      caseFiles.updateIfVersion.mockResolvedValue(undefined);
      caseFiles.findById.mockResolvedValue(caseFile({ version: 4 }));
      expect((await refusal(service.update(caseworker, 'case-1', { will: 'Neu' }, 3))).code).toBe(ErrorCode.PreconditionFailed);
      expect(history.insert).not.toHaveBeenCalled();
    });

    it('refuses a new zone for a Jugendhilfedienst case at /zone', async () => {
      const { service } = build(caseFile({ workflowId: 'jhd-case-1' }));
      const error = await refusal(service.update(caseworker, 'case-1', { zone: 'endangerment' }, 3));
      expect(error.problems).toEqual([{ pointer: '/zone', code: 'process-managed', message: expect.stringContaining('Einstufung') }]);
    });
  });

  describe('closeFallteamCase', () => {
    it('refuses while a consultation waits for the Fallteam', async () => {
      const { service, consultations, caseFiles } = build();
      consultations.statusesOf.mockResolvedValue([status({ phase: 'scheduled' })]);
      expect((await refusal(service.closeFallteamCase(caseworker, 'case-1', { reason: 'Ziele erreicht' }))).code).toBe(ErrorCode.Conflict);
      expect(caseFiles.close).not.toHaveBeenCalled();
    });

    it('sets the deletion date from the rule: two years without help, five with a recorded outcome', async () => {
      const { service, consultations, caseFiles } = build();
      await service.closeFallteamCase(caseworker, 'case-1', { reason: 'Ziele erreicht' });
      const year = new Date().getUTCFullYear();
      expect(caseFiles.close.mock.calls[0][2]).toMatchObject({ deletionDate: expect.stringMatching(new RegExp(`^${year + 2}-`)) });
      consultations.statusesOf.mockResolvedValue([status({ phase: 'outcome_recorded', outcomeRecorded: true })]);
      await service.closeFallteamCase(caseworker, 'case-1', { reason: 'Hilfe beendet' });
      expect(caseFiles.close.mock.calls[1][2]).toMatchObject({ deletionDate: expect.stringMatching(new RegExp(`^${year + 5}-`)) });
    });
  });

  describe('reopen', () => {
    it('refuses once the deletion date has come, and an open case', async () => {
      const past = build(caseFile({ closedAt: new Date('2020-01-01'), deletionDate: new Date('2022-01-01') }));
      expect((await refusal(past.service.reopen(caseworker, 'case-1', 'zu spät'))).message).toContain('Aufbewahrungsfrist');
      expect(past.caseFiles.reopen).not.toHaveBeenCalled();
      const open = build();
      expect((await refusal(open.service.reopen(caseworker, 'case-1', 'offen'))).code).toBe(ErrorCode.InvalidState);
    });
  });

  describe('closeThroughProcess', () => {
    const jhd = caseFile({ workflowId: 'jugendhilfedienst-case/case-1' });

    it('stores the intent, then asks the workflow outside any transaction, then confirms with the history entry', async () => {
      const { service, caseFiles, history } = build(jhd);
      const order: string[] = [];
      caseFiles.recordClosureIntent.mockImplementation(async () => (order.push('intent'), true));
      caseFiles.transaction.mockImplementation(async (work) => (order.push('transaction'), work({} as EntityManager)));
      await service.closeThroughProcess(caseworker, 'case-1', 'Hilfe beendet', async () => {
        order.push('workflow');
      });
      expect(order).toEqual(['intent', 'workflow', 'transaction']);
      expect(caseFiles.recordClosureIntent.mock.calls[0][1]).toMatchObject({ by: 'cw-1', reasonEnc: JSON.stringify('Hilfe beendet') });
      expect(caseFiles.confirmClosure).toHaveBeenCalledWith(expect.anything(), 'case-1', JSON.stringify('Hilfe beendet'));
      expect(history.insert.mock.calls[0][0]).toMatchObject({ action: 'close', actorId: 'cw-1', version: 4, fields: ['deletionDate'] });
    });

    it('completes a closure the workflow made whose confirmation failed, without asking the workflow again', async () => {
      const { service, caseFiles } = build(caseFile({ workflowId: 'w', closedAt: new Date(), deletionDate: new Date('2031-12-02') }));
      const workflow = jest.fn(async () => undefined);
      await service.closeThroughProcess(caseworker, 'case-1', 'Hilfe beendet', workflow);
      expect(workflow).not.toHaveBeenCalled();
      expect(caseFiles.confirmClosure).toHaveBeenCalledTimes(1);
    });

    it('drops the intent when the workflow refuses and the case stayed open', async () => {
      const { service, caseFiles } = build(jhd);
      const refused = new DomainError(ErrorCode.InvalidState, 'Bei akuter Gefährdung ist zuerst der Sofortschutz zu dokumentieren.');
      await expect(service.closeThroughProcess(caseworker, 'case-1', null, async () => Promise.reject(refused))).rejects.toBe(refused);
      expect(caseFiles.dropClosureIntent).toHaveBeenCalledWith('case-1');
      expect(caseFiles.transaction).not.toHaveBeenCalled();
    });

    it('refuses a closure that is confirmed already, storing nothing', async () => {
      const { service, caseFiles } = build(caseFile({ workflowId: 'w', closedAt: new Date(), closedBy: 'cw-1' }));
      expect((await refusal(service.closeThroughProcess(caseworker, 'case-1', 'nochmal', async () => undefined))).code).toBe(
        ErrorCode.CaseClosed,
      );
      expect(caseFiles.recordClosureIntent).not.toHaveBeenCalled();
    });
  });

  describe('reopen of a Jugendhilfedienst case', () => {
    it('restarts the process before the case file is opened, and not at all when the retention period is over', async () => {
      const closed = caseFile({ workflowId: 'w', closedAt: new Date(), deletionDate: new Date(Date.now() + 86_400_000 * 365) });
      const { service, caseFiles } = build(closed);
      const order: string[] = [];
      caseFiles.transaction.mockImplementation(async (work) => (order.push('transaction'), work({} as EntityManager)));
      await service.reopen(caseworker, 'case-1', 'Neue Meldung', async () => {
        order.push('restart');
      });
      expect(order).toEqual(['restart', 'transaction']);
      const past = build(caseFile({ workflowId: 'w', closedAt: new Date('2020-01-01'), deletionDate: new Date('2022-01-01') }));
      const restart = jest.fn(async () => undefined);
      const error = await refusal(past.service.reopen(caseworker, 'case-1', 'zu spät', restart));
      expect(error.message).toBe('Die Aufbewahrungsfrist des Falls ist am 01.01.2022 abgelaufen; er kann nicht wieder geöffnet werden.');
      expect(restart).not.toHaveBeenCalled();
    });
  });
});
