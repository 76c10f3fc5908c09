import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InterviewSnapshot, InterviewStatus } from '@sro/workflows/contracts';
import type { Answer } from '@sro/workflows/partner-interview-cycle/answers';

/** One partner's interview in a cycle, as the progress list and the interview page show it. */
export interface PartnerInterview {
  id: string;
  cycleId: string;
  partnerId: string;
  partnerName: string;
  partnerCode: string;
  status: InterviewStatus;
  plannedAt: Date | null;
  interviewerId: string | null;
  dueAt: Date | null;
  questionnaireVersion: string | null;
  answeredAt: Date | null;
  /** The version of the answers shown (1 as first recorded, higher after corrections). */
  answersVersion: number | null;
  /** The day the interview took place. */
  conductedOn: string | null;
  withdrawnReason: string | null;
  closedByCycle: boolean;
  error: string | null;
  updatedAt: Date;
}

/** The interview with the id of its workflow (never shown), and its answers when asked for. */
export interface InterviewRecord extends PartnerInterview {
  workflowId: string;
  answers?: Answer[] | null;
}

export interface AssignedInterview extends PartnerInterview {
  cycleNumber: number;
}

/** One version of an interview's answers. */
export interface AnswersVersion {
  version: number;
  answers: Answer[];
  conductedOn: string | null;
  recordedAt: Date;
  recordedBy: string;
  reason: string | null;
}

/** A correction of the answers of a done interview. */
export interface AnswersCorrection {
  answers: Answer[];
  conductedOn: string | null;
  recordedBy: string;
  reason: string;
}

/** One entry of an interview's history (`process_event`). */
export interface InterviewEvent {
  occurredAt: Date;
  kind: string;
  actorId: string | null;
  details: Record<string, unknown>;
}

const INTERVIEW_COLUMNS = `i.id, i.cycle_id AS "cycleId", i.contract_partner_id AS "partnerId", p.name AS "partnerName", p.code AS "partnerCode", i.status,
  i.planned_at AS "plannedAt", i.interviewer_id AS "interviewerId", i.due_at AS "dueAt", i.questionnaire_version AS "questionnaireVersion",
  i.answered_at AS "answeredAt", i.answers_version AS "answersVersion", to_char(i.conducted_on, 'YYYY-MM-DD') AS "conductedOn", i.withdrawn_reason AS "withdrawnReason", i.closed_by_cycle AS "closedByCycle", i.error, i.updated_at AS "updatedAt"`;

