import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '@sro/temporal-worker';

/** The time-skipping test server from the binary `npm test` resolved (no download). */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime('WARN');
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER! } },
  });
}

/** A worker on the test environment with the project's workflow bundle and the given activities. */
export function bundleWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: object): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! },
    activities,
  });
}

/** Activity doubles that record every call (unit-level: the workflow under test is real). */
export function recordingActivities() {
  const calls: Array<{ name: string; args: any[] }> = [];
  const record =
    (name: string, result: unknown = undefined) =>
    async (...args: any[]) => {
      calls.push({ name, args });
      return result;
    };
  return {
    calls,
    of: (name: string) => calls.filter((c) => c.name === name).map((c) => c.args[0]),
    activities: {
      recordProcessState: record('recordProcessState'),
      recordProcessEvent: record('recordProcessEvent'),
      scheduleReminders: record('scheduleReminders'),
      cancelReminders: record('cancelReminders', 0),
      pong: record('pong', 'pong'),
      openPacketAccess: record('openPacketAccess'),
      closePacketAccess: record('closePacketAccess'),
      recordAgreementState: record('recordAgreementState'),
    },
  };
}

/** beforeAll/afterAll for a suite: a time-skipping server and a bundle worker with recording activities. */
export function timeSkippingSuite(prefix: string) {
  const suite = { env: undefined as unknown as TestWorkflowEnvironment, taskQueue: `${prefix}-${process.pid}-${Date.now().toString(36)}`, fake: recordingActivities() };
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    suite.env = await timeSkippingEnv();
    worker = await bundleWorker(suite.env, suite.taskQueue, suite.fake.activities);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await suite.env?.teardown();
  });
  return suite;
}
