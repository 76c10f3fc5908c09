import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { signDevToken } from '@sro/auth';
import { Role } from '@sro/common';
import { loadConfig } from '@sro/config';
import { createDataConverter } from '@sro/temporal';
import { ProbeInput, WorkflowType } from '@sro/workflows/contracts';
import { ident } from '../../scripts/devstack/database-roles';
import { freePort, stopChild } from '../../scripts/devstack/process-utils';
import type { Runtime } from '../../scripts/devstack/runtime';
import type { DevSecrets } from '../../scripts/devstack/secrets';
import { assessmentBody, intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'scripts', 'cli');
/** The worker runs the testing bundle: production workflows plus the probe (a timer and a reminder). */
const TESTING_BUNDLE = join(ROOT, 'dist', 'workflow-bundle.testing.js');

/** The variables of the surrounding test stack that must not leak into the installation under test. */
const STACK_VARIABLES = [
  'AUTH_DEV_SECRET',
  'PAYLOAD_KEYS',
  'FIELD_KEYS',
  'AUDIT_CHAIN_KEY',
  'AUDIT_CHECKPOINT_DIR',
  'DATABASE_URL',
  'DATABASE_OWNER_URL',
  'REDIS_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_TASK_QUEUE',
  'QUEUE_PREFIX',
  'MAIL_TRANSPORT',
  'MAIL_DIR',
  'SMTP_URL',
  'API_PORT',
];

/** Tables whose rows must come back exactly (ids), neither lost nor doubled. */
const EXACT = ['case_file', 'consultation', 'risk_assessment', 'process_instance', 'app_user', 'contract_partner'];

/**
 * `npm start`, `npm run backup`, `npm run restore` and `npm run audit:verify` as an operator runs
 * them (the compiled CLIs, on a data directory of its own through SRO_DATA_DIR): running cases, a
 * consultation, the demo social-space processes and a process with a timer are backed up cold, the
 * data directory is destroyed and restored, and after the restart every workflow continues, nothing
 * is lost or doubled and the keyed audit chain verifies against its checkpoints.
 */
