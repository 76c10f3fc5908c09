import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppConfig } from '@sro/config';
import { redisConnection } from '@sro/queue';
import { freePort, stopChild, waitForPort } from '../../scripts/devstack/process-utils';
import { testConfig } from '../support/config';
import { makeTestCertificates } from '../support/tls-certs';

const PASSWORD = 'tls-test-password-1234';

/** The first error a client reports (and then no more reconnecting). */
function firstError(client: Redis): Promise<Error & { code?: string }> {
  return new Promise((resolve) => {
    client.once('error', (error: Error) => {
      client.disconnect();
      resolve(error);
    });
  });
}

/**
 * A private redis-server that speaks only TLS, with a certificate of a CA made by openssl in the
 * test and a password: the app's connections (ioredis, and BullMQ on top) reach it with the settings
 * of REDIS_URL=rediss://…, REDIS_PASSWORD and REDIS_TLS_CA, and nothing less.
 */
describe('Redis over TLS with a password', () => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  let certs: ReturnType<typeof makeTestCertificates>;
  const config = (env: Record<string, string>): AppConfig => testConfig({ REDIS_URL: `rediss://localhost:${port}`, ...env });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sro-redis-tls-'));
    certs = makeTestCertificates(dir);
    port = await freePort();
    server = spawn(
      'redis-server',
      [
        ...['--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1'],
        ...['--tls-cert-file', certs.cert, '--tls-key-file', certs.key, '--tls-ca-cert-file', certs.ca, '--tls-auth-clients', 'no'],
        ...['--requirepass', PASSWORD, '--dir', dir, '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await waitForPort('127.0.0.1', port, 15_000, server, 'redis-server (TLS)');
  });
  afterAll(async () => {
    await stopChild(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('connects with the CA and the password, and BullMQ runs a job over that connection (and its duplicates)', async () => {
    const settings = config({ REDIS_PASSWORD: PASSWORD, REDIS_TLS_CA: certs.ca }).redis;
    const client = redisConnection(settings);
    const queue = new Queue('tls-probe', { connection: client });
    const workerClient = redisConnection(settings);
    const worker = new Worker('tls-probe', async (job) => `done ${job.data.n}`, { connection: workerClient });
    try {
      expect(await client.ping()).toBe('PONG');
      const finished = new Promise<string>((resolve) => worker.on('completed', (_job, result: string) => resolve(result)));
      await queue.add('probe', { n: 7 });
      expect(await finished).toBe('done 7');
    } finally {
      await worker.close();
      await queue.close();
      client.disconnect();
      workerClient.disconnect();
    }
  });

  it('takes the password from a rediss:// URL as well', async () => {
    const client = redisConnection(config({ REDIS_URL: `rediss://:${PASSWORD}@localhost:${port}`, REDIS_TLS_CA: certs.ca }).redis);
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('refuses a server whose certificate the configured CA (or the system’s CAs) did not sign', async () => {
    for (const env of [{ REDIS_TLS_CA: certs.otherCa }, {}] as Array<Record<string, string>>) {
      const client = redisConnection(config({ REDIS_PASSWORD: PASSWORD, ...env }).redis);
      const error = await firstError(client);
      expect(error.code ?? error.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/);
    }
  });

  it('is refused without the password', async () => {
    const client = redisConnection(config({ REDIS_TLS_CA: certs.ca }).redis);
    const error = await firstError(client);
    expect(error.message).toMatch(/NOAUTH|Authentication required/);
  });
});
