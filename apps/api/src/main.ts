import 'reflect-metadata';
import { ConfigError, loadConfig } from '@sro/config';
import { startMemoryProbe } from '@sro/http';
import { createApiApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  if (config.apiProbePort !== undefined)
    startMemoryProbe(config.apiProbePort, config.api.host, () => ({ up: true }), { dir: config.heapSnapshotDir });
}

main().catch((error: unknown) => {
  // A configuration problem is the operator's to fix: say what, without a stack.
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack}\n`);
  process.exit(1);
});
