import { ApiProperty } from '@nestjs/swagger';
import type { RiskAssessmentStatistic, RiskAssessmentStatistics } from '@sro/jugendhilfedienst';
import { AGE_GROUPS, CASE_SOURCES, DANGER_KINDS, HELP_KINDS, RISK_RESULTS, SEXES } from '@sro/jugendhilfedienst';

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
