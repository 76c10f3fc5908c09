import { WorkflowStateReader } from '@sro/temporal';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import type { AppConfig } from '@sro/config';
import { DefinitionsService, SEED_SPECS } from '@sro/definitions';
import {
  ageBand,
  Booking,
  CaseFile,
  CaseRepository,
  CaseService,
  ConsultationRecord,
  ConsultationRepository,
  ConsultationService,
  FallteamSession,
  FallteamSessionRepository,
  FieldCipher,
  PacketReleaseRecord,
  PacketReleaseRepository,
  RecommendationRecord,
  StaffRepository,
} from '@sro/cases';

const DAY = 86_400_000;
const caseworker: Principal = { sub: 'cw-1', roles: [Role.Caseworker] };
const adviser: Principal = { sub: 'adviser-1', roles: [Role.Adviser] };

/** Sealing as JSON keeps the tests readable; the real cipher (and its binding to the row) has its own tests. */
const cipher = {
  seal: (value: unknown) => JSON.stringify(value),
  open: <T>(sealed: string) => JSON.parse(sealed) as T,
};

const caseFile = (over: Partial<CaseFile> = {}): CaseFile => ({
  id: 'case-1',
  pseudonym: 'F-2026-ABCDEF',
  zone: 'unclear',
  socialSpaceId: 'space-1',
  assignedCaseworkerIds: ['cw-1'],
  personalEnc: cipher.seal({
    familyName: 'Muster',
    givenNames: ['Erika'],
    birthDates: ['2014-02-03'],
    address: 'Lindenallee 7',
    familyMembers: [],
  }),
  contentEnc: cipher.seal({
    will: 'Wieder zur Schule',
    goals: ['Schulbesuch'],
    resources: { person: [], surroundings: [], socialSpace: ['Jugendclub'] },
  }),
  confidedEnc: cipher.seal([{ id: 'c1', text: 'Vertraulich' }]),
  deletionDate: null,
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

const consultation = (over: Partial<ConsultationRecord> = {}): ConsultationRecord => ({
  id: 'con-1',
  caseId: 'case-1',
  workflowId: 'fallteam-consultation/con-1',
  sessionId: null,
  questionsEnc: cipher.seal(['Welche Hilfe passt?']),
  outcomeEnc: null,
  requestedBy: 'cw-1',
  createdAt: new Date('2026-01-02T00:00:00Z'),
  ...over,
});

const session = (over: Partial<FallteamSession> = {}): FallteamSession => ({
  id: 'session-1',
  startsAt: new Date(Date.now() + 7 * DAY),
  place: 'Familienzentrum',
  capacity: 2,
  moderatorId: 'cw-1',
  createdBy: 'cw-1',
  createdAt: new Date(),
  ...over,
});

/** The service with inline fakes; each test replaces what its rule depends on. */
function build() {
  const consultations = {
    insert: jest.fn(async () => undefined),
    withNewCase: jest.fn((request: { id: string }) => ({ sql: () => 'INSERT …', values: [request.id] })),
    findById: jest.fn(async (): Promise<ConsultationRecord | undefined> => consultation()),
    unassignSession: jest.fn(async () => undefined),
    storeOutcome: jest.fn(async () => true),
    removeOutcome: jest.fn(async () => undefined),
    invitations: jest.fn(async () => []),
    invitationsAndRecommendations: jest.fn(async () => ({ invitations: [], recommendations: [] as RecommendationRecord[] })),
    hasOpenInvitation: jest.fn(async () => true),
    openForAdviser: jest.fn(async () => []),
    recommendations: jest.fn(async (): Promise<RecommendationRecord[]> => []),
    addRecommendation: jest.fn(async (_id: string, adviserId: string, contentEnc: string): Promise<RecommendationRecord> => ({
      id: 'rec-1',
      adviserId,
      contentEnc,
      createdAt: new Date(),
    })),
  };
  const sessions = {
    insert: jest.fn(async () => session()),
    upcoming: jest.fn(async () => []),
    findById: jest.fn(async (): Promise<FallteamSession | undefined> => session()),
    book: jest.fn(async (): Promise<Booking> => ({ session: session(), future: true, booked: true, previous: null })),
  };
  const caseFiles = { findById: jest.fn(async (): Promise<CaseFile | undefined> => caseFile()) };
  // The caseworker released the packet as the case stands in `caseFile()`.
  const releases = {
    latest: jest.fn(async (): Promise<PacketReleaseRecord | undefined> => ({
      id: 'release-1',
      consultationId: 'con-1',
      caseVersion: 1,
      packetEnc: cipher.seal({
        zone: 'unclear',
        will: 'Wieder zur Schule',
        goals: ['Schulbesuch'],
        resources: { person: [], surroundings: [], socialSpace: ['Jugendclub'] },
        questions: ['Welche Hilfe passt?'],
      }),
      releasedBy: 'cw-1',
      releasedAt: new Date(),
      staleSince: null,
      staleFields: [],
    })),
  };
  const staff = { activeWithAnyRole: jest.fn(async (ids: string[], _roles: Role[]) => ids) };
  const cases = {
    visibleCase: jest.fn(async (): Promise<CaseFile> => caseFile()),
    releasedFields: jest.fn(async () => new Set<string>()),
    prepare: jest.fn(async () => ({
      input: {},
      confided: [],
      insert: { id: 'case-new', pseudonym: 'F-2026-NEWNEW', socialSpaceId: 'space-1', caseworkerId: 'cw-1' },
    })),
    write: jest.fn(async () => ({ version: 1, createdAt: new Date('2026-12-03T08:00:00Z'), pseudonym: 'F-2026-NEWNEW' })),
    created: jest.fn((prepared: { insert: { id: string } }) => ({ id: prepared.insert.id })),
    removeUnstarted: jest.fn(async () => undefined),
  };
  const handle = {
    query: jest.fn(async () => ({ pseudonym: 'F-2026-ABCDEF', phase: 'scheduled', steps: [], definition: { version: 1 }, access: [] })),
    executeUpdate: jest.fn(async (): Promise<unknown> => ({})),
    describe: jest.fn(async (): Promise<unknown> => ({})),
  };
  const temporal = { workflow: { start: jest.fn(async () => ({})), getHandle: jest.fn(() => handle) } };
  const definitions = {
    published: jest.fn(async () => ({
      key: 'fallteam-consultation',
      version: 3,
      checksum: 'x',
      spec: SEED_SPECS['fallteam-consultation'],
    })),
  };
  const config = { temporal: { taskQueue: 'sro' } };
  const service = new ConsultationService(
    consultations as unknown as ConsultationRepository,
    sessions as unknown as FallteamSessionRepository,
    caseFiles as unknown as CaseRepository,
    staff as unknown as StaffRepository,
    cases as unknown as CaseService,
    cipher as unknown as FieldCipher,
    temporal as unknown as Client,
    new WorkflowStateReader(temporal as unknown as Client),
    config as unknown as AppConfig,
    definitions as unknown as DefinitionsService,
    releases as unknown as PacketReleaseRepository,
  );
  return { service, consultations, sessions, caseFiles, staff, cases, handle, temporal, definitions, releases };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('age bands of the packet', () => {
  it('puts a child into its band by completed years, counting the birthday itself', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    const cases: Array<[string, string]> = [
      ['2026-12-02', '0-2'],
      ['2023-12-03', '0-2'],
      ['2023-12-02', '3-5'],
      ['2020-12-03', '3-5'],
      ['2020-12-02', '6-9'],
      ['2016-12-02', '10-13'],
      ['2012-12-03', '10-13'],
      ['2012-12-02', '14-17'],
      ['2008-12-02', '18-26'],
      ['1999-12-03', '18-26'],
      ['1999-12-02', '27+'],
      ['2027-01-01', 'unknown'],
      ['', 'unknown'],
    ];
    for (const [born, band] of cases) expect([born, ageBand(born, at)]).toEqual([born, band]);
  });
});

describe('ConsultationService', () => {
  describe('Fallteam sessions', () => {
    it('refuses a session in the past without looking up the moderator or storing anything', async () => {
      const { service, staff, sessions } = build();
      const error = await refusal(
        service.createSession(caseworker, {
          startsAt: new Date(Date.now() - DAY).toISOString(),
          place: 'Rathaus',
          capacity: 4,
          moderatorId: 'cw-1',
        }),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems).toEqual([{ pointer: '/startsAt', code: 'date.past', message: 'Der Termin muss in der Zukunft liegen.' }]);
      expect(staff.activeWithAnyRole).not.toHaveBeenCalled();
      expect(sessions.insert).not.toHaveBeenCalled();
    });

    it('refuses a moderator who is not an active caseworker or coordinator', async () => {
      const { service, staff, sessions } = build();
      staff.activeWithAnyRole.mockResolvedValue([]);
      const error = await refusal(
        service.createSession(caseworker, {
          startsAt: new Date(Date.now() + DAY).toISOString(),
          place: 'Rathaus',
          capacity: 4,
          moderatorId: 'adviser-1',
        }),
      );
      expect(error.problems).toEqual([
        { pointer: '/moderatorId', code: 'unknown-reference', message: expect.stringContaining('aktive Fachkraft oder Koordination') },
      ]);
      expect(staff.activeWithAnyRole).toHaveBeenCalledWith(['adviser-1'], [Role.Caseworker, Role.Coordinator]);
      expect(sessions.insert).not.toHaveBeenCalled();
    });

    it('stores a future session with its creator', async () => {
      const { service, sessions } = build();
      const input = { startsAt: new Date(Date.now() + DAY).toISOString(), place: 'Rathaus', capacity: 4, moderatorId: 'cw-1' };
      await service.createSession(caseworker, input);
      expect(sessions.insert).toHaveBeenCalledWith(input, 'cw-1');
    });
  });

  describe('request', () => {
    it('lets only those who may change the case (its access rule) bring it to the Fallteam', async () => {
      const { service, cases, consultations, temporal } = build();
      // In the social space, but not on the case team: the access rule refuses changes.
      (cases.visibleCase as jest.Mock).mockImplementation(async (_user: unknown, _id: unknown, need?: unknown) => {
        if (need === 'write') throw new DomainError(ErrorCode.Forbidden, 'nicht im Fallteam');
        return caseFile({ assignedCaseworkerIds: ['cw-2'] });
      });
      const error = await refusal(service.request(caseworker, 'case-1', ['Frage']));
      expect(error.code).toBe(ErrorCode.Forbidden);
      expect(consultations.insert).not.toHaveBeenCalled();
      expect(temporal.workflow.start).not.toHaveBeenCalled();
    });

    it('seals the questions, starts the workflow with ids and the pseudonym only, and answers the initial state', async () => {
      const { service, consultations, temporal } = build();
      const answer = await service.request(caseworker, 'case-1', ['Welche Ressourcen passen?']);
      const [insert] = consultations.insert.mock.calls[0] as unknown as [{ id: string; questionsEnc: string; workflowId: string }];
      expect(insert).toMatchObject({ caseId: 'case-1', requestedBy: 'cw-1', questionsEnc: cipher.seal(['Welche Ressourcen passen?']) });
      const [type, options] = temporal.workflow.start.mock.calls[0] as unknown as [
        string,
        { workflowId: string; args: [Record<string, unknown>] },
      ];
      expect(type).toBe('fallteamConsultation');
      expect(options.workflowId).toBe(insert.workflowId);
      expect(Object.keys(options.args[0]).sort()).toEqual([
        'caseId',
        'caseworkerId',
        'consultationId',
        'definition',
        'pseudonym',
        'requestedAt',
        'socialSpaceId',
      ]);
      expect(JSON.stringify(options.args[0])).not.toContain('Muster');
      expect(answer).toMatchObject({
        id: insert.id,
        phase: 'requested',
        definitionVersion: 3,
        questions: ['Welche Ressourcen passen?'],
        sessionId: null,
        outcome: null,
        invitations: [],
      });
      expect(answer.steps.map((s) => s.status)).toEqual(['active', 'pending', 'pending']);
    });
  });

  describe('intake (a case with its consultation request in one call)', () => {
    const newCase = { socialSpaceId: 'space-1', zone: 'unclear' as const, personal: {} as never, content: {} as never, confided: [] };
    const order = (...mocks: jest.Mock[]) => mocks.map((m) => m.mock.invocationCallOrder[0]);

    it('writes the case and the consultation in one statement, then starts the workflow with the initial state', async () => {
      const { service, cases, consultations, temporal } = build();
      const answer = await service.intake(caseworker, newCase, ['Welche Hilfe passt?']);
      // The request goes along with the case's own statement: nothing open across the start.
      expect(consultations.insert).not.toHaveBeenCalled();
      const [request] = consultations.withNewCase.mock.calls[0] as unknown as [{ id: string; workflowId: string; requestedBy: string }];
      expect(request).toMatchObject({ workflowId: expect.stringContaining(request.id), requestedBy: 'cw-1' });
      expect((cases.write.mock.calls[0] as unknown[])[1]).toEqual([consultations.withNewCase.mock.results[0].value]);
      const [write, start] = order(cases.write, temporal.workflow.start);
      expect(write).toBeLessThan(start);
      const [, options] = temporal.workflow.start.mock.calls[0] as unknown as [string, { args: [Record<string, unknown>] }];
      expect(options.args[0]).toMatchObject({ caseId: 'case-new', pseudonym: 'F-2026-NEWNEW', caseworkerId: 'cw-1' });
      expect(answer.consultation).toMatchObject({ caseId: 'case-new', phase: 'requested', questions: ['Welche Hilfe passt?'] });
      expect(answer.id).toBe('case-new');
      expect(cases.removeUnstarted).not.toHaveBeenCalled();
    });

    it('names the case by the pseudonym it was written with when the drawn one was taken', async () => {
      const { service, cases, temporal } = build();
      cases.write.mockResolvedValueOnce({ version: 1, createdAt: new Date('2026-12-03T08:00:00Z'), pseudonym: 'F-2026-REDRAW' });
      const answer = await service.intake(caseworker, newCase, ['Welche Hilfe passt?']);
      const [, options] = temporal.workflow.start.mock.calls[0] as unknown as [string, { args: [Record<string, unknown>] }];
      expect(options.args[0].pseudonym).toBe('F-2026-REDRAW');
      expect(answer.consultation.pseudonym).toBe('F-2026-REDRAW');
    });

    it('takes the whole intake back when the start failed and Temporal knows no such workflow', async () => {
      const { service, cases, temporal, handle } = build();
      temporal.workflow.start.mockRejectedValueOnce(new Error('unavailable'));
      handle.describe.mockRejectedValueOnce(new WorkflowNotFoundError('not found', 'fallteam-consultation/x', undefined));
      await expect(service.intake(caseworker, newCase, ['Frage'])).rejects.toThrow('unavailable');
      expect(cases.removeUnstarted).toHaveBeenCalledWith('case-new');
    });

    it('keeps the rows when the workflow did start or Temporal cannot say', async () => {
      const { service, cases, temporal, handle } = build();
      temporal.workflow.start.mockRejectedValueOnce(new Error('deadline exceeded'));
      await expect(service.intake(caseworker, newCase, ['Frage'])).rejects.toThrow('deadline exceeded');
      temporal.workflow.start.mockRejectedValueOnce(new Error('unavailable'));
      handle.describe.mockRejectedValueOnce(new Error('unavailable'));
      await expect(service.intake(caseworker, newCase, ['Frage'])).rejects.toThrow('unavailable');
      expect(cases.removeUnstarted).not.toHaveBeenCalled();
    });
  });

  describe('schedule', () => {
    it('refuses an unknown session', async () => {
      const { service, sessions, handle } = build();
      sessions.book.mockResolvedValue({ session: undefined, booked: false, previous: null });
      const error = await refusal(service.schedule(caseworker, 'con-1', 'nope'));
      expect(error.problems).toEqual([
        { pointer: '/sessionId', code: 'unknown-reference', message: expect.stringContaining('Diesen Fallteam-Termin gibt es nicht') },
      ]);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('refuses a session that lies in the past', async () => {
      const { service, sessions, handle } = build();
      sessions.book.mockResolvedValue({
        session: session({ startsAt: new Date(Date.now() - 1000) }),
        future: false,
        booked: false,
        previous: null,
      });
      const error = await refusal(service.schedule(caseworker, 'con-1', 'session-1'));
      expect(error.problems).toEqual([
        {
          pointer: '/sessionId',
          code: 'date.past',
          params: { startsAt: expect.any(String) },
          message: expect.stringMatching(/^Der Fallteam-Termin am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr ist vorbei/),
        },
      ]);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('refuses a full session as a conflict, before the workflow hears of it', async () => {
      const { service, sessions, handle } = build();
      sessions.book.mockResolvedValue({ session: session({ capacity: 2 }), future: true, booked: false, previous: null });
      const error = await refusal(service.schedule(caseworker, 'con-1', 'session-1'));
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.message).toContain('ausgebucht (2 Beratungen)');
      expect(sessions.book).toHaveBeenCalledWith('con-1', 'session-1');
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('books a session with room first, then the workflow accepts the date', async () => {
      const { service, sessions, consultations, handle } = build();
      const booked = session({ capacity: 2 });
      const order: string[] = [];
      sessions.book.mockImplementation(async () => {
        order.push('booking');
        return { session: booked, future: true, booked: true, previous: null };
      });
      // The workflow answers with its state after the change; the answer is built from it, not queried again.
      handle.executeUpdate.mockImplementation(async () => {
        order.push('workflow');
        return {
          pseudonym: 'F-2026-ABCDEF',
          phase: 'scheduled',
          steps: [],
          sessionId: 'session-1',
          definition: { version: 1 },
          access: [],
        };
      });
      const answer = await service.schedule(caseworker, 'con-1', 'session-1');
      expect(answer).toMatchObject({ phase: 'scheduled', sessionId: 'session-1' });
      expect(handle.query).not.toHaveBeenCalled();
      expect(handle.executeUpdate).toHaveBeenCalledWith(expect.objectContaining({ name: 'schedule' }), {
        args: [{ sessionId: 'session-1', sessionAt: booked.startsAt.toISOString(), actorId: 'cw-1' }],
      });
      expect(order).toEqual(['booking', 'workflow']);
      expect(consultations.unassignSession).not.toHaveBeenCalled();
    });

    it('gives the seat back to the session booked before when the workflow refuses the date', async () => {
      const { service, sessions, consultations, handle } = build();
      sessions.book.mockResolvedValue({ session: session({ capacity: 2 }), future: true, booked: true, previous: 'session-0' });
      handle.executeUpdate.mockRejectedValue(
        new WorkflowUpdateFailedError(
          'refused',
          ApplicationFailure.create({ type: ErrorCode.InvalidState, message: 'Die Beratung ist beendet' }),
        ),
      );
      const error = await refusal(service.schedule(caseworker, 'con-1', 'session-1'));
      expect(error.code).toBe(ErrorCode.InvalidState);
      expect(consultations.unassignSession).toHaveBeenCalledWith('con-1', 'session-1', 'session-0');
    });

    it('keeps the seat when the answer is lost (the update may have been accepted; a retry repeats both steps)', async () => {
      const { service, consultations, handle } = build();
      handle.executeUpdate.mockRejectedValue(new Error('connection reset'));
      await expect(service.schedule(caseworker, 'con-1', 'session-1')).rejects.toThrow('connection reset');
      expect(consultations.unassignSession).not.toHaveBeenCalled();
    });
  });

  describe('invite', () => {
    it('names each invitee who is not an active adviser and tells the workflow nothing', async () => {
      const { service, staff, handle } = build();
      staff.activeWithAnyRole.mockResolvedValue(['adviser-1']);
      const error = await refusal(service.invite(caseworker, 'con-1', ['adviser-1', 'cw-2']));
      expect(error.problems).toEqual([
        {
          pointer: '/adviserIds/1',
          code: 'unknown-reference',
          params: { userId: 'cw-2' },
          message: 'cw-2 ist keine bekannte, aktive externe Beratung.',
        },
      ]);
      expect(staff.activeWithAnyRole).toHaveBeenCalledWith(['adviser-1', 'cw-2'], [Role.Adviser]);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('answers the access windows the workflow grants', async () => {
      const { service, handle } = build();
      const access = [{ adviserId: 'adviser-1', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-01-15T00:00:00.000Z', closed: false }];
      handle.executeUpdate.mockResolvedValue(access);
      expect(await service.invite(caseworker, 'con-1', ['adviser-1'])).toEqual(access);
    });
  });

  describe('recordOutcome', () => {
    const invitation = (adviserId: string) => ({ adviserId, opensAt: new Date(), closesAt: new Date(), closedAt: null });

    it('seals the outcome and tells the workflow how many Jugendamt professionals (advisers not counted) took part', async () => {
      const { service, consultations, handle } = build();
      consultations.invitations.mockResolvedValue([invitation('adviser-1')] as never);
      const outcome = {
        participants: [
          { role: 'professional' as const, userId: 'cw-1' },
          { role: 'professional' as const, userId: 'cw-2' },
          { role: 'adviser' as const, userId: 'adviser-1' },
          { role: 'family' as const },
        ],
        recommendations: ['Schulsozialarbeit'],
        decision: 'Beratung',
        helpSetting: 'Jugendclub',
      };
      await service.recordOutcome(caseworker, 'con-1', outcome);
      expect(consultations.storeOutcome).toHaveBeenCalledWith('con-1', cipher.seal(outcome));
      expect(consultations.removeOutcome).not.toHaveBeenCalled();
      expect(handle.executeUpdate).toHaveBeenCalledWith(expect.objectContaining({ name: 'recordOutcome' }), {
        args: [{ professionals: 2, participants: 4, actorId: 'cw-1' }],
      });
    });

    it('takes the sealed outcome back when the workflow refuses it, and leaves an outcome stored before alone', async () => {
      const { service, consultations, handle } = build();
      const outcome = {
        participants: [
          { role: 'professional' as const, userId: 'cw-1' },
          { role: 'professional' as const, userId: 'cw-2' },
        ],
        recommendations: [],
        decision: 'Beratung',
        helpSetting: 'Jugendclub',
      };
      handle.executeUpdate.mockRejectedValue(
        new WorkflowUpdateFailedError(
          'refused',
          ApplicationFailure.create({ type: ErrorCode.InvalidState, message: 'Die Sitzung hat noch nicht begonnen' }),
        ),
      );
      expect((await refusal(service.recordOutcome(caseworker, 'con-1', outcome))).code).toBe(ErrorCode.InvalidState);
      expect(consultations.removeOutcome).toHaveBeenCalledWith('con-1', cipher.seal(outcome));
      consultations.removeOutcome.mockClear();
      consultations.storeOutcome.mockResolvedValue(false);
      await refusal(service.recordOutcome(caseworker, 'con-1', outcome));
      expect(consultations.removeOutcome).not.toHaveBeenCalled();
    });

    it('names every participant who is unknown, not a Jugendamt professional, not invited or named twice, and stores nothing', async () => {
      const { service, consultations, staff, handle } = build();
      consultations.invitations.mockResolvedValue([invitation('demo-adviser')] as never);
      staff.activeWithAnyRole.mockImplementation(async (ids: string[], roles: Role[]) =>
        ids.filter((id) => (roles.includes(Role.Adviser) ? id !== 'ghost' : id.startsWith('cw-'))),
      );
      const error = await refusal(
        service.recordOutcome(caseworker, 'con-1', {
          participants: [
            { role: 'adviser', userId: 'demo-adviser' },
            { role: 'adviser', userId: 'ghost' },
            { role: 'professional', userId: 'demo-adviser' },
            { role: 'professional', userId: 'cw-1' },
            { role: 'professional', userId: 'cw-1' },
            { role: 'professional' },
            { role: 'other', userId: 'ghost' },
            { role: 'family', userId: 'cw-2' },
          ],
          recommendations: [],
          decision: 'x',
          helpSetting: 'y',
        }),
      );
      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.problems.map((p) => p.pointer)).toEqual([
        '/participants/1/userId',
        '/participants/2/userId',
        '/participants/2/userId',
        '/participants/4/userId',
        '/participants/5/userId',
        '/participants/6/userId', // ghost named twice
        '/participants/6/userId', // and unknown
        '/participants/7/userId',
      ]);
      expect(error.problems[0].message).toBe('ghost ist nicht zu dieser Beratung eingeladen.');
      expect(error.problems.map((p) => p.code)).toEqual([
        'not-invited',
        'duplicate',
        'unknown-reference',
        'duplicate',
        'required',
        'duplicate',
        'unknown-reference',
        'not-applicable',
      ]);
      expect(error.problems[3].message).toBe('cw-1 ist bereits als Teilnehmende*r genannt.');
      expect(consultations.storeOutcome).not.toHaveBeenCalled();
      expect(handle.executeUpdate).not.toHaveBeenCalled();
    });

    it('counts advisers and a professional named twice only once: two advisers and one caseworker are one professional', async () => {
      const { service, consultations, handle } = build();
      consultations.invitations.mockResolvedValue([invitation('adviser-1'), invitation('adviser-2')] as never);
      await service.recordOutcome(caseworker, 'con-1', {
        participants: [
          { role: 'adviser', userId: 'adviser-1' },
          { role: 'adviser', userId: 'adviser-2' },
          { role: 'professional', userId: 'cw-1' },
        ],
        recommendations: [],
        decision: 'x',
        helpSetting: 'y',
      });
      expect(handle.executeUpdate).toHaveBeenCalledWith(expect.objectContaining({ name: 'recordOutcome' }), {
        args: [{ professionals: 1, participants: 3, actorId: 'cw-1' }],
      });
    });

    it('keeps nothing when the workflow refuses the outcome, and passes its problems on', async () => {
      const { service, consultations, handle } = build();
      handle.executeUpdate.mockRejectedValue(
        new WorkflowUpdateFailedError(
          'refused',
          ApplicationFailure.create({
            type: ErrorCode.ValidationFailed,
            message: 'At least two professionals',
            details: [[{ pointer: '/participants', message: 'too few' }]],
          }),
        ),
      );
      const error = await refusal(
        service.recordOutcome(caseworker, 'con-1', {
          participants: [{ role: 'family' }],
          recommendations: [],
          decision: 'x',
          helpSetting: 'y',
        }),
      );
      expect(error.problems).toEqual([{ pointer: '/participants', message: 'too few' }]);
      expect(consultations.removeOutcome).toHaveBeenCalledWith('con-1', expect.any(String));
    });
  });

  describe('recommendations', () => {
    const advice = { text: 'Schulsozialarbeit einbeziehen', suggestedHelp: ['Jugendclub'], risks: ['Schulabbruch'] };

    it('lets an invited adviser recommend inside the window, sealed', async () => {
      const { service, consultations } = build();
      const recorded = await service.recommend(adviser, 'con-1', advice);
      expect(consultations.addRecommendation).toHaveBeenCalledWith(
        'con-1',
        'adviser-1',
        cipher.seal(advice),
        expect.stringMatching(/^[0-9a-f-]{36}$/),
      );
      expect(recorded).toMatchObject({ id: 'rec-1', adviserId: 'adviser-1', ...advice });
    });

    it('answers "not found" outside the window and once the outcome is recorded, for recommending and for the packet', async () => {
      const { service, consultations } = build();
      consultations.hasOpenInvitation.mockResolvedValueOnce(false);
      expect((await refusal(service.recommend(adviser, 'con-1', advice))).code).toBe(ErrorCode.NotFound);
      consultations.findById.mockResolvedValue(consultation({ outcomeEnc: cipher.seal({}) }));
      expect((await refusal(service.recommend(adviser, 'con-1', advice))).code).toBe(ErrorCode.NotFound);
      expect((await refusal(service.packet(adviser, 'con-1'))).code).toBe(ErrorCode.NotFound);
      expect(consultations.addRecommendation).not.toHaveBeenCalled();
    });

    it('refuses an outcome that leaves a recorded recommendation unanswered or names an unknown one', async () => {
      const { service, consultations, handle } = build();
      consultations.recommendations.mockResolvedValue([
        { id: 'rec-1', adviserId: 'adviser-1', contentEnc: cipher.seal(advice), createdAt: new Date() },
        { id: 'rec-2', adviserId: 'adviser-1', contentEnc: cipher.seal(advice), createdAt: new Date() },
      ]);
      const outcome = {
        participants: [
          { role: 'professional' as const, userId: 'cw-1' },
          { role: 'professional' as const, userId: 'cw-2' },
        ],
        recommendations: [],
        decision: 'Das Jugendamt entscheidet: Beratung',
        helpSetting: 'Jugendclub',
      };
      const error = await refusal(service.recordOutcome(caseworker, 'con-1', { ...outcome, recommendationIds: ['rec-1', 'rec-9'] }));
      expect(error.problems).toEqual([
        {
          pointer: '/recommendationIds/1',
          code: 'unknown-reference',
          params: { recommendationId: 'rec-9' },
          message: 'rec-9 ist keine Empfehlung zu dieser Beratung.',
        },
        {
          pointer: '/recommendationIds',
          code: 'recommendation.missing',
          params: { recommendationId: 'rec-2' },
          message: 'Die Empfehlung rec-2 ist nicht berücksichtigt.',
        },
      ]);
      expect(handle.executeUpdate).not.toHaveBeenCalled();
      await service.recordOutcome(caseworker, 'con-1', { ...outcome, recommendationIds: ['rec-2', 'rec-1'] });
      expect(handle.executeUpdate).toHaveBeenCalledTimes(1);
    });
  });

  describe('access', () => {
    it('answers "not found" for a consultation on a case the caseworker may not see', async () => {
      const { service, cases, temporal } = build();
      cases.visibleCase.mockRejectedValue(DomainError.notFound('Case'));
      const error = await refusal(service.get(caseworker, 'con-1'));
      expect(error.code).toBe(ErrorCode.NotFound);
      expect(temporal.workflow.getHandle).not.toHaveBeenCalled();
    });

    it('answers "not found" for an unknown consultation', async () => {
      const { service, consultations } = build();
      consultations.findById.mockResolvedValue(undefined);
      expect((await refusal(service.get(caseworker, 'nope'))).code).toBe(ErrorCode.NotFound);
    });
  });

  describe('packet', () => {
    it('gives an adviser outside the access window the same "not found" as for an unknown consultation', async () => {
      const { service, consultations, caseFiles } = build();
      consultations.hasOpenInvitation.mockResolvedValue(false);
      const outside = await refusal(service.packet(adviser, 'con-1'));
      consultations.findById.mockResolvedValue(undefined);
      const unknown = await refusal(service.packet(adviser, 'nope'));
      expect(outside.code).toBe(ErrorCode.NotFound);
      expect(outside.message).toBe(unknown.message);
      expect(caseFiles.findById).not.toHaveBeenCalled();
    });

    it('shows an invited adviser the pseudonymised content, no confided item, and only the identity fields a consent releases', async () => {
      const { service, cases, sessions, consultations } = build();
      consultations.findById.mockResolvedValue(consultation({ sessionId: 'session-1' }));
      const booked = session();
      sessions.findById.mockResolvedValue(booked);
      cases.releasedFields.mockResolvedValue(new Set(['familyName']));
      const packet = await service.packet(adviser, 'con-1');
      expect(packet).toEqual({
        consultationId: 'con-1',
        pseudonym: 'F-2026-ABCDEF',
        zone: 'unclear',
        will: 'Wieder zur Schule',
        goals: ['Schulbesuch'],
        resources: { person: [], surroundings: [], socialSpace: ['Jugendclub'] },
        questions: ['Welche Hilfe passt?'],
        sessionAt: booked.startsAt.toISOString(),
        ageBands: [ageBand('2014-02-03', new Date())],
        released: { familyName: 'Muster' },
      });
      expect(JSON.stringify(packet)).not.toContain('2014');
      expect(cases.visibleCase).not.toHaveBeenCalled();
    });

    it('checks a caseworker against the case, not against invitations', async () => {
      const { service, cases, consultations } = build();
      await service.packet(caseworker, 'con-1');
      expect(cases.visibleCase).toHaveBeenCalledWith(caseworker, 'case-1');
      expect(consultations.hasOpenInvitation).not.toHaveBeenCalled();
    });

    it('shows advisers nothing before the caseworker released the packet, and the caseworker a German hint', async () => {
      const { service, releases } = build();
      releases.latest.mockResolvedValue(undefined);
      const forAdviser = await refusal(service.packet(adviser, 'con-1'));
      expect(forAdviser.code).toBe(ErrorCode.NotFound);
      expect(forAdviser.message).toBe('Die Beratung wurde nicht gefunden.');
      const forCaseworker = await refusal(service.packet(caseworker, 'con-1'));
      expect(forCaseworker.code).toBe(ErrorCode.NotFound);
      expect(forCaseworker.message).toContain('noch nicht freigegeben');
    });

    it('shows advisers the released text, not what the case says since', async () => {
      const { service, caseFiles } = build();
      caseFiles.findById.mockResolvedValue(
        caseFile({
          contentEnc: cipher.seal({ will: 'Neu geschrieben', goals: [], resources: { person: [], surroundings: [], socialSpace: [] } }),
        }),
      );
      const packet = await service.packet(adviser, 'con-1');
      expect(packet.will).toBe('Wieder zur Schule');
      expect(packet.goals).toEqual(['Schulbesuch']);
    });

    it('answers "not found" once the case is anonymised', async () => {
      const { service, caseFiles } = build();
      caseFiles.findById.mockResolvedValue(caseFile({ anonymisedAt: new Date() }));
      expect((await refusal(service.packet(adviser, 'con-1'))).code).toBe(ErrorCode.NotFound);
    });
  });
});
