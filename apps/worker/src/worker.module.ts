import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '@sro/audit';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { RedisModule } from '@sro/queue';
import { ActivityRegistry, PingActivities } from '@sro/temporal';
import { ProcessActivities, ProcessReadModel } from '@sro/processes';
import { AgreementActivities } from '@sro/agreements';
import { ConsultationActivities, FieldCipher } from '@sro/cases';
import { DefinitionsService } from '@sro/definitions';
import { InterviewActivities, InterviewReportService } from '@sro/interviews';
import { JugendhilfedienstActivitiesModule } from '@sro/jugendhilfedienst';
import { RemindersModule } from '@sro/reminders';
import { RemindersProcessor } from './processors/reminders.processor';
import { TemporalWorkerService } from './temporal/temporal-worker.service';

@Module({
  imports: [DatabaseModule.forRoot('sro-worker'), RedisModule, AuditModule, DiscoveryModule, RemindersModule, JugendhilfedienstActivitiesModule],
  providers: [
    ActivityRegistry,
    AgreementActivities,
    ConsultationActivities,
    DefinitionsService,
    FieldCipher,
    InterviewActivities,
    InterviewReportService,
    PingActivities,
    ProcessActivities,
    ProcessReadModel,
    RemindersProcessor,
    TemporalWorkerService,
  ],
})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config)] };
  }
}
