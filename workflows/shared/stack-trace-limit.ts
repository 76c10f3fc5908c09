/**
 * Not a workflow: preloaded into the workflow sandbox once, before the SDK freezes its globals
 * (`preloadModules` in libs/temporal-worker/src/workflow-bundle.ts).
 *
 * The SDK's promise hook captures a stack trace for every promise a workflow creates (for the
 * stack-trace query) and maps each frame through the bundle's source map. With V8's default of ten
 * frames this was a third of the workflow thread's CPU time in `npm run bench` (SDK issue #1587).
 * Four frames keep the throwing function and its callers in an error's stack and in the query's
 * answer; the depth applies to the sandbox's realm only, not to activities or the API.
 */
Error.stackTraceLimit = 4;

export {};
