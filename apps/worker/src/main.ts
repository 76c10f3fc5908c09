import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@sro/config';
import { createJsonLogger, startMemoryProbe } from '@sro/http';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: createJsonLogger(config.logLevel) });
  app.enableShutdownHooks();
  await app.init();
  if (config.workerHealthPort !== undefined) {
    const worker = app.get(TemporalWorkerService);
    // Liveness and memory (MB) only; no API here.
    startMemoryProbe(config.workerHealthPort, config.api.host, () => ({ up: worker.state === 'RUNNING', worker: worker.state }), {
      dir: config.heapSnapshotDir,
      threads: () => worker.workflowThreads(),
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack}\n`);
  process.exit(1);
});
