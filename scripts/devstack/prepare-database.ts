import { createDataSource, migrate } from '@sro/database';
import { seedDemoData } from '@sro/reference-data';

/** Applies migrations and, when asked, the idempotent demo reference data. */
export async function prepareDatabase(url: string, options: { seed: boolean }): Promise<{ migrations: string[]; seeded?: Awaited<ReturnType<typeof seedDemoData>> }> {
  const migrations = await migrate(url);
  if (!options.seed) return { migrations };
  const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'sro-seed' }).initialize();
  try {
    return { migrations, seeded: await seedDemoData(dataSource) };
  } finally {
    await dataSource.destroy();
  }
}
