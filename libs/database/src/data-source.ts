import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { SealingKeys } from '@sro/common';
import { MIGRATIONS, SealedFieldsBoundToRows1765200000000, sealedFieldsMigrationWith } from './migrations';

/** The entity classes a DataSource maps; the app assembles them (this lib knows no domain). */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export interface DatabaseOptions {
  url: string;
  entities: EntityList;
  poolSize?: number;
  applicationName?: string;
  /** The field keys (FIELD_KEYS), for migrations that re-seal sealed columns; only where migrations run. */
  fieldKeys?: SealingKeys;
}

/** The migrations, the re-sealing one given the field keys when they are known. */
function migrationsFor(fieldKeys: SealingKeys | undefined): NonNullable<DataSourceOptions['migrations']> {
  if (!fieldKeys) return MIGRATIONS;
  return MIGRATIONS.map((m) => (m === SealedFieldsBoundToRows1765200000000 ? sealedFieldsMigrationWith(fieldKeys) : m));
}

/** The one way to build a DataSource: the app's entities, this lib's migrations, never `synchronize`. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: migrationsFor(options.fieldKeys),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: options.applicationName ?? 'sro-engine',
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Fail a statement rather than hang a request when the server stops answering.
      statement_timeout: 30_000,
    },
  });
}

/** Applies all pending migrations (plain SQL, no entity needed); returns the names applied. */
export async function migrate(url: string, options: { fieldKeys?: SealingKeys } = {}): Promise<string[]> {
  const dataSource = createDataSource({ url, entities: [], poolSize: 1, applicationName: 'sro-migrate', fieldKeys: options.fieldKeys });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
