import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { signDevToken } from '@sro/auth';
import { CaseSearchIndex, CaseSearchRepository, caseListSql, caseTokens, FieldCipher, newPseudonym, searchTerms } from '@sro/cases';
import { Role } from '@sro/common';
import { createApiApp } from '../../apps/api/src/app.factory';
import { arg, runBench } from '../bench/harness';
import { round, summary, table } from '../bench/stats';
import { say } from '../devstack/log';

const CASES = arg('cases', 100_000);
const REQUESTS = arg('requests', 400);
const CONCURRENCY = arg('concurrency', 1);
const BATCH = 2_000;

/** Common German family names (Müller about 2 % of the cases, as each name here) and given names. */
const FAMILY_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Schubert',
];
const GIVEN_NAMES = [
  'Anna',
  'Leon',
  'Mia',
  'Paul',
  'Emma',
  'Ben',
  'Sofia',
  'Jonas',
  'Lea',
  'Elias',
  'Marie',
  'Finn',
  'Lina',
  'Noah',
  'Lena',
  'Luis',
  'Emilia',
  'Felix',
  'Hannah',
  'Jörg',
  'Sabine',
  'Thomas',
  'Katrin',
  'Özlem',
  'Mehmet',
  'Yusuf',
  'Aylin',
  'Jan',
];

const pick = <T>(list: T[], n: number) => list[n % list.length];

/**
 * `npm run bench:search [-- --cases=100000 --requests=400 --concurrency=1]`: writes N case files
 * (sealed personal data and their blind index, straight into PostgreSQL, as the API would) and
 * measures GET /cases?search=… over HTTP (auth, validation, blind index, access rule, opening the
 * page's family names), then prints EXPLAIN ANALYZE of the search for "Müller".
 */
