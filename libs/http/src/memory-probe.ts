import { createServer, Server } from 'node:http';

const mb = (bytes: number) => Math.round(bytes / 104857.6) / 10;

/** The process's memory in MB, as the probes report it. */
export function memoryMb(): { rss: number; heapUsed: number; heapTotal: number; external: number } {
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) };
}

/**
 * A liveness and memory probe on a port of its own (not the API's): `GET /health` answers the
 * status `state` gives, with the process's memory in MB (the soak samples it). Nothing else is served.
 */
export function startMemoryProbe(port: number, host: string, state: () => { up: boolean } & Record<string, unknown>): Server {
  return createServer((req, res) => {
    const { up, ...rest } = state();
    res.writeHead(req.url === '/health' ? (up ? 200 : 503) : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: up ? 'up' : 'down', ...rest, memory: memoryMb() }));
  }).listen(port, host);
}
