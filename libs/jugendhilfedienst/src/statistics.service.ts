import { Injectable } from '@nestjs/common';
import { Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { RiskAssessmentStatistic, statisticsCsv } from './statistics';
import { StatisticsRepository } from './statistics.repository';

/** The § 8a statistics of one year (and month). */
export interface RiskAssessmentStatistics {
  year: number;
  month: number | null;
  count: number;
  items: RiskAssessmentStatistic[];
}

/**
 * The anonymised export of completed § 8a assessments with the fields of the official child and
 * youth welfare statistics: no ids, names, dates of birth or exact dates; rows sorted by their
 * codes, so their order does not reveal the order of the cases either.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly statistics: StatisticsRepository,
    private readonly assignments: AssignmentsService,
  ) {}

  async riskAssessments(user: Principal, filter: { year: number; month?: number }): Promise<RiskAssessmentStatistics> {
    // Admins export for the whole Jugendamt; coordinators for their planning regions.
    const regions = user.roles.includes(Role.Admin) ? null : (await this.assignments.of(user.sub)).planningRegionIds;
    const items = await this.statistics.riskAssessments({ year: filter.year, month: filter.month, planningRegionIds: regions });
    return { year: filter.year, month: filter.month ?? null, count: items.length, items };
  }

  async riskAssessmentsCsv(user: Principal, filter: { year: number; month?: number }): Promise<string> {
    return statisticsCsv((await this.riskAssessments(user, filter)).items);
  }
}
