import { Client } from 'pg';
import { scratchDatabase } from '../support/database';

// The embedded stack has an owner and an app role; one external DATABASE_URL serves as both (nothing to test).
const withRoles = process.env.DATABASE_OWNER_URL ? describe : describe.skip;

withRoles('database roles (least privilege)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let app: Client;

  beforeAll(async () => {
    db = await scratchDatabase();
    await db.dataSource.query(
      `INSERT INTO audit_event (id, occurred_at, actor_id, actor_roles, action, resource_type, purpose, outcome, prev_hash, hash)
       VALUES (1, now(), 'u', '{admin}', 'read', 'case', 'p', 'allowed', repeat('0', 64), repeat('a', 64))`,
    );
    app = new Client({ connectionString: db.url });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  it('runs the apps as a role that is neither superuser nor owner', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    expect(rows[0].name).not.toBe(new URL(db.ownerUrl).username);
  });

  it('lets the app role append to and read the audit log', async () => {
    await app.query(
      `INSERT INTO audit_event (id, occurred_at, actor_id, actor_roles, action, resource_type, purpose, outcome, prev_hash, hash)
       VALUES (2, now(), 'u', '{admin}', 'read', 'case', 'p', 'allowed', repeat('a', 64), repeat('b', 64))`,
    );
    expect((await app.query('SELECT count(*)::int AS n FROM audit_event')).rows[0].n).toBe(2);
  });

  it('refuses the app role UPDATE, DELETE and TRUNCATE of the audit log, even before the triggers', async () => {
    for (const sql of [`UPDATE audit_event SET purpose = 'x'`, 'DELETE FROM audit_event', 'TRUNCATE audit_event']) {
      await expect(app.query(sql)).rejects.toThrow(/permission denied/);
    }
  });

  it('refuses the app role the switch that bypasses triggers, and any schema change', async () => {
    await expect(app.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(app.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete')).rejects.toThrow(
      /must be owner|permission denied/,
    );
    await expect(app.query('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    await expect(app.query('DROP TABLE case_file')).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`INSERT INTO migrations (timestamp, name) VALUES (1, 'x')`)).rejects.toThrow(/permission denied/);
  });

  it('lets the app role read and write the other tables', async () => {
    await app.query(`UPDATE app_user SET display_name = display_name WHERE false`);
    await app.query(`DELETE FROM app_user WHERE false`);
    expect((await app.query('SELECT count(*)::int AS n FROM case_file')).rows[0].n).toBe(0);
  });
});
