import { Client } from 'pg';
import { signDevToken } from '@sro/auth';
import { CaseSearchBackfill } from '@sro/cases';
import type { Role } from '@sro/common';
import { createApiApp } from '../../apps/api/src/app.factory';
import type { BenchContext } from './harness';
import { round, summary, table } from './stats';

/** One request of the mix: its row name, whose token, the path (called per request). */
export interface ReadQuery {
  name: string;
  user: string;
  path: () => string;
}

export interface ReadLoad {
  rows: Array<Record<string, string | number>>;
  /** Every measured request, for the p95 of all. */
  all: number[];
  p95: number;
  errors: number;
  requestsPerSecond: number;
  /** CPU of this process (the API and its clients) per request: steadier under other load than the latencies. */
  cpuPerRequestMs: number;
}

/**
 * Starts the API in this process and sends the query mix over HTTP (auth, validation, audit, SQL)
 * from `concurrency` clients, after 30 warm-up requests; one row per query name and one for all.
 */
export async function measureReads(
  ctx: Pick<BenchContext, 'secrets' | 'config'>,
  users: Array<{ sub: string; role: Role }>,
  queries: ReadQuery[],
  { requests, concurrency }: { requests: number; concurrency: number },
): Promise<ReadLoad> {
  const app = await createApiApp(ctx.config({ API_HOST: '127.0.0.1', API_PORT: '0' }));
  await app.listen(0, '127.0.0.1');
  // The search index backfill runs once after start-up (bench:tasks' case rows carry no sealed names, so
  // it tries all 22,500 and logs each): measured alongside it, the figures were those of a deployment's first minute.
  const backfilled = await app.get(CaseSearchBackfill, { strict: false }).finished();
  if (backfilled > 0) process.stdout.write(`search index backfill finished before measuring (${backfilled} cases)\n`);
  const url = await app.getUrl();
  const tokens = Object.fromEntries(
    await Promise.all(users.map(async (u) => [u.sub, `Bearer ${await signDevToken(ctx.secrets.AUTH_DEV_SECRET, u.role, u.sub)}`] as const)),
  );
  const timings: Record<string, number[]> = {};
  let errors = 0;
  const client = async (count: number) => {
    for (let i = 0; i < count; i += 1) {
      const q = queries[i % queries.length];
      const started = process.hrtime.bigint();
      const res = await fetch(`${url}${q.path()}`, { headers: { authorization: tokens[q.user] } });
      await res.json();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (res.status !== 200) errors += 1;
      (timings[q.name] ??= []).push(ms);
    }
  };
  try {
    await client(30); // warm-up
    for (const k of Object.keys(timings)) timings[k] = [];
    errors = 0;
    const started = Date.now();
    const cpuAtStart = process.cpuUsage();
    await Promise.all(Array.from({ length: concurrency }, () => client(Math.ceil(requests / concurrency))));
    const elapsed = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const all = Object.values(timings).flat();
    const rows = [...Object.entries(timings), ['all requests', all] as [string, number[]]].map(([query, values]) => {
      const s = summary(values);
      return { query, requests: s.n, 'p50 ms': round(s.p50), 'p95 ms': round(s.p95), 'p99 ms': round(s.p99), 'max ms': round(s.max) };
    });
    return {
      rows,
      all,
      p95: summary(all).p95,
      errors,
      requestsPerSecond: round(all.length / elapsed, 0),
      cpuPerRequestMs: round((cpu.user + cpu.system) / 1000 / all.length, 2),
    };
  } finally {
    await app.close();
  }
}

/** Prints the table, the CPU per request and the verdict against p95 < `targetMs`. */
export function printReads(load: ReadLoad, targetMs = 50): void {
  process.stdout.write(`${table(load.rows)}\n\nCPU per request (API and clients, one process): ${load.cpuPerRequestMs} ms\n`);
  process.stdout.write(`target: p95 < ${targetMs} ms -> ${load.p95 < targetMs ? 'met' : 'MISSED'} (${round(load.p95)} ms)\n`);
}

/** Statistics and the visibility map as autovacuum would have them; needs the tables' owner (the app role is skipped silently). */
export async function vacuumAnalyze(ownerUrl: string, tableName?: string): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(tableName ? `VACUUM ANALYZE ${tableName}` : 'VACUUM ANALYZE');
  } finally {
    await owner.end();
  }
}
