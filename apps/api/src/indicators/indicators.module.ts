import { Module } from '@nestjs/common';
import { IndicatorsModule } from '@sro/indicators';
import {
  IndicatorsController,
  JhaReportsController,
  ProfilesController,
  SocialIndexController,
  SocialSpaceMapController,
} from './indicators.controller';

/** The HTTP side of profiles, Sozialindex, map and the report to the Jugendhilfeausschuss. */
@Module({
  imports: [IndicatorsModule],
  controllers: [IndicatorsController, ProfilesController, SocialIndexController, SocialSpaceMapController, JhaReportsController],
})
export class IndicatorsApiModule {}
