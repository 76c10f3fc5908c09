import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflows } from '@sro/temporal-worker';

/** The test-only entry (production workflows plus bench and probe), in sources (.ts) and in dist (.js). */
function testingEntry(): string {
  const ts = join(__dirname, '..', '..', 'workflows', 'testing.ts');
  return existsSync(ts) ? ts : join(__dirname, '..', '..', 'workflows', 'testing.js');
}

/**
 * Writes the production workflow bundle to the first path given and, when a second is given, the
 * test-only bundle (with the benchmark and probe workflows) to it; exits non-zero when bundling fails.
 */
async function main(): Promise<void> {
  const [target, testingTarget] = process.argv.slice(2);
  if (!target) throw new Error('usage: bundle-workflows <output file> [<test-only output file>]');
  writeFileSync(target, await bundleWorkflows());
  if (testingTarget) {
    writeFileSync(testingTarget, await bundleWorkflows(testingEntry()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`workflow bundling failed: ${(error as Error).message}\n`);
  process.exit(1);
});
