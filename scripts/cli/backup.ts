import { resolve } from 'node:path';
import { backupDataDir, restoreDataDir } from '../devstack/backup';
import { dataDir } from '../devstack/paths';

/**
 * `npm run backup [-- <archive>]` and `npm run restore -- <archive>` for the embedded stack of
 * `npm start` (stop it first). External services are backed up with their own tools (README, Operations).
 */
function main(): number {
  const [mode, file] = process.argv.slice(2);
  try {
    if (mode === 'backup') {
      const archive = resolve(file ?? `sro-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
      const items = backupDataDir(dataDir(), archive);
      process.stdout.write(`backup written to ${archive} (${items.join(', ')})\n`);
      return 0;
    }
    if (mode === 'restore' && file) {
      const aside = restoreDataDir(dataDir(), resolve(file));
      process.stdout.write(`restored ${file}; the previous data is in ${aside}\n`);
      return 0;
    }
    process.stderr.write('usage: npm run backup [-- <archive>] | npm run restore -- <archive>\n');
    return 2;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
