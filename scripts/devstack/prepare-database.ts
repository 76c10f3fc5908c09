import { parseCheckedKeyRing } from '@sro/config';
import { createDataSource, migrate } from '@sro/database';
import { DefinitionRepository, DefinitionsService } from '@sro/definitions';
import { seedDemoGremien } from '@sro/gremien';
import { seedIndicatorDemoData } from '@sro/indicators';
import { seedDemoData } from '@sro/reference-data';
import { grantAppRole } from './database-roles';
import { ENTITIES } from '../../apps/shared/entities';

/**
 * Applies migrations and publishes version 1 of every workflow definition that has none; with
 * `seed`, also the idempotent demo reference data. With an `ownerUrl`, that role does all of it
 * and then grants the app role (the user of `url`) what the API and the worker need; without one,
 * the role of `url` does everything (one external DATABASE_URL). With `demoWork` too, the demo committees
 * with meetings and open tasks (`seedDemoGremien`). `fieldKeys` (FIELD_KEYS) lets
 * the migrations re-seal sealed columns; without them a migration that must re-seal stops.
 */
export async function prepareDatabase(
  url: string,
  options: { seed: boolean; demoWork?: boolean; ownerUrl?: string; fieldKeys?: string; sslRootCert?: Buffer },
): Promise<{ migrations: string[]; definitions: string[]; seeded?: Awaited<ReturnType<typeof seedDemoData>> }> {
  const ownerUrl = options.ownerUrl ?? url;
  const fieldKeys = options.fieldKeys ? parseCheckedKeyRing('FIELD_KEYS', options.fieldKeys) : undefined;
  const { sslRootCert } = options;
  const migrations = await migrate(ownerUrl, { fieldKeys, sslRootCert });
  if (options.ownerUrl && options.ownerUrl !== url) await grantAppRole(ownerUrl, decodeURIComponent(new URL(url).username), sslRootCert);
  const dataSource = await createDataSource({
    url: ownerUrl,
    entities: ENTITIES,
    poolSize: 1,
    applicationName: 'sro-seed',
    sslRootCert,
  }).initialize();
  try {
    const definitions = await new DefinitionsService(new DefinitionRepository(dataSource)).ensureSeeded();
    const seeded = options.seed ? await seedDemoData(dataSource) : undefined;
    // Invented indicator values, index method 1 and schematic boundaries for the 19 demo social spaces.
    if (seeded) await seedIndicatorDemoData(dataSource);
    // Committees with a past meeting and open tasks from its minutes: work waiting for the demo users
    // (`npm start`, `npm run dev`; the shared test database stays without them).
    if (seeded && options.demoWork) await seedDemoGremien(dataSource);
    return { migrations, definitions, seeded };
  } finally {
    await dataSource.destroy();
  }
}
