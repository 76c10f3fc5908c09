/**
 * Not a workflow: preloaded into the workflow sandbox once, before the SDK freezes its globals
 * (`sandboxPreloadModules` in libs/temporal-worker/src/workflow-bundle.ts).
 *
 * The SDK's promise hook captures a stack trace for every promise a workflow creates (for the
 * stack-trace query) and maps each frame through the bundle's source map (SDK issue #1587). With
 * V8's default of ten frames, replaying the stored histories costs about a tenth more CPU than with
 * four (`npm run bench:replay` measures both in one run). Four frames keep the throwing function and
 * its callers in an error's stack and in the query's answer; the depth applies to the sandbox's
 * realm only, not to activities or the API.
 */
Error.stackTraceLimit = 4;

export {};
