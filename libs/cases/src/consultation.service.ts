import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@sro/config';
import { ALL_ROLES, DomainError, ErrorCode, FieldProblem, germanDate, germanDateTime, Principal, Role } from '@sro/common';
import { DefinitionsService, PinnedDefinition } from '@sro/definitions';
import { temporalCall, temporalStartAfterWrite, temporalUpdateAfterWrite, WorkflowStateReader } from '@sro/temporal';
import {
  AdviserAccess,
  ConsultationPhase,
  FallteamConsultationInput,
  FallteamConsultationState,
  fallteamStateQuery,
  fallteamUpdates,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import { initialSteps, StepState } from '@sro/workflows/shared/steps';
import { AgeBand, ageBand } from './age-band';
import { CaseNeed } from './case-access.service';
import { CaseFile, CaseRepository } from './case.repository';
import { todayInBerlin } from './case-input.rules';
import { fallteamRetentionRule } from './case-retention.policy';
import { CaseDetails, CaseService, NewCase } from './case.service';
import { CaseContent, PersonalData, RELEASABLE_FIELDS } from './case.types';
import {
  AdviserConsultation,
  ConsultationInsert,
  ConsultationRecord,
  ConsultationRepository,
  Invitation,
  RecommendationRecord,
} from './consultation.repository';
import { FallteamSession, FallteamSessionRepository, NewFallteamSession } from './fallteam-session.repository';
import { FieldCipher } from './field-cipher';
import { PacketReleaseRepository } from './packet-release.repository';
import { StaffRepository } from './staff.repository';

export interface Participant {
  role: 'professional' | 'adviser' | 'family' | 'other';
  /** Staff and advisers by user id; family members are counted, not named. */
  userId?: string;
}

export interface Outcome {
  participants: Participant[];
  /** The team's own advisory notes. */
  recommendations: string[];
  /** The advisers' recorded recommendations the decision answers: every one of them. */
  recommendationIds?: string[];
  /** The Jugendamt's decision. */
  decision: string;
  helpSetting: string;
  /** When the case comes back (YYYY-MM-DD); without it the definition's follow-up period. */
  followUpOn?: string;
}

/** What an adviser recommends (advisory only: the Jugendamt decides). */
export interface NewRecommendation {
  text: string;
  suggestedHelp: string[];
  risks: string[];
}

export interface Recommendation extends NewRecommendation {
  id: string;
  adviserId: string;
  createdAt: Date;
}

/** A consultation for its caseworker: the workflow's state with the sealed questions and outcome opened. */
export interface ConsultationDetails {
  id: string;
  caseId: string;
  pseudonym: string;
  phase: ConsultationPhase;
  steps: StepState[];
  definitionVersion: number;
  sessionId: string | null;
  sessionAt: string | null;
  followUpAt: string | null;
  questions: string[];
  outcome: Outcome | null;
  invitations: Invitation[];
  /** The advisers' recommendations, for the professionals who decide. */
  adviserRecommendations: Recommendation[];
}

/** What an external adviser may see: pseudonymised, no confided items, identity only as far as consent releases it. */
export interface ConsultationPacket {
  consultationId: string;
  pseudonym: string;
  zone: string | null;
  will: string;
  goals: string[];
  resources: CaseContent['resources'];
  questions: string[];
  sessionAt: string | null;
  /** The children's age bands today, in the order of the case's birth dates; the dates themselves stay out. */
  ageBands: AgeBand[];
  released: Partial<PersonalData>;
}

/** What a packet release keeps: the case's pseudonymised content and the questions, as the caseworker released them. */
export interface PacketContent {
  zone: string | null;
  will: string;
  goals: string[];
  resources: CaseContent['resources'];
  questions: string[];
}

/** A consultation of a case with its status, for the case file. */
export interface ConsultationStatus {
  id: string;
  /** The workflow's phase as its read model last recorded it; null before the first record. */
  phase: ConsultationPhase | null;
  requestedBy: string;
  requestedAt: Date;
  sessionId: string | null;
  outcomeRecorded: boolean;
}

const WHAT = 'Die Beratung';

/** A consultation request before anything is written: its row, its workflow's input, the answer. */
interface PreparedRequest {
  insert: ConsultationInsert;
  input: FallteamConsultationInput;
  details: ConsultationDetails;
}

/** The request naming its case by `pseudonym` (the one its case was written with). */
function withPseudonym(request: PreparedRequest, pseudonym: string): PreparedRequest {
  if (request.input.pseudonym === pseudonym) return request;
  return { ...request, input: { ...request.input, pseudonym }, details: { ...request.details, pseudonym } };
}

/** The Jugendamt's own professionals; external advisers advise but never count towards the team that decides. */
export const JUGENDAMT_ROLES: Role[] = [Role.Caseworker, Role.Coordinator, Role.Lead];

/** Extended Fallteam consultations: the flow runs in Temporal with ids only; content stays sealed here. */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly sessionRecords: FallteamSessionRepository,
    private readonly caseFiles: CaseRepository,
    private readonly staff: StaffRepository,
    private readonly cases: CaseService,
    private readonly cipher: FieldCipher,
    private readonly temporal: Client,
    private readonly states: WorkflowStateReader,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly releases: PacketReleaseRepository,
  ) {}

  async createSession(user: Principal, session: NewFallteamSession): Promise<FallteamSession> {
    if (Date.parse(session.startsAt) <= Date.now())
      throw DomainError.invalid('Der Termin liegt in der Vergangenheit.', [
        { pointer: '/startsAt', code: 'date.past', message: 'Der Termin muss in der Zukunft liegen.' },
      ]);
    const moderators = await this.staff.activeWithAnyRole([session.moderatorId], [Role.Caseworker, Role.Coordinator]);
    if (moderators.length === 0)
      throw DomainError.invalid('Die Moderation ist unbekannt.', [
        {
          pointer: '/moderatorId',
          code: 'unknown-reference',
          message: 'Die Moderation übernimmt eine aktive Fachkraft oder Koordination; bitte wählen Sie eine aus der Liste.',
        },
      ]);
    return this.sessionRecords.insert(session, user.sub);
  }

  async sessions(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: Array<FallteamSession & { booked: number }>; limit: number; offset: number }> {
    return { items: await this.sessionRecords.upcoming(page), ...page };
  }

  /** An assigned caseworker brings the case to the Fallteam. */
  async request(user: Principal, caseId: string, questions: string[]): Promise<ConsultationDetails> {
    const file = await this.cases.visibleCase(user, caseId, 'write');
    const request = this.prepareRequest(user, file, questions, await this.definitions.published('fallteam-consultation'));
    await this.consultations.insert(request.insert);
    await temporalCall(this.start(request), WHAT);
    return request.details;
  }

  /**
   * A case intake with its consultation request in one call: the case, its blind index and the
   * consultation are written in one transaction, then the workflow starts with its initial state
   * (no transaction stays open across the Temporal call). When the start fails and Temporal knows
   * no such workflow, the intake is taken back whole, so a retry creates no second case; when
   * Temporal cannot say, the rows stay (as with the two-step request) and the error is answered.
   */
  async intake(user: Principal, newCase: NewCase, questions: string[]): Promise<CaseDetails & { consultation: ConsultationDetails }> {
    const [prepared, definition] = await Promise.all([
      this.cases.prepare(user, newCase),
      this.definitions.published('fallteam-consultation'),
    ]);
    const drawn = this.prepareRequest(user, prepared.insert, questions, definition);
    // The case, its blind index and the request in one statement (atomic, one round trip).
    const written = await this.cases.write(prepared, [this.consultations.withNewCase(drawn.insert)]);
    // The request names the case by the pseudonym it was written with (a taken one is drawn again).
    const request = withPseudonym(drawn, written.pseudonym);
    await temporalStartAfterWrite(this.temporal, request.insert.workflowId, this.start(request), WHAT, () =>
      this.cases.removeUnstarted(prepared.insert.id),
    );
    return { ...this.cases.created(prepared, written, fallteamRetentionRule(definition)), consultation: request.details };
  }

  /** The consultation's row, its workflow's input and the answer, before anything is written. */
  private prepareRequest(
    user: Principal,
    file: Pick<CaseFile, 'id' | 'pseudonym' | 'socialSpaceId'>,
    questions: string[],
    definition: PinnedDefinition<'fallteam-consultation'>,
  ): PreparedRequest {
    const id = randomUUID();
    const workflowId = workflowIds.fallteamConsultation(id);
    const requestedAt = new Date();
    return {
      insert: {
        id,
        caseId: file.id,
        workflowId,
        questionsEnc: this.cipher.seal(questions, { table: 'consultation', column: 'questions_enc', rowId: id }),
        requestedBy: user.sub,
      },
      input: {
        consultationId: id,
        caseId: file.id,
        pseudonym: file.pseudonym,
        caseworkerId: user.sub,
        socialSpaceId: file.socialSpaceId,
        definition,
        requestedAt: requestedAt.toISOString(),
      },
      // The answer is what the workflow starts with; no round trip to the worker is needed for it.
      details: {
        id,
        caseId: file.id,
        pseudonym: file.pseudonym,
        phase: 'requested',
        steps: initialSteps(definition.spec.steps, requestedAt),
        definitionVersion: definition.version,
        sessionId: null,
        sessionAt: null,
        followUpAt: null,
        questions,
        outcome: null,
        invitations: [],
        adviserRecommendations: [],
      },
    };
  }

  /** Starts the consultation's workflow with its initial state (the caller turns a failure into a domain error). */
  private start(request: PreparedRequest) {
    return this.temporal.workflow.start(WorkflowType.FallteamConsultation, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: request.insert.workflowId,
      args: [request.input],
    });
  }

  async get(user: Principal, id: string): Promise<ConsultationDetails> {
    const consultation = await this.forCaseworker(user, id, 'read');
    return this.details(consultation, await this.states.read(consultation.workflowId, fallteamStateQuery, WHAT));
  }

  /**
   * The consultation as its routes answer it: its row, the workflow's state and the invitations. A
   * change that leaves the row as it was answers with the state its update returned (the state right
   * after the change) instead of asking the workflow again.
   */
  private async details(consultation: ConsultationRecord, state: FallteamConsultationState): Promise<ConsultationDetails> {
    const id = consultation.id;
    const { invitations, recommendations } = await this.consultations.invitationsAndRecommendations(id);
    return {
      id,
      caseId: consultation.caseId,
      pseudonym: state.pseudonym,
      phase: state.phase,
      steps: state.steps,
      definitionVersion: state.definition.version,
      sessionId: state.sessionId ?? null,
      sessionAt: state.sessionAt ?? null,
      followUpAt: state.followUpAt ?? null,
      questions: this.cipher.open<string[]>(consultation.questionsEnc, {
        table: 'consultation',
        column: 'questions_enc',
        rowId: consultation.id,
      }),
      outcome: consultation.outcomeEnc
        ? this.cipher.open<Outcome>(consultation.outcomeEnc, { table: 'consultation', column: 'outcome_enc', rowId: consultation.id })
        : null,
      invitations,
      adviserRecommendations: recommendations.map((r) => this.openRecommendation(r)),
    };
  }

  /**
   * Books the consultation into a future session that has room: the seat is taken in one round trip
   * (the session row locked while counting, `FallteamSessionRepository.book`), then the workflow
   * accepts the date; when it refuses, the seat goes back. No transaction stays open across the
   * Temporal call.
   */
  async schedule(user: Principal, id: string, sessionId: string): Promise<ConsultationDetails> {
    const consultation = await this.forCaseworker(user, id);
    const booking = await this.sessionRecords.book(id, sessionId);
    const { session } = booking;
    if (!session)
      throw DomainError.invalid('Der Fallteam-Termin ist unbekannt.', [
        {
          pointer: '/sessionId',
          code: 'unknown-reference',
          message: 'Diesen Fallteam-Termin gibt es nicht; bitte wählen Sie einen aus der Liste.',
        },
      ]);
    if (!booking.future)
      throw DomainError.invalid('Der Termin liegt in der Vergangenheit.', [
        {
          pointer: '/sessionId',
          code: 'date.past',
          params: { startsAt: session.startsAt.toISOString() },
          message: `Der Fallteam-Termin am ${germanDateTime(session.startsAt)} ist vorbei; bitte wählen Sie einen künftigen.`,
        },
      ]);
    if (!booking.booked)
      throw DomainError.conflict(
        `Der Fallteam-Termin ist ausgebucht (${session.capacity === 1 ? 'eine Beratung' : `${session.capacity} Beratungen`}); nichts wurde geändert.`,
      );
    const state = await temporalUpdateAfterWrite(
      this.temporal.workflow
        .getHandle(consultation.workflowId)
        .executeUpdate(fallteamUpdates.schedule, { args: [{ sessionId, sessionAt: session.startsAt.toISOString(), actorId: user.sub }] }),
      WHAT,
      () => this.consultations.unassignSession(id, sessionId, booking.previous),
    );
    return this.details(consultation, state);
  }

  async invite(user: Principal, id: string, adviserIds: string[]): Promise<AdviserAccess[]> {
    const consultation = await this.forCaseworker(user, id);
    const known = new Set(await this.staff.activeWithAnyRole(adviserIds, [Role.Adviser]));
    const problems = adviserIds
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => !known.has(a))
      .map(({ a, i }) => ({
        pointer: `/adviserIds/${i}`,
        code: 'unknown-reference',
        params: { userId: a },
        message: `${a} ist keine bekannte, aktive externe Beratung.`,
      }));
    if (problems.length > 0) throw DomainError.invalid('Eingeladen werden können nur bekannte, aktive externe Beratungen.', problems);
    return temporalCall(
      this.temporal.workflow
        .getHandle(consultation.workflowId)
        .executeUpdate(fallteamUpdates.inviteAdvisers, { args: [{ adviserIds, actorId: user.sub }] }),
      WHAT,
    );
  }

  /**
   * The outcome is sealed in PostgreSQL first (only the first outcome is kept), then the workflow
   * accepts it; when it refuses (before the session has begun, fewer professionals than the
   * definition asks), the sealed outcome this request wrote is removed again. No transaction stays
   * open across the Temporal call.
   */
  async recordOutcome(user: Principal, id: string, outcome: Outcome): Promise<ConsultationDetails> {
    const consultation = await this.forCaseworker(user, id);
    const professionals = await this.checkParticipants(id, outcome.participants);
    await this.checkReferences(id, outcome.recommendationIds ?? []);
    const { followUpOn, ...content } = outcome;
    const followUpAt = followUpOn === undefined ? undefined : followUpInstant(followUpOn);
    const sealed = this.cipher.seal(content, { table: 'consultation', column: 'outcome_enc', rowId: id });
    const stored = await this.consultations.storeOutcome(id, sealed);
    await temporalUpdateAfterWrite(
      this.temporal.workflow.getHandle(consultation.workflowId).executeUpdate(fallteamUpdates.recordOutcome, {
        args: [{ professionals, participants: outcome.participants.length, actorId: user.sub, followUpAt }],
      }),
      WHAT,
      async () => {
        if (stored) await this.consultations.removeOutcome(id, sealed);
      },
    );
    return this.get(user, id);
  }

  async cancel(user: Principal, id: string, reason?: string): Promise<ConsultationDetails> {
    const consultation = await this.forCaseworker(user, id);
    const state = await temporalCall(
      this.temporal.workflow
        .getHandle(consultation.workflowId)
        .executeUpdate(fallteamUpdates.cancel, { args: [{ reason, actorId: user.sub }] }),
      WHAT,
    );
    return this.details(consultation, state);
  }

  /**
   * An invited adviser recommends, inside their window and before the outcome; for anyone else, and
   * outside the window, the consultation does not exist (as for the packet).
   */
  async recommend(user: Principal, id: string, recommendation: NewRecommendation): Promise<Recommendation> {
    await this.adviserMayOpen(user, id);
    const recommendationId = randomUUID();
    const sealed = this.cipher.seal(recommendation, {
      table: 'consultation_recommendation',
      column: 'content_enc',
      rowId: recommendationId,
    });
    const record = await this.consultations.addRecommendation(id, user.sub, sealed, recommendationId);
    return { id: record.id, adviserId: record.adviserId, createdAt: record.createdAt, ...recommendation };
  }

  /** An adviser's consultations with an open packet window: ids, pseudonyms and dates only. */
  async forAdviser(user: Principal): Promise<{ items: AdviserConsultation[] }> {
    return { items: await this.consultations.openForAdviser(user.sub) };
  }

  /**
   * The released packet: for an adviser invited to this consultation, inside the window; for the
   * caseworker exactly what the advisers see. Before the caseworker released it there is none;
   * everyone else, and an adviser outside the window, gets "not found".
   */
  async packet(user: Principal, id: string): Promise<ConsultationPacket> {
    const consultation = await this.consultations.findById(id);
    if (!consultation) throw DomainError.notFound(WHAT);
    const adviser = user.roles.includes(Role.Adviser);
    if (adviser) {
      await this.adviserMayOpen(user, id, consultation);
    } else {
      await this.cases.visibleCase(user, consultation.caseId);
    }
    const file = await this.caseFiles.findById(consultation.caseId);
    if (!file || file.anonymisedAt) throw DomainError.notFound(WHAT);
    const release = await this.releases.latest(id);
    if (!release) {
      // For an adviser a packet not yet released does not exist, like one outside the window.
      if (adviser) throw DomainError.notFound(WHAT);
      throw new DomainError(
        ErrorCode.NotFound,
        'Das Paket dieser Beratung ist noch nicht freigegeben. Prüfen Sie die Vorschau und geben Sie es frei; erst dann sehen es die externen Beratungen.',
      );
    }
    return this.assemble(
      consultation,
      file,
      this.cipher.open<PacketContent>(release.packetEnc, { table: 'consultation_packet_release', column: 'packet_enc', rowId: release.id }),
    );
  }

  /**
   * What a release now would store, from the case as it is, for a caseworker of the case (`need`
   * `write` to release it). The identity fields, age bands and session date are never stored: they
   * follow the consents and the calendar at the moment an adviser reads.
   */
  async currentPacket(
    user: Principal,
    id: string,
    need: CaseNeed,
  ): Promise<{ consultation: ConsultationRecord; file: CaseFile; content: PacketContent; packet: ConsultationPacket }> {
    const consultation = await this.forCaseworker(user, id, need);
    const file = await this.caseFiles.findById(consultation.caseId);
    if (!file || file.anonymisedAt) throw DomainError.notFound(WHAT);
    const case_ = this.cipher.open<CaseContent>(file.contentEnc, { table: 'case_file', column: 'content_enc', rowId: file.id });
    const content: PacketContent = {
      zone: file.zone,
      will: case_.will,
      goals: case_.goals,
      resources: case_.resources,
      questions: this.cipher.open<string[]>(consultation.questionsEnc, {
        table: 'consultation',
        column: 'questions_enc',
        rowId: consultation.id,
      }),
    };
    return { consultation, file, content, packet: await this.assemble(consultation, file, content) };
  }

  /** The consultations of a case with their workflow's phase (for a caller the case's access rule already let in). */
  async statusesOf(caseId: string): Promise<ConsultationStatus[]> {
    // The phase from the process read model (written before each update answers), not one Temporal query per consultation.
    const records = await this.consultations.ofCase(caseId);
    return records.map((c) => ({
      id: c.id,
      phase: c.phase as ConsultationPhase | null,
      requestedBy: c.requestedBy,
      requestedAt: c.createdAt,
      sessionId: c.sessionId,
      outcomeRecorded: c.outcomeEnc !== null,
    }));
  }

  /** The packet from released (or current) content; identity fields only as consents in force release them. */
  private async assemble(consultation: ConsultationRecord, file: CaseFile, content: PacketContent): Promise<ConsultationPacket> {
    const personal = this.cipher.open<PersonalData>(file.personalEnc, { table: 'case_file', column: 'personal_enc', rowId: file.id });
    const released = await this.cases.releasedFields(file.id);
    const session = consultation.sessionId ? await this.sessionRecords.findById(consultation.sessionId) : undefined;
    return {
      consultationId: consultation.id,
      pseudonym: file.pseudonym,
      zone: content.zone,
      will: content.will,
      goals: content.goals,
      resources: content.resources,
      questions: content.questions,
      sessionAt: session ? session.startsAt.toISOString() : null,
      ageBands: personal.birthDates.map((date) => ageBand(date, new Date())),
      released: Object.fromEntries(RELEASABLE_FIELDS.filter((f) => released.has(f)).map((f) => [f, personal[f]])),
    };
  }

  /** Advisers see a consultation only while their window is open, no outcome is recorded, and once its packet was released. */
  private async adviserMayOpen(user: Principal, id: string, known?: ConsultationRecord): Promise<void> {
    const consultation = known ?? (await this.consultations.findById(id));
    if (!consultation || consultation.outcomeEnc || !(await this.consultations.hasOpenInvitation(id, user.sub)))
      throw DomainError.notFound(WHAT);
    if (!(await this.releases.latest(id))) throw DomainError.notFound(WHAT);
  }

  /** A recommendation as its answers show it (the content opened). */
  private openRecommendation(r: RecommendationRecord): Recommendation {
    return {
      id: r.id,
      adviserId: r.adviserId,
      createdAt: r.createdAt,
      ...this.cipher.open<NewRecommendation>(r.contentEnc, { table: 'consultation_recommendation', column: 'content_enc', rowId: r.id }),
    };
  }

  /** The outcome answers every recommendation the advisers recorded, and names no other. */
  private async checkReferences(id: string, referenced: string[]): Promise<void> {
    const recorded = (await this.consultations.recommendations(id)).map((r) => r.id);
    const problems: FieldProblem[] = referenced.flatMap((ref, i) =>
      recorded.includes(ref)
        ? []
        : [
            {
              pointer: `/recommendationIds/${i}`,
              code: 'unknown-reference',
              params: { recommendationId: ref },
              message: `${ref} ist keine Empfehlung zu dieser Beratung.`,
            },
          ],
    );
    for (const missing of recorded.filter((r) => !referenced.includes(r)))
      problems.push({
        pointer: '/recommendationIds',
        code: 'recommendation.missing',
        params: { recommendationId: missing },
        message: `Die Empfehlung ${missing} ist nicht berücksichtigt.`,
      });
    if (problems.length > 0) throw DomainError.invalid('Das Ergebnis nimmt nicht auf alle Empfehlungen Bezug.', problems);
  }

  /**
   * Participants are known, active users or the advisers invited to this consultation, each named
   * once; family members are counted, not named. Answers how many Jugendamt professionals took part
   * (the workflow holds that against the definition's minimum).
   */
  private async checkParticipants(id: string, participants: Participant[]): Promise<number> {
    const ids = [...new Set(participants.flatMap((p) => (p.userId ? [p.userId] : [])))];
    const [professionals, known, invitations] = await Promise.all([
      this.staff.activeWithAnyRole(ids, JUGENDAMT_ROLES),
      this.staff.activeWithAnyRole(ids, [...ALL_ROLES]),
      this.consultations.invitations(id),
    ]);
    const isProfessional = new Set(professionals);
    const isKnown = new Set(known);
    const invited = new Set(invitations.map((i) => i.adviserId));
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    participants.forEach((p, i) => {
      const at = `/participants/${i}/userId`;
      if (p.role === 'family') {
        if (p.userId)
          problems.push({
            pointer: at,
            code: 'not-applicable',
            params: { role: p.role },
            message: 'Familienmitglieder werden gezählt, nicht mit Benutzerkennung genannt.',
          });
        return;
      }
      if (!p.userId) {
        problems.push({ pointer: at, code: 'required', params: { role: p.role }, message: 'Bitte die Benutzerkennung angeben.' });
        return;
      }
      if (seen.has(p.userId))
        problems.push({
          pointer: at,
          code: 'duplicate',
          params: { userId: p.userId },
          message: `${p.userId} ist bereits als Teilnehmende*r genannt.`,
        });
      seen.add(p.userId);
      if (p.role === 'professional' && !isProfessional.has(p.userId))
        problems.push({
          pointer: at,
          code: 'unknown-reference',
          params: { userId: p.userId, role: p.role },
          message: `${p.userId} ist keine aktive Fachkraft des Jugendamts.`,
        });
      if (p.role === 'adviser' && !invited.has(p.userId))
        problems.push({
          pointer: at,
          code: 'not-invited',
          params: { userId: p.userId },
          message: `${p.userId} ist nicht zu dieser Beratung eingeladen.`,
        });
      if (p.role === 'other' && !isKnown.has(p.userId))
        problems.push({
          pointer: at,
          code: 'unknown-reference',
          params: { userId: p.userId, role: p.role },
          message: `${p.userId} ist keine bekannte, aktive Person.`,
        });
    });
    if (problems.length > 0) throw DomainError.invalid('Die Teilnehmenden sind nicht gültig.', problems);
    return new Set(participants.filter((p) => p.role === 'professional').map((p) => p.userId)).size;
  }

  /** The consultation if the caller may read (or, by default, change) its case: the case's access rule decides. */
  private async forCaseworker(user: Principal, id: string, need: CaseNeed = 'write'): Promise<ConsultationRecord> {
    const consultation = await this.consultations.findById(id);
    if (!consultation) throw DomainError.notFound(WHAT);
    await this.cases.visibleCase(user, consultation.caseId, need);
    return consultation;
  }
}

/**
 * The follow-up a moderator chose: after today and at most a year ahead (Berlin calendar), as the
 * start of that day (UTC), like a caseworker's own follow-ups.
 */
export function followUpInstant(followUpOn: string, now = new Date()): string {
  const today = todayInBerlin(now);
  const latest = new Date(`${today}T00:00:00.000Z`);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  const max = latest.toISOString().slice(0, 10);
  if (followUpOn <= today || followUpOn > max)
    throw DomainError.invalid('Das Ergebnis kann nicht gespeichert werden.', [
      {
        pointer: '/followUpOn',
        code: followUpOn <= today ? 'date.min' : 'date.max',
        params: followUpOn <= today ? { min: today } : { max },
        message:
          followUpOn <= today
            ? `Die Wiedervorlage muss nach dem heutigen Tag (${germanDate(today)}) liegen.`
            : `Die Wiedervorlage darf höchstens ein Jahr in der Zukunft liegen (spätestens am ${germanDate(max)}).`,
      },
    ]);
  return `${followUpOn}T00:00:00.000Z`;
}
