import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { withParsedDates } from '@sro/database';
import type { AdviserAccess } from '@sro/workflows/contracts';
import type { WithNewCase } from './case.repository';

/** What PostgreSQL keeps of a consultation beside its workflow: the sealed questions and outcome. */
export interface ConsultationRecord {
  id: string;
  caseId: string;
  workflowId: string;
  sessionId: string | null;
  questionsEnc: string;
  /** Sealed when the workflow accepts the outcome. */
  outcomeEnc: string | null;
  requestedBy: string;
  createdAt: Date;
}

export interface ConsultationInsert {
  id: string;
  caseId: string;
  workflowId: string;
  questionsEnc: string;
  requestedBy: string;
}

/** An adviser's access window to the packet. */
export interface Invitation {
  adviserId: string;
  opensAt: Date;
  closesAt: Date;
  /** Set when access was closed early (window over, or consultation cancelled). */
  closedAt: Date | null;
}

/** An adviser's recommendation as stored: the content sealed. */
export interface RecommendationRecord {
  id: string;
  adviserId: string;
  contentEnc: string;
  createdAt: Date;
}

/** A consultation an adviser may open now: ids, pseudonym and dates only. */
export interface AdviserConsultation {
  id: string;
  pseudonym: string;
  sessionAt: Date | null;
  accessUntil: Date;
}

/** The columns of a consultation row under the alias `c`. */
const columns = (c: string) => `${c}.id, ${c}.case_id AS "caseId", ${c}.workflow_id AS "workflowId", ${c}.session_id AS "sessionId",
  ${c}.questions_enc AS "questionsEnc", ${c}.outcome_enc AS "outcomeEnc", ${c}.requested_by AS "requestedBy", ${c}.created_at AS "createdAt"`;
const COLUMNS = columns('consultation');
const C_COLUMNS = columns('c');

