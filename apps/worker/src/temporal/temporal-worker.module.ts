import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ActivityRegistry, PingActivities } from '@sro/temporal';
import { TemporalWorkerService } from './temporal-worker.service';

/**
 * The Temporal worker: it runs the activities of every module the worker imports (found by
 * ActivityRegistry), so adding a domain's activities means importing its module, not editing a list.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [ActivityRegistry, PingActivities, TemporalWorkerService],
  exports: [TemporalWorkerService],
})
export class TemporalWorkerModule {}
