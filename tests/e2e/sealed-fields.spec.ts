import request from 'supertest';
import { Role } from '@sro/common';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

/** A sealed value moved in the database to another row or column is refused, and the API says so as a problem. */
describe('sealed fields bound to their rows (API)', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let cw: string;
  let caseA: string;
  let caseB: string;
  const api = () => request(system.http);

  beforeAll(async () => {
    system = await isolatedSystem('e2e-sealed-fields');
    cw = await bearer(Role.Caseworker);
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    const other = caseBody(spaceId);
    other.personal.familyName = 'Andersfamilie';
    caseA = (await api().post('/cases').set('Authorization', cw).send(other).expect(201)).body.id;
    caseB = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id;
  });
  afterAll(() => system?.close());

  const expectIntegrityProblem = (res: request.Response, column: string) => {
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 500, type: 'https://sro-engine.org/problems/integrity-violation' });
    expect(res.body.detail).toContain(`case_file.${column}`);
    expect(res.body.detail).toMatch(/gehört nicht zu diesem Datensatz/);
    expect(res.text).not.toMatch(/stack|\bat \w+ \(|node_modules/);
  };

  it('opens each case where its values belong', async () => {
    await api().get(`/cases/${caseA}`).set('Authorization', cw).expect(200);
    await api().get(`/cases/${caseB}`).set('Authorization', cw).expect(200);
  });

  it('refuses personal data copied from another case with a 500 problem, not a stack trace or the other family', async () => {
    expect((await api().get(`/cases/${caseA}`).set('Authorization', cw).expect(200)).body.personal.familyName).toBe('Andersfamilie');
    await system.db.query('UPDATE case_file SET personal_enc = (SELECT personal_enc FROM case_file WHERE id = $1) WHERE id = $2', [
      caseA,
      caseB,
    ]);
    const res = await api().get(`/cases/${caseB}`).set('Authorization', cw);
    expectIntegrityProblem(res, 'personal_enc');
    expect(res.text).not.toContain('Andersfamilie');
  });

  it('refuses a value moved to another column of the same case', async () => {
    await system.db.query('UPDATE case_file SET content_enc = personal_enc WHERE id = $1', [caseA]);
    expectIntegrityProblem(await api().get(`/cases/${caseA}`).set('Authorization', cw), 'content_enc');
  });
});
