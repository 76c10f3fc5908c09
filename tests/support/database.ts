import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from '@sro/database';
import { ENTITIES } from '../../apps/shared/entities';

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
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

/** A fresh, migrated database of its own, for tests that must break things (forged audit rows, down migrations). */
export async function scratchDatabase(options: { migrate?: boolean } = {}): Promise<{ url: string; dataSource: DataSource; drop(): Promise<void> }> {
  const name = `sro_scratch_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = serverUrl(name);
  if (options.migrate !== false) await migrate(url);
  const dataSource = await createDataSource({ url, entities: ENTITIES, poolSize: 4 }).initialize();
  return {
    url,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The shared test database (migrated, demo data seeded). */
export function sharedDataSource(): Promise<DataSource> {
  return createDataSource({ url: process.env.DATABASE_URL!, entities: ENTITIES, poolSize: 4 }).initialize();
}
