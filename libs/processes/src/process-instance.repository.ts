import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProcessEventRecord, ProcessSnapshot } from '@sro/workflows/shared/process';
import { effectiveDueAt } from '@sro/workflows/shared/steps';
import { ProcessEvent, ProcessInstance, ProcessStatus } from './process-instance.entity';

/** One page of a list and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Which instances of a definition a list shows: those of the regions or the social spaces given. */
export interface InstanceFilter {
  definitionKey: string;
  planningRegionIds: string[];
  socialSpaceIds: string[];
  planningRegionId?: string;
  status?: string;
  limit: number;
  offset: number;
}

/** A process's traffic light: paused, or by the due date of its current phase. */
export type DeadlineClass = 'overdue' | 'due_soon' | 'on_track' | 'paused';

/** The current phase deadline of an unfinished social-space process, as the repository reads it. */
export interface PhaseDeadlineRow {
  processId: string;
  socialSpaceId: string;
  socialSpaceName: string;
  planningRegionId: string;
  planningRegionName: string;
  definitionVersion: number;
  processStatus: string;
  phaseKey: string;
  phaseTitle: string;
  phaseNumber: number;
  dueAt: Date;
  status: DeadlineClass;
  /** When a paused process was paused; null while it runs. */
  pausedSince: Date | null;
}

/** Bounds of the deadline classes: due at or before `now` is overdue, at or before `soon` due soon. */
export interface DeadlineFilter {
  planningRegionIds?: string[];
  status?: DeadlineClass;
  now: Date;
  soon: Date;
  limit: number;
  offset: number;
}

/** Unfinished social-space processes with a current deadline, in the planning regions $3 (all when null). */
const DEADLINE_SCOPE = `p.definition_key = 'sozialraum-development' AND p.status IN ('running', 'paused') AND p.current_due_at IS NOT NULL
  AND ($3::uuid[] IS NULL OR p.planning_region_id = ANY($3::uuid[]))`;
/** The traffic light of a process at $1 (now) with $2 (the end of "due soon"). */
const DEADLINE_CLASS = `CASE WHEN p.status = 'paused' THEN 'paused' WHEN p.current_due_at <= $1 THEN 'overdue'
  WHEN p.current_due_at <= $2 THEN 'due_soon' ELSE 'on_track' END`;

/** Upserts the read model ($1–$15, see `stateParams`); an older revision never overwrites a newer one. */
const STATE_UPSERT = `INSERT INTO process_instance (id, workflow_id, definition_key, definition_version, status, subject_type, subject_id,
         planning_region_id, social_space_id, current_step, current_step_title, current_due_at, steps, summary, revision, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15, now())
       ON CONFLICT (id) DO UPDATE SET
         definition_version = EXCLUDED.definition_version, status = EXCLUDED.status,
         current_step = EXCLUDED.current_step, current_step_title = EXCLUDED.current_step_title,
         current_due_at = EXCLUDED.current_due_at, steps = EXCLUDED.steps, summary = EXCLUDED.summary,
         revision = EXCLUDED.revision, updated_at = now()
       WHERE process_instance.revision < EXCLUDED.revision`;

function stateParams(snapshot: ProcessSnapshot): unknown[] {
  const active = snapshot.steps.find((s) => s.status === 'active');
  return [
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
  ];
}

/** A history entry's values; the dedupe key from the workflow's sequence makes a retry a no-op. */
function eventParams(event: ProcessEventRecord): unknown[] {
  return [
    event.processId,
    event.occurredAt,
    event.kind,
    event.actorId ?? null,
    JSON.stringify(event.details ?? {}),
    `${event.processId}:${event.sequence}`,
  ];
}

/** What a changing route needs of an instance (`ProcessInstanceRepository.locate`). */
export type ProcessLocation = Pick<ProcessInstance, 'workflowId' | 'planningRegionId' | 'socialSpaceId'>;

