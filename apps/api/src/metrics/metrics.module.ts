import { Module } from '@nestjs/common';
import { RemindersModule } from '@sro/reminders';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** `GET /metrics` for Prometheus; the HTTP middleware is mounted by the app factory. */
@Module({ imports: [RemindersModule], controllers: [MetricsController], providers: [MetricsService], exports: [MetricsService] })
export class MetricsModule {}
