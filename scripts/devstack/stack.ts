import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { say } from './log';
import { ensureDatabase, startEmbeddedPostgres } from './postgres';
import { startRedis } from './redis';
import { startTemporalDevServer } from './temporal';
import { preferredPort } from './process-utils';

export interface StackOptions {
  /** Where embedded services keep their data. */
  dataDir: string;
  postgresPassword: string;
  /** `dev`: persistent data and the Temporal Web UI; `test`: Temporal in memory, headless. */
  mode: 'dev' | 'test';
  codecEndpoint?: string;
  /** Leave Temporal out (benchmarks of the reminder path need only PostgreSQL and Redis). */
  withoutTemporal?: boolean;
  /** DATABASE_URL, REDIS_URL, TEMPORAL_ADDRESS given by the caller win over embedded services. */
  external?: { databaseUrl?: string; redisUrl?: string; temporalAddress?: string };
}

export interface Stack {
  /** The app role's URL (API, worker). */
  databaseUrl: string;
  /** The owner role's URL (migrations, seeding); absent when one external DATABASE_URL serves both. */
  databaseOwnerUrl?: string;
  redisUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  /** Which parts this process started (and will stop). */
  embedded: { postgres: boolean; redis: boolean; temporal: boolean };
  stop(): Promise<void>;
}

/** Brings up PostgreSQL, Redis and Temporal, each either external (from the environment) or embedded. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const stops: Array<() => Promise<void>> = [];
  const external = options.external ?? {};
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    // allSettled: when one part fails, the others have finished starting and are stopped below, none leaks.
    const settled = await Promise.allSettled([
      (async () => {
        if (external.databaseUrl) {
          if (options.mode === 'test') {
            // A private database per run on the external server keeps runs apart.
            const url = new URL(external.databaseUrl);
            const database = `sro_test_${randomBytes(4).toString('hex')}`;
            await ensureDatabase(external.databaseUrl, database);
            url.pathname = `/${database}`;
            return { url: url.toString() };
          }
          return { url: external.databaseUrl };
        }
        const server = await startEmbeddedPostgres({
          dir: join(options.dataDir, 'postgres'),
          password: options.postgresPassword,
          database: 'sro',
        });
        stops.push(server.stop);
        return { url: server.appUrl, ownerUrl: server.ownerUrl };
      })(),
      (async () => {
        if (external.redisUrl) return external.redisUrl;
        const server = await startRedis(join(options.dataDir, 'redis'), { appendOnly: options.mode === 'dev' });
        stops.push(server.stop);
        return server.url;
      })(),
      (async () => {
        if (external.temporalAddress) return { address: external.temporalAddress, uiUrl: undefined };
        if (options.withoutTemporal) return { address: '127.0.0.1:7233', uiUrl: undefined };
        const server = await startTemporalDevServer(
          options.mode === 'dev'
            ? {
                dbFile: join(options.dataDir, 'temporal.sqlite'),
                port: await preferredPort(7233),
                uiPort: await preferredPort(8233),
                codecEndpoint: options.codecEndpoint,
              }
            : { headless: true },
        );
        stops.push(server.stop);
        return { address: server.address, uiUrl: server.uiUrl };
      })(),
    ]);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const [postgres, redis, temporal] = settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
      { url: string; ownerUrl?: string },
      string,
      { address: string; uiUrl?: string },
    ];
    return {
      databaseUrl: postgres.url,
      databaseOwnerUrl: postgres.ownerUrl,
      redisUrl: redis,
      temporalAddress: temporal.address,
      temporalUiUrl: temporal.uiUrl,
      embedded: { postgres: !external.databaseUrl, redis: !external.redisUrl, temporal: !external.temporalAddress },
      stop,
    };
  } catch (error) {
    say(`start-up failed: ${(error as Error).message}`);
    await stop();
    throw error;
  }
}
