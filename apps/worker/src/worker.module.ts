import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@sro/audit';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { RedisModule } from '@sro/queue';
import { ProcessActivities, ProcessReadModel } from '@sro/processes';
import { AgreementActivities } from '@sro/agreements';
import { ConsultationActivities, FieldCipher } from '@sro/cases';
import { DefinitionsService } from '@sro/definitions';
import { InterviewActivities, InterviewReportService } from '@sro/interviews';
import { JugendhilfedienstActivities, RetentionActivities } from '@sro/jugendhilfedienst';
import { RemindersModule } from '@sro/reminders';
import { ENTITIES } from '../../shared/entities';
import { RemindersProcessor } from './processors/reminders.processor';
import { TemporalWorkerModule } from './temporal/temporal-worker.module';

@Module({
  imports: [DatabaseModule.forRoot('sro-worker', ENTITIES), RedisModule, AuditModule, TemporalWorkerModule, RemindersModule],
  providers: [
    AgreementActivities,
    ConsultationActivities,
    DefinitionsService,
    FieldCipher,
    InterviewActivities,
    InterviewReportService,
    JugendhilfedienstActivities,
    ProcessActivities,
    ProcessReadModel,
    RemindersProcessor,
    RetentionActivities,
  ],
})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config)] };
  }
}
