import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDevToken } from '@sro/auth';
import { Role } from '@sro/common';
import { freePort } from '../devstack/process-utils';
import { repoRoot } from '../devstack/paths';
import { AppProcess, startApp, waitForHttp } from '../devstack/services';
import { stackEnvironment } from '../devstack/stack-env';
import type { BenchContext } from './harness';
import { round } from './stats';

/** Resident set size of a process in MB (Linux). */
export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

/**
 * The API and the worker as processes of their own on the benchmark's stack, with a small HTTP
 * client for the demo caseworker and coordinator.
 */
type Memory = { rss: number; heapUsed: number; heapTotal: number; external: number };

/** The memory a process's probe port reports, or undefined while it does not answer. */
const probe = (port: number): Promise<Memory | undefined> =>
  fetch(`http://127.0.0.1:${port}/health`)
    .then((r) => r.json() as Promise<{ memory: Memory }>)
    .then(
      (b) => b.memory,
      () => undefined,
    );

/** Heap snapshots through a probe port (HEAP_SNAPSHOT_DIR set); the files written, main thread first. */
const snapshot = async (port: number, name: string): Promise<string[]> => {
  const res = await fetch(`http://127.0.0.1:${port}/heap-snapshot?name=${encodeURIComponent(name)}`, { method: 'POST' });
  const body = (await res.json()) as { files?: string[]; error?: string };
  if (!res.ok || !body.files) throw new Error(`heap snapshot ${name}: ${res.status} ${body.error ?? ''}`);
  return body.files;
};

/** `extraEnv` goes to both processes (e.g. HEAP_SNAPSHOT_DIR for the soak). */
export async function startSystem({ stack, secrets, work }: BenchContext, extraEnv: NodeJS.ProcessEnv = {}) {
  const root = repoRoot();
  const apiPort = await freePort();
  const workerHealthPort = await freePort();
  const apiProbePort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...stackEnvironment(stack, secrets, work),
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    WORKER_HEALTH_PORT: String(workerHealthPort),
    API_PROBE_PORT: String(apiProbePort),
    // The test-only bundle: production workflows plus the bench-echo baseline.
    WORKFLOW_BUNDLE_PATH: join(root, 'dist', 'workflow-bundle.testing.js'),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  // BENCH_CPU_PROF=<dir>: CPU profiles of the API and the worker (written when they stop), for where the time goes.
  const profile = (name: string): string[] =>
    process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_CPU_PROF, name)}`] : [];
  const apps: AppProcess[] = [
    startApp(root, 'worker', env, join(work, 'logs'), profile('worker')),
    startApp(root, 'api', env, join(work, 'logs'), profile('api')),
  ];
  const [worker, api] = apps;
  const url = `http://127.0.0.1:${apiPort}`;
  await waitForHttp(`${url}/health`, 90_000, () => apps.every((a) => a.child.exitCode === null));
  const tokens = {
    caseworker: `Bearer ${await signDevToken(secrets.AUTH_DEV_SECRET, Role.Caseworker, 'demo-caseworker')}`,
    coordinator: `Bearer ${await signDevToken(secrets.AUTH_DEV_SECRET, Role.Coordinator, 'demo-coordinator')}`,
    approver: `Bearer ${await signDevToken(secrets.AUTH_DEV_SECRET, Role.Approver, 'demo-approver')}`,
  };

  /** One request; anything but the expected statuses is an error with the answer's start. */
  const call = async (method: string, path: string, token: string, body?: unknown, expect = [200, 201]) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  };

  const newCase = (socialSpaceId: string, i: number) => ({
    socialSpaceId,
    zone: 'unclear',
    personal: { familyName: `Bench-${i}`, givenNames: ['Kim'], birthDates: ['2015-05-05'], address: 'Teststraße 1', familyMembers: [] },
    will: 'Unterstützung bei der Schule',
    goals: ['Schulbesuch'],
    resources: { person: [], surroundings: [], socialSpace: [] },
    confided: [],
  });
  const createCase = (socialSpaceId: string, i: number) => call('POST', '/cases', tokens.caseworker, newCase(socialSpaceId, i));
  /** A case intake in one call: the case with its consultation request (`consultation` in the body of POST /cases). */
  const intake = (socialSpaceId: string, i: number) =>
    call('POST', '/cases', tokens.caseworker, { ...newCase(socialSpaceId, i), consultation: { questions: ['Welche Hilfe passt?'] } });
  const requestConsultation = (caseId: string) =>
    call('POST', `/cases/${caseId}/consultations`, tokens.caseworker, { questions: ['Welche Hilfe passt?'] });

  return {
    url,
    env,
    tokens,
    call,
    createCase,
    requestConsultation,
    intake,
    rss: () => ({ apiMb: rssMb(api.child.pid), workerMb: rssMb(worker.child.pid) }),
    pids: { api: api.child.pid, worker: worker.child.pid },
    /** The worker's own view of its memory (RSS, JS heap, external), from its health port. */
    workerMemory: () => probe(workerHealthPort),
    /** The API's own view of its memory, from its probe port. */
    apiMemory: () => probe(apiProbePort),
    /** V8 heap snapshots of the API (main thread) and of the worker (main thread and workflow threads). */
    heapSnapshots: async (name: string) => ({
      api: await snapshot(apiProbePort, `${name}-api`),
      worker: await snapshot(workerHealthPort, `${name}-worker`),
    }),
    stop: () => Promise.all(apps.map((a) => a.stop())),
  };
}
