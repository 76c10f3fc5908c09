import { Injectable } from '@nestjs/common';
import { Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { aggregateStatistics, RiskAssessmentStatistic, StatisticCell, StatisticDimension, statisticsCsv } from './statistics';
import { StatisticsRepository } from './statistics.repository';

/** The § 8a statistics of one year (and month). */
export interface RiskAssessmentStatistics {
  year: number;
  month: number | null;
  count: number;
  items: RiskAssessmentStatistic[];
}

/** The aggregate § 8a view of a year (and month): counts per month and value, small cells suppressed. */
export interface RiskAssessmentSummary {
  year: number;
  month: number | null;
  dimension: StatisticDimension;
  cells: StatisticCell[];
  months: Array<{ month: number; total: number | null; suppressed: boolean }>;
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

  /** Record-level rows (official fields only): for the `statistics` role, which reports for the whole Jugendamt. */
  async riskAssessments(user: Principal, filter: { year: number; month?: number }): Promise<RiskAssessmentStatistics> {
    const items = await this.rowsFor(user, filter);
    return { year: filter.year, month: filter.month ?? null, count: items.length, items };
  }

  /** The aggregate view for admins (whole Jugendamt) and coordinators (their planning regions). */
  async riskAssessmentSummary(
    user: Principal,
    filter: { year: number; month?: number; dimension?: StatisticDimension },
  ): Promise<RiskAssessmentSummary> {
    const dimension = filter.dimension ?? 'result';
    const { cells, months } = aggregateStatistics(await this.rowsFor(user, filter), dimension);
    return { year: filter.year, month: filter.month ?? null, dimension, cells, months };
  }

  private async rowsFor(user: Principal, filter: { year: number; month?: number }): Promise<RiskAssessmentStatistic[]> {
    const whole = user.roles.includes(Role.Admin) || user.roles.includes(Role.Statistics);
    const regions = whole ? null : (await this.assignments.of(user)).planningRegionIds;
    return this.statistics.riskAssessments({ year: filter.year, month: filter.month, planningRegionIds: regions });
  }

  async riskAssessmentsCsv(user: Principal, filter: { year: number; month?: number }): Promise<string> {
    return statisticsCsv((await this.riskAssessments(user, filter)).items);
  }
}
