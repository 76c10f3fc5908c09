import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, WorkflowBundleOption } from '@temporalio/worker';

/** The workflow entry point, found from this file both in sources (.ts) and in dist (.js). */
export function workflowsEntry(): string {
  const root = join(__dirname, '..', '..', '..');
  const ts = join(root, 'workflows', 'index.ts');
  return existsSync(ts) ? ts : join(root, 'workflows', 'index.js');
}

/** Bundles the workflow code (deterministic sandbox); `npm run build` does it once ahead of time. */
export async function bundleWorkflows(): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsEntry(), logger: new DefaultLogger('WARN') });
  return code;
}

/** A prebuilt bundle when configured, otherwise one bundled now. */
export async function workflowBundle(prebuiltPath?: string): Promise<WorkflowBundleOption> {
  if (prebuiltPath) return { codePath: prebuiltPath };
  return { code: await bundleWorkflows() };
}
