import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as Pg } from 'pg';
import { arg, runBench } from '../bench/harness';
import { round, summary, table } from '../bench/stats';
import { startSystem } from '../bench/system';
import { say } from '../devstack/log';
import { repoRoot } from '../devstack/paths';

const MINUTES = arg('minutes', 10);
const WARMUP_SECONDS = arg('warmup', 60);

/** Half the best case-intake rate of today's `npm run bench`, when there is one. */
function defaultRate(): number {
  const file = join(repoRoot(), 'bench', 'results', `${new Date().toISOString().slice(0, 10)}.json`);
  if (!existsSync(file)) return 10;
  const { results } = JSON.parse(readFileSync(file, 'utf8')) as { results: Array<{ scenario: string; perSecond: number; errors: number }> };
  const best = Math.max(...results.filter((r) => r.scenario === 'case intake (HTTP)' && r.errors === 0).map((r) => r.perSecond));
  return Number.isFinite(best) ? round(best / 2) : 10;
}

/**
 * `npm run soak [-- --minutes=10 --rate=<intakes per second> --reads=0 --warmup=60]`: case intakes
 * (case + Fallteam request, the scenario `npm run bench` measures) at half its measured peak, for
 * ten minutes, optionally with reads (case list, phase-deadline board, notifications) per intake;
 * samples the RSS of API and worker and reports its growth after the warm-up, every error response,
 * and the operations that could not start because 200 were already in flight.
 */
runBench(
  'soak',
  async (ctx) => {
    const rate = arg('rate', defaultRate());
    const readsPerIntake = arg('reads', 0);
    const db = new Pg({ connectionString: ctx.stack.databaseUrl });
    await db.connect();
    const spaces: string[] = (await db.query(`SELECT social_space_ids FROM app_user WHERE id = 'demo-caseworker'`)).rows[0]
      .social_space_ids;
    await db.end();
    const system = await startSystem(ctx);
    const latencies: Record<string, number[]> = { intake: [], read: [] };
    const errors: string[] = [];
    const samples: Array<{
      atSeconds: number;
      apiMb: number;
      workerMb: number;
      workerHeapMb?: number;
      workerExternalMb?: number;
      apiHeapMb?: number;
    }> = [];
    const started = Date.now();
    const end = started + MINUTES * 60_000;
    let n = 0;
    let inFlight = 0;
    let dropped = 0;
    const reads = ['/cases?limit=20', '/dashboard/phase-deadlines?limit=50', '/me/notifications?limit=20'];
    const op = async (i: number) => {
      const t = Date.now();
      const kind = i % (readsPerIntake + 1) === 0 ? 'intake' : 'read';
      try {
        if (kind === 'intake') await system.requestConsultation((await system.createCase(spaces[i % spaces.length], i)).id);
        else await system.call('GET', reads[i % reads.length], i % 3 === 1 ? system.tokens.coordinator : system.tokens.caseworker);
      } catch (error) {
        errors.push((error as Error).message.slice(0, 200));
      }
      latencies[kind].push(Date.now() - t);
    };
    try {
      say(`soak: ${MINUTES} min at ${rate} intakes/s (and ${readsPerIntake} reads per intake), warm-up ${WARMUP_SECONDS} s`);
      const sample = async () => {
        const [memory, apiMemory] = await Promise.all([system.workerMemory(), system.apiMemory()]);
        samples.push({
          atSeconds: Math.round((Date.now() - started) / 1000),
          ...system.rss(),
          workerHeapMb: memory?.heapUsed,
          workerExternalMb: memory?.external,
          apiHeapMb: apiMemory?.heapUsed,
        });
      };
      const sampler = setInterval(() => void sample(), 15_000);
      // Open loop: operations start on schedule whether or not earlier ones finished (at most 200 in flight).
      const interval = 1000 / (rate * (readsPerIntake + 1));
      while (Date.now() < end) {
        const due = started + n * interval;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        if (inFlight < 200) {
          inFlight += 1;
          void op(n).finally(() => (inFlight -= 1));
        } else {
          dropped += 1;
        }
        n += 1;
      }
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 100));
      clearInterval(sampler);
      await sample();
    } finally {
      await system.stop();
    }
    // RSS saws up and down with garbage collection: compare the medians of the first and the last
    // two minutes after the warm-up rather than two single samples.
    const after = samples.filter((s) => s.atSeconds >= WARMUP_SECONDS);
    const window = Math.max(1, Math.min(8, Math.floor(after.length / 2)));
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const baseline = {
      apiMb: median(after.slice(0, window).map((s) => s.apiMb)),
      workerMb: median(after.slice(0, window).map((s) => s.workerMb)),
    };
    const last = { apiMb: median(after.slice(-window).map((s) => s.apiMb)), workerMb: median(after.slice(-window).map((s) => s.workerMb)) };
    const heap = (part: typeof after, key: 'workerHeapMb' | 'apiHeapMb' = 'workerHeapMb') => median(part.map((s) => s[key] ?? NaN));
    const growth = {
      apiPercent: round(((last.apiMb - baseline.apiMb) / baseline.apiMb) * 100),
      workerPercent: round(((last.workerMb - baseline.workerMb) / baseline.workerMb) * 100),
    };
    const rows = Object.entries(latencies).map(([kind, values]) => ({ kind, ops: values.length, ...summary(values) }));
    process.stdout.write(
      `\n${table(rows.map((r) => ({ kind: r.kind, ops: r.ops, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'max ms': r.max })))}\n\n`,
    );
    process.stdout.write(
      `${table([
        {
          measure: 'API RSS, median first → last 2 min (MB)',
          value: `${baseline.apiMb} → ${last.apiMb} (${growth.apiPercent} %)`,
          target: '< 10 %',
          met: String(growth.apiPercent < 10),
        },
        {
          measure: 'worker RSS, median first → last 2 min (MB)',
          value: `${baseline.workerMb} → ${last.workerMb} (${growth.workerPercent} %)`,
          target: '< 10 %',
          met: String(growth.workerPercent < 10),
        },
        {
          measure: 'worker JS heap used, median first → last 2 min (MB)',
          value: `${heap(after.slice(0, window))} → ${heap(after.slice(-window))}`,
          target: '(explains RSS)',
          met: '-',
        },
        {
          measure: 'API JS heap used, median first → last 2 min (MB)',
          value: `${heap(after.slice(0, window), 'apiHeapMb')} → ${heap(after.slice(-window), 'apiHeapMb')}`,
          target: '(explains RSS)',
          met: '-',
        },
        { measure: 'error responses', value: String(errors.length), target: '0', met: String(errors.length === 0) },
        { measure: 'operations not started (200 in flight)', value: String(dropped), target: '0', met: String(dropped === 0) },
        {
          measure: 'intakes per second sustained',
          value: String(round(latencies.intake.length / (MINUTES * 60))),
          target: String(rate),
          met: '-',
        },
      ])}\n\n`,
    );
    if (errors.length > 0) process.stdout.write(`first errors:\n${errors.slice(0, 5).join('\n')}\n`);
    return {
      minutes: MINUTES,
      rate,
      readsPerIntake,
      operations: n,
      dropped,
      latencies: rows,
      samples,
      rss: { first: baseline, last },
      growth,
      errors: errors.length,
      firstErrors: errors.slice(0, 20),
    };
  },
  { temporal: true },
);
