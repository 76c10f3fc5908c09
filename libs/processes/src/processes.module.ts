import { Module } from '@nestjs/common';
import { DefinitionsModule } from '@sro/definitions';
import { DashboardService } from './dashboard.service';
import { MigrationService } from './migration.service';
import { ProcessActivities } from './process.activities';
import { ProcessInstanceRepository } from './process-instance.repository';

/** The process read model every process family writes, its activities and its dashboard; needs no Temporal client (the worker imports it). */
@Module({
  providers: [ProcessInstanceRepository, ProcessActivities, DashboardService],
  exports: [ProcessInstanceRepository, DashboardService],
})
export class ProcessesModule {}

/** Migrating running instances to a newer definition: MigrationService needs the Temporal client, so the API alone imports this. */
@Module({
  imports: [ProcessesModule, DefinitionsModule],
  providers: [MigrationService],
  exports: [MigrationService],
})
export class ProcessMigrationsModule {}
