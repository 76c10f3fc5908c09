import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditRepository, AuditService, AuditSettings, CheckpointFile } from '@sro/audit';
import { parseAuditKey } from '@sro/config';
import { createDataSource } from '@sro/database';
import { dataDir } from '../devstack/paths';
import { ENTITIES } from '../../apps/shared/entities';
import { toolDatabase } from '../devstack/runtime';
import { ensureDevSecrets } from '../devstack/secrets';

/**
 * `npm run -s audit:verify`: recomputes the keyed audit chain and holds it against the signed
 * checkpoints in AUDIT_CHECKPOINT_DIR; exit 1 on a break. The key and the directory default to
 * those of the local installation (`.data/`).
 */
async function main(): Promise<number> {
  const key = parseAuditKey(process.env.AUDIT_CHAIN_KEY ?? ensureDevSecrets(dataDir()).AUDIT_CHAIN_KEY);
  const settings = new AuditSettings(key, process.env.AUDIT_CHECKPOINT_DIR ?? join(dataDir(), 'audit-checkpoints'));
  const database = await toolDatabase();
  const dataSource = await createDataSource({
    url: database.url,
    sslRootCert: process.env.DATABASE_SSL_ROOT_CERT ? readFileSync(process.env.DATABASE_SSL_ROOT_CERT) : undefined,
    entities: ENTITIES,
    poolSize: 2,
    applicationName: 'sro-audit-verify',
  }).initialize();
  try {
    const repo = new AuditRepository(dataSource);
    const checkpoints = new CheckpointFile(settings.checkpointDir).read(await repo.databaseName());
    const result = await new AuditService(repo, settings).verify(checkpoints);
    const legacy = result.legacyRows ? ` (${result.legacyRows} of them from before the chain was keyed)` : '';
    if (result.ok) {
      process.stdout.write(`audit chain intact: ${result.checked} events verified against ${checkpoints.length} checkpoint(s)${legacy}\n`);
      if (checkpoints.length === 0)
        process.stdout.write(`no checkpoints in ${settings.checkpointDir}: a chain recomputed with the key would not be noticed\n`);
      return 0;
    }
    process.stdout.write(
      `audit chain BROKEN at event ${result.brokenAt}: ${result.reason} (${result.checked} events verified before it)\n`,
    );
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
