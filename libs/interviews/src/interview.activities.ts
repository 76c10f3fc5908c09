import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DefinitionsService, PinnedDefinition } from '@sro/definitions';
import { asActivity } from '@sro/reminders';
import { Activities } from '@sro/temporal';
import type { CyclePartner, InterviewSnapshot, OpenedCycle } from '@sro/workflows/contracts';
import { InterviewReportService } from './interview-report.service';

/** Partners in the contract today: joined (accession date reached) and not yet left. */
export async function activePartners(db: DataSource | EntityManager): Promise<CyclePartner[]> {
  return db.query(
    `SELECT id AS "partnerId", name FROM contract_partner
      WHERE accession_date <= current_date AND (exit_date IS NULL OR exit_date > current_date) ORDER BY code`,
  );
}

/** The PostgreSQL side of the interview workflows; every write is idempotent. */
@Injectable()
@Activities()
export class InterviewActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly reports: InterviewReportService,
  ) {}

  /** Opens the cycle of a workflow run once (a retry finds the row) and pins the published definition. */
  openInterviewCycle(input: { workflowId: string; coordinatorId: string }): Promise<OpenedCycle> {
    return asActivity(() =>
      this.dataSource.transaction(async (m) => {
        // Numbers are handed out one cycle at a time.
        await m.query(`SELECT pg_advisory_xact_lock(hashtext('interview_cycle'))`);
        let [cycle] = await m.query(`SELECT id, number, definition_version FROM interview_cycle WHERE workflow_id = $1`, [input.workflowId]);
        let definition: PinnedDefinition<'partner-interview-cycle'>;
        if (cycle) {
          definition = this.definitions.pin(await this.definitions.get('partner-interview-cycle', cycle.definition_version)) as PinnedDefinition<'partner-interview-cycle'>;
        } else {
          definition = await this.definitions.published('partner-interview-cycle');
          [cycle] = await m.query(
            `INSERT INTO interview_cycle (number, workflow_id, definition_version, questionnaire, coordinator_id)
             VALUES ((SELECT coalesce(max(number), 0) + 1 FROM interview_cycle), $1, $2, $3, $4) RETURNING id, number`,
            [input.workflowId, definition.version, JSON.stringify(definition.spec.questionnaire), input.coordinatorId],
          );
        }
        return { cycleId: cycle.id, number: cycle.number, definition, partners: await activePartners(m) };
      }),
    );
  }

  activeCyclePartners(_input: { cycleId: string }): Promise<CyclePartner[]> {
    return activePartners(this.dataSource);
  }

  /** Upserts an interview; an older revision never overwrites a newer one; answers are written once. */
  async recordInterview(s: InterviewSnapshot): Promise<void> {
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

  /** An interview workflow failed: its row shows it (the others go on). */
  async recordInterviewFailure(input: { cycleId: string; partnerId: string; workflowId: string; message: string }): Promise<void> {
    await this.dataSource.query(`UPDATE partner_interview SET status = 'failed', error = $3, updated_at = now() WHERE cycle_id = $1 AND contract_partner_id = $2`, [
      input.cycleId,
      input.partnerId,
      input.message.slice(0, 2000),
    ]);
  }

  /** Completes the cycle and keeps its report as it stood at the end. */
  async closeInterviewCycle(input: { cycleId: string }): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE interview_cycle SET status = 'completed', completed_at = coalesce(completed_at, now()) WHERE id = $1`, [input.cycleId]);
      const report = await this.reports.compute(input.cycleId, m);
      await m.query(`UPDATE interview_cycle SET report = $2 WHERE id = $1`, [input.cycleId, JSON.stringify(report)]);
    });
  }
}
