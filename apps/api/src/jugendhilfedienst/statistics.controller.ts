import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { StatisticsService } from '@sro/jugendhilfedienst';
import { StatisticsQueryDto, StatisticsSummaryQueryDto } from './dto/jugendhilfedienst.dto';
import { RiskAssessmentStatisticsResponseDto, RiskAssessmentSummaryResponseDto } from './dto/statistics.response.dto';

/** Anonymised statistics of completed § 8a assessments (Kinder- und Jugendhilfestatistik). */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  /** Aggregates for planning: counts below 5 are suppressed, a single assessment is never visible. */
  @Get('risk-assessments/summary')
  @Roles(Role.Admin, Role.Coordinator)
  @ApiOkResponse({ type: RiskAssessmentSummaryResponseDto })
  @Audited({ resourceType: 'statistics', action: 'summary', purpose: 'Planung (aggregierte § 8a-Statistik)' })
  summary(@CurrentUser() user: Principal, @Query() query: StatisticsSummaryQueryDto): Promise<RiskAssessmentSummaryResponseDto> {
    return this.statistics.riskAssessmentSummary(user, query);
  }

  /** Record-level rows with the official fields only, for the office that reports the official statistics. */
  @Get('risk-assessments')
  @Roles(Role.Statistics)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: RiskAssessmentStatisticsResponseDto, description: 'JSON, or with format=csv a `;`-separated CSV file' })
  @Audited({ resourceType: 'statistics', action: 'export', purpose: 'Kinder- und Jugendhilfestatistik (§§ 98 ff. SGB VIII)' })
  async riskAssessments(
    @CurrentUser() user: Principal,
    @Query() query: StatisticsQueryDto,
  ): Promise<RiskAssessmentStatisticsResponseDto | StreamableFile> {
    if (query.format !== 'csv') return this.statistics.riskAssessments(user, query);
    const csv = await this.statistics.riskAssessmentsCsv(user, query);
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="gefaehrdungseinschaetzungen-${query.year}${query.month ? `-${query.month}` : ''}.csv"`,
    });
  }
}
