import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, WorkflowBundleOption } from '@temporalio/worker';

/** A module of this repository by its path without extension: the .ts in sources, the .js in dist. */
function sourceOrBuilt(...segments: string[]): string {
  const path = join(...segments);
  return existsSync(`${path}.ts`) ? `${path}.ts` : `${path}.js`;
}

const root = join(__dirname, '..', '..', '..');

/** The workflow entry point. */
export const workflowsEntry = (): string => sourceOrBuilt(root, 'workflows', 'index');

/**
 * Workflow-side interceptors compiled into every bundle: OpenTelemetry spans for the runs a traced
 * request started and for the activities they schedule. They export through the worker's
 * `exporter` sink (a no-op while tracing is off); untraced runs pass straight through, so their
 * histories replay as before (workflow-tracing.interceptors.ts).
 */
export const workflowInterceptorModules = (): string[] => [sourceOrBuilt(__dirname, 'workflow-tracing.interceptors')];

/**
 * Modules the SDK runs once in the shared sandbox before it freezes the sandbox's globals: the
 * stack depth (workflows/shared/stack-trace-limit.ts).
 */
export const sandboxPreloadModules = (): string[] => [sourceOrBuilt(root, 'workflows', 'shared', 'stack-trace-limit')];

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
