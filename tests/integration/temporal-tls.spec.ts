import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, Server, TLSSocket } from 'node:tls';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { temporalConnectionOptions } from '@sro/temporal';
import { testConfig } from '../support/config';
import { makeClientCertificate, makeTestCertificates } from '../support/tls-certs';

/**
 * The Temporal dev server of the test stack speaks no TLS, so a TLS endpoint that demands a client
 * certificate stands in for the frontend: it records each handshake (and the client's certificate)
 * and then hangs up. What is tested is that the options built from TEMPORAL_TLS_* make both the
 * worker's NativeConnection (Rust core) and the API's Connection (grpc-js) do mTLS with the right CA
 * and server name; no gRPC call is expected to succeed.
 */
describe('Temporal connections over mTLS (client and worker)', () => {
  let dir: string;
  let server: Server;
  let port: number;
  let certs: ReturnType<typeof makeTestCertificates>;
  let client: ReturnType<typeof makeClientCertificate>;
  const handshakes: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sro-temporal-tls-'));
    certs = makeTestCertificates(dir, 'DNS:temporal.internal');
    client = makeClientCertificate(dir, 'sro-worker');
    server = createServer({
      key: readFileSync(certs.key),
      cert: readFileSync(certs.cert),
      ca: readFileSync(certs.ca),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    });
    server.on('secureConnection', (socket: TLSSocket) => {
      handshakes.push(socket.getPeerCertificate().subject.CN as string);
      socket.destroy();
    });
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = (env: Record<string, string>) => testConfig({ TEMPORAL_ADDRESS: `127.0.0.1:${port}`, ...env }).temporal;
  const mtls = () =>
    settings({
      TEMPORAL_TLS_CA: certs.ca,
      TEMPORAL_TLS_CERT: client.cert,
      TEMPORAL_TLS_KEY: client.key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });

  async function attempt(connect: () => Promise<{ close(): Promise<void> }>): Promise<void> {
    try {
      const connection = await connect();
      await connection.close();
    } catch {
      // The stand-in hangs up after the handshake: the connection itself must fail.
    }
  }

  it('the worker (NativeConnection) presents its client certificate to a server it verified by CA and name', async () => {
    handshakes.length = 0;
    await attempt(() => NativeConnection.connect(temporalConnectionOptions(mtls())));
    expect(handshakes).toContain('sro-worker');
  });

  it('the API client (Connection) does the same', async () => {
    handshakes.length = 0;
    await attempt(() => Connection.connect({ ...temporalConnectionOptions(mtls()), connectTimeout: '3s' }));
    expect(handshakes).toContain('sro-worker');
  });

  it('completes no handshake without the server name, with another CA or without a client certificate', async () => {
    handshakes.length = 0;
    const variants = [
      settings({ TEMPORAL_TLS_CA: certs.ca, TEMPORAL_TLS_CERT: client.cert, TEMPORAL_TLS_KEY: client.key }),
      settings({
        TEMPORAL_TLS_CA: certs.otherCa,
        TEMPORAL_TLS_CERT: client.cert,
        TEMPORAL_TLS_KEY: client.key,
        TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      }),
      settings({ TEMPORAL_TLS_CA: certs.ca, TEMPORAL_TLS_SERVER_NAME: 'temporal.internal' }),
    ];
    for (const variant of variants) await attempt(() => NativeConnection.connect(temporalConnectionOptions(variant)));
    expect(handshakes).toEqual([]);
  });
});