/** All SQL of the `consultation` and `consultation_invitation` tables. */
@Injectable()
export class ConsultationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(consultation: ConsultationInsert, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`INSERT INTO consultation (id, case_id, workflow_id, questions_enc, requested_by) VALUES ($1, $2, $3, $4, $5)`, [
      consultation.id,
      consultation.caseId,
      consultation.workflowId,
      consultation.questionsEnc,
      consultation.requestedBy,
    ]);
  }

  /** The request of a case's intake, written in the statement of the new case (see `CaseRepository.insert`). */
  withNewCase(consultation: Omit<ConsultationInsert, 'caseId'>): WithNewCase {
    return {
      sql: (p) => `INSERT INTO consultation (id, case_id, workflow_id, questions_enc, requested_by)
        SELECT $${p}::uuid, f.id, $${p + 1}::text, $${p + 2}::text, $${p + 3}::text FROM f`,
      values: [consultation.id, consultation.workflowId, consultation.questionsEnc, consultation.requestedBy],
    };
  }

  async findById(id: string): Promise<ConsultationRecord | undefined> {
    const [row]: ConsultationRecord[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consultation WHERE id = $1`, [id]);
    return row;
  }

  /** The consultations of a case, oldest first. */
  /** The consultations of a case with the phase their workflow last persisted (its process read model). */
  async ofCase(caseId: string): Promise<Array<ConsultationRecord & { phase: string | null }>> {
    return this.dataSource.query(
      `SELECT ${C_COLUMNS}, p.summary->>'phase' AS phase
         FROM consultation c LEFT JOIN process_instance p ON p.workflow_id = c.workflow_id
        WHERE c.case_id = $1 ORDER BY c.created_at, c.id`,
      [caseId],
    );
  }

  /** Gives the seat back (to the session booked before), unless another booking replaced it meanwhile. */
  async unassignSession(id: string, sessionId: string, previous: string | null): Promise<void> {
    await this.dataSource.query('UPDATE consultation SET session_id = $3 WHERE id = $1 AND session_id = $2', [id, sessionId, previous]);
  }

  /** Seals the outcome unless one is stored already (an outcome is recorded once); true when this call stored it. */
  async storeOutcome(id: string, outcomeEnc: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'UPDATE consultation SET outcome_enc = $2 WHERE id = $1 AND outcome_enc IS NULL RETURNING id',
      [id, outcomeEnc],
    );
    return rows.length > 0;
  }

  /** Removes the outcome this request stored, after the workflow refused it. */
  async removeOutcome(id: string, outcomeEnc: string): Promise<void> {
    await this.dataSource.query('UPDATE consultation SET outcome_enc = NULL WHERE id = $1 AND outcome_enc = $2', [id, outcomeEnc]);
  }

  async invitations(consultationId: string): Promise<Invitation[]> {
    return this.dataSource.query(
      'SELECT adviser_id AS "adviserId", opens_at AS "opensAt", closes_at AS "closesAt", closed_at AS "closedAt" FROM consultation_invitation WHERE consultation_id = $1',
      [consultationId],
    );
  }

  /**
   * The invitations and the recommendations of a consultation in one query (one round trip instead
   * of two on every answer of a consultation); their timestamps come as text, read by the driver's
   * own parsers, so they are the values the two plain SELECTs give.
   */
  async invitationsAndRecommendations(
    consultationId: string,
  ): Promise<{ invitations: Invitation[]; recommendations: RecommendationRecord[] }> {
    const [row]: Array<{ invitations: Invitation[]; recommendations: RecommendationRecord[] }> = await this.dataSource.query(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('adviserId', adviser_id, 'opensAt', opens_at::text, 'closesAt', closes_at::text,
                                                     'closedAt', closed_at::text)), '[]')
            FROM consultation_invitation WHERE consultation_id = $1) AS invitations,
         (SELECT coalesce(json_agg(json_build_object('id', id, 'adviserId', adviser_id, 'contentEnc', content_enc, 'createdAt', created_at::text)
                                   ORDER BY created_at, id), '[]')
            FROM consultation_recommendation WHERE consultation_id = $1) AS recommendations`,
      [consultationId],
    );
    return {
      invitations: row.invitations.map((i) => withParsedDates(i, ['opensAt', 'closesAt', 'closedAt'])),
      recommendations: row.recommendations.map((r) => withParsedDates(r, ['createdAt'])),
    };
  }

  /** Whether the adviser's window to this consultation is open now. */
  async hasOpenInvitation(consultationId: string, adviserId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM consultation_invitation WHERE consultation_id = $1 AND adviser_id = $2 AND opens_at <= now() AND closes_at > now() AND closed_at IS NULL`,
      [consultationId, adviserId],
    );
    return rows.length > 0;
  }

  /** The consultations whose packet window is open for the adviser now and whose packet was released, by session date. */
  async openForAdviser(adviserId: string): Promise<AdviserConsultation[]> {
    return this.dataSource.query(
      `SELECT c.id, f.pseudonym, s.starts_at AS "sessionAt", i.closes_at AS "accessUntil"
         FROM consultation_invitation i JOIN consultation c ON c.id = i.consultation_id JOIN case_file f ON f.id = c.case_id
         LEFT JOIN fallteam_session s ON s.id = c.session_id
        WHERE i.adviser_id = $1 AND i.opens_at <= now() AND i.closes_at > now()
          AND EXISTS (SELECT 1 FROM consultation_packet_release r WHERE r.consultation_id = c.id)
        ORDER BY s.starts_at`,
      [adviserId],
    );
  }

  /** Opens (or reopens and moves) the advisers' windows. */
  async openAccess(consultationId: string, access: AdviserAccess[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO consultation_invitation (consultation_id, adviser_id, opens_at, closes_at)
       SELECT $1, a."adviserId", a."opensAt", a."closesAt" FROM jsonb_to_recordset($2::jsonb) AS a("adviserId" text, "opensAt" timestamptz, "closesAt" timestamptz)
       ON CONFLICT (consultation_id, adviser_id) DO UPDATE SET opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at, closed_at = NULL`,
      [consultationId, JSON.stringify(access)],
    );
  }

  /** `id` is made by the caller: the sealed content is bound to it. */
  async addRecommendation(consultationId: string, adviserId: string, contentEnc: string, id: string): Promise<RecommendationRecord> {
    const [row]: RecommendationRecord[] = await this.dataSource.query(
      `INSERT INTO consultation_recommendation (id, consultation_id, adviser_id, content_enc) VALUES ($4, $1, $2, $3)
       RETURNING id, adviser_id AS "adviserId", content_enc AS "contentEnc", created_at AS "createdAt"`,
      [consultationId, adviserId, contentEnc, id],
    );
    return row;
  }

  /** The advisers' recommendations to a consultation, oldest first. */
  async recommendations(consultationId: string): Promise<RecommendationRecord[]> {
    return this.dataSource.query(
      `SELECT id, adviser_id AS "adviserId", content_enc AS "contentEnc", created_at AS "createdAt"
         FROM consultation_recommendation WHERE consultation_id = $1 ORDER BY created_at, id`,
      [consultationId],
    );
  }

  /** Closes the advisers' windows at once. */
  async closeAccess(consultationId: string, adviserIds: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE consultation_invitation SET closed_at = coalesce(closed_at, now()), closes_at = least(closes_at, now())
        WHERE consultation_id = $1 AND adviser_id = ANY($2)`,
      [consultationId, adviserIds],
    );
  }
}
