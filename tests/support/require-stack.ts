// Integration, workflow and e2e tests need the services `npm test` starts.
if (!process.env.SRO_TEST_STACK) {
  throw new Error('These tests need real PostgreSQL, Redis and Temporal: run them through `npm test [-- jest args]`.');
}
jest.setTimeout(60_000);
