import { cpus } from 'node:os';
import { DataSource } from 'typeorm';
import { Queue, Worker } from 'bullmq';
import { redisConnection } from '@sro/queue';
import type { ScheduleRequest } from '@sro/reminders';
import { arg, runBench } from '../bench/harness';
import { round, summary, table } from '../bench/stats';
import { say } from '../devstack/log';
import { startReminderContext } from '../devstack/reminder-context';

const N = arg('n', 10_000);
const CONCURRENCY = arg('concurrency', 200);
// Raw BullMQ at its own best setting unless told otherwise (it slows down above ~200).
const RAW_CONCURRENCY = arg('raw-concurrency', CONCURRENCY);
const SPREAD_MS = arg('spread-seconds', 60) * 1000;
const LEAD_MS = 8_000;
const CHANNELS = (process.argv.find((a) => a.startsWith('--channels='))?.split('=')[1] ?? 'in_app').split(',') as Array<'in_app' | 'email'>;
// `--shapes=burst` runs one shape only (quicker while iterating); the README figures use both.
const SHAPES = (process.argv.find((a) => a.startsWith('--shapes='))?.split('=')[1] ?? 'spread,burst').split(',') as Array<
  'spread' | 'burst'
>;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('timed out');
}

/**
 * `npm run bench:reminders [-- --n=10000 --concurrency=50 --spread-seconds=60 --shapes=burst --channels=in_app,email]`:
 * the SRO reminder path (PostgreSQL record, BullMQ delayed job, exactly-once in-app delivery; e-mail
 * to the file transport with `--channels=in_app,email`) against raw BullMQ
 * (same delayed jobs, no-op processor) on the same private Redis, in two shapes: N reminders due
 * spread over one minute (lag), and N due at one instant (throughput).
 */
