import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client as Pg } from 'pg';
import { arg, runBench } from '../bench/harness';
import { compareByType, summarizeHeapSnapshotFile, TypeStats } from '../bench/heap-snapshot';
import { round, summary, table } from '../bench/stats';
import { startSystem } from '../bench/system';
import { say } from '../devstack/log';
import { repoRoot } from '../devstack/paths';

const MINUTES = arg('minutes', 10);
const WARMUP_SECONDS = arg('warmup', 60);
/** Minutes at the start and at the end of the run whose RSS medians are compared. */
const WINDOW_MINUTES = Math.min(arg('window', 5), MINUTES / 2);
const TOP_TYPES = 12;
/**
 * `--snapshots=0` leaves the heap snapshots out. Writing one leaves its working memory in the process's
 * RSS (+200 MB in the API, +500 MB in the worker in a trial), which the RSS windows after it carry:
 * a run without them judges RSS growth cleanly, a run with them judges growth by type.
 */
const SNAPSHOTS = arg('snapshots', 1) !== 0;

/**
 * The intake rate: `--rate`, else half of `--peak`, else half of the best case-intake rate of the
 * newest `npm run bench` result in bench/results, else 10 per second; with where it came from.
 */
function loadRate(): { rate: number; peak?: number; source: string } {
  if (process.argv.some((a) => a.startsWith('--rate='))) return { rate: arg('rate', 10), source: '--rate' };
  if (process.argv.some((a) => a.startsWith('--peak='))) {
    const peak = arg('peak', 20);
    return { rate: round(peak / 2), peak, source: '--peak' };
  }
  const dir = join(repoRoot(), 'bench', 'results');
  const newest = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
        .sort()
        .pop()
    : undefined;
  if (newest) {
    const { results } = JSON.parse(readFileSync(join(dir, newest), 'utf8')) as {
      results: Array<{ scenario: string; perSecond: number; errors: number }>;
    };
    const peak = Math.max(...results.filter((r) => r.scenario === 'case intake (HTTP)' && r.errors === 0).map((r) => r.perSecond));
    if (Number.isFinite(peak)) return { rate: round(peak / 2), peak, source: `bench/results/${newest}` };
  }
  return { rate: 10, source: 'default (no bench result)' };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mbOf = (bytes: number) => round(bytes / 1048576);

const kb = (bytes: number) => round(bytes / 1024);

/** The printed comparison of one pair of snapshots. */
function growersTable(h: ReturnType<typeof compareSnapshots>): string {
  const rows = h.topGrowers.map((g) => ({
    type: g.type.slice(0, 50),
    count: `${g.countBefore} → ${g.countAfter}`,
    'self KB': `${kb(g.selfBefore)} → ${kb(g.selfAfter)}`,
    'retained KB': `${kb(g.retainedBefore)} → ${kb(g.retainedAfter)}`,
  }));
  return `${h.label} heap snapshot, start → end: ${h.heapMb.before} → ${h.heapMb.after} MB; top growers by retained size:\n${table(rows)}\n\n`;
}

/** The snapshot pairs (start and end) of one process and thread, compared by type. */
function compareSnapshots(label: string, before: string, after: string) {
  const t = Date.now();
  const b = summarizeHeapSnapshotFile(before);
  const a = summarizeHeapSnapshotFile(after);
  const total = (m: Map<string, TypeStats>) => [...m.values()].reduce((sum, s) => sum + s.selfSize, 0);
  const growth = compareByType(b, a);
  say(`compared ${label} snapshots in ${Math.round((Date.now() - t) / 1000)} s`);
  return {
    label,
    files: { before, after },
    heapMb: { before: mbOf(total(b)), after: mbOf(total(a)) },
    topGrowers: growth.slice(0, TOP_TYPES),
    topShrinkers: growth.slice(-5).reverse(),
  };
}

/**
 * `npm run soak [-- --minutes=10 --rate=<intakes/s> | --peak=<intakes/s> --reads=0 --warmup=60 --window=5]`:
 * case intakes (case + Fallteam request, the scenario `npm run bench` measures) at half its measured
 * peak, optionally with reads (case list, phase-deadline board, notifications) per intake. After the
 * warm-up the load pauses for V8 heap snapshots of the API and the worker (its main thread and its
 * workflow threads), then runs `--minutes` more and pauses for the second set. Reports the growth of
 * RSS (medians of the first and the last `--window` minutes, sampled every 15 s), the snapshots
 * compared by type (count, self size, retained size), every error response, and the operations that
 * could not start because 200 were already in flight. Snapshots stay in bench/results (not in git).
 */
runBench(
  'soak',
  async (ctx) => {
    const { rate, peak, source } = loadRate();
    const load = `${rate} intakes/s (${source}${peak ? `: half of ${peak}/s` : ''})`;
    const readsPerIntake = arg('reads', 0);
    const day = new Date().toISOString().slice(0, 10);
    const snapshotDir = join(repoRoot(), 'bench', 'results');
    mkdirSync(snapshotDir, { recursive: true });
    const db = new Pg({ connectionString: ctx.stack.databaseUrl });
    await db.connect();
    const spaces: string[] = (await db.query(`SELECT social_space_ids FROM app_user WHERE id = 'demo-caseworker'`)).rows[0]
      .social_space_ids;
    await db.end();
    const system = await startSystem(ctx, { HEAP_SNAPSHOT_DIR: snapshotDir });
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
    const seconds = () => Math.round((Date.now() - started) / 1000);
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
    // Open loop: operations start on schedule whether or not earlier ones finished (at most 200 in
    // flight); the schedule restarts after each pause for snapshots, so no burst catches up on it.
    const interval = 1000 / (rate * (readsPerIntake + 1));
    const drive = async (until: number) => {
      const from = Date.now();
      for (let k = 0; Date.now() < until; k += 1) {
        const due = from + k * interval;
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
    };
    const sample = async () => {
      const [memory, apiMemory] = await Promise.all([system.workerMemory(), system.apiMemory()]);
      samples.push({
        atSeconds: seconds(),
        ...system.rss(),
        workerHeapMb: memory?.heapUsed,
        workerExternalMb: memory?.external,
        apiHeapMb: apiMemory?.heapUsed,
      });
    };
    const snapshots = async (label: 'start' | 'end') => {
      if (!SNAPSHOTS) return { api: [], worker: [] };
      const t = Date.now();
      const written = await system.heapSnapshots(`${day}-soak-${label}`);
      say(`heap snapshots (${label}) in ${Math.round((Date.now() - t) / 1000)} s: ${[...written.api, ...written.worker].join(', ')}`);
      return written;
    };
    const measured = { from: 0, to: 0 };
    let files: { start: Awaited<ReturnType<typeof snapshots>>; end: Awaited<ReturnType<typeof snapshots>> };
    try {
      say(`soak: ${MINUTES} min at ${load}, ${readsPerIntake} reads per intake, warm-up ${WARMUP_SECONDS} s`);
      const sampler = setInterval(() => void sample(), 15_000);
      await drive(started + WARMUP_SECONDS * 1000);
      const start = await snapshots('start');
      measured.from = seconds();
      await sample();
      await drive(Date.now() + MINUTES * 60_000);
      await sample();
      measured.to = seconds();
      clearInterval(sampler);
      files = { start, end: await snapshots('end') };
    } finally {
      await system.stop();
    }

    // RSS saws up and down with garbage collection: compare the medians of the first and the last
    // minutes of the measured time (after the first snapshots) rather than two single samples.
    const windowSeconds = WINDOW_MINUTES * 60;
    const first = samples.filter((s) => s.atSeconds >= measured.from && s.atSeconds <= measured.from + windowSeconds);
    const last = samples.filter((s) => s.atSeconds >= measured.to - windowSeconds && s.atSeconds <= measured.to);
    const med = (part: typeof samples, key: 'apiMb' | 'workerMb' | 'workerHeapMb' | 'apiHeapMb') => median(part.map((s) => s[key] ?? NaN));
    const rss = {
      first: { apiMb: med(first, 'apiMb'), workerMb: med(first, 'workerMb') },
      last: { apiMb: med(last, 'apiMb'), workerMb: med(last, 'workerMb') },
    };
    const growth = {
      apiPercent: round(((rss.last.apiMb - rss.first.apiMb) / rss.first.apiMb) * 100),
      workerPercent: round(((rss.last.workerMb - rss.first.workerMb) / rss.first.workerMb) * 100),
    };
    // The RSS before the first snapshots (end of the warm-up), to see what writing them left behind.
    const warm = samples.filter((s) => s.atSeconds >= WARMUP_SECONDS - 60 && s.atSeconds < WARMUP_SECONDS);
    const beforeSnapshots = { apiMb: med(warm, 'apiMb'), workerMb: med(warm, 'workerMb') };
    const rows = Object.entries(latencies).map(([kind, values]) => ({ kind, ops: values.length, ...summary(values) }));
    process.stdout.write(
      `\n${table(rows.map((r) => ({ kind: r.kind, ops: r.ops, 'p50 ms': r.p50, 'p95 ms': r.p95, 'p99 ms': r.p99, 'max ms': r.max })))}\n\n`,
    );
    const w = `${WINDOW_MINUTES} min`;
    process.stdout.write(
      `${table([
        { measure: 'load', value: load, target: 'half the peak', met: '-' },
        {
          measure: `API RSS, median first → last ${w} (MB)`,
          value: `${rss.first.apiMb} → ${rss.last.apiMb} (${growth.apiPercent} %)`,
          target: '< 10 %',
          met: String(growth.apiPercent < 10),
        },
        {
          measure: `worker RSS, median first → last ${w} (MB)`,
          value: `${rss.first.workerMb} → ${rss.last.workerMb} (${growth.workerPercent} %)`,
          target: '< 10 %',
          met: String(growth.workerPercent < 10),
        },
        {
          measure: 'RSS API / worker, median of the last warm-up minute (MB)',
          value: `${beforeSnapshots.apiMb} / ${beforeSnapshots.workerMb}`,
          target: SNAPSHOTS ? '(before the snapshots)' : '-',
          met: '-',
        },
        {
          measure: `worker JS heap used, median first → last ${w} (MB)`,
          value: `${med(first, 'workerHeapMb')} → ${med(last, 'workerHeapMb')}`,
          target: '(explains RSS)',
          met: '-',
        },
        {
          measure: `API JS heap used, median first → last ${w} (MB)`,
          value: `${med(first, 'apiHeapMb')} → ${med(last, 'apiHeapMb')}`,
          target: '(explains RSS)',
          met: '-',
        },
        { measure: 'error responses', value: String(errors.length), target: '0', met: String(errors.length === 0) },
        { measure: 'operations not started (200 in flight)', value: String(dropped), target: '0', met: String(dropped === 0) },
        {
          measure: 'intakes per second sustained',
          value: String(round(latencies.intake.length / (measured.to - measured.from + WARMUP_SECONDS))),
          target: String(rate),
          met: '-',
        },
      ])}\n\n`,
    );
    if (errors.length > 0) process.stdout.write(`first errors:\n${errors.slice(0, 5).join('\n')}\n`);

    // The snapshots by type: the main threads of API and worker, then the worker's workflow threads.
    const pairs = [
      { label: 'API', before: files.start.api[0], after: files.end.api[0] },
      ...files.start.worker.map((before, i) => ({
        label: i === 0 ? 'worker' : `worker workflow thread ${i}`,
        before,
        after: files.end.worker[i],
      })),
    ].filter((p) => p.after !== undefined);
    const heap = pairs.map((p) => compareSnapshots(p.label, p.before, p.after));
    for (const h of heap) process.stdout.write(growersTable(h));
    return {
      minutes: MINUTES,
      rate,
      peak,
      rateSource: source,
      readsPerIntake,
      windowMinutes: WINDOW_MINUTES,
      measuredSeconds: measured,
      operations: n,
      dropped,
      latencies: rows,
      samples,
      snapshots: SNAPSHOTS,
      rss: { ...rss, lastMinuteOfWarmUp: beforeSnapshots },
      growth,
      errors: errors.length,
      firstErrors: errors.slice(0, 20),
      heapSnapshots: heap,
    };
  },
  { temporal: true },
);
