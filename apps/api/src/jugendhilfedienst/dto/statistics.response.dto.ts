import { ApiProperty } from '@nestjs/swagger';
import type {
  RiskAssessmentStatistic,
  RiskAssessmentStatistics,
  RiskAssessmentSummary,
  StatisticCell,
  StatisticDimension,
} from '@sro/jugendhilfedienst';
import { AGE_GROUPS, CASE_SOURCES, DANGER_KINDS, HELP_KINDS, RISK_RESULTS, SEXES, STATISTIC_DIMENSIONS } from '@sro/jugendhilfedienst';

/** One completed § 8a assessment as the official statistics count it: codes only. */
class RiskAssessmentStatisticDto implements RiskAssessmentStatistic {
  @ApiProperty({ example: 2026 })
  completionYear: number;

  @ApiProperty({ example: 11 })
  completionMonth: number;

  @ApiProperty({ enum: AGE_GROUPS })
  ageGroup: string;

  @ApiProperty({ enum: SEXES })
  sex: string;

  @ApiProperty({ enum: RISK_RESULTS })
  result: string;

  @ApiProperty({ enum: DANGER_KINDS, isArray: true })
  dangerKinds: string[];

  @ApiProperty({ enum: CASE_SOURCES, description: 'Who made the case known' })
  reportedBy: string;

  @ApiProperty({ enum: HELP_KINDS, isArray: true })
  existingHelp: string[];

  @ApiProperty({ enum: HELP_KINDS, isArray: true })
  newHelp: string[];

  @ApiProperty()
  familyCourt: boolean;
}

/** The anonymised § 8a statistics of a year (and month). */
export class RiskAssessmentStatisticsResponseDto implements RiskAssessmentStatistics {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ type: Number, nullable: true, example: 11 })
  month: number | null;

  @ApiProperty()
  count: number;

  @ApiProperty({ type: [RiskAssessmentStatisticDto] })
  items: RiskAssessmentStatisticDto[];
}

class StatisticCellDto implements StatisticCell {
  @ApiProperty({ example: 11 })
  month: number;

  @ApiProperty({ example: 'latent', description: 'A value of the dimension' })
  value: string;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when suppressed (fewer than 5, or to protect such a cell)' })
  count: number | null;

  @ApiProperty()
  suppressed: boolean;
}

class StatisticMonthDto {
  @ApiProperty({ example: 11 })
  month: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Null when below 5' })
  total: number | null;

  @ApiProperty()
  suppressed: boolean;
}

/** Counts of completed § 8a assessments per month and value of one dimension; cells below 5 suppressed. */
export class RiskAssessmentSummaryResponseDto implements RiskAssessmentSummary {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ type: Number, nullable: true, example: 11 })
  month: number | null;

  @ApiProperty({ enum: STATISTIC_DIMENSIONS })
  dimension: StatisticDimension;

  @ApiProperty({ type: [StatisticCellDto] })
  cells: StatisticCellDto[];

  @ApiProperty({ type: [StatisticMonthDto] })
  months: StatisticMonthDto[];
}
