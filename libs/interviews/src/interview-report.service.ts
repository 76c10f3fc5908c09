import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '@sro/common';
import { InterviewCycleRepository } from './interview-cycle.repository';
import { buildReport, InterviewReport } from './interview-report';

/** Loads a cycle and its interviews (and the previous cycle's) for the report. */
@Injectable()
export class InterviewReportService {
  constructor(private readonly cycles: InterviewCycleRepository) {}

  /** The stored report of a closed cycle, or one computed now while it runs. */
  async report(cycleId: string): Promise<InterviewReport> {
    const stored = await this.cycles.storedReport(cycleId);
    if (stored === undefined) throw DomainError.notFound('Der Interviewzyklus');
    return stored ?? this.compute(cycleId);
  }

  /** Computes the report; inside a transaction when given one (closing a cycle keeps what it computed). */
  async compute(cycleId: string, tx?: EntityManager): Promise<InterviewReport> {
    const cycle = await this.cycles.reportCycle(cycleId, tx);
    if (!cycle) throw DomainError.notFound('Der Interviewzyklus');
    const previous = await this.cycles.previousReportCycle(cycle.number, tx);
    return buildReport(
      cycle,
      await this.cycles.reportInterviews(cycle.id, tx),
      previous ? { cycle: previous, interviews: await this.cycles.reportInterviews(previous.id, tx) } : undefined,
    );
  }
}
