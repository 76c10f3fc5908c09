import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@sro/config';
import { repoRoot } from '../devstack/paths';
import { prepareDatabase } from '../devstack/prepare-database';
import { DevSecrets, ephemeralSecrets } from '../devstack/secrets';
import { Stack, startStack } from '../devstack/stack';
import { stackEnvironment } from '../devstack/stack-env';

export interface BenchContext {
  stack: Stack;
  secrets: DevSecrets;
  work: string;
  /** The app configuration on the private stack, with changes. */
  config(overrides?: Record<string, string>): AppConfig;
}

/** A numeric `--name=value` argument. */
export const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);

/** Writes a benchmark's results, with the time, to bench/results/<file> and says where. */
export function writeBenchResult(file: string, results: Record<string, unknown>): void {
  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2));
  process.stdout.write(`written to ${path}\n`);
}

/**
 * Runs a benchmark on private PostgreSQL and Redis (and the Temporal dev server when asked;
 * migrated, demo data), writes what it returns to bench/results/<date>-<name>.json (or the file
 * given), tears everything down and exits.
 */
export function runBench(
  name: string,
  body: (ctx: BenchContext) => Promise<Record<string, unknown>>,
  options: { temporal?: boolean; file?: () => string } = {},
): void {
  const main = async () => {
    const work = mkdtempSync(join(tmpdir(), 'sro-bench-'));
    chmodSync(work, 0o755);
    const secrets = ephemeralSecrets();
    const stack = await startStack({
      mode: 'test',
      dataDir: work,
      postgresPassword: secrets.POSTGRES_PASSWORD,
      withoutTemporal: !options.temporal,
    });
    // Interrupted (Ctrl-C, timeout): the private servers go with the benchmark.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
    }
    try {
      await prepareDatabase(stack.databaseUrl, { seed: true, ownerUrl: stack.databaseOwnerUrl, fieldKeys: secrets.FIELD_KEYS });
      const config = (overrides: Record<string, string> = {}) =>
        loadConfig({ ...stackEnvironment(stack, secrets, work), LOG_LEVEL: 'error', ...overrides });
      const results = await body({ stack, secrets, work, config });
      writeBenchResult(options.file?.() ?? `${new Date().toISOString().slice(0, 10)}-${name}.json`, results);
    } finally {
      await stack.stop();
      // BENCH_KEEP=1 keeps the data and the API's and worker's logs (work/logs) for a look afterwards.
      if (process.env.BENCH_KEEP) process.stdout.write(`kept ${work}\n`);
      else rmSync(work, { recursive: true, force: true });
    }
  };
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
