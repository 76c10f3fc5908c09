import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { signDevToken } from '@sro/auth';
import { Role } from '@sro/common';
import { SEED_SPECS } from '@sro/definitions';
import { createApiApp } from '../../apps/api/src/app.factory';
import { arg, runBench } from '../bench/harness';
import { round, summary, table } from '../bench/stats';
import { say } from '../devstack/log';
const PROCESSES = arg('processes', 10_000);
const REQUESTS = arg('requests', 600);
const CONCURRENCY = arg('concurrency', 4);
const DAY = 86_400_000;

/**
 * `npm run bench:dashboard [-- --processes=10000 --requests=600 --concurrency=4]`: fills the read
 * model with N social-space processes and measures GET /dashboard/phase-deadlines over HTTP (auth,
 * validation, SQL) with mixed filters and pages.
 */
runBench('dashboard', async ({ stack, secrets, config: configure }) => {
  {
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const { rows: spaces } = await db.query<{ id: string; planning_region_id: string }>('SELECT id, planning_region_id FROM social_space');
    const phases = SEED_SPECS['sozialraum-development'].phases;
    say(`inserting ${PROCESSES} processes into the read model…`);
    const now = Date.now();
    for (let i = 0; i < PROCESSES; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, PROCESSES - i) }, (_, j) => {
        const n = i + j;
        const space = spaces[n % spaces.length];
        const current = n % phases.length;
        const due = new Date(now + ((n * 7919) % 180) * DAY - 90 * DAY);
        const steps = phases.map((p, k) => ({
          key: p.key,
          title: p.title,
          status: k < current ? 'completed' : k === current ? 'active' : 'pending',
          dueAt: k === current ? due.toISOString() : undefined,
        }));
        return { id: randomUUID(), workflow_id: `bench/${n}`, space, current: phases[current], due, steps };
      });
      await db.query(
        `INSERT INTO process_instance (id, workflow_id, definition_key, definition_version, status, subject_type, subject_id, planning_region_id, social_space_id,
           current_step, current_step_title, current_due_at, steps, summary, revision, updated_at)
         SELECT x.id, x.workflow_id, 'sozialraum-development', 1, 'running', 'social_space', x.space_id, x.region_id, x.space_id::uuid,
                x.step_key, x.step_title, x.due, x.steps, '{}', 1, now()
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, workflow_id text, space_id text, region_id uuid, step_key text, step_title text, due timestamptz, steps jsonb)`,
        [
          JSON.stringify(
            batch.map((b) => ({
              id: b.id,
              workflow_id: b.workflow_id,
              space_id: b.space.id,
              region_id: b.space.planning_region_id,
              step_key: b.current.key,
              step_title: b.current.title,
              due: b.due,
              steps: b.steps,
            })),
          ),
        ],
      );
    }
    await db.query('ANALYZE process_instance');
    const regions = (await db.query<{ id: string }>('SELECT id FROM planning_region')).rows.map((r) => r.id);
    await db.end();

    const config = configure({ API_HOST: '127.0.0.1', API_PORT: '0' });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const token = `Bearer ${await signDevToken(secrets.AUTH_DEV_SECRET, Role.Admin)}`;
    const queries = [
      () => '',
      () => `?planningRegionId=${regions[Math.floor(Math.random() * regions.length)]}`,
      () => '?status=overdue',
      () => `?status=due_soon&planningRegionId=${regions[0]}`,
      () => `?offset=${Math.floor(Math.random() * 9000)}&limit=50`,
    ];
    const timings: Record<string, number[]> = {};
    let errors = 0;
    let first: { total: number; firstStatus: string } | undefined;
    const worker = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const kind = i % queries.length;
        const started = process.hrtime.bigint();
        const res = await fetch(`${url}/dashboard/phase-deadlines${queries[kind]()}`, { headers: { authorization: token } });
        const body = (await res.json()) as { total: number; items: Array<{ status: string }> };
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (res.status !== 200) errors += 1;
        if (kind === 0 && !first) first = { total: body.total, firstStatus: body.items[0]?.status };
        (timings[['all', 'by region', 'overdue', 'due soon in region', 'deep page'][kind]] ??= []).push(ms);
      }
    };
    await worker(20); // warm-up
    for (const k of Object.keys(timings)) timings[k] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(Math.ceil(REQUESTS / CONCURRENCY))));
    const elapsed = (Date.now() - started) / 1000;
    await app.close();

    const all = Object.values(timings).flat();
    const rows = [...Object.entries(timings), ['all queries', all] as [string, number[]]].map(([query, values]) => {
      const s = summary(values);
      return { query, requests: s.n, 'p50 ms': round(s.p50), 'p95 ms': round(s.p95), 'p99 ms': round(s.p99), 'max ms': round(s.max) };
    });
    const p95 = summary(all).p95;
    process.stdout.write(
      `\n${PROCESSES} processes, ${CONCURRENCY} concurrent clients, ${round(all.length / elapsed, 0)} requests/s, ${errors} errors\n`,
    );
    process.stdout.write(`first page: total ${first?.total}, first row ${first?.firstStatus}\n\n${table(rows)}\n\n`);
    process.stdout.write(`target: p95 < 100 ms -> ${p95 < 100 ? 'met' : 'MISSED'} (${round(p95)} ms)\n`);
    return { processes: PROCESSES, concurrency: CONCURRENCY, requestsPerSecond: all.length / elapsed, errors, rows };
  }
});
