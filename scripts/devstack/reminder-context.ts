import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@sro/config';
import { DatabaseModule } from '@sro/database';
import { createJsonLogger } from '@sro/http';
import { RedisModule } from '@sro/queue';
import {
  MailOutbox,
  ReminderDeliveryService,
  ReminderDispatcher,
  ReminderQueue,
  ReminderReconciler,
  ReminderService,
  RemindersModule,
} from '@sro/reminders';
import { ENTITIES } from '../../apps/shared/entities';
import { RemindersProcessor } from '../../apps/worker/src/processors/reminders.processor';

/** The reminder pieces of API and worker on real PostgreSQL and Redis (tests, benchmarks); the processor only when asked. */
export async function startReminderContext(config: AppConfig, options: { processor: boolean }) {
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot('sro-reminders', ENTITIES), RedisModule, RemindersModule],
    providers: options.processor ? [RemindersProcessor] : [],
  })
  class ReminderContextModule {}

  const context: INestApplicationContext = await NestFactory.createApplicationContext(ReminderContextModule, {
    logger: createJsonLogger('error'),
  });
  await context.init();
  return {
    context,
    service: context.get(ReminderService),
    delivery: context.get(ReminderDeliveryService),
    dispatcher: context.get(ReminderDispatcher),
    reconciler: context.get(ReminderReconciler),
    queue: context.get(ReminderQueue),
    outbox: context.get(MailOutbox),
    // Queued e-mails still being sent finish first, so nothing writes to a closed pool.
    close: async () => {
      await context.get(MailOutbox).settled();
      await context.close();
    },
  };
}
