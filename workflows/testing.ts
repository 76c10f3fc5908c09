/**
 * The test-only workflow entry: every production workflow plus the benchmark baseline (benchEcho)
 * and the end-to-end probe the fault tests start by the hundred. `npm run build` bundles it apart
 * (dist/workflow-bundle.testing.js) for the benchmarks and the fault tests; the production bundle
 * (index.ts) does not contain them.
 */
export * from './index';
export { benchEcho } from './bench/bench-echo.workflow';
export { probe } from './probe/probe.workflow';
