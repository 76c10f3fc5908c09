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
      expect(await count('app_user')).toBe(8);
      const roles = await db.dataSource.query(`SELECT DISTINCT unnest(roles) AS role FROM app_user ORDER BY role`);
      expect(roles.map((r: { role: string }) => r.role)).toEqual(['adviser', 'admin', 'approver', 'caseworker', 'coordinator'].sort());
    } finally {
      await db.drop();
    }
  });
});
