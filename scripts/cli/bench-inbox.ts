import { Client } from 'pg';
import { Role } from '@sro/common';
import { INBOX_COUNT_SQL, INBOX_PAGE_SQL, UNREAD_COUNT_SQL } from '@sro/reminders';
import { arg, runBench } from '../bench/harness';
import { measureReads, printReads, ReadQuery, vacuumAnalyze } from '../bench/read-load';
import { say } from '../devstack/log';

const NOTIFICATIONS = arg('notifications', 1_000_000);
const REQUESTS = arg('requests', 600);
const CONCURRENCY = arg('concurrency', 4);
/** Recipients per reminder (the unique key is reminder and user). */
const PER_REMINDER = 10;

/** Whose inbox is read: one heavy inbox, one ordinary, one small; every other notification is someone else's. */
const USERS: Array<{ sub: string; role: Role; notifications: number }> = [
  { sub: 'demo-caseworker', role: Role.Caseworker, notifications: arg('heavy', 20_000) },
  { sub: 'demo-coordinator', role: Role.Coordinator, notifications: 2_000 },
  { sub: 'demo-adviser', role: Role.Adviser, notifications: 200 },
];

/**
 * NOTIFICATIONS notifications of NOTIFICATIONS / PER_REMINDER reminders over three years, a tenth
 * of them unread: the measured users' as above, the rest spread over 2,000 other people.
 */
async function fill(db: Client, ownerUrl: string): Promise<void> {
  const reminders = Math.ceil(NOTIFICATIONS / PER_REMINDER);
  await db.query(
    `INSERT INTO reminder (id, key, due_at, recipients, template, context, channels, status)
     SELECT gen_random_uuid(), 'bench-inbox/' || n, now() - (n % 1000) * interval '1 day', '[]', 'deadline', '{}', ARRAY['in_app'], 'sent'
       FROM generate_series(1, $1::int) n`,
    [reminders],
  );
  // Slot s of reminder r: the measured users take the first slots of the first reminders, one per reminder.
  // Built from the fixed USERS and constants above, no input.
  const slots = USERS.map((u, i) => `WHEN s = ${i} AND r.n <= ${u.notifications} THEN '${u.sub}'`).join(' ');
  const insertSql = `INSERT INTO notification (user_id, reminder_id, title, body, link, created_at, read_at)
     SELECT CASE ${slots} ELSE 'bench-u-' || ((r.n * ${PER_REMINDER} + s) % 2000) END,
            r.id, 'Frist: Sozialraum analysieren bis 01.03.2027', 'Die Frist des Schritts läuft in 7 Tagen ab.', '/sozialraum-processes/bench',
            now() - (r.n % 1095) * interval '1 day' - (s * interval '1 minute'),
            CASE WHEN (r.n + s) % 10 = 0 THEN NULL ELSE now() END
       FROM (SELECT id, row_number() OVER (ORDER BY key)::int AS n FROM reminder WHERE key LIKE 'bench-inbox/%') r
       CROSS JOIN generate_series(0, ${PER_REMINDER - 1}) s
      WHERE (r.n - 1) * ${PER_REMINDER} + s < $1`;
  await db.query(insertSql, [NOTIFICATIONS]);
  await vacuumAnalyze(ownerUrl, 'notification');
}

/**
 * `npm run bench:inbox [-- --notifications=1000000 --requests=600 --concurrency=4]`: a million
 * notifications, then the inbox over HTTP (auth, validation, SQL): first pages, deep pages, unread
 * only and the unread count, for a heavy, an ordinary and a small inbox; prints p50/p95/p99 and the
 * query plans.
 */
runBench('inbox', async ({ stack, secrets, config: configure }) => {
  const db = new Client({ connectionString: stack.databaseUrl });
  db.on('error', () => undefined);
  await db.connect();
  say(`filling ${NOTIFICATIONS} notifications…`);
  await fill(db, stack.databaseOwnerUrl ?? stack.databaseUrl);
  await db.query(`SET statement_timeout = '60s'`);
  const counts = Object.fromEntries(
    await Promise.all(
      USERS.map(async (u) => {
        const { rows } = await db.query<{ total: number }>(INBOX_COUNT_SQL(false), [u.sub]);
        return [u.sub, rows[0].total] as const;
      }),
    ),
  );
  const { rows: all } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notification');
  say(`notifications: ${all[0].n}, of the measured users ${JSON.stringify(counts)}`);

  const queries: ReadQuery[] = [
    { name: 'heavy inbox, first page', user: 'demo-caseworker', path: () => '/me/notifications?limit=20' },
    {
      name: 'heavy inbox, deep page',
      user: 'demo-caseworker',
      path: () => `/me/notifications?limit=20&offset=${Math.floor(Math.random() * 2000)}`,
    },
    { name: 'heavy inbox, unread', user: 'demo-caseworker', path: () => '/me/notifications?unread=true&limit=20' },
    { name: 'heavy unread count', user: 'demo-caseworker', path: () => '/me/notifications/unread-count' },
    { name: 'ordinary inbox', user: 'demo-coordinator', path: () => '/me/notifications?limit=20' },
    { name: 'small inbox', user: 'demo-adviser', path: () => '/me/notifications?limit=20' },
  ];
  const load = await measureReads({ secrets, config: configure }, USERS, queries, { requests: REQUESTS, concurrency: CONCURRENCY });

  // The API's own statements (fixed SQL; the user, page and offset are parameters).
  const statements: Array<[string, string, unknown[]]> = [
    ['heavy inbox, first page', INBOX_PAGE_SQL(false), ['demo-caseworker', 20, 0]],
    ['heavy inbox, total', INBOX_COUNT_SQL(false), ['demo-caseworker']],
    ['heavy inbox, unread page', INBOX_PAGE_SQL(true), ['demo-caseworker', 20, 0]],
    ['heavy unread count', UNREAD_COUNT_SQL, ['demo-caseworker']],
  ];
  const plans: Record<string, string> = {};
  for (const [name, sql, params] of statements) {
    const explainSql = `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`;
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(explainSql, params);
    plans[name] = rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  await db.end();

  for (const [name, plan] of Object.entries(plans)) process.stdout.write(`\nEXPLAIN ANALYZE, ${name}:\n${plan}\n`);
  process.stdout.write(
    `\n${all[0].n} notifications (${Object.entries(counts)
      .map(([u, n]) => `${u} ${n}`)
      .join(', ')}), ${CONCURRENCY} concurrent clients, ${load.requestsPerSecond} requests/s, ${load.errors} errors\n\n`,
  );
  printReads(load);
  return {
    notifications: all[0].n,
    perUser: counts,
    concurrency: CONCURRENCY,
    errors: load.errors,
    rows: load.rows,
    cpuPerRequestMs: load.cpuPerRequestMs,
    plans,
  };
});
