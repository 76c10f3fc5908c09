import { DefinitionRepository, DefinitionsService } from '@sro/definitions';
import { seedIndicatorDemoData } from '@sro/indicators';
import { seedDemoData } from '@sro/reference-data';
import { testConfig, uniqueTaskQueue } from './config';
import { scratchDatabase } from './database';
import { startApi, TestApi } from './api';
import { startWorker } from './worker';

/**
 * API and worker on a database of their own (migrated, definitions and demo data seeded) and a
 * task queue of their own: a suite can start processes and publish definitions without meeting
 * another suite's.
 */
export async function isolatedSystem(name: string, overrides: Record<string, string> = {}) {
  const db = await scratchDatabase();
  await new DefinitionsService(new DefinitionRepository(db.dataSource)).ensureSeeded();
  await seedDemoData(db.dataSource);
  await seedIndicatorDemoData(db.dataSource);
  const config = testConfig({ DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: uniqueTaskQueue(name), ...overrides });
  const [api, worker] = await Promise.all([startApi(config), startWorker(config)]);
  return {
    api,
    http: api.http as TestApi['http'],
    db: db.dataSource,
    config,
    async close() {
      await api.close();
      await worker.close();
      await db.drop();
    },
  };
}
