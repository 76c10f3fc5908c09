import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@sro/reference-data';
import { IndicatorAccess } from './indicator-access';
import { IndicatorRepository } from './indicator.repository';
import { IndicatorService } from './indicator.service';
import { JhaReportRepository } from './jha-report.repository';
import { JhaReportService } from './jha-report.service';
import { SocialIndexService } from './social-index.service';
import { SocialSpaceMapService } from './social-space-map.service';

/** Sozialraumprofile, Sozialindex, the social-space map and the report to the Jugendhilfeausschuss. */
@Module({
  imports: [ReferenceDataModule],
  providers: [
    IndicatorRepository,
    IndicatorAccess,
    IndicatorService,
    SocialIndexService,
    SocialSpaceMapService,
    JhaReportRepository,
    JhaReportService,
  ],
  exports: [IndicatorService, SocialIndexService, SocialSpaceMapService, JhaReportService],
})
export class IndicatorsModule {}
