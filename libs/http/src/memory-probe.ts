import { createWriteStream } from 'node:fs';
import { createServer, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeHeapSnapshot } from 'node:v8';
import type { Worker as Thread } from 'node:worker_threads';

const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;

/** The process's memory in MB, as the probes report it. */
export function memoryMb(): { rss: number; heapUsed: number; heapTotal: number; external: number } {
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) };
}

const SNAPSHOT_NAME = /^[\w.-]{1,100}$/;

/** Heap snapshots of the main thread and of `threads`; the files, main thread first. */
async function writeHeapSnapshots(dir: string, name: string, threads: Thread[]): Promise<string[]> {
  const files = [writeHeapSnapshot(join(dir, `${name}.heapsnapshot`))];
  for (const [i, thread] of threads.entries()) {
    const file = join(dir, `${name}-thread${i + 1}.heapsnapshot`);
    await pipeline(await thread.getHeapSnapshot(), createWriteStream(file));
    files.push(file);
  }
  return files;
}

/**
 * A liveness and memory probe on a port of its own (not the API's): `GET /health` answers the
 * status `state` gives, with the process's memory in MB (the soak samples it). With `snapshots.dir`
 * (HEAP_SNAPSHOT_DIR, never in production) `POST /heap-snapshot?name=<label>` writes V8 heap
 * snapshots to `<dir>/<label>.heapsnapshot` (main thread) and `<label>-thread<n>.heapsnapshot` (the
 * worker threads `snapshots.threads` names) and answers their paths; the process stands still
 * while they are written (seconds). Nothing else is served.
 */
export function startMemoryProbe(
  port: number,
  host: string,
  state: () => { up: boolean } & Record<string, unknown>,
  snapshots: { dir?: string; threads?: () => Thread[] } = {},
): Server {
  const { dir, threads = () => [] } = snapshots;
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://probe');
    if (dir !== undefined && req.method === 'POST' && url.pathname === '/heap-snapshot') {
      const name = url.searchParams.get('name') ?? '';
      if (!SNAPSHOT_NAME.test(name)) return answer(res, 400, { error: 'name must be 1-100 letters, digits, ".", "-" or "_"' });
      writeHeapSnapshots(dir, name, threads()).then(
        (files) => answer(res, 200, { files, memory: memoryMb() }),
        (error: unknown) => answer(res, 500, { error: (error as Error).message }),
      );
      return;
    }
    const { up, ...rest } = state();
    res.writeHead(url.pathname === '/health' ? (up ? 200 : 503) : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: up ? 'up' : 'down', ...rest, memory: memoryMb() }));
  }).listen(port, host);
}
