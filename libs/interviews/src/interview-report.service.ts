import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@sro/common';
import { buildReport, InterviewReport, ReportCycle, ReportInterview } from './interview-report';

/** Loads a cycle and its interviews (and the previous cycle's) for the report. */
@Injectable()
export class InterviewReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored report of a closed cycle, or one computed now while it runs. */
  async report(cycleId: string): Promise<InterviewReport> {
    const [row] = await this.dataSource.query(`SELECT report FROM interview_cycle WHERE id = $1`, [cycleId]);
    if (!row) throw DomainError.notFound('Interview cycle');
    return row.report ?? this.compute(cycleId);
  }

  async compute(cycleId: string, db: DataSource | EntityManager = this.dataSource): Promise<InterviewReport> {
    const cycle = await this.cycle(db, `id = $1`, [cycleId]);
    if (!cycle) throw DomainError.notFound('Interview cycle');
    const previous = await this.cycle(db, `number < $1 ORDER BY number DESC LIMIT 1`, [cycle.number]);
    return buildReport(cycle, await this.interviews(db, cycle.id), previous ? { cycle: previous, interviews: await this.interviews(db, previous.id) } : undefined);
  }

  private async cycle(db: DataSource | EntityManager, where: string, params: unknown[]): Promise<ReportCycle | undefined> {
    const [row] = await db.query(
      `SELECT id, number, status, started_at AS "startedAt", completed_at AS "completedAt", definition_version AS "definitionVersion", questionnaire
         FROM interview_cycle WHERE ${where}`,
      params,
    );
    return row ? { ...row, startedAt: row.startedAt.toISOString(), completedAt: row.completedAt?.toISOString() ?? null } : undefined;
  }

  private interviews(db: DataSource | EntityManager, cycleId: string): Promise<ReportInterview[]> {
    return db.query(`SELECT status, answers FROM partner_interview WHERE cycle_id = $1`, [cycleId]);
  }
}
