import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for "Meine Aufgaben" (`GET /me/tasks`): each task kind is one query over a read model,
 * entered from the caller (their cases, their processes, their interviews, their follow-ups).
 * `cooperation_agreement_pending (approver_id, due_at)` and `consultation_invitation (adviser_id,
 * closes_at)` exist already.
 */
export class TaskIndexes1765500000000 implements MigrationInterface {
  name = 'TaskIndexes1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX process_instance_open_case_idx ON process_instance (subject_id, definition_key)
        WHERE status = 'running' AND definition_key IN ('fallteam-consultation', 'jugendhilfedienst-case');
      CREATE INDEX process_instance_coordinator_idx ON process_instance ((summary->>'coordinatorId'))
        WHERE status = 'running' AND definition_key = 'sozialraum-development';
      CREATE INDEX case_follow_up_open_user_idx ON case_follow_up (user_id, due_on) WHERE done_at IS NULL;
      CREATE INDEX partner_interview_unplanned_idx ON partner_interview (cycle_id)
        WHERE planned_at IS NULL AND status IN ('open', 'overdue');
      CREATE INDEX interview_cycle_running_coordinator_idx ON interview_cycle (coordinator_id) WHERE status = 'running';
      CREATE INDEX consultation_recommendation_adviser_idx ON consultation_recommendation (consultation_id, adviser_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX consultation_recommendation_adviser_idx;
      DROP INDEX interview_cycle_running_coordinator_idx;
      DROP INDEX partner_interview_unplanned_idx;
      DROP INDEX case_follow_up_open_user_idx;
      DROP INDEX process_instance_coordinator_idx;
      DROP INDEX process_instance_open_case_idx;
    `);
  }
}
