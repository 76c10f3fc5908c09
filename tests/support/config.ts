import { AppConfig, loadConfig } from '@sro/config';

/** The test stack's configuration with some variables changed. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  // Queues of their own: another suite's worker must never take (and skip) this suite's jobs.
  return loadConfig({ ...process.env, QUEUE_PREFIX: `t${process.pid}-${++prefixes}`, ...overrides });
}

let prefixes = 0;
let counter = 0;
/** A task queue of its own for one test file, so workers of parallel files never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Date.now().toString(36)}`;
}
