import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { AuditRepository, AuditService, AuditSettings, CheckpointFile } from '@sro/audit';
import { signDevToken } from '@sro/auth';
import { Role } from '@sro/common';
import { loadConfig, parseAuditKey } from '@sro/config';
import { createDataSource } from '@sro/database';
import { createDataConverter } from '@sro/temporal';
import { ProbeInput, WorkflowType } from '@sro/workflows/contracts';
import { ENTITIES } from '../../apps/shared/entities';
import { backupDataDir, restoreDataDir } from '../../scripts/devstack/backup';
import { devAppEnvironment } from '../../scripts/devstack/dev-env';
import { prepareDatabase } from '../../scripts/devstack/prepare-database';
import { freePort } from '../../scripts/devstack/process-utils';
import { DevSecrets, ensureDevSecrets } from '../../scripts/devstack/secrets';
import { AppProcess, startApp, waitForHttp } from '../../scripts/devstack/services';
import { Stack, startStack } from '../../scripts/devstack/stack';
import { assessmentBody, intakeBody } from '../factories/jugendhilfedienst';
import { eventually } from '../support/eventually';

const ROOT = join(__dirname, '..', '..');
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

/** What must come back exactly from a backup: every table a person or a workflow relies on. */
const COUNTED = [
  'case_file',
  'consultation',
  'risk_assessment',
  'process_instance',
  'process_event',
  'reminder',
  'notification',
  'audit_event',
  'app_user',
  'contract_partner',
];

/**
 * `npm run backup` / `npm run restore` end to end on an installation laid out like `npm start`'s
 * `.data/` (embedded PostgreSQL, Temporal dev server with its SQLite file, Redis with AOF, secrets,
 * audit checkpoints): running processes with timers, backed up cold, the data directory destroyed,
 * restored, restarted — every workflow continues, nothing is lost or doubled, the audit chain verifies.
 */
