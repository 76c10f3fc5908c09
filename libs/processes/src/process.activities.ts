import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Activities } from '@sro/temporal';
import type { ProcessEventRecord, ProcessSnapshot } from '@sro/workflows/shared/process';
import { effectiveDueAt } from '@sro/workflows/shared/steps';

/** Writes of the process read model; idempotent, so retries and replays are harmless. */
@Injectable()
export class ProcessReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** Upserts the read model; an older revision never overwrites a newer one. */
  async record(snapshot: ProcessSnapshot): Promise<void> {
    const active = snapshot.steps.find((s) => s.status === 'active');
    await this.dataSource.query(
      `INSERT INTO process_instance (id, workflow_id, definition_key, definition_version, status, subject_type, subject_id,
         planning_region_id, social_space_id, current_step, current_step_title, current_due_at, steps, summary, revision, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15, now())
       ON CONFLICT (id) DO UPDATE SET
         definition_version = EXCLUDED.definition_version, status = EXCLUDED.status,
         current_step = EXCLUDED.current_step, current_step_title = EXCLUDED.current_step_title,
         current_due_at = EXCLUDED.current_due_at, steps = EXCLUDED.steps, summary = EXCLUDED.summary,
         revision = EXCLUDED.revision, updated_at = now()
       WHERE process_instance.revision < EXCLUDED.revision`,
      [
        snapshot.processId,
        snapshot.workflowId,
        snapshot.definitionKey,
        snapshot.definitionVersion,
        snapshot.status,
        snapshot.subjectType,
        snapshot.subjectId,
        snapshot.planningRegionId ?? null,
        snapshot.socialSpaceId ?? null,
        active?.key ?? null,
        active?.title ?? null,
        (active && effectiveDueAt(active)) ?? null,
        JSON.stringify(snapshot.steps),
        JSON.stringify(snapshot.summary ?? {}),
        snapshot.revision,
      ],
    );
  }

  /** Appends to the instance's history; the event id from the workflow makes a retry a no-op. */
  async append(event: ProcessEventRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO process_event (process_id, occurred_at, kind, actor_id, details, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
      [event.processId, event.occurredAt, event.kind, event.actorId ?? null, JSON.stringify(event.details ?? {}), `${event.processId}:${event.sequence}`],
    );
  }
}

/** The read-model writes as activities of the process workflows. */
@Injectable()
@Activities()
export class ProcessActivities {
  constructor(private readonly readModel: ProcessReadModel) {}

  recordProcessState(snapshot: ProcessSnapshot): Promise<void> {
    return this.readModel.record(snapshot);
  }

  recordProcessEvent(event: ProcessEventRecord): Promise<void> {
    return this.readModel.append(event);
  }
}
