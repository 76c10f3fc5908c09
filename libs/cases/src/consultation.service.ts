import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sro/config';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { temporalCall } from '@sro/temporal';
import { FallteamConsultationInput, fallteamStateQuery, fallteamUpdates, workflowIds, WorkflowType } from '@sro/workflows/contracts';
import { initialSteps } from '@sro/workflows/shared/steps';
import { CaseContent, PersonalData, RELEASABLE_FIELDS } from './case.types';
import { CaseService } from './case.service';
import { FieldCipher } from './field-cipher';

export interface Participant {
  role: 'professional' | 'adviser' | 'family' | 'other';
  /** Staff and advisers by user id; family members are counted, not named. */
  userId?: string;
}

export interface Outcome {
  participants: Participant[];
  recommendations: string[];
  decision: string;
  helpSetting: string;
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
  released: Partial<PersonalData>;
}

const WHAT = 'Consultation';

/** Extended Fallteam consultations: the flow runs in Temporal with ids only; content stays sealed here. */
@Injectable()
export class ConsultationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly cases: CaseService,
    private readonly cipher: FieldCipher,
  ) {}

  async createSession(user: Principal, session: { startsAt: string; place: string; capacity: number; moderatorId: string }) {
    if (Date.parse(session.startsAt) <= Date.now()) throw DomainError.invalid('The session lies in the past', [{ pointer: '/startsAt', message: 'must be in the future' }]);
    const [moderator] = await this.dataSource.query(`SELECT id FROM app_user WHERE id = $1 AND active AND roles && ARRAY['caseworker', 'coordinator']`, [session.moderatorId]);
    if (!moderator) throw DomainError.invalid('Unknown moderator', [{ pointer: '/moderatorId', message: 'must be an active caseworker or coordinator' }]);
    const [row] = await this.dataSource.query(
      `INSERT INTO fallteam_session (starts_at, place, capacity, moderator_id, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [session.startsAt, session.place, session.capacity, session.moderatorId, user.sub],
    );
    return row;
  }

  async sessions(page: { limit: number; offset: number }) {
    const items = await this.dataSource.query(
      `SELECT s.*, (SELECT count(*)::int FROM consultation c WHERE c.session_id = s.id) AS booked
         FROM fallteam_session s WHERE s.starts_at > now() - interval '1 day' ORDER BY s.starts_at LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    return { items, ...page };
  }

  /** An assigned caseworker brings the case to the Fallteam. */
  async request(user: Principal, caseId: string, questions: string[]) {
    const row = await this.cases.visible(user, caseId);
    if (!row.assigned_caseworker_ids.includes(user.sub)) throw new DomainError(ErrorCode.Forbidden, 'Only a caseworker assigned to the case brings it to the Fallteam');
    const definition = await this.definitions.published('fallteam-consultation');
    const id = randomUUID();
    await this.dataSource.query(`INSERT INTO consultation (id, case_id, workflow_id, questions_enc, requested_by) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      caseId,
      workflowIds.fallteamConsultation(id),
      this.cipher.seal(questions),
      user.sub,
    ]);
    const requestedAt = new Date();
    const input: FallteamConsultationInput = { consultationId: id, caseId, pseudonym: row.pseudonym, caseworkerId: user.sub, socialSpaceId: row.social_space_id, definition, requestedAt: requestedAt.toISOString() };
    await temporalCall(this.temporal.workflow.start(WorkflowType.FallteamConsultation, { taskQueue: this.config.temporal.taskQueue, workflowId: workflowIds.fallteamConsultation(id), args: [input] }), WHAT);
    // The answer is what the workflow starts with; no round trip to the worker is needed for it.
    return {
      id,
      caseId,
      pseudonym: row.pseudonym,
      phase: 'requested' as const,
      steps: initialSteps(definition.spec.steps, requestedAt),
      definitionVersion: definition.version,
      sessionId: null,
      sessionAt: null,
      followUpAt: null,
      questions,
      outcome: null,
      invitations: [],
    };
  }

  async get(user: Principal, id: string) {
    const consultation = await this.forCaseworker(user, id);
    const state = await temporalCall(this.temporal.workflow.getHandle(consultation.workflow_id).query(fallteamStateQuery), WHAT);
    const invitations = await this.dataSource.query('SELECT adviser_id AS "adviserId", opens_at AS "opensAt", closes_at AS "closesAt", closed_at AS "closedAt" FROM consultation_invitation WHERE consultation_id = $1', [id]);
    return {
      id,
      caseId: consultation.case_id,
      pseudonym: state.pseudonym,
      phase: state.phase,
      steps: state.steps,
      definitionVersion: state.definition.version,
      sessionId: state.sessionId ?? null,
      sessionAt: state.sessionAt ?? null,
      followUpAt: state.followUpAt ?? null,
      questions: this.cipher.open<string[]>(consultation.questions_enc),
      outcome: consultation.outcome_enc ? this.cipher.open<Outcome>(consultation.outcome_enc) : null,
      invitations,
    };
  }

  async schedule(user: Principal, id: string, sessionId: string) {
    const consultation = await this.forCaseworker(user, id);
    const [session] = await this.dataSource.query('SELECT * FROM fallteam_session WHERE id = $1', [sessionId]);
    if (!session) throw DomainError.invalid('Unknown session', [{ pointer: '/sessionId', message: 'no such Fallteam session' }]);
    if (session.starts_at.getTime() <= Date.now()) throw DomainError.invalid('The session lies in the past', [{ pointer: '/sessionId', message: 'session is in the past' }]);
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT id FROM fallteam_session WHERE id = $1 FOR UPDATE', [sessionId]);
      const [{ booked }] = await m.query('SELECT count(*)::int AS booked FROM consultation WHERE session_id = $1 AND id <> $2', [sessionId, id]);
      if (booked >= session.capacity) throw DomainError.conflict(`The session is full (${session.capacity} consultations)`);
      await temporalCall(
        this.temporal.workflow.getHandle(consultation.workflow_id).executeUpdate(fallteamUpdates.schedule, { args: [{ sessionId, sessionAt: session.starts_at.toISOString(), actorId: user.sub }] }),
        WHAT,
      );
      await m.query('UPDATE consultation SET session_id = $2 WHERE id = $1', [id, sessionId]);
    });
    return this.get(user, id);
  }

  async invite(user: Principal, id: string, adviserIds: string[]) {
    const consultation = await this.forCaseworker(user, id);
    const advisers: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM app_user WHERE id = ANY($1) AND active AND 'adviser' = ANY(roles)`, [adviserIds]);
    const known = new Set(advisers.map((a) => a.id));
    const problems = adviserIds.map((a, i) => ({ a, i })).filter(({ a }) => !known.has(a)).map(({ a, i }) => ({ pointer: `/adviserIds/${i}`, message: `${a} is not an adviser` }));
    if (problems.length > 0) throw DomainError.invalid('Only external advisers can be invited', problems);
    return temporalCall(
      this.temporal.workflow.getHandle(consultation.workflow_id).executeUpdate(fallteamUpdates.inviteAdvisers, { args: [{ adviserIds, actorId: user.sub }] }),
      WHAT,
    );
  }

  /** The outcome is sealed in PostgreSQL in the same transaction in which the workflow accepts it. */
  async recordOutcome(user: Principal, id: string, outcome: Outcome) {
    const consultation = await this.forCaseworker(user, id);
    const professionals = outcome.participants.filter((p) => p.role === 'professional' || p.role === 'adviser').length;
    await this.dataSource.transaction(async (m) => {
      await m.query('UPDATE consultation SET outcome_enc = $2 WHERE id = $1', [id, this.cipher.seal(outcome)]);
      await temporalCall(
        this.temporal.workflow
          .getHandle(consultation.workflow_id)
          .executeUpdate(fallteamUpdates.recordOutcome, { args: [{ professionals, participants: outcome.participants.length, actorId: user.sub }] }),
        WHAT,
      );
    });
    return this.get(user, id);
  }

  async cancel(user: Principal, id: string, reason?: string) {
    const consultation = await this.forCaseworker(user, id);
    await temporalCall(this.temporal.workflow.getHandle(consultation.workflow_id).executeUpdate(fallteamUpdates.cancel, { args: [{ reason, actorId: user.sub }] }), WHAT);
    return this.get(user, id);
  }

  /** An adviser's consultations with an open packet window: ids, pseudonyms and dates only. */
  async forAdviser(user: Principal) {
    const items = await this.dataSource.query(
      `SELECT c.id, f.pseudonym, s.starts_at AS "sessionAt", i.closes_at AS "accessUntil"
         FROM consultation_invitation i JOIN consultation c ON c.id = i.consultation_id JOIN case_file f ON f.id = c.case_id
         LEFT JOIN fallteam_session s ON s.id = c.session_id
        WHERE i.adviser_id = $1 AND i.opens_at <= now() AND i.closes_at > now() ORDER BY s.starts_at`,
      [user.sub],
    );
    return { items };
  }

  /**
   * The packet: for an adviser invited to this consultation, inside the window; for the assigned
   * caseworker as a preview. Everyone else, and an adviser outside the window, gets "not found".
   */
  async packet(user: Principal, id: string): Promise<ConsultationPacket> {
    const [consultation] = await this.dataSource.query('SELECT * FROM consultation WHERE id = $1', [id]);
    if (!consultation) throw DomainError.notFound(WHAT);
    if (user.roles.includes(Role.Adviser)) {
      const [open] = await this.dataSource.query(
        `SELECT 1 FROM consultation_invitation WHERE consultation_id = $1 AND adviser_id = $2 AND opens_at <= now() AND closes_at > now() AND closed_at IS NULL`,
        [id, user.sub],
      );
      if (!open) throw DomainError.notFound(WHAT);
    } else {
      await this.cases.visible(user, consultation.case_id);
    }
    const row = await this.cases.row(consultation.case_id);
    if (!row || row.anonymised_at) throw DomainError.notFound(WHAT);
    const content = this.cipher.open<CaseContent>(row.content_enc);
    const personal = this.cipher.open<PersonalData>(row.personal_enc);
    const released = await this.cases.releasedFields(row.id);
    const [session] = consultation.session_id ? await this.dataSource.query('SELECT starts_at FROM fallteam_session WHERE id = $1', [consultation.session_id]) : [];
    return {
      consultationId: id,
      pseudonym: row.pseudonym,
      zone: row.zone,
      will: content.will,
      goals: content.goals,
      resources: content.resources,
      questions: this.cipher.open<string[]>(consultation.questions_enc),
      sessionAt: session ? session.starts_at.toISOString() : null,
      released: Object.fromEntries(RELEASABLE_FIELDS.filter((f) => released.has(f)).map((f) => [f, personal[f]])),
    };
  }

  private async forCaseworker(user: Principal, id: string) {
    const [consultation] = await this.dataSource.query('SELECT * FROM consultation WHERE id = $1', [id]);
    if (!consultation) throw DomainError.notFound(WHAT);
    await this.cases.visible(user, consultation.case_id);
    return consultation;
  }
}
