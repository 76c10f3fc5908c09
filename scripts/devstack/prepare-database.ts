import { createDataSource, migrate } from '@sro/database';
import { DefinitionsService } from '@sro/definitions';
import { seedDemoData } from '@sro/reference-data';
import { ENTITIES } from '../../apps/shared/entities';

/**
 * Applies migrations and publishes version 1 of every workflow definition that has none; with
 * `seed`, also the idempotent demo reference data.
 */
export async function prepareDatabase(url: string, options: { seed: boolean }): Promise<{ migrations: string[]; definitions: string[]; seeded?: Awaited<ReturnType<typeof seedDemoData>> }> {
  const migrations = await migrate(url);
  const dataSource = await createDataSource({ url, entities: ENTITIES, poolSize: 1, applicationName: 'sro-seed' }).initialize();
  try {
    const definitions = await new DefinitionsService(dataSource).ensureSeeded();
    return { migrations, definitions, seeded: options.seed ? await seedDemoData(dataSource) : undefined };
  } finally {
    await dataSource.destroy();
  }
}
