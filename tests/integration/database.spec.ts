import { seedDemoData } from '@sro/reference-data';
import { scratchDatabase } from '../support/database';

describe('migrations and demo data (PostgreSQL)', () => {
  it('migrates up, down and up again', async () => {
    const db = await scratchDatabase();
    try {
      const migrations = db.dataSource.migrations.length;
      for (let i = 0; i < migrations; i += 1) await db.dataSource.undoLastMigration();
      const [{ count }] = await db.dataSource.query(
        `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(count).toBe(0);
      expect(await db.dataSource.runMigrations()).toHaveLength(migrations);
    } finally {
      await db.drop();
    }
  });

  it('seeds 4 planning regions, 19 social spaces, 35 partners and a user per role, idempotently', async () => {
    const db = await scratchDatabase();
    try {
      await seedDemoData(db.dataSource);
      await seedDemoData(db.dataSource);
      // the table names are fixed strings of this test
      // eslint-disable-next-line no-restricted-syntax
      const count = async (table: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
      expect(await count('planning_region')).toBe(4);
      expect(await count('social_space')).toBe(19);
      expect(await count('contract_partner')).toBe(35);
      expect(await count('app_user')).toBe(23);
      const roles = await db.dataSource.query(`SELECT DISTINCT unnest(roles) AS role FROM app_user ORDER BY role`);
      expect(roles.map((r: { role: string }) => r.role)).toEqual(
        ['adviser', 'admin', 'approver', 'caseworker', 'coordinator', 'lead', 'statistics'].sort(),
      );
      // Per planning region: at least two caseworkers and one lead, in an ASD-Team led by that lead.
      const perRegion = await db.dataSource.query(
        `SELECT r.code,
                count(*) FILTER (WHERE 'caseworker' = ANY(u.roles))::int AS caseworkers,
                count(*) FILTER (WHERE 'lead' = ANY(u.roles))::int AS leads,
                count(*) FILTER (WHERE 'caseworker' = ANY(u.roles) AND l.id = t.lead_id AND 'lead' = ANY(l.roles))::int AS led
           FROM planning_region r JOIN app_user u ON r.id = ANY(u.planning_region_ids)
           LEFT JOIN team t ON t.id = u.team_id LEFT JOIN app_user l ON l.id = t.lead_id
          GROUP BY r.code ORDER BY r.code`,
      );
      for (const row of perRegion) expect(row).toMatchObject({ caseworkers: 2, leads: 1, led: 2 });
      expect(perRegion).toHaveLength(4);
      expect(await count('team')).toBe(8);
      const approvers = await db.dataSource.query(`SELECT organisation FROM app_user WHERE 'approver' = ANY(roles) ORDER BY organisation`);
      expect(approvers.map((a: { organisation: string }) => a.organisation)).toEqual([
        'Freier Träger',
        'Jugendhilfeausschuss',
        'Kommune',
        'Landkreis',
      ]);
    } finally {
      await db.drop();
    }
  });
});
