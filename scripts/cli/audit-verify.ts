import { AuditService } from '@sro/audit';
import { createDataSource } from '@sro/database';
import { ENTITIES } from '../../apps/shared/entities';
import { toolDatabase } from '../devstack/runtime';

/** `npm run -s audit:verify`: recomputes the audit hash chain; exit 1 on a break. */
async function main(): Promise<number> {
  const database = await toolDatabase();
  const dataSource = await createDataSource({ url: database.url, entities: ENTITIES, poolSize: 2, applicationName: 'sro-audit-verify' }).initialize();
  try {
    const result = await new AuditService(dataSource).verify();
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} events verified\n`);
      return 0;
    }
    process.stdout.write(`audit chain BROKEN at event ${result.brokenAt}: ${result.reason} (${result.checked} events verified before it)\n`);
    return 1;
  } finally {
    await dataSource.destroy();
    await database.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
