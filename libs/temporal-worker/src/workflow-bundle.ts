import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, WorkflowBundleOption } from '@temporalio/worker';

/** The workflow entry point, found from this file both in sources (.ts) and in dist (.js). */
export function workflowsEntry(): string {
  const root = join(__dirname, '..', '..', '..');
  const ts = join(root, 'workflows', 'index.ts');
  return existsSync(ts) ? ts : join(root, 'workflows', 'index.js');
}

/**
 * Workflow-side interceptors compiled into every bundle: OpenTelemetry spans for workflow runs and
 * the activities they schedule, continuing the trace the client started. They export through the
 * worker's `exporter` sink (a no-op while tracing is off) and add no commands, so histories replay.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];

/** Bundles workflow code (deterministic sandbox) with its interceptors; `npm run build` does it once ahead of time. */
export async function bundleWorkflows(workflowsPath: string = workflowsEntry()): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: new DefaultLogger('WARN'),
  });
  return code;
}

/** A prebuilt bundle when configured, otherwise one bundled now. */
export async function workflowBundle(prebuiltPath?: string): Promise<WorkflowBundleOption> {
  if (prebuiltPath) return { codePath: prebuiltPath };
  return { code: await bundleWorkflows() };
}
