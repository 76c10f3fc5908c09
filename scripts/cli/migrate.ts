import { readFileSync } from 'node:fs';
import { prepareDatabase } from '../devstack/prepare-database';
import { dataDir } from '../devstack/paths';
import { toolDatabase } from '../devstack/runtime';
import { ensureDevSecrets } from '../devstack/secrets';

/** `node scripts/run.js migrate [--seed]`: applies pending migrations (used by docker-compose too). */
async function main(): Promise<void> {
  const database = await toolDatabase();
  try {
    // The keys of API and worker re-seal sealed columns; the local `.data` installation keeps its own.
    const fieldKeys = process.env.FIELD_KEYS ?? (process.env.DATABASE_URL ? undefined : ensureDevSecrets(dataDir()).FIELD_KEYS);
    // The CA of PostgreSQL's certificate for `?sslmode=` in the URLs, as API and worker read it.
    const sslRootCert = process.env.DATABASE_SSL_ROOT_CERT ? readFileSync(process.env.DATABASE_SSL_ROOT_CERT) : undefined;
    const result = await prepareDatabase(database.url, {
      seed: process.argv.includes('--seed'),
      ownerUrl: database.ownerUrl,
      fieldKeys,
      sslRootCert,
    });
    process.stdout.write(`migrations applied: ${result.migrations.length ? result.migrations.join(', ') : 'none pending'}\n`);
    if (result.seeded) process.stdout.write(`demo data: ${JSON.stringify(result.seeded)}\n`);
  } finally {
    await database.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${(error as Error).message}\n`);
  process.exit(1);
});
