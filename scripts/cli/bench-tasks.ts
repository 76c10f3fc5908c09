import { Client } from 'pg';
import { CaseSearchIndex, CaseSearchRepository } from '@sro/cases';
import { Principal, Role } from '@sro/common';
import { TASK_LIST_SETTINGS, taskListSql, TaskService } from '@sro/tasks';
import { arg, runBench } from '../bench/harness';
import { measureReads, printReads, ReadQuery, vacuumAnalyze } from '../bench/read-load';
import { say } from '../devstack/log';

const MY_CASES = arg('cases', 2500);
const OTHER_CASES = arg('others', 20_000);
const FOLLOW_UPS = arg('followups', 2000);
const PROCESSES = arg('processes', 1000);
const AGREEMENTS = arg('agreements', 1000);
const INVITATIONS = arg('invitations', 1000);
const REQUESTS = arg('requests', 600);
const CONCURRENCY = arg('concurrency', 4);

/** Who is measured: the caseworker carries most tasks; the others one area each. */
const USERS: Array<{ sub: string; role: Role }> = [
  { sub: 'demo-caseworker', role: Role.Caseworker },
  { sub: 'demo-coordinator', role: Role.Coordinator },
  { sub: 'demo-approver', role: Role.Approver },
  { sub: 'demo-adviser', role: Role.Adviser },
];

/**
 * Fills the read models with open steps straight in PostgreSQL. Caseworker `demo-caseworker`: a case
 * team of MY_CASES cases, each with a running Fallteam consultation (to schedule, to invite to, outcome
 * due) and a Jugendhilfedienst process (classification, § 8a, help plan, review due), and FOLLOW_UPS
 * follow-ups; OTHER_CASES cases of other caseworkers with the same processes as noise. Coordinator:
 * PROCESSES social-space processes (and as many of another coordinator) and an interview cycle with 35
 * interviews to plan. Approver: AGREEMENTS pending decisions. Adviser: INVITATIONS open packet windows.
 */
