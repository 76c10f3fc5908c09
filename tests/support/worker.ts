import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@sro/config';
import { createJsonLogger } from '@sro/http';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The real worker (Temporal worker with DI activities), in process, on its own task queue. */
export async function startWorker(config: AppConfig): Promise<{ context: INestApplicationContext; close(): Promise<void> }> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: createJsonLogger('warn') });
  await context.init();
  return { context, close: () => context.close() };
}