/** All SQL of the partners' interviews (`partner_interview`) and their history. */
@Injectable()
export class InterviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The cycle's interviews: overdue first, then failed, open, planned, done, the rest; by due date within. */
  async progress(
    cycleId: string,
    filter: { status?: InterviewStatus; limit: number; offset: number },
  ): Promise<{ items: PartnerInterview[]; total: number }> {
    const where = `i.cycle_id = $1 AND ($2::text IS NULL OR i.status = $2)`;
    const params = [cycleId, filter.status ?? null];
    const items: PartnerInterview[] = await this.dataSource.query(
      /* eslint-disable no-restricted-syntax -- `where` is the fixed condition above; values are $n parameters */
      `SELECT ${INTERVIEW_COLUMNS} FROM partner_interview i JOIN contract_partner p ON p.id = i.contract_partner_id
        WHERE ${where}
        ORDER BY CASE i.status WHEN 'overdue' THEN 0 WHEN 'failed' THEN 1 WHEN 'open' THEN 2 WHEN 'planned' THEN 3 WHEN 'done' THEN 4 ELSE 5 END, i.due_at NULLS LAST, p.code
        LIMIT $3 OFFSET $4`,
      /* eslint-enable no-restricted-syntax */
      [...params, filter.limit, filter.offset],
    );
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      // eslint-disable-next-line no-restricted-syntax -- `where` is the fixed condition above; values are $n parameters
      `SELECT count(*)::int AS total FROM partner_interview i WHERE ${where}`,
      params,
    );
    return { items, total };
  }

  /** The partner's interview in the cycle, with its answers when asked for. */
  async find(cycleId: string, partnerId: string, include: { answers?: boolean } = {}): Promise<InterviewRecord | null> {
    const [row]: InterviewRecord[] = await this.dataSource.query(
      /* eslint-disable no-restricted-syntax -- the answers column is a fixed fragment chosen by a flag */
      `SELECT ${INTERVIEW_COLUMNS}, i.workflow_id AS "workflowId"${include.answers ? ', i.answers' : ''} FROM partner_interview i JOIN contract_partner p ON p.id = i.contract_partner_id
        WHERE i.cycle_id = $1 AND i.contract_partner_id = $2`,
      /* eslint-enable no-restricted-syntax */
      [cycleId, partnerId],
    );
    return row ?? null;
  }

  /** The interviews the user conducts that still wait for answers, the earliest due first. */
  assignedTo(userId: string, page: { limit: number; offset: number }): Promise<AssignedInterview[]> {
    return this.dataSource.query(
      `SELECT ${INTERVIEW_COLUMNS}, c.number AS "cycleNumber" FROM partner_interview i
         JOIN contract_partner p ON p.id = i.contract_partner_id JOIN interview_cycle c ON c.id = i.cycle_id
        WHERE i.interviewer_id = $1 AND i.status IN ('planned', 'overdue') ORDER BY i.due_at LIMIT $2 OFFSET $3`,
      [userId, page.limit, page.offset],
    );
  }

  history(interviewId: string): Promise<InterviewEvent[]> {
    return this.dataSource.query(
      `SELECT occurred_at AS "occurredAt", kind, actor_id AS "actorId", details FROM process_event WHERE process_id = $1 ORDER BY occurred_at, id`,
      [interviewId],
    );
  }

  /** The revision the interview's workflow last wrote. */
  async revision(interviewId: string): Promise<number | null> {
    const [row]: Array<{ revision: number }> = await this.dataSource.query(`SELECT revision FROM partner_interview WHERE id = $1`, [
      interviewId,
    ]);
    return row?.revision ?? null;
  }

  /** Every version of the interview's answers, the first first. */
  answerVersions(interviewId: string): Promise<AnswersVersion[]> {
    return this.dataSource.query(
      `SELECT version, answers, to_char(conducted_on, 'YYYY-MM-DD') AS "conductedOn", recorded_at AS "recordedAt", recorded_by AS "recordedBy", reason
         FROM partner_interview_answers WHERE interview_id = $1 ORDER BY version`,
      [interviewId],
    );
  }

  /**
   * Stores corrected answers of a done interview as the next version, with a history entry, while
   * its cycle runs: the cycle row is locked so that the cycle cannot complete (and freeze its
   * report) in between. Null when the cycle has completed; nothing is written then.
   */
  async correctAnswers(interviewId: string, cycleId: string, c: AnswersCorrection): Promise<number | null> {
    return this.dataSource.transaction(async (tx) => {
      const [cycle]: Array<{ status: string }> = await tx.query(`SELECT status FROM interview_cycle WHERE id = $1 FOR UPDATE`, [cycleId]);
      if (cycle?.status !== 'running') return null;
      const [row]: Array<{ version: number }> = await tx.query(
        `SELECT coalesce(answers_version, 0) AS version FROM partner_interview WHERE id = $1 FOR UPDATE`,
        [interviewId],
      );
      const version = row.version + 1;
      await tx.query(
        `INSERT INTO partner_interview_answers (interview_id, version, answers, conducted_on, recorded_at, recorded_by, reason)
         VALUES ($1, $2, $3, $4, now(), $5, $6)`,
        [interviewId, version, JSON.stringify(c.answers), c.conductedOn, c.recordedBy, c.reason],
      );
      await tx.query(
        `UPDATE partner_interview SET answers = $2, answers_version = $3, conducted_on = $4, updated_at = now() WHERE id = $1`,
        [interviewId, JSON.stringify(c.answers), version, c.conductedOn],
      );
      await tx.query(
        `INSERT INTO process_event (process_id, occurred_at, kind, actor_id, details, dedupe_key) VALUES ($1, now(), 'answers_corrected', $2, $3, $4)`,
        [
          interviewId,
          c.recordedBy,
          JSON.stringify({ version, answers: c.answers.length, conductedOn: c.conductedOn }),
          `${interviewId}/answers/v${version}`,
        ],
      );
      return version;
    });
  }

  /** Upserts an interview; an older revision never overwrites a newer one; answers are written once (version 1), corrections apart. */
  async record(s: InterviewSnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO partner_interview (id, cycle_id, contract_partner_id, workflow_id, status, planned_at, interviewer_id, due_at, questionnaire_version,
         answers, answered_at, answered_by, withdrawn_reason, closed_by_cycle, revision, answers_version, conducted_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, CASE WHEN $10::jsonb IS NULL THEN NULL ELSE 1 END, $16)
       ON CONFLICT (id) DO UPDATE SET
         status = EXCLUDED.status, planned_at = EXCLUDED.planned_at, interviewer_id = EXCLUDED.interviewer_id, due_at = EXCLUDED.due_at,
         questionnaire_version = EXCLUDED.questionnaire_version,
         answers = coalesce(EXCLUDED.answers, partner_interview.answers), answered_at = coalesce(EXCLUDED.answered_at, partner_interview.answered_at),
         answered_by = coalesce(EXCLUDED.answered_by, partner_interview.answered_by),
         answers_version = coalesce(partner_interview.answers_version, EXCLUDED.answers_version),
         conducted_on = coalesce(partner_interview.conducted_on, EXCLUDED.conducted_on),
         withdrawn_reason = EXCLUDED.withdrawn_reason, closed_by_cycle = EXCLUDED.closed_by_cycle, revision = EXCLUDED.revision, updated_at = now()
       WHERE partner_interview.revision < EXCLUDED.revision`,
      [
        s.interviewId,
        s.cycleId,
        s.partnerId,
        s.workflowId,
        s.status,
        s.plannedAt,
        s.interviewerId,
        s.dueAt,
        s.questionnaireVersion,
        s.answers ? JSON.stringify(s.answers.items) : null,
        s.answers?.answeredAt ?? null,
        s.answers?.answeredBy ?? null,
        s.withdrawnReason,
        s.closedByCycle,
        s.revision,
        s.answers?.conductedOn ?? null,
      ],
    );
    if (s.answers) {
      await this.dataSource.query(
        `INSERT INTO partner_interview_answers (interview_id, version, answers, conducted_on, recorded_at, recorded_by)
         VALUES ($1, 1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [s.interviewId, JSON.stringify(s.answers.items), s.answers.conductedOn ?? null, s.answers.answeredAt, s.answers.answeredBy],
      );
    }
  }

  /** The interview's workflow failed: its row shows it, with the (shortened) message. */
  async markFailed(cycleId: string, partnerId: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE partner_interview SET status = 'failed', error = $3, updated_at = now() WHERE cycle_id = $1 AND contract_partner_id = $2`,
      [cycleId, partnerId, message.slice(0, 2000)],
    );
  }
}
