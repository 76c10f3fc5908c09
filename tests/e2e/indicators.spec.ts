import request from 'supertest';
import { Role } from '@sro/common';
import { seedIndicatorDemoData } from '@sro/indicators';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { pdfText } from '../support/pdf-text';
import { bearer } from '../support/tokens';

const HEADER = 'Indikator;Sozialraum;Kommune;Wert';

/** Sozialraumprofile, Sozialindex, map and the JHA report over HTTP, on the seeded demo data. */
describe('indicators, profiles, Sozialindex, map and JHA report (HTTP)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let admin: string;
  let coordinator: string;
  let spaces: Array<{ id: string; code: string; name: string; region: string }>;
  const api = () => request(system.http);
  const space = (code: string) => spaces.find((s) => s.code === code)!;
  const valuesOf = (year: number) =>
    system.db.query(
      `SELECT v.indicator_key AS "key", coalesce(s.code, ms.code) AS space, m.code AS municipality, v.value::float AS value
         FROM indicator_value v LEFT JOIN social_space s ON s.id = v.social_space_id
         LEFT JOIN municipality m ON m.id = v.municipality_id LEFT JOIN social_space ms ON ms.id = m.social_space_id
        WHERE v.year = $1 ORDER BY 2, 1, 3`,
      [year],
    ) as Promise<Array<{ key: string; space: string; municipality: string | null; value: number }>>;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-indicators');
    admin = await bearer(Role.Admin);
    coordinator = await bearer(Role.Coordinator);
    spaces = await system.db.query(
      `SELECT s.id, s.code, s.name, r.code AS region FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id ORDER BY s.code`,
    );
  });
  afterAll(() => system?.close());

  it('seeds an invented demo catalogue, four years of values, index method 1 and schematic boundaries', async () => {
    const catalogue = await api().get('/indicators').set('Authorization', coordinator).expect(200);
    expect(catalogue.body.length).toBe(8);
    expect(
      catalogue.body.every((i: { invented: boolean; source: string }) => i.invented && i.source.startsWith('Erfundene Demodaten')),
    ).toBe(true);
    expect((await api().get('/indicators/years').set('Authorization', coordinator)).body).toEqual({ years: [2022, 2023, 2024, 2025] });
    const methods = await api().get('/social-index/methods').set('Authorization', coordinator).expect(200);
    expect(methods.body.map((m: { version: number }) => m.version)).toEqual([1]);
    // Seeding again (every `npm start`) changes nothing.
    const count = async () =>
      (await system.db.query(`SELECT (SELECT count(*) FROM indicator_value) + (SELECT count(*) FROM social_index_result) AS n`))[0].n;
    const before = await count();
    expect(await seedIndicatorDemoData(system.db)).toMatchObject({ values: 0, boundaries: 0 });
    expect(await count()).toBe(before);
  });

  it('refuses a file with one bad row with 400, naming line and column, and stores nothing', async () => {
    const before = await valuesOf(2025);
    const csv = [HEADER, 'sgb2-kinder;SR01;;11,5', 'alleinerziehende;SR02;;zwölf', 'hze-quote;SR03;;20,0'].join('\n');
    const res = await api().post('/indicators/imports/2025').set('Authorization', coordinator).send({ csv });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toBe('Eine Zeile der Datei ist fehlerhaft; es wurde nichts übernommen.');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        pointer: '/csv',
        code: 'number.german',
        params: expect.objectContaining({ line: 3, column: 'Wert' }),
        message: expect.stringMatching(/^Zeile 3, Spalte „Wert“: /),
      }),
    ]);
    expect(await valuesOf(2025)).toEqual(before);
  });

  it('checks references row by row: unknown indicator, a space outside the own regions, wrong level, duplicates', async () => {
    const csv = [
      HEADER,
      'gibt-es-nicht;SR01;;1',
      'sgb2-kinder;SR06;;1', // SR06 lies in planning region 2
      'arbeitslosenquote;SR01;;4,0', // kept per municipality
      'sgb2-kinder;SR01;KOM01;2',
      'sgb2-kinder;SR02;;2',
      'sgb2-kinder;Sozialraum Kleinmachnow;;3',
    ].join('\n');
    const res = await api().post('/indicators/imports/2025').set('Authorization', coordinator).send({ csv });
    expect(res.status).toBe(400);
    expect(
      res.body.errors.map((e: { params: { line: number; column?: string }; code: string }) => [
        e.params.line,
        e.params.column ?? null,
        e.code,
      ]),
    ).toEqual([
      [2, 'Indikator', 'unknown-reference'],
      [3, 'Sozialraum', 'unknown-reference'],
      [4, 'Kommune', 'level.municipality'],
      [5, 'Kommune', 'level.social-space'],
      [7, null, 'duplicate'],
    ]);
  });

  it('imports a correct file, replaces the year of the own planning regions atomically, recomputes the index and audits it', async () => {
    const other = (await valuesOf(2025)).filter((v) => !['SR01', 'SR02', 'SR03', 'SR04', 'SR05'].includes(v.space));
    const csv = [HEADER, 'sgb2-kinder;SR01;;1.234,5', 'sgb2-kinder;Kleinmachnow;;2,5', 'arbeitslosenquote;SR01;KOM01;7,25'].join('\r\n');
    const res = await api()
      .post('/indicators/imports/2025')
      .set('Authorization', coordinator)
      .set('X-Request-Id', 'import-2025')
      .send({ csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2025, imported: 3 });
    expect(res.body.replaced).toBeGreaterThan(30);
    const after = await valuesOf(2025);
    // Planning region 1 holds exactly the file's values; the other regions are untouched.
    expect(after.filter((v) => ['SR01', 'SR02', 'SR03', 'SR04', 'SR05'].includes(v.space))).toEqual([
      { key: 'arbeitslosenquote', space: 'SR01', municipality: 'KOM01', value: 7.25 },
      { key: 'sgb2-kinder', space: 'SR01', municipality: null, value: 1234.5 },
      { key: 'sgb2-kinder', space: 'SR02', municipality: null, value: 2.5 },
    ]);
    expect(after.filter((v) => !['SR01', 'SR02', 'SR03', 'SR04', 'SR05'].includes(v.space))).toEqual(other);
    const ranking = await api().get('/social-index/years/2025').set('Authorization', coordinator).expect(200);
    expect(ranking.body.items[0]).toMatchObject({ code: 'SR01', rank: 1 });
    const audit = await system.db.query(
      `SELECT action, resource_type, resource_id, outcome, actor_id FROM audit_event WHERE request_id = 'import-2025'`,
    );
    expect(audit).toEqual([
      { action: 'import', resource_type: 'indicator-values', resource_id: '2025', outcome: 'allowed', actor_id: 'demo-coordinator' },
    ]);

    // A failing re-import leaves the last good one as it was.
    const failed = await api()
      .post('/indicators/imports/2025')
      .set('Authorization', coordinator)
      .send({ csv: `${HEADER}\nsgb2-kinder;SR01;;3\nsgb2-kinder;SR02;;x` });
    expect(failed.status).toBe(400);
    expect((await valuesOf(2025)).length).toBe(after.length);
  });

  it('enters a value by hand, replacing the previous one', async () => {
    const res = await api()
      .put('/indicators/hze-quote/values/2025')
      .set('Authorization', coordinator)
      .send({ socialSpaceId: space('SR03').id, value: 31.5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ indicatorKey: 'hze-quote', year: 2025, value: 31.5, previous: null });
    const again = await api()
      .put('/indicators/hze-quote/values/2025')
      .set('Authorization', coordinator)
      .send({ socialSpaceId: space('SR03').id, value: 30 });
    expect(again.body.previous).toBe(31.5);
    const wrongLevel = await api()
      .put('/indicators/vereine/values/2025')
      .set('Authorization', coordinator)
      .send({ socialSpaceId: space('SR03').id, value: 3 });
    expect(wrongLevel.status).toBe(400);
    expect(wrongLevel.body.errors[0]).toMatchObject({ pointer: '/municipalityId', code: 'required' });
  });

  it('shows the profile of a space: value, district average, deviation, trend and the index with its contributions', async () => {
    const res = await api()
      .get(`/social-space-profiles/${space('SR04').id}?year=2024`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(res.body).toMatchObject({ year: 2024, years: [2022, 2023, 2024, 2025], invented: true, socialSpace: { code: 'SR04' } });
    const kita = res.body.indicators.find((i: { key: string }) => i.key === 'kita-versorgung');
    expect(kita.value).toEqual(expect.any(Number));
    expect(kita.deviation).toBeCloseTo(kita.value - kita.districtAverage, 1);
    expect(kita.trend.map((t: { year: number }) => t.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(kita.change).toBeCloseTo(kita.value - kita.trend[1].value, 1);
    const unemployment = res.body.indicators.find((i: { key: string }) => i.key === 'arbeitslosenquote');
    expect(unemployment.municipalities.length).toBe(1);
    expect(res.body.index).toMatchObject({ methodVersion: 1, of: 19 });
    const sum = res.body.index.contributions.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
    expect(100 + 10 * sum).toBeCloseTo(res.body.index.combinedIndex, 0);
    const audit = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'social-space-profile' AND resource_id = $1`,
      [space('SR04').id],
    );
    expect(audit[0].n).toBeGreaterThan(0);
  });

  it('keeps the results of method 1 when a new method version changes the weights and the ranking', async () => {
    const before = await api().get('/social-index/years/2024').set('Authorization', coordinator).expect(200);
    expect(before.body.items.map((i: { rank: number }) => i.rank)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const refused = await api()
      .post('/social-index/methods')
      .set('Authorization', coordinator)
      .send({ weights: [{ indicatorKey: 'vereine', weight: 1 }] });
    expect(refused.status).toBe(403);
    const invalid = await api()
      .post('/social-index/methods')
      .set('Authorization', admin)
      .send({
        weights: [
          { indicatorKey: 'gibt-es-nicht', weight: 1 },
          { indicatorKey: 'vereine', weight: 0 },
        ],
      });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/weights/0/indicatorKey', 'unknown-reference'],
      ['/weights', 'weights.none'],
    ]);
    const created = await api()
      .post('/social-index/methods')
      .set('Authorization', admin)
      .send({ weights: [{ indicatorKey: 'vereine', weight: 1 }], note: 'Nur Vereine' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 2, weights: { vereine: 1 }, note: 'Nur Vereine' });
    const current = await api().get('/social-index/years/2024').set('Authorization', coordinator).expect(200);
    expect(current.body.method.version).toBe(2);
    expect(current.body.items.map((i: { code: string }) => i.code)).not.toEqual(before.body.items.map((i: { code: string }) => i.code));
    expect(current.body.items[0].contributions.map((c: { indicatorKey: string }) => c.indicatorKey)).toEqual(['vereine']);
    const old = await api().get('/social-index/years/2024?methodVersion=1').set('Authorization', coordinator).expect(200);
    expect(old.body.items).toEqual(before.body.items);
    // SR06 (planning region 2) kept its 2025 values; planning region 1 replaced them by a file without `vereine`.
    const series = await api()
      .get(`/social-index/social-spaces/${space('SR06').id}`)
      .set('Authorization', admin)
      .expect(200);
    expect(series.body.points.map((p: { year: number }) => p.year)).toEqual([2022, 2023, 2024, 2025]);
  });

  it('refuses what need to know does not allow', async () => {
    const pr2 = await bearer(Role.Coordinator, 'demo-coordinator-pr2');
    expect(
      (
        await api()
          .get(`/social-space-profiles/${space('SR01').id}`)
          .set('Authorization', pr2)
      ).status,
    ).toBe(404);
    expect(
      (
        await api()
          .get(`/social-index/social-spaces/${space('SR01').id}`)
          .set('Authorization', pr2)
      ).status,
    ).toBe(404);
    expect(
      (
        await api()
          .get(`/social-space-profiles/${space('SR06').id}`)
          .set('Authorization', pr2)
      ).status,
    ).toBe(200);
    const caseworker = await bearer(Role.Caseworker);
    expect((await api().post('/indicators/imports/2025').set('Authorization', caseworker).send({ csv: HEADER })).status).toBe(403);
    expect(
      (
        await api()
          .get('/indicators')
          .set('Authorization', await bearer(Role.Adviser))
      ).status,
    ).toBe(403);
    expect((await api().post('/indicators').set('Authorization', coordinator).send({})).status).toBe(403);
    const lead = await bearer(Role.Lead);
    const district = await api().get('/jha-reports/2025').set('Authorization', lead);
    expect(district.status).toBe(403);
    expect(district.body.detail).toMatch(/Planregion/);
    const otherRegion = spaces.find((s) => s.region === 'PR2')!;
    const [{ planning_region_id: pr2Id }] = await system.db.query(`SELECT planning_region_id FROM social_space WHERE id = $1`, [
      otherRegion.id,
    ]);
    expect((await api().get(`/jha-reports/2025?planningRegionId=${pr2Id}`).set('Authorization', lead)).status).toBe(404);
    const denied = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE resource_type = 'jha-report' AND outcome <> 'allowed'`,
    );
    expect(denied[0].n).toBeGreaterThan(0);
  });

  it('manages the catalogue (administration) with German validation', async () => {
    const invalid = await api()
      .post('/indicators')
      .set('Authorization', admin)
      .send({ key: 'Groß', name: 'X', unit: '', direction: 'mehr', source: 'x', level: 'land' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/direction',
      '/key',
      '/level',
      '/name',
      '/source',
      '/unit',
    ]);
    const body = {
      key: 'schulabbrueche',
      name: 'Schulabbrüche je 100 Schüler',
      unit: 'je 100',
      direction: 'need',
      source: 'Schulamt',
      level: 'social_space',
    };
    expect((await api().post('/indicators').set('Authorization', admin).send(body)).status).toBe(201);
    expect((await api().post('/indicators').set('Authorization', admin).send(body)).status).toBe(409);
    const changed = await api()
      .put('/indicators/schulabbrueche')
      .set('Authorization', admin)
      .send({ ...body, key: undefined, level: 'municipality' });
    expect(changed.status).toBe(200);
    const locked = await api()
      .put('/indicators/sgb2-kinder')
      .set('Authorization', admin)
      .send({ name: 'X Y', unit: '%', direction: 'need', source: 'Quelle', level: 'municipality' });
    expect(locked.status).toBe(409);
    expect(locked.body.errors[0]).toMatchObject({ pointer: '/level', code: 'level.locked' });
  });

  it('serves the schematic map and imports GeoJSON boundaries all or nothing', async () => {
    const map = await api().get('/social-space-map').set('Authorization', coordinator).expect(200);
    expect(map.body.schematic).toBe(true);
    expect(map.body.spaces.length).toBe(19);
    expect(map.body.spaces.every((s: { geometry: { type: string } | null }) => s.geometry?.type === 'Polygon')).toBe(true);
    const square = [
      [
        [12.5, 52.3],
        [12.6, 52.3],
        [12.6, 52.4],
        [12.5, 52.4],
        [12.5, 52.3],
      ],
    ];
    const bad = await api()
      .put('/social-space-map/boundaries')
      .set('Authorization', admin)
      .send({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'SR01' }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { code: 'SR99' }, geometry: { type: 'Point', coordinates: [12, 52] } },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/features/1/properties/code', '/features/1/geometry']);
    expect(
      (await api().get('/social-space-map').set('Authorization', coordinator)).body.spaces.filter((s: { geometry: unknown }) => s.geometry)
        .length,
    ).toBe(19);
    const ok = await api()
      .put('/social-space-map/boundaries')
      .set('Authorization', admin)
      .send({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'Teltow' }, geometry: { type: 'Polygon', coordinates: square } }],
      });
    expect(ok.status).toBe(200);
    expect(ok.body.schematic).toBe(false);
    expect(ok.body.spaces.filter((s: { geometry: unknown }) => s.geometry).map((s: { code: string }) => s.code)).toEqual(['SR01']);
  });

  it('builds the JHA report with suppressed small § 8a cells, and renders it as a PDF with the headings and the spaces’ names', async () => {
    const pr1 = spaces.find((s) => s.region === 'PR1')!;
    const [{ planning_region_id: regionId }] = await system.db.query(`SELECT planning_region_id FROM social_space WHERE id = $1`, [pr1.id]);
    // Completed § 8a assessments of 2024: six in SR01, two in SR02 (only their counts reach the report).
    const caseId = (
      await api()
        .post('/cases')
        .set('Authorization', await bearer(Role.Caseworker))
        .send(caseBody(space('SR01').id))
        .expect(201)
    ).body.id;
    await system.db.query(
      `INSERT INTO risk_assessment (id, case_id, social_space_id, professional_count, parents_involved, child_involved, home_visit, result,
         completed_at, age_group, sex, danger_kinds, reported_by, existing_help, new_help, family_court, created_by)
       SELECT gen_random_uuid(), $1, s.id, 2, true, true, true, s.result, '2024-06-15T10:00:00Z', '6-8', 'female', '{neglect}', 'school', '{}', '{}', false, 'demo-caseworker'
         FROM (SELECT $2::uuid AS id, 'latent' AS result FROM generate_series(1, 6) UNION ALL SELECT $3::uuid, 'acute' FROM generate_series(1, 2)) s`,
      [caseId, space('SR01').id, space('SR02').id],
    );
    const report = await api().get(`/jha-reports/2024?planningRegionId=${regionId}`).set('Authorization', coordinator).expect(200);
    expect(report.body.scope).toMatchObject({ kind: 'planning_region', planningRegionId: regionId });
    expect(report.body.spaces.map((s: { code: string }) => s.code)).toEqual(['SR01', 'SR02', 'SR03', 'SR04', 'SR05']);
    // SR02's 2 is a small cell; SR01's 6 is suppressed as well, or it could be computed back from the total.
    expect(report.body.spaces.map((s: { riskAssessments: { display: string } }) => s.riskAssessments.display)).toEqual([
      '<5',
      '<5',
      '0',
      '0',
      '0',
    ]);
    expect(report.body.riskAssessments.total).toEqual({ count: 8, display: '8' });
    expect(report.body.riskAssessments.byResult.map((r: { result: string; display: string }) => [r.result, r.display])).toEqual([
      ['acute', '<5'],
      ['latent', '<5'],
      ['help_needed', '0'],
      ['none', '0'],
    ]);
    expect(report.body.spaces[0].index).toMatchObject({ rank: expect.any(Number) });
    const district = await api().get('/jha-reports/2025').set('Authorization', admin).expect(200);
    expect(district.body.spaces.length).toBe(19);
    const file = await api()
      .get(`/jha-reports/2024/pdf?planningRegionId=${regionId}`)
      .set('Authorization', coordinator)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const bytes = file.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toMatch(/%%EOF/);
    const text = pdfText(bytes);
    for (const heading of [
      'Bericht an den Jugendhilfeausschuss 2024',
      'Phasenstand der Sozialräume',
      'Sozialraumbudget: zugewiesen und ausgegeben',
      'Interviews mit den Vertragspartnern',
      'Sozialindex: Rangfolge und Veränderung',
      'Gefährdungseinschätzungen nach § 8a SGB VIII (anonymisiert)',
      'Anteil fallunspezifischer Arbeit',
      'Sozialraum Teltow',
      'Sozialraum Kleinmachnow',
    ])
      expect(text).toContain(heading);
  });
});
