import { DynamicModule, Module } from '@nestjs/common';
import { AgreementActivitiesModule, AgreementChangeActivities } from '@sro/agreements';
import { AuditModule } from '@sro/audit';
import { CasesActivitiesModule } from '@sro/cases';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { DefinitionsModule } from '@sro/definitions';
import { InterviewActivitiesModule } from '@sro/interviews';
import { JugendhilfedienstActivitiesModule } from '@sro/jugendhilfedienst';
import { ProcessChangeActivities, ProcessesModule } from '@sro/processes';
import { RedisModule } from '@sro/queue';
import { RemindersModule } from '@sro/reminders';
import { TracingModule } from '@sro/tracing';
import { ENTITIES } from '../../shared/entities';
import { RemindersProcessor } from './processors/reminders.processor';
import { TemporalWorkerModule } from './temporal/temporal-worker.module';

/** The worker: the domain modules' activities (discovered by the registry) and the reminder queue's processor. */
@Module({
  imports: [
    DatabaseModule.forRoot('sro-worker', ENTITIES),
    RedisModule,
    TracingModule,
    AuditModule,
    TemporalWorkerModule,
    RemindersModule,
    DefinitionsModule,
    ProcessesModule,
    CasesActivitiesModule,
    AgreementActivitiesModule,
    InterviewActivitiesModule,
    JugendhilfedienstActivitiesModule,
  ],
  // The change activities need the reminders, which the API's ProcessesModule does not import.
  providers: [RemindersProcessor, ProcessChangeActivities, AgreementChangeActivities],
})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [ConfigModule.forRoot(config)] };
  }
}
