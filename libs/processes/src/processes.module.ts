import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { DashboardService } from './dashboard.service';
import { ProcessActivities, ProcessReadModel } from './process.activities';

/** The process read model every process family writes, and its dashboard (MigrationService needs the Temporal client: API only). */
@Module({
  imports: [DefinitionsModule],
  providers: [ProcessReadModel, ProcessActivities, DashboardService],
  exports: [ProcessReadModel, DashboardService],
})
export class ProcessesModule {}