/**
 * All SQL of the process read model (`process_instance`, `process_event`). Writes are idempotent,
 * so retried and replayed activities are harmless.
 */
@Injectable()
export class ProcessInstanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Upserts the read model; an older revision never overwrites a newer one. */
  async record(snapshot: ProcessSnapshot): Promise<void> {
    await this.dataSource.query(STATE_UPSERT, stateParams(snapshot));
  }

  /**
   * One change in one statement (one commit): its history entry when there is one (idempotent by its
   * sequence) and the read model (kept at the highest revision).
   */
  async recordChange(event: ProcessEventRecord | undefined, snapshot: ProcessSnapshot): Promise<void> {
    if (!event) return this.record(snapshot);
    await this.dataSource.query(
      `WITH event AS (
         INSERT INTO process_event (process_id, occurred_at, kind, actor_id, details, dedupe_key)
         VALUES ($16, $17, $18, $19, $20, $21) ON CONFLICT (dedupe_key) DO NOTHING)
       ${STATE_UPSERT}`,
      [...stateParams(snapshot), ...eventParams(event)],
    );
  }

  /** Appends to the instance's history; the event id from the workflow makes a retry a no-op. */
  async append(event: ProcessEventRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO process_event (process_id, occurred_at, kind, actor_id, details, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING`,
      eventParams(event),
    );
  }

  /**
   * Where an instance's updates go and whom it belongs to, for a route that changes it: plain SQL
   * without the steps and summary, as it runs before every update (an entity load parses both).
   */
  async locate(id: string, definitionKey: string): Promise<ProcessLocation | null> {
    const rows: ProcessLocation[] = await this.dataSource.query(
      `SELECT workflow_id AS "workflowId", planning_region_id AS "planningRegionId", social_space_id AS "socialSpaceId"
         FROM process_instance WHERE id = $1 AND definition_key = $2`,
      [id, definitionKey],
    );
    return rows[0] ?? null;
  }

  /** An instance of the given definition. */
  findById(id: string, definitionKey: string): Promise<ProcessInstance | null> {
    return this.dataSource.getRepository(ProcessInstance).findOneBy({ id, definitionKey });
  }

  /** The instance of a definition that runs or is paused for a subject, if any. */
  findUnfinished(definitionKey: string, subjectId: string): Promise<ProcessInstance | null> {
    const statuses: ProcessStatus[] = ['running', 'paused'];
    return this.dataSource
      .getRepository(ProcessInstance)
      .findOne({ where: statuses.map((status) => ({ definitionKey, subjectId, status })) });
  }

  /** How many runs of a definition a subject has had (every run keeps its row). */
  countRuns(definitionKey: string, subjectId: string): Promise<number> {
    return this.dataSource.getRepository(ProcessInstance).countBy({ definitionKey, subjectId });
  }

  /** Instances of the regions or social spaces given, nearest due date first. */
  async list(filter: InstanceFilter): Promise<Page<ProcessInstance>> {
    const qb = this.dataSource
      .getRepository(ProcessInstance)
      .createQueryBuilder('p')
      .where('p.definition_key = :key', { key: filter.definitionKey })
      .andWhere('(p.planning_region_id = ANY(:regions) OR p.social_space_id = ANY(:spaces))', {
        regions: filter.planningRegionIds,
        spaces: filter.socialSpaceIds,
      });
    if (filter.planningRegionId) qb.andWhere('p.planning_region_id = :region', { region: filter.planningRegionId });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    const [items, total] = await qb
      .orderBy('p.current_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('p.id')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** Instances of a definition that are running or paused, oldest first. */
  unfinished(definitionKey: string): Promise<ProcessInstance[]> {
    const statuses: ProcessStatus[] = ['running', 'paused'];
    return this.dataSource.getRepository(ProcessInstance).find({
      where: statuses.map((status) => ({ definitionKey, status })),
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * What an administrator may read of each instance's subject: the social space's name, the case's
   * file number (its pseudonym, never a name) or the agreement's reference; null for other subjects.
   */
  async subjectLabels(processIds: string[]): Promise<Map<string, string | null>> {
    if (processIds.length === 0) return new Map();
    const rows: Array<{ id: string; label: string | null }> = await this.dataSource.query(
      `SELECT p.id, CASE p.subject_type
                WHEN 'social_space' THEN (SELECT s.name FROM social_space s WHERE s.id::text = p.subject_id)
                WHEN 'case' THEN (SELECT f.pseudonym FROM case_file f WHERE f.id::text = p.subject_id)
                WHEN 'cooperation_agreement' THEN (SELECT a.reference FROM cooperation_agreement a WHERE a.id::text = p.subject_id)
              END AS label
         FROM process_instance p WHERE p.id = ANY($1::uuid[])`,
      [processIds],
    );
    return new Map(rows.map((r) => [r.id, r.label]));
  }

  /** One page of an instance's history, oldest first. */
  async history(processId: string, page: { limit: number; offset: number }): Promise<Page<ProcessEvent>> {
    const [items, total] = await this.dataSource
      .getRepository(ProcessEvent)
      .findAndCount({ where: { processId }, order: { id: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total, ...page };
  }

  /**
   * Current phase deadlines of unfinished social-space processes: running ones by due date (overdue
   * first), paused ones after them with the time they were paused; and how many fall in each class.
   */
  async phaseDeadlines(
    filter: DeadlineFilter,
  ): Promise<{ rows: PhaseDeadlineRow[]; total: number; counts: Record<DeadlineClass, number> }> {
    const scope = [filter.now, filter.soon, filter.planningRegionIds ?? null];
    const [rows, classes] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id AS "processId", p.social_space_id AS "socialSpaceId", s.name AS "socialSpaceName",
                p.planning_region_id AS "planningRegionId", r.name AS "planningRegionName", p.definition_version AS "definitionVersion",
                p.status AS "processStatus", p.current_step AS "phaseKey", p.current_step_title AS "phaseTitle",
                (SELECT i FROM jsonb_array_elements(p.steps) WITH ORDINALITY AS e(step, i) WHERE e.step->>'key' = p.current_step) AS "phaseNumber",
                p.current_due_at AS "dueAt", ${DEADLINE_CLASS} AS status,
                CASE WHEN p.status = 'paused'
                     THEN (SELECT max(e.occurred_at) FROM process_event e WHERE e.process_id = p.id AND e.kind = 'paused') END AS "pausedSince"
           FROM process_instance p
           JOIN social_space s ON s.id = p.social_space_id
           JOIN planning_region r ON r.id = p.planning_region_id
          WHERE ${DEADLINE_SCOPE} AND ($4::text IS NULL OR ${DEADLINE_CLASS} = $4)
          ORDER BY p.status = 'paused', p.current_due_at ASC, p.id
          LIMIT $5 OFFSET $6`,
        [...scope, filter.status ?? null, filter.limit, filter.offset],
      ),
      this.dataSource.query(
        `SELECT ${DEADLINE_CLASS} AS status, count(*)::int AS n FROM process_instance p WHERE ${DEADLINE_SCOPE} GROUP BY 1`,
        scope,
      ),
    ]);
    const counts: Record<DeadlineClass, number> = { overdue: 0, due_soon: 0, on_track: 0, paused: 0 };
    for (const c of classes as Array<{ status: DeadlineClass; n: number }>) counts[c.status] = c.n;
    return {
      rows: rows.map((r: PhaseDeadlineRow & { phaseNumber: string }) => ({
        ...r,
        phaseNumber: Number(r.phaseNumber),
        dueAt: new Date(r.dueAt),
        pausedSince: r.pausedSince && new Date(r.pausedSince),
      })),
      total: filter.status ? counts[filter.status] : Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
    };
  }
}