runBench('reminders', async (ctx) => {
  {
    const config = ctx.config({ DATABASE_POOL_SIZE: '20', REMINDER_CONCURRENCY: String(CONCURRENCY) });
    const sro = await startReminderContext(config, { processor: true });
    const results: Record<string, unknown> = {
      n: N,
      concurrency: CONCURRENCY,
      rawConcurrency: RAW_CONCURRENCY,
      spreadSeconds: SPREAD_MS / 1000,
      machine: { cpus: cpus().length, node: process.version },
    };

    const sroRun = async (label: string, dueAt: (i: number) => Date) => {
      const requests: ScheduleRequest[] = Array.from({ length: N }, (_, i) => ({
        key: `bench/${label}/${i}`,
        dueAt: dueAt(i),
        recipients: [{ type: 'user', id: 'demo-coordinator' }],
        template: 'step-due',
        context: { processTitle: 'Benchmark', stepTitle: `Schritt ${i}`, dueAt: dueAt(i).toISOString() },
        channels: CHANNELS,
      }));
      const scheduledAt = Date.now();
      for (let i = 0; i < requests.length; i += 2_000) await sro.service.scheduleMany(requests.slice(i, i + 2_000));
      const scheduleMs = Date.now() - scheduledAt;
      const db = sro.context.get(DataSource);
      const pattern = `bench/${label}/%`;
      await waitFor(
        async () =>
          (await db.query(`SELECT count(*)::int AS n FROM reminder WHERE key LIKE $1 AND status IN ('sent','late')`, [pattern]))[0].n === N,
        10 * 60_000,
      );
      // Delivered is what counts; the jobs that are left (no-ops once their reminder went out) are reported apart.
      const counts = () => sro.queue.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      while (Object.values(await counts()).some((n) => n > 0)) await new Promise((r) => setTimeout(r, 20));
      const drained = Date.now();
      const rows: Array<{ lag: number; due: Date; sent: Date }> = await db.query(
        `SELECT lag_ms AS lag, due_at AS due, sent_at AS sent FROM reminder WHERE key LIKE $1`,
        [pattern],
      );
      const first = Math.min(...rows.map((r) => r.due.getTime()));
      const last = Math.max(...rows.map((r) => r.sent.getTime()));
      const [{ dup }] = await db.query(
        // More than one delivery row per reminder and channel, or more than one notification per reminder (one recipient each).
        `SELECT (SELECT count(*)::int - count(DISTINCT (d.reminder_id, d.channel))::int FROM reminder_delivery d JOIN reminder r ON r.id = d.reminder_id WHERE r.key LIKE $1)
              + (SELECT count(*)::int - count(DISTINCT n.reminder_id)::int FROM notification n JOIN reminder r ON r.id = n.reminder_id WHERE r.key LIKE $1) AS dup`,
        [pattern],
      );
      return {
        lag: summary(rows.map((r) => r.lag)),
        throughput: N / Math.max(0.001, (last - first) / 1000),
        jobsDrainedPerSecond: N / Math.max(0.001, (drained - first) / 1000),
        scheduleMs,
        duplicates: dup,
      };
    };

    const rawRun = async (label: string, dueAt: (i: number) => Date) => {
      const connection = redisConnection(config.redis);
      const queue = new Queue(`bench-raw-${label}`, { connection });
      const lags: number[] = [];
      let last = 0;
      const worker = new Worker(
        `bench-raw-${label}`,
        async (job) => {
          const now = Date.now();
          lags.push(now - job.data.dueAt);
          last = Math.max(last, now);
        },
        { connection: redisConnection(config.redis), concurrency: RAW_CONCURRENCY },
      );
      const scheduledAt = Date.now();
      for (let i = 0; i < N; i += 2_000) {
        const now = Date.now();
        await queue.addBulk(
          Array.from({ length: Math.min(2_000, N - i) }, (_, j) => {
            const due = dueAt(i + j).getTime();
            return {
              name: 'noop',
              data: { dueAt: due },
              opts: { jobId: `raw/${label}/${i + j}`, delay: Math.max(0, due - now), removeOnComplete: true },
            };
          }),
        );
      }
      const scheduleMs = Date.now() - scheduledAt;
      await waitFor(async () => lags.length >= N, 10 * 60_000);
      const first = Math.min(...Array.from({ length: N }, (_, i) => dueAt(i).getTime()));
      await worker.close();
      await queue.close();
      connection.disconnect();
      const throughput = N / Math.max(0.001, (last - first) / 1000);
      return { lag: summary(lags), throughput, jobsDrainedPerSecond: throughput, scheduleMs, duplicates: 0 };
    };

    for (const shape of SHAPES) {
      for (const system of ['sro', 'raw'] as const) {
        const start = Date.now() + LEAD_MS + (N / 1000) * 400;
        const dueAt = shape === 'spread' ? (i: number) => new Date(start + Math.floor((i * SPREAD_MS) / N)) : () => new Date(start);
        say(`${system} ${shape}: ${N} reminders…`);
        results[`${system}_${shape}`] = system === 'sro' ? await sroRun(shape, dueAt) : await rawRun(shape, dueAt);
      }
    }
    await sro.close();

    const r = results as Record<
      string,
      { lag: ReturnType<typeof summary>; throughput: number; jobsDrainedPerSecond: number; scheduleMs: number; duplicates: number }
    >;
    const rows = SHAPES.flatMap((shape) =>
      (['sro', 'raw'] as const).map((system) => ({
        scenario: `${shape === 'spread' ? `${N} due over ${SPREAD_MS / 1000} s` : `${N} due at one instant`}`,
        system: system === 'sro' ? 'SRO reminders' : 'raw BullMQ',
        'lag p50 ms': r[`${system}_${shape}`].lag.p50,
        'lag p95 ms': r[`${system}_${shape}`].lag.p95,
        'lag p99 ms': r[`${system}_${shape}`].lag.p99,
        'throughput /s': round(r[`${system}_${shape}`].throughput, 0),
        'jobs drained /s': round(r[`${system}_${shape}`].jobsDrainedPerSecond, 0),
        'schedule ms': r[`${system}_${shape}`].scheduleMs,
        duplicates: r[`${system}_${shape}`].duplicates,
      })),
    );
    const has = (shape: 'spread' | 'burst') => SHAPES.includes(shape);
    process.stdout.write(`\n${table(rows)}\n\n`);
    if (has('burst')) {
      const ratio = r.sro_burst.throughput / r.raw_burst.throughput;
      results.ratio = { burstThroughput: round(ratio, 2) };
      process.stdout.write(
        `throughput ratio SRO/raw BullMQ (burst): ${round(ratio, 2)}; throughput >= 0.5 x raw -> ${ratio >= 0.5 ? 'met' : 'MISSED'}\n`,
      );
    }
    if (has('spread')) {
      results.spreadP99LagMs = r.sro_spread.lag.p99;
      process.stdout.write(`p99 lag < 1000 ms at ${N} due in one minute -> ${r.sro_spread.lag.p99 < 1000 ? 'met' : 'MISSED'}\n`);
    }
    return results;
  }
});
