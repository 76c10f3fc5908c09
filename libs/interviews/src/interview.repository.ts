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

/** One entry of an interview's history (`process_event`). */
export interface InterviewEvent {
  occurredAt: Date;
  kind: string;
  actorId: string | null;
  details: Record<string, unknown>;
}

const INTERVIEW_COLUMNS = `i.id, i.cycle_id AS "cycleId", i.contract_partner_id AS "partnerId", p.name AS "partnerName", p.code AS "partnerCode", i.status,
  i.planned_at AS "plannedAt", i.interviewer_id AS "interviewerId", i.due_at AS "dueAt", i.questionnaire_version AS "questionnaireVersion",
  i.answered_at AS "answeredAt", i.withdrawn_reason AS "withdrawnReason", i.closed_by_cycle AS "closedByCycle", i.error, i.updated_at AS "updatedAt"`;

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

  /** Upserts an interview; an older revision never overwrites a newer one; answers are written once. */
  async record(s: InterviewSnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO partner_interview (id, cycle_id, contract_partner_id, workflow_id, status, planned_at, interviewer_id, due_at, questionnaire_version,
         answers, answered_at, answered_by, withdrawn_reason, closed_by_cycle, revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (id) DO UPDATE SET
         status = EXCLUDED.status, planned_at = EXCLUDED.planned_at, interviewer_id = EXCLUDED.interviewer_id, due_at = EXCLUDED.due_at,
         questionnaire_version = EXCLUDED.questionnaire_version,
         answers = coalesce(EXCLUDED.answers, partner_interview.answers), answered_at = coalesce(EXCLUDED.answered_at, partner_interview.answered_at),
         answered_by = coalesce(EXCLUDED.answered_by, partner_interview.answered_by),
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
      ],
    );
  }

  /** The interview's workflow failed: its row shows it, with the (shortened) message. */
  async markFailed(cycleId: string, partnerId: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE partner_interview SET status = 'failed', error = $3, updated_at = now() WHERE cycle_id = $1 AND contract_partner_id = $2`,
      [cycleId, partnerId, message.slice(0, 2000)],
    );
  }
}