runBench('search', async ({ stack, secrets, config: configure }) => {
  const config = configure({ API_HOST: '127.0.0.1', API_PORT: '0' });
  const cipher = new FieldCipher(config);
  const index = new CaseSearchIndex(config, {} as CaseSearchRepository);
  const db = new Client({ connectionString: stack.databaseOwnerUrl ?? stack.databaseUrl });
  await db.connect();
  // The stack stops after a failure and ends this connection: the failure itself is what to report.
  db.on('error', () => undefined);
  const { rows: spaces } = await db.query<{ id: string }>('SELECT id FROM social_space ORDER BY code');
  // About 160 caseworkers share the cases (some 625 each, closed ones included), as in a large Jugendamt.
  await db.query(
    `INSERT INTO app_user (id, display_name, roles, social_space_ids)
     SELECT 'bench-cw-' || n, 'Bench Fachkraft ' || n, '{caseworker}', '{}' FROM generate_series(1, 150) AS n`,
  );
  const { rows: caseworkers } = await db.query<{ id: string }>(`SELECT id FROM app_user WHERE 'caseworker' = ANY(roles) ORDER BY id`);
  say(`writing ${CASES} case files with their blind index…`);
  const started = Date.now();
  const seen = new Set<string>();
  for (let i = 0; i < CASES; i += BATCH) {
    const cases: Array<Record<string, unknown>> = [];
    const tokenCases: string[] = [];
    const tokenSpaces: string[] = [];
    const tokens: Buffer[] = [];
    for (let j = 0; j < Math.min(BATCH, CASES - i); j += 1) {
      const n = i + j;
      const id = randomUUID();
      let pseudonym = newPseudonym();
      while (seen.has(pseudonym)) pseudonym = newPseudonym();
      seen.add(pseudonym);
      const personal = {
        familyName: pick(FAMILY_NAMES, n * 7 + (n % 13)),
        givenNames: [pick(GIVEN_NAMES, n * 3), pick(GIVEN_NAMES, n * 5 + 1)],
        birthDates: [new Date(Date.UTC(2006 + (n % 18), n % 12, 1 + (n % 28))).toISOString().slice(0, 10)],
        address: `Lindenallee ${n % 200}, 14513 Teltow`,
        familyMembers: [],
      };
      cases.push({
        id,
        pseudonym,
        zone: pick(['service', 'unclear', 'endangerment'], n),
        space: pick(spaces, n).id,
        caseworker: pick(caseworkers, n * 11).id,
        personal: cipher.seal(personal, { table: 'case_file', column: 'personal_enc', rowId: id }),
        content: cipher.seal(
          { will: 'Bench', goals: [], resources: { person: [], surroundings: [], socialSpace: [] } },
          { table: 'case_file', column: 'content_enc', rowId: id },
        ),
        confided: cipher.seal([], { table: 'case_file', column: 'confided_enc', rowId: id }),
        created: new Date(Date.now() - n * 60_000).toISOString(),
      });
      for (const token of caseTokens(personal)) {
        tokenCases.push(id);
        tokenSpaces.push(pick(spaces, n).id);
        tokens.push(index.hash(token));
      }
    }
    await db.query(
      `INSERT INTO case_file (id, pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, created_by, created_at, search_key_id)
       SELECT x.id, x.pseudonym, x.zone, x.space, ARRAY[x.caseworker], x.personal, x.content, x.confided, x.caseworker, x.created, $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, pseudonym text, zone text, space uuid, caseworker text, personal text, content text, confided text, created timestamptz)`,
      [JSON.stringify(cases), index.keyId],
    );
    await db.query(
      `INSERT INTO case_search_token (token, case_id, social_space_id) SELECT DISTINCT * FROM unnest($1::bytea[], $2::uuid[], $3::uuid[])`,
      [tokens, tokenCases, tokenSpaces],
    );
    if ((i / BATCH) % 10 === 0) say(`  ${i + cases.length} cases`);
  }
  await db.query('VACUUM ANALYZE case_file');
  await db.query('VACUUM ANALYZE case_search_token');
  const [{ tokens: tokenRows }] = (await db.query<{ tokens: string }>('SELECT count(*) AS tokens FROM case_search_token')).rows;
  say(`written in ${round((Date.now() - started) / 1000)} s (${tokenRows} index rows)`);

  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const user = 'demo-caseworker';
  const token = `Bearer ${await signDevToken(secrets.AUTH_DEV_SECRET, Role.Caseworker, user)}`;
  const queries: Record<string, string> = {
    'search=Müller': 'search=M%C3%BCller',
    'search=Mueller': 'search=Mueller',
    'search=Schm (prefix)': 'search=Schm',
    'search=Anna Müller': 'search=Anna%20M%C3%BCller',
    'search=<birth date>': 'search=01.02.2007',
    'search=Müller&zone=endangerment': 'search=M%C3%BCller&zone=endangerment',
  };
  const timings: Record<string, number[]> = {};
  const totals: Record<string, number> = {};
  let errors = 0;
  const names = Object.keys(queries);
  const worker = async (count: number, offset: number) => {
    for (let i = 0; i < count; i += 1) {
      // Half of all requests are the headline query, the rest rotate through the others.
      const name = i % 2 === 0 ? names[0] : names[1 + ((i + offset) % (names.length - 1))];
      const t0 = process.hrtime.bigint();
      const res = await fetch(`${url}/cases?${queries[name]}`, { headers: { authorization: token } });
      const body = (await res.json()) as { total: number };
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 200) errors += 1;
      totals[name] = body.total;
      (timings[name] ??= []).push(ms);
    }
  };
  await worker(30, 0); // warm-up
  for (const k of Object.keys(timings)) timings[k] = [];
  const runStarted = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => worker(Math.ceil(REQUESTS / CONCURRENCY), k)));
  const elapsed = (Date.now() - runStarted) / 1000;
  await app.close();

  const { rows: scope } = await db.query<{ social_space_ids: string[] }>('SELECT social_space_ids FROM app_user WHERE id = $1', [user]);
  const { sql, params } = caseListSql(user, scope[0]?.social_space_ids ?? [], {
    terms: searchTerms('Müller').map((t) => t.map((x) => index.hash(x))),
    sort: '-createdAt',
    limit: 50,
    offset: 0,
  });
  const plan = (await db.query<{ 'QUERY PLAN': string }>(['EXPLAIN (ANALYZE, BUFFERS)', sql].join(' '), params)).rows
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  await db.end();

  const rows = Object.entries(timings).map(([query, values]) => {
    const s = summary(values);
    return {
      query,
      hits: totals[query],
      requests: s.n,
      'p50 ms': round(s.p50),
      'p95 ms': round(s.p95),
      'p99 ms': round(s.p99),
      'max ms': round(s.max),
    };
  });
  const p95 = summary(timings[names[0]]).p95;
  process.stdout.write(
    `\n${CASES} cases (${tokenRows} index rows), ${CONCURRENCY} concurrent client(s), ${round(Object.values(timings).flat().length / elapsed, 0)} requests/s, ${errors} errors\n\n`,
  );
  process.stdout.write(`${table(rows)}\n\nEXPLAIN ANALYZE of GET /cases?search=Müller (caller ${user}):\n${plan}\n\n`);
  process.stdout.write(`target: GET /cases?search=Müller p95 < 50 ms -> ${p95 < 50 ? 'met' : 'MISSED'} (${round(p95)} ms)\n`);
  return { cases: CASES, indexRows: Number(tokenRows), concurrency: CONCURRENCY, errors, rows, plan };
});
