import { writeFileSync } from 'node:fs';
import { bundleWorkflows } from '@sro/temporal-worker';

/** Writes the workflow bundle to the path given; exits non-zero when bundling fails. */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: bundle-workflows <output file>');
  writeFileSync(target, await bundleWorkflows());
}

main().catch((error: unknown) => {
  process.stderr.write(`workflow bundling failed: ${(error as Error).message}\n`);
  process.exit(1);
});
