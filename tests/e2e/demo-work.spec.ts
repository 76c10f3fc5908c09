import request from 'supertest';
import { Role } from '@sro/common';
import { ensureDemoAgreement, ensureDemoCasework } from '../../scripts/devstack/demo-processes';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

/** `npm start`'s demo data: the caseworker, the adviser and the approver find work waiting at first sign-in. */
describe('demo work waiting at first sign-in', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let url: string;

  beforeAll(async () => {
    system = await isolatedSystem('e2e-demo-work');
    await system.api.app.listen(0, '127.0.0.1');
    url = await system.api.app.getUrl();
  });
  afterAll(() => system?.close());

  const tasks = async (role: Role, sub?: string) =>
    (
      await request(system.http)
        .get('/me/tasks?limit=50')
        .set('Authorization', await bearer(role, sub))
        .expect(200)
    ).body.items.map((t: { kind: string }) => t.kind);

  it('opens invented cases through the API once, and each role finds its step in „Meine Aufgaben“', async () => {
    expect(await ensureDemoCasework(url, system.config.database.url, process.env.AUTH_DEV_SECRET!)).toBe(2);
    expect(await ensureDemoAgreement(url, system.config.database.url, process.env.AUTH_DEV_SECRET!)).toBe(true);
    // A second start creates nothing more.
    expect(await ensureDemoCasework(url, system.config.database.url, process.env.AUTH_DEV_SECRET!)).toBe(0);
    expect(await ensureDemoAgreement(url, system.config.database.url, process.env.AUTH_DEV_SECRET!)).toBe(false);

    expect(await tasks(Role.Caseworker)).toEqual(expect.arrayContaining(['consultation_schedule', 'case_follow_up']));
    expect(await tasks(Role.Adviser)).toContain('consultation_recommend');
    expect(await tasks(Role.Approver)).toContain('agreement_decision');
    const cases = await system.db.query(`SELECT count(*)::int AS n FROM case_file WHERE created_by = 'demo-caseworker'`);
    expect(cases[0].n).toBe(2);
  });
});
