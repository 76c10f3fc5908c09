import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@sro/audit';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { RedisModule } from '@sro/queue';
import { ActivityRegistry, PingActivities } from '@sro/temporal';
import { ProcessActivities, ProcessReadModel } from '@sro/processes';
import { AgreementActivitiesModule } from '@sro/agreements';
import { ConsultationActivities, FieldCipher } from '@sro/cases';
import { DefinitionsService } from '@sro/definitions';
import { InterviewActivitiesModule } from '@sro/interviews';
import { JugendhilfedienstActivities, RetentionActivities } from '@sro/jugendhilfedienst';
import { RemindersModule } from '@sro/reminders';
import { RemindersProcessor } from './processors/reminders.processor';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [DatabaseModule.forRoot('sro-worker'), RedisModule, AuditModule, DiscoveryModule, RemindersModule, AgreementActivitiesModule, InterviewActivitiesModule],
  providers: [
    ActivityRegistry,
    ConsultationActivities,
    DefinitionsService,
    FieldCipher,
    JugendhilfedienstActivities,
    PingActivities,
    ProcessActivities,
    ProcessReadModel,
    RemindersProcessor,
    RetentionActivities,
    TemporalWorkerService,
  ],
})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config)] };
  }
}
