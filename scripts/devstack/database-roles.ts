import { Client } from 'pg';
import { postgresConnection } from '@sro/config';

/** The two roles of a database: the owner runs migrations, the app role runs the API and the worker. */
export interface DatabaseRoles {
  owner: string;
  app: string;
}

export function rolesFor(database: string): DatabaseRoles {
  return { owner: `${database}_owner`, app: `${database}_app` };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>, sslRootCert?: Buffer): Promise<T> {
  // TLS as the URL's sslmode says, with the same mapping as the apps' DataSource.
  const { url: bare, ssl } = postgresConnection(url, sslRootCert);
  const client = new Client({ connectionString: bare, ssl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A quoted SQL string literal (DDL takes no parameters). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** A quoted SQL identifier (DDL takes no parameters). */
export const ident = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * As a superuser: creates (or updates) the owner and app roles, gives the database to the owner,
 * and hands the owner every object an earlier version created as the superuser. The owner may
 * create databases and end other sessions so that tests can make and drop scratch databases.
 */
export async function provisionRoles(
  superuserUrl: string,
  database: string,
  passwords: { owner: string; app: string },
): Promise<DatabaseRoles> {
  const roles = rolesFor(database);
  await withClient(superuserUrl, async (client) => {
    for (const [role, password, extra] of [
      [roles.owner, passwords.owner, 'CREATEDB'],
      [roles.app, passwords.app, 'NOCREATEDB'],
    ] as const) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        // verb and extra are fixed keywords from the lines above
        // eslint-disable-next-line no-restricted-syntax
        `${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS ${extra} PASSWORD ${literal(password)}`,
      );
    }
    await client.query(`GRANT pg_signal_backend TO ${ident(roles.owner)}`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(roles.owner)}`);
    else await client.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(roles.owner)}`);
  });
  const url = new URL(superuserUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), (client) => client.query(handOver(roles.owner)));
  return roles;
}

/** Tables, views, free-standing sequences and functions of `public` that someone else owns go to the owner. */
function handOver(owner: string): string {
  return `
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> ${literal(owner)}
      AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name, ${literal(owner)});
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> ${literal(owner)}
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO %I', r.name, ${literal(owner)});
  END LOOP;
END $$;`;
}

/**
 * As the owner, after migrations: the app role reads and writes the tables but changes no schema,
 * only appends to and reads the audit log, and only reads the migrations table. Default
 * privileges cover tables that later migrations create.
 */
export async function grantAppRole(ownerUrl: string, appRole: string, sslRootCert?: Buffer): Promise<void> {
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  await withClient(
    ownerUrl,
    async (client) => {
      await client.query(`
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      REVOKE TEMPORARY ON DATABASE ${ident(database)} FROM PUBLIC;
      GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(appRole)};
      GRANT USAGE ON SCHEMA public TO ${ident(appRole)};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(appRole)};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(appRole)};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(appRole)};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(appRole)};
      REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM ${ident(appRole)};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${ident(appRole)};
    `);
    },
    sslRootCert,
  );
}

/** `url` with another user and password. */
export function withCredentials(url: string, user: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}
