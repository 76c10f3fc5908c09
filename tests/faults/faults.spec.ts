import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { Role } from '@sro/common';
import { loadConfig } from '@sro/config';
import { migrate } from '@sro/database';
import { DefinitionRepository, DefinitionsService } from '@sro/definitions';
import { seedDemoData } from '@sro/reference-data';
import { createDataConverter } from '@sro/temporal';
import { ENTITIES } from '../../apps/shared/entities';
import {
  ProbeInput,
  ProbeOutput,
  SozialraumDevelopmentInput,
  sozialraumStateQuery,
  sozialraumUpdates,
  WorkflowType,
} from '@sro/workflows/contracts';
import { freePort } from '../../scripts/devstack/process-utils';
import { AppProcess, startApp } from '../../scripts/devstack/services';
import { startTemporalDevServer } from '../../scripts/devstack/temporal';
import { startApi } from '../support/api';
import { testConfig, uniqueTaskQueue } from '../support/config';
import { scratchDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { startPostgresProcess } from '../support/postgres-process';
import { startSmtpSink } from '../support/smtp-sink';
import { bearer } from '../support/tokens';
import { startWorker } from '../support/worker';

const ROOT = join(__dirname, '..', '..');
/** The probe workflow is test-only: the workers here load the testing bundle. */
const TESTING_BUNDLE = join(ROOT, 'dist', 'workflow-bundle.testing.js');
const PROBES = Number(process.env.FAULT_PROBES ?? 300);

/**
 * Crashes with real processes: workers killed with SIGKILL, the Temporal dev server restarted,
 * PostgreSQL stopped. Each run of probes schedules one reminder per workflow (in-app and e-mail to
 * the demo admin through a real SMTP server) and must end with every workflow completed and
 * every reminder delivered exactly once per channel.
 */
describe('fault tolerance with real processes', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  /** A database of its own (demo users), an SMTP sink, and the environment for worker processes. */
  async function system(temporalAddress = process.env.TEMPORAL_ADDRESS!) {
    const db = await scratchDatabase();
    cleanups.push(() => db.drop());
    await new DefinitionsService(new DefinitionRepository(db.dataSource)).ensureSeeded();
    await seedDemoData(db.dataSource);
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const taskQueue = uniqueTaskQueue('faults');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      QUEUE_PREFIX: `f${process.pid}${Date.now().toString(36)}`,
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      RECONCILE_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'warn',
      WORKFLOW_BUNDLE_PATH: TESTING_BUNDLE,
    };
    const config = loadConfig(env);
    const client = new Client({
      connection: await Connection.connect({ address: temporalAddress }),
      dataConverter: createDataConverter(config.payloadKeys),
    });
    cleanups.push(() => client.connection.close());
    const logs = mkdtempSync(join(tmpdir(), 'sro-faults-'));
    cleanups.push(async () => rmSync(logs, { recursive: true, force: true }));
    const worker = (extra: NodeJS.ProcessEnv = {}): AppProcess => {
      const app = startApp(ROOT, 'worker', { ...env, ...extra }, logs);
      cleanups.push(() => app.stop());
      return app;
    };
    const startProbes = (n: number, reminderInMs: number, waitMs: number) =>
      Promise.all(
        Array.from({ length: n }, () => {
          const input: ProbeInput = { probeId: randomUUID(), recipientId: 'demo-admin', reminderInMs, waitMs };
          return client.workflow.start(WorkflowType.Probe, { taskQueue, workflowId: `probe/${input.probeId}`, args: [input] });
        }),
      );
    /** Every reminder of the probes sent (or late), once in-app and once by e-mail. */
    const deliveredOnce = async (n: number, timeoutMs: number) => {
      await eventually(
        async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM reminder WHERE status IN ('sent', 'late')`))[0].n === n,
        timeoutMs,
        `${n} reminders delivered`,
      );
      const [{ notifications, distinct }] = await db.dataSource.query(
        `SELECT count(*)::int AS notifications, count(DISTINCT reminder_id)::int AS distinct FROM notification`,
      );
      expect({ notifications, distinct }).toEqual({ notifications: n, distinct: n });
      // E-mails: each one delivered, or (killed mid-send) left in doubt — never sent twice.
      const emailRows = async () =>
        (await db.dataSource.query(
          `SELECT status, count(*)::int AS n FROM reminder_delivery WHERE channel = 'email' GROUP BY status`,
        )) as Array<{ status: string; n: number }>;
      const count = (rows: Array<{ status: string; n: number }>, status: string) => rows.find((r) => r.status === status)?.n ?? 0;
      await eventually(
        async () => {
          const rows = await emailRows();
          return count(rows, 'delivered') + count(rows, 'sending') === n;
        },
        60_000,
        `${n} e-mails sent or in doubt`,
      );
      const rows = await emailRows();
      const ids = smtp.mails.map((m) => /^Message-ID: (.+)$/im.exec(m.raw)?.[1]);
      expect(new Set(ids).size).toBe(smtp.mails.length);
      expect(smtp.mails.length).toBeGreaterThanOrEqual(count(rows, 'delivered'));
      expect(smtp.mails.length).toBeLessThanOrEqual(count(rows, 'delivered') + count(rows, 'sending'));
    };
    return { db, env, client, worker, startProbes, deliveredOnce, taskQueue };
  }

  const completed = (handles: Array<{ result(): Promise<unknown> }>) => Promise.all(handles.map((h) => h.result() as Promise<ProbeOutput>));

  it('SIGKILL of the worker in the middle of a burst of phase updates: each update takes effect once', async () => {
    const s = await system();
    const first = s.worker();
    const definition = await new DefinitionsService(new DefinitionRepository(s.db.dataSource)).published('sozialraum-development');
    const [space] = await s.db.dataSource.query(`SELECT id, planning_region_id AS "regionId" FROM social_space ORDER BY code LIMIT 1`);
    const [{ id: municipality }] = await s.db.dataSource.query(`SELECT id FROM municipality ORDER BY id LIMIT 1`);
    const n = 60;
    const handles = await Promise.all(
      Array.from({ length: n }, () => {
        const input: SozialraumDevelopmentInput = {
          processId: randomUUID(),
          socialSpaceId: space.id,
          planningRegionId: space.regionId,
          title: 'Burst',
          coordinatorId: 'demo-coordinator',
          definition,
        };
        return s.client.workflow.start(WorkflowType.SozialraumDevelopment, {
          taskQueue: s.taskQueue,
          workflowId: `srd-burst/${input.processId}`,
          args: [input],
        });
      }),
    );
    // All at once: half the processes save the deliverable, then complete the phase (two updates); the
    // other half complete the phase with the deliverable in one update (the benchmark's phase step).
    const boundaries = { deliverableKey: 'boundaries', value: { description: 'Grenzen des Sozialraums', municipalityIds: [municipality] } };
    const burst = Promise.all(
      handles.map(async (h, i) => {
        if (i % 2 === 0) {
          await h.executeUpdate(sozialraumUpdates.setDeliverable, {
            args: [{ phaseKey: 'identify', ...boundaries, actorId: 'demo-coordinator' }],
          });
          await h.executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey: 'identify', actorId: 'demo-coordinator' }] });
        } else {
          await h.executeUpdate(sozialraumUpdates.completePhase, {
            args: [{ phaseKey: 'identify', deliverable: boundaries, actorId: 'demo-coordinator' }],
          });
        }
      }),
    );
    const completedSteps = async () =>
      (await s.db.dataSource.query(`SELECT count(*)::int AS n FROM process_event WHERE kind = 'phase_completed'`))[0].n as number;
    await eventually(async () => (await completedSteps()) > 0, 60_000, 'the burst under way');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    // Killed in the middle: some phase steps were done, not all of them.
    expect(await completedSteps()).toBeLessThan(n);
    s.worker();
    await burst;

    for (const h of handles) {
      const state = await h.query(sozialraumStateQuery);
      expect(state.steps.slice(0, 2).map((step) => step.status)).toEqual(['completed', 'active']);
      expect(Object.keys(state.deliverables.identify ?? {})).toEqual(['boundaries']);
    }
    const events: Array<{ kind: string; n: number; processes: number; withDeliverable: number }> = await s.db.dataSource.query(
      `SELECT kind, count(*)::int AS n, count(DISTINCT process_id)::int AS processes,
              count(*) FILTER (WHERE details->>'deliverableKey' = 'boundaries')::int AS "withDeliverable" FROM process_event
        WHERE kind IN ('deliverable_set', 'phase_completed') GROUP BY kind ORDER BY kind`,
    );
    expect(events).toEqual([
      { kind: 'deliverable_set', n: n / 2, processes: n / 2, withDeliverable: n / 2 },
      { kind: 'phase_completed', n, processes: n, withDeliverable: n / 2 },
    ]);
    // The read model holds each process's latest revision (the second phase).
    await eventually(
      async () =>
        (await s.db.dataSource.query(`SELECT count(*)::int AS n FROM process_instance WHERE current_step = 'analyse'`))[0].n === n,
      30_000,
      'read models at the second phase',
    );
  });

  it(`SIGKILL of the worker with ${PROBES} workflows in flight: a new worker completes them all, no notification or e-mail delivered twice`, async () => {
    const s = await system();
    const first = s.worker();
    const handles = await s.startProbes(PROBES, 2_000, 4_000);
    // Reminders fall due while the worker is killed in the middle of timers and deliveries.
    await new Promise((r) => setTimeout(r, 2_500));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    s.worker();
    const results = await completed(handles);
    expect(new Set(results.map((r) => r.probeId)).size).toBe(PROBES);
    await s.deliveredOnce(PROBES, 90_000);
    const [{ n }] = await s.db.dataSource.query(`SELECT count(*)::int AS n FROM process_event WHERE kind = 'probe_completed'`);
    expect(n).toBe(PROBES);
  }, 240_000);

  it('two workers on one task queue: when one is killed the other takes over', async () => {
    const s = await system();
    const healthPort = await freePort();
    const [doomed] = [s.worker(), s.worker({ WORKER_HEALTH_PORT: String(healthPort) })];
    const handles = await s.startProbes(100, 1_000, 3_000);
    await new Promise((r) => setTimeout(r, 1_500));
    doomed.child.kill('SIGKILL');
    const results = await completed(handles);
    expect(results).toHaveLength(100);
    await s.deliveredOnce(100, 90_000);
    // The survivor reports itself up, with its memory, on its health port.
    const health = (await (await fetch(`http://127.0.0.1:${healthPort}/health`)).json()) as {
      status: string;
      memory: { rss: number; heapUsed: number };
    };
    expect(health.status).toBe('up');
    expect(health.memory.rss).toBeGreaterThan(health.memory.heapUsed);
  }, 240_000);

  it('a restart of the Temporal dev server (same database file) mid-flight: all complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sro-temporal-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const options = { dbFile: join(dir, 'temporal.sqlite'), port, headless: true };
    let server = await startTemporalDevServer(options);
    cleanups.push(() => server.stop());
    const s = await system(server.address);
    s.worker();
    const handles = await s.startProbes(100, 1_000, 4_000);
    await new Promise((r) => setTimeout(r, 1_500));
    await server.stop();
    server = await startTemporalDevServer(options);
    cleanups.push(() => server.stop());
    const results = await completed(handles);
    expect(results).toHaveLength(100);
    await s.deliveredOnce(100, 90_000);
  }, 240_000);

  it('PostgreSQL stopped: health and writes answer 503 with Retry-After, nothing half-written; API and worker recover without a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sro-pg-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const pgOptions = { dir, password: 'faults', database: 'sro', port };
    let pg = await startPostgresProcess(pgOptions);
    cleanups.push(() => pg.stop());
    await migrate(pg.url);
    const seed = await scratchSeed(pg.url);
    const config = testConfig({
      DATABASE_URL: pg.url,
      TEMPORAL_TASK_QUEUE: uniqueTaskQueue('faults-pg'),
      WORKFLOW_BUNDLE_PATH: TESTING_BUNDLE,
    });
    const api = await startApi(config);
    cleanups.push(() => api.close());
    const worker = await startWorker(config);
    cleanups.push(() => worker.close());
    const coordinator = await bearer(Role.Coordinator);
    const partner = {
      name: 'Ausfall-Test e.V.',
      kind: 'free_provider',
      socialSpaceIds: [seed.spaceId],
      accessionDate: '2024-01-01',
      contacts: [],
    };

    await pg.stop();
    await eventually(async () => (await request(api.http).get('/health')).status === 503, 30_000, 'health 503');
    const refused = await request(api.http).post('/contract-partners').set('Authorization', coordinator).send(partner);
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(refused.body)).not.toMatch(/at .*\.js|ECONNREFUSED.*\n/);

    pg = await startPostgresProcess(pgOptions);
    await eventually(async () => (await request(api.http).get('/health')).status === 200, 60_000, 'health 200 again');
    const [{ n }] = await seed.count();
    expect(n).toBe(seed.partners); // the refused write left nothing behind
    expect((await request(api.http).post('/contract-partners').set('Authorization', coordinator).send(partner)).status).toBe(201);

    // The worker's activities reach PostgreSQL again: a probe completes and its reminder arrives in-app.
    const client = new Client({
      connection: await Connection.connect({ address: config.temporal.address }),
      dataConverter: createDataConverter(config.payloadKeys),
    });
    cleanups.push(() => client.connection.close());
    const probeId = randomUUID();
    await client.workflow.execute(WorkflowType.Probe, {
      taskQueue: config.temporal.taskQueue,
      workflowId: `probe/${probeId}`,
      args: [{ probeId, recipientId: 'demo-admin', reminderInMs: 200, waitMs: 500 }],
    });
    await eventually(
      async () =>
        (await seed.query(`SELECT 1 FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.key = $1`, [`probe/${probeId}`]))
          .length === 1,
      30_000,
      'probe reminder delivered',
    );
  }, 240_000);
});

/** Definitions and demo data in the database at `url`; a counter of its partners. */
async function scratchSeed(url: string) {
  const { createDataSource } = await import('@sro/database');
  const query = async (sql: string, params: unknown[] = []) => {
    const ds = await createDataSource({ url, entities: ENTITIES, poolSize: 1 }).initialize();
    try {
      return await ds.query(sql, params);
    } finally {
      await ds.destroy();
    }
  };
  const ds = await createDataSource({ url, entities: ENTITIES, poolSize: 1 }).initialize();
  try {
    await new DefinitionsService(new DefinitionRepository(ds)).ensureSeeded();
    await seedDemoData(ds);
  } finally {
    await ds.destroy();
  }
  const [{ id: spaceId }] = await query('SELECT id FROM social_space LIMIT 1');
  const [{ n: partners }] = await query('SELECT count(*)::int AS n FROM contract_partner');
  return {
    spaceId: spaceId as string,
    partners: partners as number,
    count: () => query('SELECT count(*)::int AS n FROM contract_partner'),
    query,
  };
}
