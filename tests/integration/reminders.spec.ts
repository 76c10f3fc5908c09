import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DomainError } from '@sro/common';
import { MailOutboxRepository, NotificationRepository, NotificationService, ReminderRepository } from '@sro/reminders';
import { startRedis } from '../../scripts/devstack/redis';
import { testConfig } from '../support/config';
import { eventually, reminderDatabase, startReminders } from '../support/reminders';
import { startSmtpSink } from '../support/smtp-sink';

const prefix = () => `test/${randomBytes(4).toString('hex')}`;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);
const step = (key: string, dueAt: Date, channels: Array<'in_app' | 'email'> = ['in_app', 'email']) => ({
  key,
  dueAt,
  recipients: [{ type: 'user' as const, id: 'demo-coordinator' }],
  template: 'step-due',
  context: { processTitle: 'Sozialraum Teltow', stepTitle: 'Sozialraum analysieren', dueAt: dueAt.toISOString() },
  channels,
});

describe('reminders (PostgreSQL, Redis, SMTP)', () => {
  let database: Awaited<ReturnType<typeof reminderDatabase>>;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let reminders: Awaited<ReturnType<typeof startReminders>>;

  beforeAll(async () => {
    [database, smtp] = await Promise.all([reminderDatabase(), startSmtpSink()]);
    db = database.dataSource;
    reminders = await startReminders(testConfig({ DATABASE_URL: database.url, MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url }), {
      processor: false,
    });
  });
  afterAll(async () => {
    await reminders?.close();
    await smtp?.close();
    await database?.drop();
  });

  const status = async (key: string) => (await reminders.service.get(key))?.status;
  const jobState = async (key: string) => (await reminders.queue.queue.getJob(key))?.getState();

  it('schedules a row and a delayed job with the key as id; scheduling again changes nothing', async () => {
    const key = `${prefix()}/phase/P14D`;
    expect(await reminders.service.schedule(step(key, inMinutes(30)))).toBe('scheduled');
    expect(await reminders.service.schedule({ ...step(key, inMinutes(90)) })).toBe('unchanged');
    const row = await reminders.service.get(key);
    expect(row).toMatchObject({ status: 'scheduled', attempts: 0 });
    expect(Math.abs(row!.dueAt.getTime() - inMinutes(30).getTime())).toBeLessThan(5_000);
    expect(await jobState(key)).toBe('delayed');
    const job = await reminders.queue.queue.getJob(key);
    expect(job!.data).toEqual({ key }); // nothing but the key in Redis
    expect((await db.query('SELECT count(*)::int AS n FROM reminder WHERE key = $1', [key]))[0].n).toBe(1);
  });

  it('cancels a reminder, removing its job, and a cancelled reminder is never delivered', async () => {
    const key = `${prefix()}/phase/P3D`;
    await reminders.service.schedule(step(key, inMinutes(10)));
    expect(await reminders.service.cancel(key)).toBe(1);
    expect(await status(key)).toBe('cancelled');
    expect(await jobState(key)).toBeUndefined();
    expect(await reminders.delivery.deliver(key)).toBe('skipped');
    expect(await reminders.service.cancel(key)).toBe(0);
  });

  it('cancels every reminder of a step by prefix', async () => {
    const base = `${prefix()}/phase`;
    await reminders.service.scheduleMany([
      step(`${base}/P14D`, inMinutes(10)),
      step(`${base}/P3D`, inMinutes(20)),
      step(`${base}x/P1D`, inMinutes(20)),
    ]);
    expect(await reminders.service.cancel(base, { prefix: true })).toBe(2);
    expect(await status(`${base}x/P1D`)).toBe('scheduled');
  });

  it('reschedules to a new due time and moves the job', async () => {
    const key = `${prefix()}/phase/P7D`;
    await reminders.service.schedule(step(key, inMinutes(10)));
    expect(await reminders.service.reschedule(key, inMinutes(120))).toBe(true);
    const job = await reminders.queue.queue.getJob(key);
    expect(job!.delay).toBeGreaterThan(100 * 60_000);
    expect(Math.abs((await reminders.service.get(key))!.dueAt.getTime() - inMinutes(120).getTime())).toBeLessThan(5_000);
  });

  it('delivers once per channel and recipient even when the same job is processed twice at once', async () => {
    const key = `${prefix()}/phase/now`;
    await reminders.service.schedule(step(key, new Date(Date.now() - 1_000)));
    const outcomes = await Promise.all([reminders.delivery.deliver(key), reminders.delivery.deliver(key), reminders.delivery.deliver(key)]);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(outcomes.filter((o) => o !== 'skipped').length);
    await reminders.outbox.settled(); // the e-mail leaves after the delivery's commit
    const reminder = await reminders.service.get(key);
    expect(reminder!.status).toBe('sent');
    const [{ n: notifications }] = await db.query('SELECT count(*)::int AS n FROM notification WHERE reminder_id = $1', [reminder!.id]);
    const deliveries = await db.query(
      'SELECT channel, count(*)::int AS n FROM reminder_delivery WHERE reminder_id = $1 GROUP BY channel ORDER BY channel',
      [reminder!.id],
    );
    expect(notifications).toBe(1);
    expect(deliveries).toEqual([
      { channel: 'email', n: 1 },
      { channel: 'in_app', n: 1 },
    ]);
    const mails = smtp.mails.filter((m) => m.raw.includes(reminder!.id));
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['demo-coordinator@sro-engine.local']);
    expect(mails[0].raw).toContain('Frist: Sozialraum analysieren');
    expect(await reminders.delivery.deliver(key)).toBe('skipped');
  });

  it('rejects an unknown template and an unknown recipient with a clear error, storing nothing', async () => {
    const key = `${prefix()}/bad`;
    await expect(reminders.service.schedule({ ...step(key, inMinutes(5)), template: 'nope' })).rejects.toThrow(
      /Die Vorlage „nope“ für Erinnerungen gibt es nicht/,
    );
    const error = await reminders.service
      .schedule({ ...step(key, inMinutes(5)), recipients: [{ type: 'user', id: 'ghost' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).problems).toEqual([
      { pointer: '/recipients/0', code: 'unknown-reference', message: 'Diese Person ist nicht bekannt oder nicht aktiv.' },
    ]);
    expect(await reminders.service.get(key)).toBeNull();
  });
});

describe('reminder processor', () => {
  let database: Awaited<ReturnType<typeof reminderDatabase>>;
  let db: DataSource;
  beforeAll(async () => {
    database = await reminderDatabase();
    db = database.dataSource;
  });
  afterAll(() => database?.drop());

  it('delivers a reminder due in the past at once and marks it late', async () => {
    const smtp = await startSmtpSink();
    const worker = await startReminders(testConfig({ DATABASE_URL: database.url, MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url }), {
      processor: true,
    });
    try {
      const key = `${prefix()}/past`;
      await worker.service.schedule(step(key, new Date(Date.now() - 5 * 60_000)));
      await eventually(async () => (await worker.service.get(key))?.status === 'late', 15_000, 'late delivery');
      expect((await worker.service.get(key))!.lagMs).toBeGreaterThanOrEqual(5 * 60_000);
    } finally {
      await worker.close();
      await smtp.close();
    }
  });

  it('sends a queued e-mail at most once: a send that dies after its claim is left in doubt, never resent', async () => {
    const smtp = await startSmtpSink();
    const worker = await startReminders(testConfig({ DATABASE_URL: database.url, MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url }), {
      processor: false,
    });
    try {
      const key = `${prefix()}/in-doubt`;
      await worker.service.schedule(step(key, new Date(Date.now() - 1_000), ['email']));
      // A worker claimed the e-mail (committed as sending) and died before it could confirm the send.
      const [reminder] = await db.query(`SELECT id FROM reminder WHERE key = $1`, [key]);
      await db.query(
        `INSERT INTO reminder_delivery (reminder_id, channel, user_id, status, attempts, sending_since, delivered_at) VALUES ($1, 'email', 'demo-coordinator', 'sending', 1, now() - interval '10 minutes', NULL)`,
        [reminder.id],
      );
      expect(await worker.delivery.deliver(key)).toBe('sent'); // the in-app side is untouched; the e-mail is not queued twice
      await worker.outbox.drain();
      expect(smtp.mails.filter((m) => m.raw.includes(reminder.id))).toHaveLength(0);
      const notifications = new NotificationService(
        new NotificationRepository(db),
        new ReminderRepository(db),
        new MailOutboxRepository(db),
      );
      expect((await notifications.metrics()).emails).toMatchObject({ inDoubt: 1 });
    } finally {
      await worker.close();
      await smtp.close();
    }
  });

  it('retries when SMTP is down, then marks the reminder failed with the error', async () => {
    const worker = await startReminders(
      testConfig({
        DATABASE_URL: database.url,
        MAIL_TRANSPORT: 'smtp',
        SMTP_URL: 'smtp://127.0.0.1:1',
        REMINDER_ATTEMPTS: '3',
        REMINDER_BACKOFF_MS: '50',
      }),
      { processor: true },
    );
    try {
      const key = `${prefix()}/smtp-down`;
      await worker.service.schedule(step(key, new Date(), ['email']));
      await eventually(async () => (await worker.service.get(key))?.status === 'failed', 20_000, 'failed status');
      const reminder = await worker.service.get(key);
      expect(reminder!.attempts).toBe(3);
      expect(reminder!.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await worker.close();
    }
  });

  it('fault: 1,000 pending reminders survive a Redis FLUSHALL and are each delivered exactly once', async () => {
    // A Redis of its own: FLUSHALL must not touch the other suites.
    const redis = await startRedis(join(process.env.SRO_TEST_WORK_DIR!, `redis-fault-${randomBytes(3).toString('hex')}`), {
      appendOnly: false,
    });
    const config = testConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, RECONCILE_INTERVAL_SECONDS: '3600' });
    const base = prefix();
    const producer = await startReminders(config, { processor: false });
    let consumer: Awaited<ReturnType<typeof startReminders>> | undefined;
    try {
      const dueAt = new Date(Date.now() + 3_000);
      const keys = Array.from({ length: 1000 }, (_, i) => `${base}/r${i}`);
      await producer.service.scheduleMany(keys.map((key) => step(key, dueAt, ['in_app'])));
      expect(await producer.queue.queue.getDelayedCount()).toBe(1000);

      const client = new Redis(redis.url);
      await client.flushall();
      await client.quit();
      expect(await producer.queue.queue.getDelayedCount()).toBe(0);

      // A worker starting up reconciles at once.
      consumer = await startReminders(config, { processor: true });
      const count = async () =>
        (await db.query(`SELECT count(*)::int AS n FROM reminder WHERE key LIKE $1 AND status IN ('sent', 'late')`, [`${base}/%`]))[0]
          .n as number;
      await eventually(async () => (await count()) === 1000, 60_000, 'all 1,000 delivered');
      // Run the reconciler again and give any duplicate a chance to show.
      await consumer.reconciler.reconcile();
      await new Promise((r) => setTimeout(r, 500));
      const [{ deliveries, reminders: delivered }] = await db.query(
        `SELECT count(d.*)::int AS deliveries, count(DISTINCT r.id)::int AS reminders
           FROM reminder r JOIN reminder_delivery d ON d.reminder_id = r.id WHERE r.key LIKE $1`,
        [`${base}/%`],
      );
      expect({ deliveries, delivered }).toEqual({ deliveries: 1000, delivered: 1000 });
      const [{ n: notifications }] = await db.query(
        `SELECT count(*)::int AS n FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.key LIKE $1`,
        [`${base}/%`],
      );
      expect(notifications).toBe(1000);
    } finally {
      await consumer?.close();
      await producer.close();
      await redis.stop();
    }
  });
});

