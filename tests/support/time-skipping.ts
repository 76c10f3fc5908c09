import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { SEED_SPECS } from '@sro/definitions';
import { installTemporalRuntime } from '@sro/temporal-worker';
import type { CyclePartner, InterviewSnapshot, OpenedCycle } from '@sro/workflows/contracts';

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
  /** The contract-partner registry the interview activities answer from; tests change it. */
  const registry = { partners: [] as CyclePartner[], failFor: new Set<string>(), cycles: 0 };
  const record =
    (name: string, result: unknown = undefined) =>
    async (...args: any[]) => {
      calls.push({ name, args });
      return result;
    };
  return {
    calls,
    registry,
    of: (name: string) => calls.filter((c) => c.name === name).map((c) => c.args[0]),
    activities: {
      recordProcessState: record('recordProcessState'),
      recordProcessEvent: record('recordProcessEvent'),
      scheduleReminders: record('scheduleReminders'),
      cancelReminders: record('cancelReminders', 0),
      pong: record('pong', 'pong'),
      openPacketAccess: record('openPacketAccess'),
      closePacketAccess: record('closePacketAccess'),
      openInterviewCycle: async (input: unknown): Promise<OpenedCycle> => {
        calls.push({ name: 'openInterviewCycle', args: [input] });
        const definition = { key: 'partner-interview-cycle' as const, version: 1, checksum: 'v1', spec: SEED_SPECS['partner-interview-cycle'] };
        return { cycleId: randomUUID(), number: ++registry.cycles, definition, partners: [...registry.partners] };
      },
      activeCyclePartners: async (input: unknown) => {
        calls.push({ name: 'activeCyclePartners', args: [input] });
        return [...registry.partners];
      },
      recordInterview: async (snapshot: InterviewSnapshot) => {
        calls.push({ name: 'recordInterview', args: [snapshot] });
        if (registry.failFor.has(snapshot.partnerId)) throw ApplicationFailure.nonRetryable(`partner ${snapshot.partnerId} cannot be written`, 'TEST_FAILURE');
      },
      recordInterviewFailure: record('recordInterviewFailure'),
      closeInterviewCycle: record('closeInterviewCycle'),
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
