import { prepareDatabase } from '../devstack/prepare-database';
import { toolDatabase } from '../devstack/runtime';

/** `node scripts/run.js migrate [--seed]`: applies pending migrations (used by docker-compose too). */
async function main(): Promise<void> {
  const database = await toolDatabase();
  try {
    const result = await prepareDatabase(database.url, { seed: process.argv.includes('--seed'), ownerUrl: database.ownerUrl });
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