describe('batch claiming (BullMQ triggers, PostgreSQL claims)', () => {
  let database: Awaited<ReturnType<typeof reminderDatabase>>;
  let db: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let workers: Array<Awaited<ReturnType<typeof startReminders>>> = [];

  beforeAll(async () => {
    [database, smtp] = await Promise.all([reminderDatabase(), startSmtpSink()]);
    db = database.dataSource;
    // Two workers without BullMQ consumers: the test fires their jobs itself.
    const config = testConfig({ DATABASE_URL: database.url, MAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url });
    workers = [await startReminders(config, { processor: false }), await startReminders(config, { processor: false })];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await smtp?.close();
    await database?.drop();
  });

  const statuses = async (base: string) =>
    Object.fromEntries(
      (await db.query(`SELECT status, count(*)::int AS n FROM reminder WHERE key LIKE $1 GROUP BY status`, [`${base}/%`])).map(
        (r: { status: string; n: number }) => [r.status, r.n],
      ),
    );
  const deliveries = async (base: string) =>
    (
      await db.query(
        `SELECT (SELECT count(*)::int FROM reminder_delivery d JOIN reminder r ON r.id = d.reminder_id WHERE r.key LIKE $1) AS deliveries,
                (SELECT count(*)::int FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.key LIKE $1) AS notifications`,
        [`${base}/%`],
      )
    )[0];

  it('two workers firing every job of 300 due reminders at once deliver each once per channel, and leave cancelled and later ones alone', async () => {
    const base = prefix();
    const [a, b] = workers;
    const keys = Array.from({ length: 300 }, (_, i) => `${base}/r${i}`);
    await a.service.scheduleMany([
      ...keys.map((key) => step(key, new Date(Date.now() - 1_000))),
      step(`${base}/later`, inMinutes(30)),
      step(`${base}/cancelled`, new Date(Date.now() - 1_000)),
    ]);
    await a.service.cancel(`${base}/cancelled`);

    const fired = [...keys, `${base}/later`, `${base}/cancelled`];
    const outcomes = await Promise.all(fired.map((key) => Promise.all([a.dispatcher.dispatch(key), b.dispatcher.dispatch(key)])));

    // Exactly one of the two jobs of each key delivered it; the other found it done.
    expect(outcomes.slice(0, keys.length).filter(([x, y]) => [x, y].sort().join() === 'sent,skipped')).toHaveLength(keys.length);
    expect(outcomes.slice(keys.length)).toEqual([
      ['skipped', 'skipped'],
      ['skipped', 'skipped'],
    ]);
    expect(await statuses(base)).toEqual({ sent: 300, scheduled: 1, cancelled: 1 });
    expect(await deliveries(base)).toEqual({ deliveries: 600, notifications: 300 });
    const ids: string[] = (await db.query(`SELECT id FROM reminder WHERE key LIKE $1 AND status = 'sent'`, [`${base}/%`])).map(
      (r: { id: string }) => r.id,
    );
    await Promise.all(workers.map((w) => w.outbox.settled())); // e-mails leave after the commits
    const mailed = ids.map((id) => smtp.mails.filter((m) => m.raw.includes(`<${id}.demo-coordinator@sro-engine>`)).length);
    expect(mailed.filter((n) => n === 1)).toHaveLength(300);
  });

  it('a sweep that dies between claim and commit leaves its reminders scheduled, and the next sweep delivers each once', async () => {
    const base = prefix();
    const [a, b] = workers;
    const keys = Array.from({ length: 50 }, (_, i) => `${base}/r${i}`);
    await a.service.scheduleMany(keys.map((key) => step(key, new Date(Date.now() - 1_000), ['in_app'])));
    const [first] = await db.query(`SELECT id FROM reminder WHERE key = $1`, [keys[0]]);

    // An open transaction holding the in-app delivery row of one reminder stalls the sweep after its claim.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`INSERT INTO reminder_delivery (reminder_id, channel, user_id) VALUES ($1, 'in_app', 'demo-coordinator')`, [
        first.id,
      ]);
      const [{ pid: blockerPid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows;
      const dying = a.delivery.deliverDue(1_000);
      dying.catch(() => undefined);
      let sweeper: number | undefined;
      await eventually(
        async () => {
          sweeper = (await db.query(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [blockerPid]))[0]?.pid;
          return sweeper !== undefined;
        },
        10_000,
        'the sweep waiting on the blocker',
      );
      // The stalled sweep holds all 50: a second sweep finds nothing to claim.
      expect((await b.delivery.deliverDue(1_000)).size).toBe(0);

      // The worker dies: its connection goes, and PostgreSQL rolls the claim back.
      await db.query('SELECT pg_terminate_backend($1)', [sweeper]);
      await expect(dying).rejects.toThrow();
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
    }
    expect(await statuses(base)).toEqual({ scheduled: 50 });
    expect(await deliveries(base)).toEqual({ deliveries: 0, notifications: 0 });

    const outcomes = await b.delivery.deliverDue(1_000);
    expect(keys.filter((key) => outcomes.get(key)?.status === 'fulfilled')).toHaveLength(50);
    expect(await statuses(base)).toEqual({ sent: 50 });
    expect(await deliveries(base)).toEqual({ deliveries: 50, notifications: 50 });
  });
});