async function fill(db: Client, ownerUrl: string, searchKeyId: string): Promise<void> {
  const [{ id: spaceId }] = (await db.query<{ id: string }>('SELECT id FROM social_space ORDER BY code LIMIT 1')).rows;
  const [{ id: regionId }] = (await db.query<{ id: string }>('SELECT id FROM planning_region ORDER BY code LIMIT 1')).rows;
  await db.query(
    // The rows carry no sealed names; marked as indexed with the current search key, so the API's
    // start-up backfill does not try (and log) each of them.
    `INSERT INTO case_file (pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, created_by, search_key_id)
     SELECT 'B-' || lpad(n::text, 7, '0'), 'service', $1,
            CASE WHEN n <= $2 THEN ARRAY['demo-caseworker', 'bench-cw-' || (n % 40)] ELSE ARRAY['bench-cw-' || (n % 40)] END,
            't1.bench', 't1.bench', 't1.bench', 'bench', $4
       FROM generate_series(1, $3::int) n`,
    [spaceId, MY_CASES, MY_CASES + OTHER_CASES, searchKeyId],
  );
  // Fallteam consultations: n % 3 = requested (to schedule), scheduled ahead without advisers (to invite), session held (outcome due).
  await db.query(
    `INSERT INTO process_instance (id, workflow_id, definition_key, definition_version, status, subject_type, subject_id, social_space_id,
       current_step, current_step_title, current_due_at, steps, summary, revision)
     SELECT gen_random_uuid(), 'bench-ftc/' || f.id, 'fallteam-consultation', 1, 'running', 'case', f.id::text, f.social_space_id,
            CASE WHEN f.n % 3 = 0 THEN 'scheduling' ELSE 'session' END, 'Schritt',
            now() + ((f.n % 40) - 10) * interval '1 day', '[]',
            jsonb_build_object('phase', CASE WHEN f.n % 3 = 0 THEN 'requested' ELSE 'scheduled' END, 'pseudonym', f.pseudonym, 'advisers', 0,
                               'sessionAt', CASE WHEN f.n % 3 = 1 THEN now() + ((f.n % 20) + 1) * interval '1 day'
                                                 WHEN f.n % 3 = 2 THEN now() - ((f.n % 10) + 1) * interval '1 day' END),
            1
       FROM (SELECT id, pseudonym, social_space_id, row_number() OVER (ORDER BY pseudonym)::int AS n FROM case_file WHERE created_by = 'bench') f`,
  );
  await db.query(
    `INSERT INTO process_instance (id, workflow_id, definition_key, definition_version, status, subject_type, subject_id, social_space_id,
       current_step, current_step_title, current_due_at, steps, summary, revision)
     SELECT gen_random_uuid(), 'bench-jhd/' || f.id, 'jugendhilfedienst-case', 1, 'running', 'case', f.id::text, f.social_space_id,
            x.phase, 'Schritt', now() + ((f.n % 30) - 8) * interval '1 day', '[]',
            jsonb_build_object('phase', x.phase, 'pseudonym', f.pseudonym,
                               'nextReviewAt', CASE WHEN x.phase = 'help' THEN (current_date + (f.n % 20 - 5))::text END),
            1
       FROM (SELECT id, pseudonym, social_space_id, row_number() OVER (ORDER BY pseudonym)::int AS n FROM case_file WHERE created_by = 'bench') f
       CROSS JOIN LATERAL (SELECT (ARRAY['classification', 'risk_assessment', 'help_plan', 'help'])[f.n % 4 + 1] AS phase) x`,
  );
  await db.query(
    `INSERT INTO case_follow_up (id, case_id, user_id, due_on, text_enc)
     SELECT gen_random_uuid(), f.id, 'demo-caseworker', current_date + (f.n % 14) - 4, 't1.bench'
       FROM (SELECT id, row_number() OVER (ORDER BY pseudonym)::int AS n FROM case_file WHERE 'demo-caseworker' = ANY(assigned_caseworker_ids)) f
      WHERE f.n <= $1`,
    [FOLLOW_UPS],
  );
  await db.query(
    `INSERT INTO process_instance (id, workflow_id, definition_key, definition_version, status, subject_type, subject_id, planning_region_id, social_space_id,
       current_step, current_step_title, current_due_at, steps, summary, revision)
     SELECT gen_random_uuid(), 'bench-sr/' || n, 'sozialraum-development', 1, 'running', 'social_space', $1::text, $2, $4::uuid,
            'analyse', 'Sozialraum analysieren', now() + ((n % 60) - 20) * interval '1 day',
            '[{"key": "identify", "status": "completed"}, {"key": "analyse", "status": "active"}]',
            jsonb_build_object('title', 'Sozialraum ' || n, 'coordinatorId', CASE WHEN n <= $3 THEN 'demo-coordinator' ELSE 'bench-coordinator' END,
                               'deliverables', '{}'::jsonb),
            1
       FROM generate_series(1, $3::int * 2) n`,
    [spaceId, regionId, PROCESSES, spaceId],
  );
  await db.query(
    `INSERT INTO interview_cycle (number, workflow_id, definition_version, questionnaire, coordinator_id, status)
     VALUES (1, 'bench-cycle-1', 1, '{}', 'demo-coordinator', 'running')`,
  );
  await db.query(
    `INSERT INTO partner_interview (id, cycle_id, contract_partner_id, workflow_id, status, due_at, revision)
     SELECT gen_random_uuid(), c.id, p.id, 'bench-pi/' || p.id, 'open', now() + interval '60 days', 1
       FROM contract_partner p CROSS JOIN interview_cycle c WHERE c.number = 1`,
  );
  await db.query(
    `INSERT INTO cooperation_agreement (id, reference, title, kind, status, planning_region_id, coordinator_id, workflow_id, definition_version, approver_ids, created_by)
     SELECT gen_random_uuid(), 'KV-B' || lpad(n::text, 6, '0'), 'Vereinbarung ' || n, 'three_party', 'in_approval', $1, 'demo-coordinator',
            'bench-ca/' || n, 1, ARRAY['demo-approver'], 'bench'
       FROM generate_series(1, $2::int) n`,
    [regionId, AGREEMENTS],
  );
  await db.query(
    `INSERT INTO cooperation_agreement_version (agreement_id, version, status, body, valid_from, valid_until, created_by)
     SELECT id, 1, 'in_approval', 'Text', current_date, current_date + 1000, 'bench' FROM cooperation_agreement WHERE created_by = 'bench'`,
  );
  await db.query(
    `INSERT INTO cooperation_agreement_pending (agreement_id, approver_id, round, version, stage_key, party_key, due_at)
     SELECT id, 'demo-approver', 1, 1, 'parties', 'municipality', now() + ((row_number() OVER (ORDER BY reference)) % 50 - 10) * interval '1 day'
       FROM cooperation_agreement WHERE created_by = 'bench'`,
  );
  await db.query(
    `INSERT INTO consultation (id, case_id, workflow_id, questions_enc, requested_by)
     SELECT gen_random_uuid(), f.id, 'bench-k/' || f.id, 't1.bench', f.assigned_caseworker_ids[1]
       FROM case_file f WHERE f.created_by = 'bench' AND NOT 'demo-caseworker' = ANY(f.assigned_caseworker_ids)
      ORDER BY f.pseudonym LIMIT $1`,
    [INVITATIONS],
  );
  await db.query(
    `INSERT INTO consultation_invitation (consultation_id, adviser_id, opens_at, closes_at)
     SELECT k.id, 'demo-adviser', now() - interval '1 day', now() + ((row_number() OVER (ORDER BY k.id)) % 30 + 1) * interval '1 day'
       FROM consultation k WHERE k.workflow_id LIKE 'bench-k/%'`,
  );
  // Advisers see a consultation only once its packet was released (without it the adviser had no task).
  await db.query(
    `INSERT INTO consultation_packet_release (id, consultation_id, case_version, packet_enc, released_by)
     SELECT gen_random_uuid(), k.id, 1, 't1.bench', k.requested_by FROM consultation k WHERE k.workflow_id LIKE 'bench-k/%'`,
  );
  // Statistics and the visibility map as autovacuum would have them (the task list reads its index
  // without the table where the map says all-visible): both need the tables' owner (the app role is skipped silently).
  await vacuumAnalyze(ownerUrl);
}

