import { readdirSync, readFileSync } from 'node:fs';
import { Client as Pg } from 'pg';

/** CPU seconds (user + system) so far of this process's descendants, by name: `api` and `worker` by pid, the rest by command. */
export function cpuByProcess(named: Record<string, number | undefined>): Record<string, number> {
  const stats = new Map<number, { ppid: number; comm: string; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = text.lastIndexOf(')');
      const comm = text.slice(text.indexOf('(') + 1, close);
      const fields = text.slice(close + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const byPid = new Map(Object.entries(named).map(([name, pid]) => [pid, name]));
  const isOurs = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = stats.get(p)?.ppid ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  const result: Record<string, number> = {};
  for (const [pid, st] of stats) {
    if (pid !== process.pid && !isOurs(pid)) continue;
    const name = byPid.get(pid) ?? (pid === process.pid ? 'bench' : st.comm.replace(/\d+$/, ''));
    result[name] = (result[name] ?? 0) + st.ticks / 100;
  }
  return result;
}

/** What the sampler saw in one scenario: how often each kind of database session was seen, per sample. */
export interface SampleReport {
  samples: number;
  /** Mean number of sessions per sample by application, state and wait event (e.g. `sro-worker active Lock/advisory`). */
  sessions: Record<string, number>;
  /** Mean number of active sessions per sample by the statement's start, the ten most seen. */
  statements: Record<string, number>;
  /** Worker slot metrics (Temporal SDK, Prometheus): mean of each gauge over the samples. */
  worker: Record<string, number>;
  /** CPU seconds each process (API, worker, PostgreSQL, Temporal, the bench) spent during the scenario. */
  cpuSeconds: Record<string, number>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Samples `pg_stat_activity` (and, when given, the worker's Temporal metrics) every `everyMs` while a
 * scenario runs: where the database sessions of API and worker wait, and how many worker slots are
 * free. `--sample` in `npm run bench` prints it per scenario.
 */
export async function startSampler(
  databaseUrl: string,
  metricsUrl?: string,
  pids: Record<string, number | undefined> = {},
  everyMs = 100,
): Promise<{ stop: () => Promise<SampleReport> }> {
  const cpuBefore = cpuByProcess(pids);
  const db = new Pg({ connectionString: databaseUrl, application_name: 'sro-bench-sampler' });
  await db.connect();
  const sessions = new Map<string, number>();
  const statements = new Map<string, number>();
  const worker = new Map<string, number>();
  let samples = 0;
  let metricSamples = 0;
  let running = true;
  const add = (m: Map<string, number>, key: string, n = 1) => m.set(key, (m.get(key) ?? 0) + n);
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query(
        `SELECT application_name AS app, state, wait_event_type AS wt, wait_event AS we, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS q
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      samples += 1;
      for (const r of rows) {
        add(sessions, `${r.app} ${r.state}${r.wt ? ` ${r.wt}/${r.we}` : ''}`);
        if (r.state === 'active') add(statements, `${r.app}: ${r.q}`);
      }
      if (metricsUrl) {
        const text = await fetch(metricsUrl)
          .then((res) => res.text())
          .catch(() => '');
        if (text) metricSamples += 1;
        for (const line of text.split('\n')) {
          const m =
            /^(temporal_worker_task_slots_(?:available|used)|temporal_sticky_cache_size|temporal_num_pollers)\{([^}]*)\} ([\d.e+-]+)$/.exec(
              line,
            );
          if (!m) continue;
          const type = /worker_type="(\w+)"/.exec(m[2])?.[1] ?? /poller_type="(\w+)"/.exec(m[2])?.[1] ?? '';
          add(worker, `${m[1]}${type ? `{${type}}` : ''}`, Number(m[3]));
        }
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
      await db.end();
      const mean = (m: Map<string, number>, n: number, top = Infinity) =>
        Object.fromEntries(
          [...m]
            .sort((a, b) => b[1] - a[1])
            .slice(0, top)
            .map(([k, v]) => [k, round2(v / Math.max(1, n))]),
        );
      const cpuAfter = cpuByProcess(pids);
      const cpuSeconds = Object.fromEntries(
        Object.entries(cpuAfter)
          .map(([k, v]) => [k, round2(v - (cpuBefore[k] ?? 0))] as const)
          .filter(([, v]) => v > 0)
          .sort((a, b) => b[1] - a[1]),
      );
      return {
        samples,
        sessions: mean(sessions, samples),
        statements: mean(statements, samples, 10),
        worker: mean(worker, metricSamples),
        cpuSeconds,
      };
    },
  };
}
