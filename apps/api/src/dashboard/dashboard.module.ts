import { Module } from '@nestjs/common';
import { ProcessesModule } from '@sro/processes';
import { ReferenceDataModule } from '@sro/reference-data';
import { DashboardController } from './dashboard.controller';

/** The coordinators' dashboard over the process read model. */
@Module({
  imports: [ProcessesModule, ReferenceDataModule],
  controllers: [DashboardController],
})
export class DashboardApiModule {}
