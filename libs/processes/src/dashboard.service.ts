import { Injectable } from '@nestjs/common';
import { Page, ProcessInstanceRepository } from './process-instance.repository';

export const DEADLINE_STATUSES = ['overdue', 'due_soon', 'on_track', 'paused'] as const;
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
  /** Since when a paused process is paused (its deadline waits); null while it runs. */
  pausedSince: string | null;
}

/** How many processes of the selection (regions, before the status filter) show each traffic light. */
export interface DeadlineCounts {
  overdue: number;
  dueSoon: number;
  onTrack: number;
  paused: number;
}

/** A page of phase deadlines with the counts per traffic light. */
export interface PhaseDeadlinePage extends Page<PhaseDeadline> {
  counts: DeadlineCounts;
}

/**
 * Deadlines of every unfinished social-space process from the PostgreSQL read model. Ordering by due
 * date puts overdue first, then due soon, then on track; paused processes come last, shown as paused.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly processes: ProcessInstanceRepository) {}

  async phaseDeadlines(filter: {
    planningRegionIds?: string[];
    status?: DeadlineStatus;
    limit: number;
    offset: number;
    now?: Date;
  }): Promise<PhaseDeadlinePage> {
    const now = filter.now ?? new Date();
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
    const { rows, total, counts } = await this.processes.phaseDeadlines({
      planningRegionIds: filter.planningRegionIds,
      status: filter.status,
      now,
      soon,
      limit: filter.limit,
      offset: filter.offset,
    });
    const items = rows.map((r): PhaseDeadline => ({
      ...r,
      dueAt: r.dueAt.toISOString(),
      daysLeft: Math.ceil((r.dueAt.getTime() - now.getTime()) / 86_400_000),
      pausedSince: r.pausedSince?.toISOString() ?? null,
    }));
    return {
      items,
      total,
      limit: filter.limit,
      offset: filter.offset,
      counts: { overdue: counts.overdue, dueSoon: counts.due_soon, onTrack: counts.on_track, paused: counts.paused },
    };
  }
}
