import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const DEADLINE_STATUSES = ['overdue', 'due_soon', 'on_track'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** A phase due within this many days is `due_soon`. */
export const DUE_SOON_DAYS = 14;

export interface PhaseDeadline {
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
  dueAt: string;
  daysLeft: number;
  status: DeadlineStatus;
}

/**
 * Deadlines of every running social-space process from the PostgreSQL read model. Ordering by due
 * date puts overdue first, then due soon, then on track, and uses the partial index.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly dataSource: DataSource) {}

  async phaseDeadlines(filter: { planningRegionIds?: string[]; status?: DeadlineStatus; limit: number; offset: number; now?: Date }) {
    const now = filter.now ?? new Date();
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
    // Each query numbers its own parameters: PostgreSQL refuses unused ones.
    const build = (params: unknown[]) => {
      const bind = (value: unknown) => `$${params.push(value)}`;
      const where = [`p.definition_key = 'sozialraum-development'`, `p.status IN ('running', 'paused')`, `p.current_due_at IS NOT NULL`];
      if (filter.planningRegionIds) where.push(`p.planning_region_id = ANY(${bind(filter.planningRegionIds)})`);
      if (filter.status === 'overdue') where.push(`p.current_due_at <= ${bind(now)}`);
      if (filter.status === 'due_soon') where.push(`p.current_due_at > ${bind(now)} AND p.current_due_at <= ${bind(soon)}`);
      if (filter.status === 'on_track') where.push(`p.current_due_at > ${bind(soon)}`);
      return where.join(' AND ');
    };
    const params: unknown[] = [now, soon];
    const whereSql = build(params);
    const countParams: unknown[] = [];
    const countWhere = build(countParams);
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.id AS "processId", p.social_space_id AS "socialSpaceId", s.name AS "socialSpaceName",
                p.planning_region_id AS "planningRegionId", r.name AS "planningRegionName", p.definition_version AS "definitionVersion",
                p.status AS "processStatus", p.current_step AS "phaseKey", p.current_step_title AS "phaseTitle",
                (SELECT i FROM jsonb_array_elements(p.steps) WITH ORDINALITY AS e(step, i) WHERE e.step->>'key' = p.current_step) AS "phaseNumber",
                p.current_due_at AS "dueAt",
                CASE WHEN p.current_due_at <= $1 THEN 'overdue' WHEN p.current_due_at <= $2 THEN 'due_soon' ELSE 'on_track' END AS status
           FROM process_instance p
           JOIN social_space s ON s.id = p.social_space_id
           JOIN planning_region r ON r.id = p.planning_region_id
          WHERE ${whereSql}
          ORDER BY p.current_due_at ASC, p.id
          LIMIT ${Number(filter.limit)} OFFSET ${Number(filter.offset)}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM process_instance p WHERE ${countWhere}`, countParams),
    ]);
    const items: PhaseDeadline[] = rows.map((r: PhaseDeadline & { dueAt: Date; phaseNumber: string }) => ({
      ...r,
      phaseNumber: Number(r.phaseNumber),
      dueAt: new Date(r.dueAt).toISOString(),
      daysLeft: Math.ceil((new Date(r.dueAt).getTime() - now.getTime()) / 86_400_000),
    }));
    return { items, total, limit: filter.limit, offset: filter.offset };
  }
}