describe('backup, destruction of the data directory and restore of the embedded stack', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  const root = mkdtempSync(join(tmpdir(), 'sro-backup-fault-'));
  const data = join(root, '.data');
  const archive = join(root, 'sro-backup.tar.gz');
  cleanups.push(async () => rmSync(root, { recursive: true, force: true }));

  interface Installation {
    stack: Stack;
    apps: AppProcess[];
    apiUrl: string;
    taskQueue: string;
    secrets: DevSecrets;
  }

  /** Starts the stack on `data` as `npm start` does (dev mode: persistent Temporal and Redis AOF), then worker and API. */
  async function startInstallation(): Promise<Installation> {
    const secrets = ensureDevSecrets(data);
    const stack = await startStack({ mode: 'dev', dataDir: data, postgresPassword: secrets.POSTGRES_PASSWORD });
    cleanups.push(() => stack.stop());
    await prepareDatabase(stack.databaseUrl, { seed: true, ownerUrl: stack.databaseOwnerUrl });
    const base: NodeJS.ProcessEnv = { ...process.env };
    for (const name of STACK_VARIABLES) delete base[name];
    const apiPort = await freePort();
    const env = {
      ...devAppEnvironment(ROOT, data, stack, secrets, apiPort, base),
      WORKFLOW_BUNDLE_PATH: TESTING_BUNDLE,
      RECONCILE_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'warn',
    };
    const logs = join(root, 'logs');
    const apps = [startApp(ROOT, 'worker', env, logs), startApp(ROOT, 'api', env, logs)];
    for (const app of apps) cleanups.push(() => app.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHttp(`${apiUrl}/health`, 90_000, () => apps.every((a) => a.child.exitCode === null));
    return { stack, apps, apiUrl, taskQueue: loadConfig(env).temporal.taskQueue, secrets };
  }

  /** Apps first (their shutdown writes an audit checkpoint), then PostgreSQL, Redis and Temporal. */
  async function stopInstallation(i: Installation): Promise<void> {
    await Promise.all(i.apps.map((a) => a.stop()));
    await i.stack.stop();
  }

  async function withDb<T>(url: string, fn: (db: PgClient) => Promise<T>): Promise<T> {
    const db = new PgClient({ connectionString: url });
    await db.connect();
    try {
      return await fn(db);
    } finally {
      await db.end();
    }
  }

  const counts = (url: string) =>
    withDb(url, async (db) => {
      const out: Record<string, number> = {};
      for (const table of COUNTED) out[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      return out;
    });

  function http(i: Installation) {
    const call = async (method: string, path: string, role: Role, body?: unknown) => {
      const token = await signDevToken(i.secrets.AUTH_DEV_SECRET, role);
      const res = await fetch(`${i.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    return call;
  }

  async function temporalClient(i: Installation): Promise<Client> {
    const client = new Client({
      connection: await Connection.connect({ address: i.stack.temporalAddress }),
      dataConverter: createDataConverter(loadConfig({ ...process.env, PAYLOAD_KEYS: i.secrets.PAYLOAD_KEYS }).payloadKeys),
    });
    return client;
  }

  async function verifyAudit(i: Installation) {
    const settings = new AuditSettings(parseAuditKey(i.secrets.AUDIT_CHAIN_KEY), join(data, 'audit-checkpoints'));
    const ds = await createDataSource({ url: i.stack.databaseOwnerUrl!, entities: ENTITIES, poolSize: 1 }).initialize();
    try {
      const repo = new AuditRepository(ds);
      const checkpoints = new CheckpointFile(settings.checkpointDir).read(await repo.databaseName());
      return { checkpoints: checkpoints.length, result: await new AuditService(repo, settings).verify(checkpoints) };
    } finally {
      await ds.destroy();
    }
  }

  it('restores cases, consultations, running processes and their timers; every workflow continues, nothing lost or doubled', async () => {
    // --- An installation in use ---------------------------------------------------------------
    let i = await startInstallation();
    let call = http(i);
    const [{ id: spaceId }] = await withDb(i.stack.databaseOwnerUrl!, async (db) => {
      return (
        await db.query(
          `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
        )
      ).rows;
    });

    // A case waiting for its § 8a assessment (deadline timer running) …
    const waiting = await call('POST', '/jugendhilfedienst-cases', Role.Caseworker, intakeBody(spaceId));
    expect(waiting.status).toBe(201);
    expect(
      (await call('POST', `/jugendhilfedienst-cases/${waiting.body.id}/classification`, Role.Caseworker, { zone: 'endangerment' })).status,
    ).toBe(200);
    // … and one already in the Fallteam, with its consultation running as a child workflow.
    const inFallteam = await call('POST', '/jugendhilfedienst-cases', Role.Caseworker, intakeBody(spaceId));
    expect(
      (await call('POST', `/jugendhilfedienst-cases/${inFallteam.body.id}/classification`, Role.Caseworker, { zone: 'endangerment' }))
        .status,
    ).toBe(200);
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
    // A six-phase social-space process with its first deliverable.
    const sozialraum = await call('POST', '/sozialraum-processes', Role.Coordinator, { socialSpaceId: spaceId });
    expect(sozialraum.status).toBe(201);
    const [{ id: municipalityId }] = await withDb(
      i.stack.databaseOwnerUrl!,
      async (db) => (await db.query('SELECT id FROM municipality WHERE social_space_id = $1 LIMIT 1', [spaceId])).rows,
    );
    const boundaries = await call(
      'PUT',
      `/sozialraum-processes/${sozialraum.body.id}/phases/identify/deliverables/boundaries`,
      Role.Coordinator,
      {
        value: { description: 'Grenzen des Sozialraums laut Satzung', municipalityIds: [municipalityId] },
      },
    );
    expect(boundaries.status).toBe(200);
    // A process whose timer and reminder fall due only after the restore.
    const client = await temporalClient(i);
    const probe: ProbeInput = { probeId: randomUUID(), recipientId: 'demo-admin', reminderInMs: 15_000, waitMs: 20_000 };
    await client.workflow.start(WorkflowType.Probe, { taskQueue: i.taskQueue, workflowId: `probe/${probe.probeId}`, args: [probe] });
    await eventually(
      async () =>
        withDb(
          i.stack.databaseOwnerUrl!,
          async (db) => (await db.query(`SELECT 1 FROM reminder WHERE key = $1`, [`probe/${probe.probeId}`])).rowCount === 1,
        ),
      20_000,
      'probe reminder scheduled',
    );
    await client.connection.close();
    // The read models have caught up with the workflows (so the counts below are the settled state).
    await eventually(
      async () =>
        (await withDb(
          i.stack.databaseOwnerUrl!,
          async (db) =>
            (await db.query(`SELECT current_step FROM process_instance WHERE id = $1`, [waiting.body.id])).rows[0]?.current_step,
        )) === 'risk_assessment',
      20_000,
      'read model of the waiting case',
    );

    // --- Stop, back up, destroy, restore -------------------------------------------------------
    await Promise.all(i.apps.map((a) => a.stop()));
    const before = await counts(i.stack.databaseOwnerUrl!);
    const probeBefore = await withDb(
      i.stack.databaseOwnerUrl!,
      async (db) => (await db.query(`SELECT status FROM reminder WHERE key = $1`, [`probe/${probe.probeId}`])).rows[0].status,
    );
    await i.stack.stop();
    expect(probeBefore).toBe('scheduled'); // not yet due: it must fire after the restore
    expect(before.case_file).toBeGreaterThanOrEqual(2);
    expect(before.consultation).toBeGreaterThanOrEqual(1);

    const items = backupDataDir(data, archive);
    expect(items).toEqual(expect.arrayContaining(['postgres', 'temporal.sqlite', 'redis', 'dev-secrets.json', 'audit-checkpoints']));
    rmSync(data, { recursive: true, force: true });
    expect(existsSync(data)).toBe(false);
    restoreDataDir(data, archive);
    expect(readdirSync(data)).toEqual(expect.arrayContaining(['postgres', 'temporal.sqlite', 'redis', 'dev-secrets.json']));

    // --- The restored installation ------------------------------------------------------------
    i = await startInstallation();
    call = http(i);
    const after = await counts(i.stack.databaseOwnerUrl!);
    // The restart itself (migrations, seeding, worker start-up) added or lost nothing of what counts.
    for (const table of COUNTED.filter((t) => t !== 'audit_event')) expect({ table, n: after[table] }).toEqual({ table, n: before[table] });
    expect(after.audit_event).toBeGreaterThanOrEqual(before.audit_event);
    const audit = await verifyAudit(i);
    expect(audit.checkpoints).toBeGreaterThan(0);
    expect(audit.result).toMatchObject({ ok: true });

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
    const scheduled = await call('POST', `/consultations/${consultationId}/schedule`, Role.Caseworker, { sessionId: session.body.id });
    expect(scheduled.status).toBe(200);
    // The social-space process completes its first phase with the deliverable recorded before the backup.
    const completed = await call('POST', `/sozialraum-processes/${sozialraum.body.id}/phases/identify/complete`, Role.Coordinator);
    expect(completed.status).toBe(200);
    expect(completed.body.completed).toBe('identify');
    // The probe's timer fires after the restore: its reminder arrives once and it completes once.
    const probeClient = await temporalClient(i);
    try {
      await probeClient.workflow.getHandle(`probe/${probe.probeId}`).result();
    } finally {
      await probeClient.connection.close();
    }
    await eventually(
      async () =>
        withDb(i.stack.databaseOwnerUrl!, async (db) =>
          ['sent', 'late'].includes(
            (await db.query(`SELECT status FROM reminder WHERE key = $1`, [`probe/${probe.probeId}`])).rows[0].status,
          ),
        ),
      60_000,
      'probe reminder delivered',
    );
    const final = await withDb(i.stack.databaseOwnerUrl!, async (db) => ({
      notifications: (
        await db.query(`SELECT count(*)::int AS n FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.key = $1`, [
          `probe/${probe.probeId}`,
        ])
      ).rows[0].n,
      probeEvents: (
        await db.query(`SELECT count(*)::int AS n FROM process_event WHERE process_id = $1 AND kind = 'probe_completed'`, [probe.probeId])
      ).rows[0].n,
      casesPerWorkflow: (await db.query(`SELECT count(*)::int AS n FROM case_file GROUP BY workflow_id HAVING count(*) > 1`)).rowCount,
      consultationsPerCase: (await db.query(`SELECT count(*)::int AS n FROM consultation GROUP BY case_id HAVING count(*) > 1`)).rowCount,
    }));
    expect(final).toEqual({ notifications: 1, probeEvents: 1, casesPerWorkflow: 0, consultationsPerCase: 0 });
    await eventually(
      async () =>
        (await call('GET', `/sozialraum-processes/${sozialraum.body.id}`, Role.Coordinator)).body.process.currentStep !== 'identify',
      20_000,
      'social-space process in its second phase',
    );
    const finalAudit = await verifyAudit(i);
    expect(finalAudit.result).toMatchObject({ ok: true });
    await stopInstallation(i);
  }, 420_000);
});
