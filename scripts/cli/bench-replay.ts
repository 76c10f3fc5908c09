import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { bundleWorkflows, installTemporalRuntime } from '@sro/temporal-worker';
import { decodeHistory } from '../../tests/workflows/histories/format';
import { arg, writeBenchResult } from '../bench/harness';
import { percentile, round, table } from '../bench/stats';
import { repoRoot } from '../devstack/paths';
import { say } from '../devstack/log';

const ROUNDS = arg('rounds', 8);
const REPEAT = arg('repeat', 10);

/**
 * `npm run bench:replay [-- --rounds=8 --repeat=10]`: the workflow side of a change alone. A
 * workflow that has left the worker's cache is replayed from its history before its next task, and
 * in `npm run bench` that replay is most of the worker's CPU per update. This replays the stored
 * histories of every workflow (tests/workflows/histories) `repeat` times, with the bundle as it
 * ships and with the same bundle without the sandbox's preloaded modules (V8's ten-frame stacks),
 * alternating for `rounds` pairs, and prints CPU milliseconds per replay of each and their ratio.
 * No servers: the SDK's replayer runs in this process.
 */
async function main(): Promise<void> {
  installTemporalRuntime('WARN');
  const dir = join(repoRoot(), 'tests', 'workflows', 'histories');
  const histories = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => decodeHistory(readFileSync(join(dir, f), 'utf8')).history);
  say('bundling the workflows twice (as shipped, and without the preloaded modules)…');
  const variants = { shipped: await bundleWorkflows(), 'ten-frame stacks': await bundleWorkflows(undefined, []) };
  const replayAll = async (code: string, tag: string): Promise<{ replays: number; cpuMs: number }> => {
    const runs = Array.from({ length: REPEAT }, (_, r) =>
      histories.map((history, i) => ({ workflowId: `${tag}-${r}-${i}`, history })),
    ).flat();
    const before = process.cpuUsage();
    let replays = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: { code } }, runs)) {
      if (result.error) throw result.error;
      replays += 1;
    }
    const used = process.cpuUsage(before);
    return { replays, cpuMs: (used.user + used.system) / 1000 };
  };
  for (const [name, code] of Object.entries(variants)) await replayAll(code, `warm-${name}`);
  const perReplay: Record<string, number[]> = { shipped: [], 'ten-frame stacks': [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternating order, so neither variant always runs on the warmer process.
    const order = r % 2 === 0 ? Object.keys(variants) : Object.keys(variants).reverse();
    for (const name of order) {
      const { replays, cpuMs } = await replayAll(variants[name as keyof typeof variants], `${name}-${r}`);
      perReplay[name].push(cpuMs / replays);
    }
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const pairs = perReplay.shipped.map((s, i) => s / perReplay['ten-frame stacks'][i]);
  const rows = Object.entries(perReplay).map(([variant, xs]) => ({
    variant,
    'CPU ms per replay (median)': round(median(xs), 2),
    min: round(Math.min(...xs), 2),
    max: round(Math.max(...xs), 2),
  }));
  const ratio = round(median(pairs), 3);
  process.stdout.write(
    `\n${histories.length} stored histories × ${REPEAT} per run, ${ROUNDS} runs of each variant\n${table(rows)}\n\n` +
      `shipped ÷ ten-frame stacks, median of the ${ROUNDS} pairs: ${ratio} (pairs ${pairs.map((p) => round(p, 3)).join(', ')})\n`,
  );
  writeBenchResult(`${new Date().toISOString().slice(0, 10)}-replay.json`, { rounds: ROUNDS, repeat: REPEAT, perReplay, pairs, ratio });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack}\n`);
    process.exit(1);
  },
);