/**
 * `npm run bench:tasks [-- --cases=2500 --others=20000 --requests=600 --concurrency=4]`: about 10,000
 * open tasks for four users spread over every kind, then GET /me/tasks over HTTP (auth, validation,
 * audit, SQL) with first pages, deep pages and kind filters; prints p50/p95 and the query plans.
 */
runBench('tasks', async ({ stack, secrets, config: configure }) => {
  const db = new Client({ connectionString: stack.databaseUrl });
  // The stack stops under the open connection when the benchmark fails; that error is not the story.
  db.on('error', () => undefined);
  await db.connect();
  say('filling the read models…');
  await fill(db, stack.databaseOwnerUrl ?? stack.databaseUrl, new CaseSearchIndex(configure(), {} as CaseSearchRepository).keyId);
  const counts: Record<string, number> = {};
  // A plan gone wrong should fail the benchmark, not hang it.
  await db.query(`SET statement_timeout = '60s'`);
  // As the API runs the list (SET LOCAL in its transaction).
  const settings = TASK_LIST_SETTINGS.map((setting) => `SET ${setting}`).join('; ');
  await db.query(settings);
  for (const user of USERS) {
    const planSql = `EXPLAIN ${taskListSql(TaskService.kindsFor({ sub: user.sub, roles: [user.role] }))}`;
    const plan = (await db.query<{ 'QUERY PLAN': string }>(planSql, [user.sub, 50, 0])).rows.map((r) => r['QUERY PLAN']);
    say(`plan for ${user.sub}:\n${plan.join('\n')}`);
  }
  for (const user of USERS) {
    const principal: Principal = { sub: user.sub, roles: [user.role] };
    // The statement is the API's own (fixed fragments); the user is a parameter.
    const countSql = `SELECT count(*)::int AS n FROM (${taskListSql(TaskService.kindsFor(principal), false)}) t`;
    const { rows } = await db.query<{ n: number }>(countSql, [user.sub]);
    counts[user.sub] = rows[0].n;
  }
  const totalTasks = Object.values(counts).reduce((a, b) => a + b, 0);
  say(`open tasks: ${JSON.stringify(counts)} = ${totalTasks}`);

  const queries: ReadQuery[] = [
    { name: 'caseworker, first page', user: 'demo-caseworker', path: () => '/me/tasks?limit=50' },
    { name: 'caseworker, deep page', user: 'demo-caseworker', path: () => `/me/tasks?limit=50&offset=${Math.floor(Math.random() * 6900)}` },
    { name: 'caseworker, one kind', user: 'demo-caseworker', path: () => '/me/tasks?kind=jhd_risk_assessment&limit=50' },
    { name: 'coordinator', user: 'demo-coordinator', path: () => '/me/tasks?limit=50' },
    { name: 'approver', user: 'demo-approver', path: () => '/me/tasks?limit=50' },
    { name: 'adviser', user: 'demo-adviser', path: () => '/me/tasks?limit=50' },
  ];
  const load = await measureReads({ secrets, config: configure }, USERS, queries, { requests: REQUESTS, concurrency: CONCURRENCY });

  const plans: Record<string, string> = {};
  // Every first page, and the caseworker's deepest page of the load (its cut skips rows in the index).
  const explained = [...USERS.map((user) => ({ user, offset: 0 })), { user: USERS[0], offset: 6900 }];
  for (const { user, offset } of explained) {
    const principal: Principal = { sub: user.sub, roles: [user.role] };
    const explainSql = `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${taskListSql(TaskService.kindsFor(principal))}`;
    const { rows } = await db.query<{ 'QUERY PLAN': string }>(explainSql, [user.sub, 50, offset]);
    plans[offset === 0 ? user.sub : `${user.sub}, offset ${offset}`] = rows.map((r) => r['QUERY PLAN']).join('\n');
  }
  await db.end();

  for (const [user, plan] of Object.entries(plans)) process.stdout.write(`\nEXPLAIN ANALYZE, GET /me/tasks of ${user}:\n${plan}\n`);
  process.stdout.write(
    `\n${totalTasks} open tasks (${Object.entries(counts)
      .map(([u, n]) => `${u} ${n}`)
      .join(
        ', ',
      )}), ${MY_CASES + OTHER_CASES} cases, ${CONCURRENCY} concurrent clients, ${load.requestsPerSecond} requests/s, ${load.errors} errors\n\n`,
  );
  printReads(load);
  return {
    tasks: totalTasks,
    perUser: counts,
    cases: MY_CASES + OTHER_CASES,
    concurrency: CONCURRENCY,
    errors: load.errors,
    rows: load.rows,
    cpuPerRequestMs: load.cpuPerRequestMs,
    plans,
  };
});
