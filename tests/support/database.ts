import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from '@sro/database';
import { grantAppRole, ident } from '../../scripts/devstack/database-roles';
import { ENTITIES } from '../../apps/shared/entities';

/** The owner role makes and migrates databases; without one (one external DATABASE_URL) that URL does. */
function ownerBase(): string {
  return process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
}

function serverUrl(database: string, base = ownerBase()): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database of its own, for tests that must break things (forged audit rows, down
 * migrations). `url` is the app role's (for the API and the worker), `dataSource` the owner's.
 */
export async function scratchDatabase(
  options: { migrate?: boolean } = {},
): Promise<{ url: string; ownerUrl: string; dataSource: DataSource; drop(): Promise<void> }> {
  const name = `sro_scratch_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${ident(name)}`));
  const ownerUrl = serverUrl(name);
  const url = serverUrl(name, process.env.DATABASE_URL!);
  if (options.migrate !== false) {
    await migrate(ownerUrl);
    if (ownerUrl !== url) await grantAppRole(ownerUrl, decodeURIComponent(new URL(url).username));
  }
  const dataSource = await createDataSource({ url: ownerUrl, entities: ENTITIES, poolSize: 4 }).initialize();
  return {
    url,
    ownerUrl,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
    },
  };
}

/** The shared test database (migrated, demo data seeded). */
export function sharedDataSource(): Promise<DataSource> {
  return createDataSource({ url: process.env.DATABASE_URL!, entities: ENTITIES, poolSize: 4 }).initialize();
}
