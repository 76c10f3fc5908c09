import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor, AuditModule } from '@sro/audit';
import { AuthModule } from '@sro/auth';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { ProblemFilter } from '@sro/http';
import { RedisModule } from '@sro/queue';
import { TemporalClientModule } from '@sro/temporal';
import { DefinitionsService } from '@sro/definitions';
import { RemindersModule } from '@sro/reminders';
import { AgreementsModule } from '@sro/agreements';
import { AgreementsController } from './agreements/agreements.controller';
import { DefinitionsController } from './definitions/definitions.controller';
import { MigrationsController } from './definitions/migrations.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { BudgetController, SozialraumController } from './sozialraum/sozialraum.controller';
import { SozialraumModule } from '@sro/sozialraum';
import { DashboardService, MigrationService } from '@sro/processes';
import { AssignmentsService, ContractPartnerService } from '@sro/reference-data';
import { NotificationsController } from './notifications/notifications.controller';
import { AuditController } from './audit/audit.controller';
import { ContractPartnersController } from './contract-partners/contract-partners.controller';
import { CasesController, ConsultationsController } from './cases/cases.controller';
import { CasesModule } from '@sro/cases';
import { CodecController } from './codec/codec.controller';
import { HealthModule } from './health/health.module';
import { InterviewCyclesController } from './interview-cycles/interview-cycles.controller';
import { InterviewsModule } from '@sro/interviews';
import { JugendhilfedienstModule } from '@sro/jugendhilfedienst';
import { JugendhilfedienstController, RetentionController, StatisticsController, TimeEntriesController } from './jugendhilfedienst/jugendhilfedienst.controller';
import { MeController } from './me/me.controller';
import { PingController } from './ping/ping.controller';
import { AuthConfigController, DevAuthController } from './auth/auth.controller';
import { ReferenceController } from './reference/reference.controller';
import { ENTITIES } from '../../shared/entities';

@Module({
  imports: [
    DatabaseModule.forRoot('sro-api', ENTITIES),
    RedisModule,
    TemporalClientModule,
    AuditModule,
    AuthModule,
    HealthModule,
    RemindersModule,
    SozialraumModule,
    CasesModule,
    InterviewsModule,
    AgreementsModule,
    JugendhilfedienstModule,
  ],
  controllers: [
    AgreementsController,
    AuditController,
    AuthConfigController,
    BudgetController,
    CasesController,
    ConsultationsController,
    ContractPartnersController,
    CodecController,
    DashboardController,
    DefinitionsController,
    InterviewCyclesController,
    JugendhilfedienstController,
    MeController,
    MigrationsController,
    NotificationsController,
    PingController,
    ReferenceController,
    RetentionController,
    SozialraumController,
    StatisticsController,
    TimeEntriesController,
  ],
  providers: [
    AssignmentsService,
    ContractPartnerService,
    DashboardService,
    DefinitionsService,
    MigrationService,
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The demo-user login exists only in dev mode (which the config refuses in production).
    return { module: ApiModule, imports: [ConfigModule.forRoot(config)], controllers: config.auth.mode === 'dev' ? [DevAuthController] : [] };
  }
}
