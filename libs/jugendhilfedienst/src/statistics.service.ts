import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { RiskAssessmentStatistic, statisticsCsv } from './statistics';

/**
 * The anonymised export of completed § 8a assessments with the fields of the official child and
 * youth welfare statistics: no ids, names, dates of birth or exact dates; rows sorted by their
 * codes, so their order does not reveal the order of the cases either.
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentsService,
  ) {}

  async riskAssessments(user: Principal, filter: { year: number; month?: number }): Promise<{ year: number; month: number | null; count: number; items: RiskAssessmentStatistic[] }> {
    // Admins export for the whole Jugendamt; coordinators for their planning regions.
    const regions = user.roles.includes(Role.Admin) ? null : (await this.assignments.of(user.sub)).planningRegionIds;
    const rows: RiskAssessmentStatistic[] = await this.dataSource.query(
      `SELECT extract(year FROM r.completed_at AT TIME ZONE 'Europe/Berlin')::int AS "completionYear",
              extract(month FROM r.completed_at AT TIME ZONE 'Europe/Berlin')::int AS "completionMonth",
              r.age_group AS "ageGroup", r.sex, r.result, r.danger_kinds AS "dangerKinds", r.reported_by AS "reportedBy",
              r.existing_help AS "existingHelp", r.new_help AS "newHelp", r.family_court AS "familyCourt"
         FROM risk_assessment r JOIN social_space s ON s.id = r.social_space_id
        WHERE extract(year FROM r.completed_at AT TIME ZONE 'Europe/Berlin') = $1
          AND ($2::int IS NULL OR extract(month FROM r.completed_at AT TIME ZONE 'Europe/Berlin') = $2)
          AND ($3::uuid[] IS NULL OR s.planning_region_id = ANY($3))
        ORDER BY 1, 2, r.result, r.age_group, r.sex, r.reported_by, r.family_court, r.danger_kinds, r.existing_help, r.new_help`,
      [filter.year, filter.month ?? null, regions],
    );
    return { year: filter.year, month: filter.month ?? null, count: rows.length, items: rows };
  }

  async riskAssessmentsCsv(user: Principal, filter: { year: number; month?: number }): Promise<string> {
    return statisticsCsv((await this.riskAssessments(user, filter)).items);
  }
}
