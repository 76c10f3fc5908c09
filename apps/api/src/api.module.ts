import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor, AuditModule } from '@sro/audit';
import { AuthModule } from '@sro/auth';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { ProblemFilter, RateLimitModule } from '@sro/http';
import { RedisModule } from '@sro/queue';
import { TemporalClientModule } from '@sro/temporal';
import { AgreementsModule } from '@sro/agreements';
import { AgreementsController } from './agreements/agreements.controller';
import { DashboardApiModule } from './dashboard/dashboard.module';
import { DefinitionsApiModule } from './definitions/definitions.module';
import { SozialraumApiModule } from './sozialraum/sozialraum.module';
import { ReferenceDataModule } from '@sro/reference-data';
import { NotificationsModule } from './notifications/notifications.module';
import { AuditController } from './audit/audit.controller';
import { ContractPartnersModule } from './contract-partners/contract-partners.module';
import { CasesController, ConsultationsController } from './cases/cases.controller';
import { CasesModule } from '@sro/cases';
import { CodecModule } from './codec/codec.module';
import { HealthModule } from './health/health.module';
import { InterviewCyclesController } from './interview-cycles/interview-cycles.controller';
import { InterviewsModule } from '@sro/interviews';
import { JugendhilfedienstModule } from '@sro/jugendhilfedienst';
import { JugendhilfedienstController, RetentionController, StatisticsController, TimeEntriesController } from './jugendhilfedienst/jugendhilfedienst.controller';
import { MeModule } from './me/me.module';
import { PingModule } from './ping/ping.module';
import { AuthConfigController, DevAuthController } from './auth/auth.controller';
import { ReferenceModule } from './reference/reference.module';

@Module({
  imports: [
    DatabaseModule.forRoot('sro-api'),
    RedisModule,
    TemporalClientModule,
    AuditModule,
    RateLimitModule,
    AuthModule,
    HealthModule,
    ReferenceDataModule,
    SozialraumApiModule,
    DashboardApiModule,
    DefinitionsApiModule,
    CasesModule,
    InterviewsModule,
    AgreementsModule,
    JugendhilfedienstModule,
    MeModule,
    NotificationsModule,
    ReferenceModule,
    ContractPartnersModule,
    PingModule,
    CodecModule,
  ],
  controllers: [
    AgreementsController,
    AuditController,
    AuthConfigController,
    CasesController,
    ConsultationsController,
    InterviewCyclesController,
    JugendhilfedienstController,
    RetentionController,
    StatisticsController,
    TimeEntriesController,
  ],
  providers: [
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
