import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { dataDir } from './paths';
import { startEmbeddedPostgres } from './postgres';
import { ensureDevSecrets } from './secrets';

/** What a running `npm start` publishes for the other commands (token, audit:verify). */
export interface Runtime {
  pid: number;
  apiUrl: string;
  databaseUrl: string;
  /** The owner role (migrations); absent when one DATABASE_URL serves both. */
  databaseOwnerUrl?: string;
  redisUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
}

const runtimeFile = () => join(dataDir(), 'runtime.json');

export function writeRuntime(runtime: Runtime): void {
  writeFileSync(runtimeFile(), JSON.stringify(runtime, null, 2), { mode: 0o600 });
}

export function clearRuntime(): void {
  rmSync(runtimeFile(), { force: true });
}

function readRuntime(): Runtime | undefined {
  if (!existsSync(runtimeFile())) return undefined;
  const runtime = JSON.parse(readFileSync(runtimeFile(), 'utf8')) as Runtime;
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return undefined;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The database for a tool (`url` the app role, `ownerUrl` the owner for migrations): DATABASE_URL
 * (and DATABASE_OWNER_URL), else the one a running `npm start` uses, else the
 * embedded cluster in `.data/` started just for this call.
 */
export async function toolDatabase(): Promise<{ url: string; ownerUrl?: string; release(): Promise<void> }> {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL, release: async () => undefined };
  const runtime = readRuntime();
  if (runtime && (await reachable(runtime.databaseUrl)))
    return { url: runtime.databaseUrl, ownerUrl: runtime.databaseOwnerUrl, release: async () => undefined };
  const secrets = ensureDevSecrets(dataDir());
  const server = await startEmbeddedPostgres({ dir: join(dataDir(), 'postgres'), password: secrets.POSTGRES_PASSWORD, database: 'sro' });
  return { url: server.appUrl, ownerUrl: server.ownerUrl, release: server.stop };
}
