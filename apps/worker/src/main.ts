import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createServer } from 'node:http';
import { ConfigError, loadConfig } from '@sro/config';
import { createJsonLogger } from '@sro/http';
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
    createServer((req, res) => {
      const up = worker.state === 'RUNNING';
      const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
      const m = process.memoryUsage();
      res.writeHead(req.url === '/health' ? (up ? 200 : 503) : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          status: up ? 'up' : 'down',
          worker: worker.state,
          memory: { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) },
        }),
      );
    }).listen(config.workerHealthPort, config.api.host);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack}\n`);
  process.exit(1);
});
