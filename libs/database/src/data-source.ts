import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { SealingKeys } from '@sro/common';
import { postgresConnection } from '@sro/config';
import { MIGRATIONS, SealedFieldsBoundToRows1765200000000, sealedFieldsMigrationWith } from './migrations';

/** The entity classes a DataSource maps; the app assembles them (this lib knows no domain). */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export interface DatabaseOptions {
  url: string;
  entities: EntityList;
  poolSize?: number;
  applicationName?: string;
  /** The CA of the server certificate (DATABASE_SSL_ROOT_CERT), for `?sslmode=` in the URL. */
  sslRootCert?: Buffer;
  /** The field keys (FIELD_KEYS), for migrations that re-seal sealed columns; only where migrations run. */
  fieldKeys?: SealingKeys;
}

/** The migrations, the re-sealing one given the field keys when they are known. */
function migrationsFor(fieldKeys: SealingKeys | undefined): NonNullable<DataSourceOptions['migrations']> {
  if (!fieldKeys) return MIGRATIONS;
  return MIGRATIONS.map((m) => (m === SealedFieldsBoundToRows1765200000000 ? sealedFieldsMigrationWith(fieldKeys) : m));
}

/**
 * The one way to build a DataSource: the app's entities, this lib's migrations, never `synchronize`;
 * TLS as the URL's `sslmode` says (libpq's meaning, see postgresConnection).
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  const { url, ssl } = postgresConnection(options.url, options.sslRootCert);
  return new DataSource({
    type: 'postgres',
    url,
    ssl,
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
export async function migrate(url: string, options: { fieldKeys?: SealingKeys; sslRootCert?: Buffer } = {}): Promise<string[]> {
  const dataSource = createDataSource({ url, entities: [], poolSize: 1, applicationName: 'sro-migrate', ...options });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
