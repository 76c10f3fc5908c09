import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor, AuditModule } from '@sro/audit';
import { AuthModule } from '@sro/auth';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { ProblemFilter, RateLimitModule } from '@sro/http';
import { RedisModule } from '@sro/queue';
import { TemporalClientModule } from '@sro/temporal';
import { TracingModule } from '@sro/tracing';
import { AgreementsApiModule } from './agreements/agreements.module';
import { AuditApiModule } from './audit/audit.module';
import { AuthApiModule } from './auth/auth.module';
import { CasesApiModule } from './cases/cases.module';
import { CodecModule } from './codec/codec.module';
import { ContractPartnersModule } from './contract-partners/contract-partners.module';
import { DashboardApiModule } from './dashboard/dashboard.module';
import { DefinitionsApiModule } from './definitions/definitions.module';
import { GremienApiModule } from './gremien/gremien.module';
import { HealthModule } from './health/health.module';
import { IndicatorsApiModule } from './indicators/indicators.module';
import { InterviewCyclesApiModule } from './interview-cycles/interview-cycles.module';
import { JugendhilfedienstApiModule } from './jugendhilfedienst/jugendhilfedienst.module';
import { MeModule } from './me/me.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PingModule } from './ping/ping.module';
import { ReferenceModule } from './reference/reference.module';
import { SozialraumApiModule } from './sozialraum/sozialraum.module';
import { StaffApiModule } from './staff/staff.module';
import { ENTITIES } from '../../shared/entities';

/** The HTTP API: infrastructure first, then one feature module per area (each owns its controllers). */
@Module({
  imports: [
    DatabaseModule.forRoot('sro-api', ENTITIES),
    RedisModule,
    TracingModule,
    TemporalClientModule,
    AuditModule,
    RateLimitModule,
    AuthModule,
    HealthModule,
    AgreementsApiModule,
    IndicatorsApiModule,
    AuditApiModule,
    CasesApiModule,
    CodecModule,
    ContractPartnersModule,
    DashboardApiModule,
    DefinitionsApiModule,
    GremienApiModule,
    InterviewCyclesApiModule,
    JugendhilfedienstApiModule,
    MeModule,
    MetricsModule,
    NotificationsModule,
    PingModule,
    ReferenceModule,
    SozialraumApiModule,
    StaffApiModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ApiModule, imports: [ConfigModule.forRoot(config), AuthApiModule.forRoot(config.auth.mode)] };
  }
}
