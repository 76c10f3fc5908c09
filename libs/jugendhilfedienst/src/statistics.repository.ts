import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RiskAssessmentStatistic } from './statistics';

/** The anonymous statistics fields of completed § 8a assessments. */
@Injectable()
export class StatisticsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Assessments completed in a year (and month), Europe/Berlin; `planningRegionIds` null: all.
   * Sorted by their codes, so the order does not reveal the order of the cases.
   */
  riskAssessments(filter: { year: number; month?: number; planningRegionIds: string[] | null }): Promise<RiskAssessmentStatistic[]> {
    return this.dataSource.query(
      `SELECT extract(year FROM r.completed_at AT TIME ZONE 'Europe/Berlin')::int AS "completionYear",
              extract(month FROM r.completed_at AT TIME ZONE 'Europe/Berlin')::int AS "completionMonth",
              r.age_group AS "ageGroup", r.sex, r.result, r.danger_kinds AS "dangerKinds", r.reported_by AS "reportedBy",
              r.existing_help AS "existingHelp", r.new_help AS "newHelp", r.family_court AS "familyCourt"
         FROM risk_assessment r JOIN social_space s ON s.id = r.social_space_id
        WHERE r.accepted AND extract(year FROM r.completed_at AT TIME ZONE 'Europe/Berlin') = $1
          AND ($2::int IS NULL OR extract(month FROM r.completed_at AT TIME ZONE 'Europe/Berlin') = $2)
          AND ($3::uuid[] IS NULL OR s.planning_region_id = ANY($3))
        ORDER BY 1, 2, r.result, r.age_group, r.sex, r.reported_by, r.family_court, r.danger_kinds, r.existing_help, r.new_help`,
      [filter.year, filter.month ?? null, filter.planningRegionIds],
    );
  }
}