describe('backup, destruction of the data directory and restore of the embedded stack', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  const root = mkdtempSync(join(tmpdir(), 'sro-backup-fault-'));
  chmodSync(root, 0o755); // PostgreSQL runs as its own user and must reach its directory
  const data = join(root, 'data');
  const archive = join(root, 'sro-backup.tar.gz');
  cleanups.push(async () => rmSync(root, { recursive: true, force: true }));

  const environment = (apiPort?: number): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of STACK_VARIABLES) delete env[name];
    return {
      ...env,
      SRO_DATA_DIR: data,
      WORKFLOW_BUNDLE_PATH: TESTING_BUNDLE,
      RECONCILE_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'warn',
      ...(apiPort ? { API_PORT: String(apiPort) } : {}),
    };
  };

  /** A one-shot CLI (backup, restore, audit-verify); its exit code and output. */
  const cli = (script: string, args: string[]) => {
    const result = spawnSync(process.execPath, [join(CLI, script), ...args], { env: environment(), encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, out: `${result.stdout}${result.stderr}` };
  };

  interface Installation {
    child: ChildProcess;
    runtime: Runtime;
    secrets: DevSecrets;
  }

  /** `npm start` on the data directory, up when it has published its runtime file. */
  async function start(): Promise<Installation> {
    const apiPort = await freePort();
    const child = spawn(process.execPath, [join(CLI, 'start.js')], { env: environment(apiPort), stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(root, 'start.log'), { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    cleanups.push(() => stopChild(child, 60_000));
    const runtimeFile = join(data, 'runtime.json');
    await eventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`npm start exited (${child.exitCode}): ${readFileSync(join(root, 'start.log'), 'utf8').slice(-2000)}`);
        return existsSync(runtimeFile) && (JSON.parse(readFileSync(runtimeFile, 'utf8')) as Runtime).pid === child.pid;
      },
      240_000,
      'npm start up',
    );
    return {
      child,
      runtime: JSON.parse(readFileSync(runtimeFile, 'utf8')) as Runtime,
      secrets: JSON.parse(readFileSync(join(data, 'dev-secrets.json'), 'utf8')) as DevSecrets,
    };
  }

  /** Ctrl-C: apps first (their shutdown writes an audit checkpoint), then PostgreSQL, Redis and Temporal. */
  async function stop(i: Installation): Promise<void> {
    const exited = new Promise((resolve) => i.child.once('exit', resolve));
    i.child.kill('SIGTERM');
    await exited;
  }

  async function withDb<T>(i: Installation, fn: (db: PgClient) => Promise<T>): Promise<T> {
    const db = new PgClient({ connectionString: i.runtime.databaseOwnerUrl ?? i.runtime.databaseUrl });
    await db.connect();
    try {
      return await fn(db);
    } finally {
      await db.end();
    }
  }

  const snapshot = (i: Installation) =>
    withDb(i, async (db) => {
      const ids: Record<string, string[]> = {};
      for (const table of EXACT) ids[table] = (await db.query(`SELECT id::text FROM ${ident(table)} ORDER BY id`)).rows.map((r) => r.id);
      const audit = (await db.query(`SELECT count(*)::int AS n FROM audit_event`)).rows[0].n as number;
      const reminders = (await db.query(`SELECT key FROM reminder ORDER BY key`)).rows.map((r) => r.key as string);
      return { ids, audit, reminders };
    });

  function http(i: Installation) {
    return async (method: string, path: string, role: Role, body?: unknown) => {
      const token = await signDevToken(i.secrets.AUTH_DEV_SECRET, role);
      const res = await fetch(`${i.runtime.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
  }

  async function temporal(i: Installation): Promise<Client> {
    return new Client({
      connection: await Connection.connect({ address: i.runtime.temporalAddress }),
      dataConverter: createDataConverter(loadConfig({ ...process.env, PAYLOAD_KEYS: i.secrets.PAYLOAD_KEYS }).payloadKeys),
    });
  }

  it('restores cases, consultations, running processes and their timers; every workflow continues, nothing lost or doubled', async () => {
    // --- An installation in use ---------------------------------------------------------------
    let i = await start();
    let call = http(i);
    const [{ id: spaceId }] = await withDb(
      i,
      async (db) =>
        (
          await db.query(
            `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
          )
        ).rows,
    );

    // A case waiting for its § 8a assessment (deadline timer running) …
    const waiting = await call('POST', '/jugendhilfedienst-cases', Role.Caseworker, intakeBody(spaceId));
    expect(waiting.status).toBe(201);
    const classify = (id: string) =>
      call('POST', `/jugendhilfedienst-cases/${id}/classification`, Role.Caseworker, { zone: 'endangerment' });
    expect((await classify(waiting.body.id)).status).toBe(200);
    // … and one in the Fallteam, its consultation running as a child workflow.
    const inFallteam = await call('POST', '/jugendhilfedienst-cases', Role.Caseworker, intakeBody(spaceId));
    expect((await classify(inFallteam.body.id)).status).toBe(200);
    expect(
      (await call('POST', `/jugendhilfedienst-cases/${inFallteam.body.id}/risk-assessment`, Role.Caseworker, assessmentBody())).status,
    ).toBe(200);
    let consultationId = '';
    await eventually(
      async () => {
        consultationId =
          (await call('GET', `/jugendhilfedienst-cases/${inFallteam.body.id}`, Role.Caseworker)).body.fallteam?.consultationId ?? '';
        return consultationId !== '' && (await call('GET', `/consultations/${consultationId}`, Role.Caseworker)).status === 200;
      },
      30_000,
      'child consultation',
    );
    // The social-space process `npm start` runs for the space, with its first deliverable.
    const [{ id: sozialraumId }] = await withDb(
      i,
      async (db) =>
        (
          await db.query(
            `SELECT id FROM process_instance WHERE definition_key = 'sozialraum-development' AND subject_id = $1 AND status = 'running'`,
            [spaceId],
          )
        ).rows,
    );
    const [{ id: municipalityId }] = await withDb(
      i,
      async (db) => (await db.query('SELECT id FROM municipality WHERE social_space_id = $1 LIMIT 1', [spaceId])).rows,
    );
    const boundaries = await call(
      'PUT',
      `/sozialraum-processes/${sozialraumId}/phases/identify/deliverables/boundaries`,
      Role.Coordinator,
      {
        value: { description: 'Grenzen des Sozialraums laut Satzung', municipalityIds: [municipalityId] },
      },
    );
    expect(boundaries.status).toBe(200);
    // A process whose timer and reminder fall due only after the restore.
    const client = await temporal(i);
    const probe: ProbeInput = { probeId: randomUUID(), recipientId: 'demo-admin', reminderInMs: 30_000, waitMs: 35_000 };
    await client.workflow.start(WorkflowType.Probe, {
      taskQueue: loadConfig({ ...process.env, TEMPORAL_TASK_QUEUE: '' }).temporal.taskQueue,
      workflowId: `probe/${probe.probeId}`,
      args: [probe],
    });
    await client.connection.close();
    await eventually(
      async () =>
        withDb(i, async (db) => (await db.query(`SELECT 1 FROM reminder WHERE key = $1`, [`probe/${probe.probeId}`])).rowCount === 1),
      20_000,
      'probe reminder scheduled',
    );
    await eventually(
      async () =>
        (
          await withDb(
            i,
            async (db) => (await db.query(`SELECT current_step FROM process_instance WHERE id = $1`, [waiting.body.id])).rows[0],
          )
        )?.current_step === 'risk_assessment',
      20_000,
      'read model of the waiting case',
    );
    const before = await snapshot(i);
    expect(before.ids.case_file).toEqual(expect.arrayContaining([waiting.body.id, inFallteam.body.id]));
    expect(before.ids.consultation).toContain(consultationId);

    // --- Stop, back up, destroy, restore -------------------------------------------------------
    await stop(i);
    const backedUpAt = new Date();
    const backup = cli('backup.js', ['backup', archive]);
    expect(backup).toMatchObject({ status: 0 });
    for (const item of ['postgres', 'temporal.sqlite', 'redis', 'dev-secrets.json', 'audit-checkpoints'])
      expect(backup.out).toContain(item);
    rmSync(data, { recursive: true, force: true });
    expect(existsSync(data)).toBe(false);
    expect(cli('backup.js', ['restore', archive])).toMatchObject({ status: 0 });
    expect(readdirSync(data)).toEqual(
      expect.arrayContaining(['postgres', 'temporal.sqlite', 'redis', 'dev-secrets.json', 'audit-checkpoints']),
    );

    // --- The restored installation ------------------------------------------------------------
    i = await start();
    call = http(i);
    const after = await snapshot(i);
    // Every row is back, none twice (the restart's idempotent demo set-up added no process either).
    expect(after.ids).toEqual(before.ids);
    expect(after.reminders).toEqual(expect.arrayContaining(before.reminders));
    expect(new Set(after.reminders).size).toBe(after.reminders.length);
    expect(after.audit).toBeGreaterThanOrEqual(before.audit);
    const verified = cli('audit-verify.js', []);
    expect(verified).toMatchObject({ status: 0 });
    expect(verified.out).toMatch(/audit chain intact: \d+ events verified against [1-9]\d* checkpoint/);

    // The waiting case accepts its assessment and moves to the Fallteam, starting its consultation.
    const assessed = await call('POST', `/jugendhilfedienst-cases/${waiting.body.id}/risk-assessment`, Role.Caseworker, assessmentBody());
    expect(assessed.status).toBe(200);
    expect(assessed.body.phase).toBe('fallteam');
    await eventually(
      async () =>
        Boolean((await call('GET', `/jugendhilfedienst-cases/${waiting.body.id}`, Role.Caseworker)).body.fallteam?.consultationId),
      30_000,
      'consultation of the restored case',
    );
    // The consultation from before the backup takes its next step.
    const session = await call('POST', '/fallteam-sessions', Role.Caseworker, {
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: 'Familienzentrum Teltow',
      capacity: 3,
      moderatorId: 'demo-caseworker',
    });
    expect(session.status).toBe(201);
    expect((await call('POST', `/consultations/${consultationId}/schedule`, Role.Caseworker, { sessionId: session.body.id })).status).toBe(
      200,
    );
    // The social-space process completes its first phase with the deliverable recorded before the backup.
    const completed = await call('POST', `/sozialraum-processes/${sozialraumId}/phases/identify/complete`, Role.Coordinator);
    expect(completed.status).toBe(200);
    expect(completed.body.completed).toBe('identify');
    await eventually(
      async () => (await call('GET', `/sozialraum-processes/${sozialraumId}`, Role.Coordinator)).body.process.currentStep !== 'identify',
      20_000,
      'social-space process in its second phase',
    );
    // The probe's timer fires after the restore: it completes once and its reminder arrives once.
    const probeClient = await temporal(i);
    try {
      await probeClient.workflow.getHandle(`probe/${probe.probeId}`).result();
    } finally {
      await probeClient.connection.close();
    }
    await eventually(
      async () =>
        withDb(i, async (db) =>
          ['sent', 'late'].includes(
            (await db.query(`SELECT status FROM reminder WHERE key = $1`, [`probe/${probe.probeId}`])).rows[0].status,
          ),
        ),
      60_000,
      'probe reminder delivered',
    );
    const delivered = await withDb(i, async (db) => ({
      notifications: (
        await db.query(`SELECT n.created_at FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.key = $1`, [
          `probe/${probe.probeId}`,
        ])
      ).rows.map((r) => new Date(r.created_at) > backedUpAt),
      completions: (
        await db.query(`SELECT occurred_at FROM process_event WHERE process_id = $1 AND kind = 'probe_completed'`, [probe.probeId])
      ).rows.map((r) => new Date(r.occurred_at) > backedUpAt),
      consultationsPerCase: (await db.query(`SELECT case_id FROM consultation GROUP BY case_id HAVING count(*) > 1`)).rowCount,
    }));
    expect(delivered).toEqual({ notifications: [true], completions: [true], consultationsPerCase: 0 });
    expect(cli('audit-verify.js', [])).toMatchObject({ status: 0 });
    await stop(i);
  }, 600_000);
});
