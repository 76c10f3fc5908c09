import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { SEED_SPECS } from '@sro/definitions';
import { installTemporalRuntime } from '@sro/temporal-worker';
import type { CyclePartner, InterviewSnapshot, OpenedCycle, PreparedConsultation } from '@sro/workflows/contracts';
import type { ProcessChange } from '@sro/workflows/shared/process';
import type { AgreementChange } from '@sro/workflows/cooperation-agreement/contract';

/** A case file as the retention doubles see it. */
export interface RetentionCase {
  id: string;
  deletionDate: string | null;
  legalHold: boolean;
  anonymisedAt?: string;
}

/** The time-skipping test server from the binary `npm test` resolved (no download). */
export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  installTemporalRuntime('WARN');
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER! } },
  });
}

/**
 * A worker on the test environment with the given activities and the project's workflow bundle,
 * or the workflows of `workflowsPath` bundled now (test fixtures).
 */
export function bundleWorker(env: TestWorkflowEnvironment, taskQueue: string, activities: object, workflowsPath?: string): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...(workflowsPath ? { workflowsPath } : { workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! } }),
    activities,
  });
}

/** Activity doubles that record every call (unit-level: the workflow under test is real). */
export function recordingActivities() {
  const calls: Array<{ name: string; args: any[] }> = [];
  /** The contract-partner registry the interview activities answer from; tests change it. */
  const registry = { partners: [] as CyclePartner[], failFor: new Set<string>(), cycles: 0 };
  /** The case files the retention activities work on; tests fill it. */
  const caseFiles = new Map<string, RetentionCase>();
  /** Case ids whose Fallteam consultation cannot be prepared (no published definition). */
  const fallteamFailsFor = new Set<string>();
  /** Called after the retention doubles listed expired cases (a test can change the files meanwhile). */
  const retentionHooks: { afterFind?: (ids: string[]) => void } = {};
  const record =
    (name: string, result: unknown = undefined) =>
    async (...args: any[]) => {
      calls.push({ name, args });
      return result;
    };
  /** A process change's writes as the calls of the activities it stands for, in their order. */
  const recordWrites = (change: ProcessChange) => {
    if (change.event) calls.push({ name: 'recordProcessEvent', args: [change.event] });
    calls.push({ name: 'recordProcessState', args: [change.snapshot] });
    for (const write of change.reminders)
      calls.push(
        'cancel' in write ? { name: 'cancelReminders', args: [write.cancel] } : { name: 'scheduleReminders', args: [write.schedule] },
      );
  };
  return {
    calls,
    registry,
    caseFiles,
    fallteamFailsFor,
    retentionHooks,
    of: (name: string) => calls.filter((c) => c.name === name).map((c) => c.args[0]),
    activities: {
      recordProcessState: record('recordProcessState'),
      recordProcessEvent: record('recordProcessEvent'),
      // One change's writes in one activity: recorded as the writes it stands for, in their order.
      recordProcessChange: async (change: ProcessChange) => {
        calls.push({ name: 'recordProcessChange', args: [change] });
        recordWrites(change);
      },
      recordAgreementChange: async (change: AgreementChange) => {
        calls.push({ name: 'recordAgreementChange', args: [change] });
        calls.push({ name: 'recordAgreementState', args: [change.agreement] });
        recordWrites(change.process);
      },
      scheduleReminders: record('scheduleReminders'),
      cancelReminders: record('cancelReminders', 0),
      pong: record('pong', 'pong'),
      openPacketAccess: record('openPacketAccess'),
      closePacketAccess: record('closePacketAccess'),
      openInterviewCycle: async (input: unknown): Promise<OpenedCycle> => {
        calls.push({ name: 'openInterviewCycle', args: [input] });
        const definition = {
          key: 'partner-interview-cycle' as const,
          version: 1,
          checksum: 'v1',
          spec: SEED_SPECS['partner-interview-cycle'],
        };
        return { cycleId: randomUUID(), number: ++registry.cycles, definition, partners: [...registry.partners] };
      },
      activeCyclePartners: async (input: unknown) => {
        calls.push({ name: 'activeCyclePartners', args: [input] });
        return [...registry.partners];
      },
      recordInterview: async (snapshot: InterviewSnapshot) => {
        calls.push({ name: 'recordInterview', args: [snapshot] });
        if (registry.failFor.has(snapshot.partnerId))
          throw ApplicationFailure.nonRetryable(`partner ${snapshot.partnerId} cannot be written`, 'TEST_FAILURE');
      },
      recordInterviewFailure: record('recordInterviewFailure'),
      closeInterviewCycle: record('closeInterviewCycle'),
      recordAgreementState: record('recordAgreementState'),
      prepareFallteamConsultation: async (input: { consultationId: string; caseId: string }): Promise<PreparedConsultation> => {
        calls.push({ name: 'prepareFallteamConsultation', args: [input] });
        if (fallteamFailsFor.has(input.caseId))
          throw ApplicationFailure.nonRetryable(
            'Die Definition „fallteam-consultation“ hat keine veröffentlichte Version; es kann nichts gestartet werden.',
            'CONFLICT',
          );
        return {
          consultationId: input.consultationId,
          definition: { key: 'fallteam-consultation', version: 1, checksum: 'v1', spec: SEED_SPECS['fallteam-consultation'] },
        };
      },
      recordCaseClosure: record('recordCaseClosure'),
      findExpiredCases: async (input: { asOf: string; limit: number; after?: string }) => {
        calls.push({ name: 'findExpiredCases', args: [input] });
        const ids = [...caseFiles.values()]
          .filter(
            (c) =>
              !c.anonymisedAt &&
              !c.legalHold &&
              c.deletionDate !== null &&
              c.deletionDate <= input.asOf &&
              (!input.after || c.id > input.after),
          )
          .map((c) => c.id)
          .sort()
          .slice(0, input.limit);
        retentionHooks.afterFind?.(ids);
        return ids;
      },
      anonymiseCase: async (input: { caseId: string; asOf: string }) => {
        calls.push({ name: 'anonymiseCase', args: [input] });
        const c = caseFiles.get(input.caseId);
        if (!c || c.anonymisedAt || c.legalHold || c.deletionDate === null || c.deletionDate > input.asOf) return false;
        c.anonymisedAt = input.asOf;
        return true;
      },
      countCasesOnHold: async (input: { asOf: string }) => {
        calls.push({ name: 'countCasesOnHold', args: [input] });
        return {
          onHold: [...caseFiles.values()].filter(
            (c) => !c.anonymisedAt && c.legalHold && c.deletionDate !== null && c.deletionDate <= input.asOf,
          ).length,
        };
      },
    },
  };
}

/**
 * beforeAll/afterAll for a suite: a time-skipping server and a worker with recording activities,
 * running the project's bundle or the workflows of `workflowsPath`.
 */
export function timeSkippingSuite(prefix: string, workflowsPath?: string) {
  const suite = {
    env: undefined as unknown as TestWorkflowEnvironment,
    taskQueue: `${prefix}-${process.pid}-${Date.now().toString(36)}`,
    fake: recordingActivities(),
  };
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    suite.env = await timeSkippingEnv();
    worker = await bundleWorker(suite.env, suite.taskQueue, suite.fake.activities, workflowsPath);
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await suite.env?.teardown();
  });
  return suite;
}
