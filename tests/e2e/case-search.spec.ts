import request from 'supertest';
import { CaseSearchBackfill } from '@sro/cases';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

interface Listed {
  id: string;
  socialSpaceId: string;
  pseudonym: string;
  familyName: string | null;
  zone: string | null;
  access: string | null;
  responsibleCaseworkerName: string | null;
}

/** Search over sealed names through the blind index: spellings, prefixes, dates, pseudonyms, access rules, filters. */
describe('case search (GET /cases?search=)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let sameSpace: string;
  let elsewhere: string;
  const ids = { mueller: '', strasser: '', schmidt: '' };
  const pseudonyms: Record<string, string> = {};
  const api = () => request(system.http);
  const find = async (query: string, token = cw): Promise<{ items: Listed[]; total: number }> => {
    const res = await api().get(`/cases?${query}`).set('Authorization', token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const idsOf = (page: { items: Listed[] }) => page.items.map((c) => c.id).sort();

  beforeAll(async () => {
    system = await isolatedSystem('e2e-case-search');
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, social_space_ids) VALUES
         ('cw-same-space', 'Fachkraft im Sozialraum', '{caseworker}', ARRAY[$1::uuid]),
         ('cw-elsewhere', 'Fachkraft anderswo', '{caseworker}', '{}')`,
      [spaceId],
    );
    cw = await bearer(Role.Caseworker);
    sameSpace = await bearer(Role.Caseworker, 'cw-same-space');
    elsewhere = await bearer(Role.Caseworker, 'cw-elsewhere');
    const create = async (personal: Record<string, unknown>, zone = 'unclear') => {
      const body = caseBody(spaceId);
      const res = await api()
        .post('/cases')
        .set('Authorization', cw)
        .send({ ...body, zone, personal: { ...body.personal, ...personal } })
        .expect(201);
      pseudonyms[res.body.id] = res.body.pseudonym;
      return res.body.id as string;
    };
    ids.mueller = await create({ familyName: 'Müller', givenNames: ['Anna-Lena', 'Jörg'], birthDates: ['2015-03-12'] }, 'endangerment');
    ids.strasser = await create({ familyName: 'Straßer', givenNames: ['Anna'], birthDates: ['2016-07-01'] });
    ids.schmidt = await create({ familyName: 'Schmidt', givenNames: ['Paul'], birthDates: ['2010-01-30'] }, 'service');
  });
  afterAll(() => system?.close());

  it('finds "Müller" as Müller, Mueller and Muller, and by prefix', async () => {
    for (const search of ['Müller', 'Mueller', 'mueller', 'MULLER', 'Müll', 'Muel', 'mül']) {
      expect({ search, ids: idsOf(await find(`search=${encodeURIComponent(search)}`)) }).toEqual({ search, ids: [ids.mueller] });
    }
    const page = await find('search=Mueller');
    expect(page.items[0]).toMatchObject({ familyName: 'Müller', access: 'team', zone: 'endangerment' });
  });

  it('finds ß as ss and as ß, given names (also of a double name), birth dates in both notations, pseudonyms and ids', async () => {
    expect(idsOf(await find('search=Strasser'))).toEqual([ids.strasser]);
    expect(idsOf(await find(`search=${encodeURIComponent('Straß')}`))).toEqual([ids.strasser]);
    expect(idsOf(await find('search=Anna'))).toEqual([ids.mueller, ids.strasser].sort());
    expect(idsOf(await find('search=Lena'))).toEqual([ids.mueller]);
    expect(idsOf(await find(`search=${encodeURIComponent('Jörg')}`))).toEqual([ids.mueller]);
    expect(idsOf(await find(`search=${encodeURIComponent('Anna Müller')}`))).toEqual([ids.mueller]);
    expect(idsOf(await find('search=12.03.2015'))).toEqual([ids.mueller]);
    expect(idsOf(await find('search=2015-03-12'))).toEqual([ids.mueller]);
    expect(idsOf(await find('search=12.3.2015'))).toEqual([ids.mueller]);
    expect(idsOf(await find(`search=${encodeURIComponent(pseudonyms[ids.schmidt])}`))).toEqual([ids.schmidt]);
    expect(idsOf(await find(`search=${pseudonyms[ids.schmidt].replace(/-/g, '').slice(0, 9).toLowerCase()}`))).toContain(ids.schmidt);
    expect(idsOf(await find(`search=${ids.schmidt}`))).toEqual([ids.schmidt]);
    expect((await find('search=Meier')).total).toBe(0);
    // Not a name of the case: the will and the address are not indexed.
    expect((await find('search=Lindenallee')).total).toBe(0);
  });

  it('shows a case outside the caller’s team only as "exists, ask the responsible caseworker"', async () => {
    const page = await find('search=Mueller', sameSpace);
    expect(page.items).toEqual([
      expect.objectContaining({
        id: ids.mueller,
        familyName: null,
        zone: null,
        access: null,
        responsibleCaseworkerId: 'demo-caseworker',
        responsibleCaseworkerName: expect.any(String),
      }),
    ]);
    expect((await find('search=Mueller', elsewhere)).total).toBe(0);
    // Filters on what the restricted entry hides answer only the caller's own cases.
    expect((await find('search=Mueller&zone=endangerment', sameSpace)).total).toBe(0);
    expect((await find('search=Mueller&status=open', sameSpace)).total).toBe(0);
  });

  it('filters by zone, status, social space, responsible caseworker and due follow-ups, sorts and pages', async () => {
    expect(idsOf(await find('zone=endangerment'))).toEqual([ids.mueller]);
    expect(idsOf(await find('search=Anna&zone=unclear'))).toEqual([ids.strasser]);
    expect((await find('status=open')).total).toBe(3);
    expect((await find('status=closed')).total).toBe(0);
    expect((await find('responsibleId=demo-caseworker')).total).toBe(3);
    expect((await find('responsibleId=somebody-else')).total).toBe(0);
    const [{ id: otherSpace }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code OFFSET 1 LIMIT 1`,
    );
    expect((await find(`socialSpaceId=${otherSpace}`)).total).toBe(0);
    expect((await find(`socialSpaceId=${(await find('limit=1')).items[0].socialSpaceId}`)).total).toBe(3);
    await system.db.query(
      `INSERT INTO case_follow_up (id, case_id, user_id, due_on, text_enc) VALUES (gen_random_uuid(), $1, 'demo-caseworker', current_date - 1, NULL)`,
      [ids.schmidt],
    );
    expect(idsOf(await find('followUpsDue=true'))).toEqual([ids.schmidt]);
    const sorted = await find('sort=pseudonym&limit=2');
    expect(sorted.total).toBe(3);
    expect(sorted.items.map((c) => c.pseudonym)).toEqual(Object.values(pseudonyms).sort().slice(0, 2));
    const next = await find('sort=pseudonym&limit=2&offset=2');
    expect(next.items.map((c) => c.pseudonym)).toEqual(Object.values(pseudonyms).sort().slice(2));
    const oldest = await find('sort=createdAt&limit=1');
    expect(oldest.items[0].id).toBe(ids.mueller);
  });

  it('refuses a malformed search or filter with a German problem naming the parameter', async () => {
    const empty = await api().get('/cases?search=%21%21%21').set('Authorization', cw);
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ pointer: '/search', code: 'search.no-terms', message: expect.stringContaining('Suchbegriff') }]);
    const zone = await api().get('/cases?zone=rot').set('Authorization', cw);
    expect(zone.status).toBe(400);
    expect(JSON.stringify(zone.body.errors)).toContain('Bereich');
    expect((await api().get('/cases?sort=familyName').set('Authorization', cw)).status).toBe(400);
  });

  it('keeps no plaintext name in the database: the case tables as text contain none of the names', async () => {
    // Every case table (and the audit log) as text, as a dump would hold it.
    const tables: Array<{ name: string; text: string }> = await system.db.query(
      `SELECT table_name AS name, query_to_xml(format('SELECT * FROM %I', table_name), true, false, '')::text AS text
         FROM information_schema.tables
        WHERE table_schema = 'public' AND (table_name LIKE 'case%' OR table_name IN ('consent', 'consultation', 'audit_event'))`,
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['case_file', 'case_search_token', 'case_document']));
    const dump = tables.map((t) => t.text).join('\n');
    expect(dump.length).toBeGreaterThan(1000);
    for (const name of [
      'Müller',
      'Mueller',
      'mueller',
      'muller',
      'Straßer',
      'strasser',
      'Schmidt',
      'schmidt',
      'Anna',
      'Jörg',
      '2015-03-12',
    ]) {
      expect({ name, found: dump.includes(name) }).toEqual({ name, found: false });
    }
  });

  it('indexes cases from before the index (or under another key) at start-up, and a new search finds them', async () => {
    await system.db.query(`DELETE FROM case_search_token WHERE case_id = $1`, [ids.schmidt]);
    await system.db.query(`UPDATE case_file SET search_key_id = NULL WHERE id = $1`, [ids.schmidt]);
    expect((await find('search=Schmidt')).total).toBe(0);
    const backfill = system.api.app.get(CaseSearchBackfill, { strict: false });
    expect(await backfill.run()).toBe(1);
    expect(idsOf(await find('search=Schmidt'))).toEqual([ids.schmidt]);
    expect(await backfill.run()).toBe(0);
  });
});
