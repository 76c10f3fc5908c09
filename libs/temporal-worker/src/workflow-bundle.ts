import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, WorkflowBundleOption } from '@temporalio/worker';

/** The workflow entry point, found from this file both in sources (.ts) and in dist (.js). */
export function workflowsEntry(): string {
  const root = join(__dirname, '..', '..', '..');
  const ts = join(root, 'workflows', 'index.ts');
  return existsSync(ts) ? ts : join(root, 'workflows', 'index.js');
}

/** The workflow-side tracing interceptors, from this file both in sources (.ts) and in dist (.js). */
function tracingInterceptorsModule(): string {
  const ts = join(__dirname, 'workflow-tracing.interceptors.ts');
  return existsSync(ts) ? ts : join(__dirname, 'workflow-tracing.interceptors.js');
}

/**
 * Workflow-side interceptors compiled into every bundle: OpenTelemetry spans for the runs a traced
 * request started and for the activities they schedule. They export through the worker's
 * `exporter` sink (a no-op while tracing is off); untraced runs pass straight through, so their
 * histories replay as before (workflow-tracing.interceptors.ts).
 */
export const workflowInterceptorModules = (): string[] => [tracingInterceptorsModule()];

/**
 * Modules the SDK runs once in the shared sandbox before it freezes the sandbox's globals: the
 * stack depth (workflows/shared/stack-trace-limit.ts), from this file both in sources and in dist.
 */
export function sandboxPreloadModules(): string[] {
  const root = join(__dirname, '..', '..', '..');
  const ts = join(root, 'workflows', 'shared', 'stack-trace-limit.ts');
  return [existsSync(ts) ? ts : join(root, 'workflows', 'shared', 'stack-trace-limit.js')];
}

/**
 * Bundles workflow code (deterministic sandbox) with its interceptors; `npm run build` does it once
 * ahead of time. `preloadModules` other than the default only for `npm run bench:replay`'s baseline.
 */
export async function bundleWorkflows(workflowsPath: string = workflowsEntry(), preloadModules = sandboxPreloadModules()): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    workflowInterceptorModules: workflowInterceptorModules(),
    preloadModules,
    logger: new DefaultLogger('WARN'),
  });
  return code;
}

/** A prebuilt bundle when configured, otherwise one bundled now. */
export async function workflowBundle(prebuiltPath?: string): Promise<WorkflowBundleOption> {
  if (prebuiltPath) return { codePath: prebuiltPath };
  return { code: await bundleWorkflows() };
}
