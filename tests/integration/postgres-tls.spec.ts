import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '@sro/database';
import { loadConfig } from '@sro/config';
import { startPostgresProcess } from '../support/postgres-process';
import { makeTestCertificates } from '../support/tls-certs';

const PASSWORD = 'tls-test-postgres';

/**
 * A private PostgreSQL with `ssl=on` and a certificate (for the name localhost only) of a CA made by
 * openssl in the test: DATABASE_URL's sslmode and DATABASE_SSL_ROOT_CERT decide, with libpq's
 * meaning, whether the DataSource of API, worker and migrations encrypts and what it checks.
 */
describe('PostgreSQL over TLS (sslmode)', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startPostgresProcess>>;
  let port: number;
  let certs: ReturnType<typeof makeTestCertificates>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sro-pg-tls-'));
    chmodSync(dir, 0o755);
    certs = makeTestCertificates(join(dir), 'DNS:localhost');
    // PostgreSQL reads its key only when the server's user owns it and no one else may read it.
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      for (const file of [certs.cert, certs.key]) chownSync(file, uid, gid);
    }
    chmodSync(certs.key, 0o600);
    server = await startPostgresProcess({
      dir: join(dir, 'pg'),
      password: PASSWORD,
      database: 'sro_tls',
      serverFlags: ['-c', 'ssl=on', '-c', `ssl_cert_file=${certs.cert}`, '-c', `ssl_key_file=${certs.key}`],
    });
    port = Number(new URL(server.url).port);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = (host: string, sslmode?: string) =>
    `postgres://postgres:${PASSWORD}@${host}:${port}/sro_tls${sslmode ? `?sslmode=${sslmode}` : ''}`;

  /** Whether this connection is encrypted, as the server sees it; or the connection's error. */
  async function probe(databaseUrl: string, rootCertFile?: string): Promise<boolean | string> {
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(rootCertFile ? { DATABASE_SSL_ROOT_CERT: rootCertFile } : { DATABASE_SSL_ROOT_CERT: '' }),
    });
    const dataSource = createDataSource({ url: config.database.url, sslRootCert: config.database.sslRootCert, entities: [], poolSize: 1 });
    try {
      await dataSource.initialize();
      const [{ ssl }] = await dataSource.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
      return ssl as boolean;
    } catch (error) {
      return String((error as { code?: string }).code ?? (error as Error).message);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  }

  it('encrypts and checks chain and host name with verify-full and the CA', async () => {
    expect(await probe(url('localhost', 'verify-full'), certs.ca)).toBe(true);
  });

  it('refuses verify-full when the certificate is not for the host, or the CA did not sign it', async () => {
    expect(await probe(url('127.0.0.1', 'verify-full'), certs.ca)).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID|altnames/i);
    expect(await probe(url('localhost', 'verify-full'), certs.otherCa)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/);
    expect(await probe(url('localhost', 'verify-full'))).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/);
  });

  it('checks the chain but not the host name with verify-ca', async () => {
    expect(await probe(url('127.0.0.1', 'verify-ca'), certs.ca)).toBe(true);
    expect(await probe(url('127.0.0.1', 'verify-ca'), certs.otherCa)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/);
  });

  it('encrypts without checking with require, and does not encrypt without sslmode', async () => {
    expect(await probe(url('127.0.0.1', 'require'))).toBe(true);
    expect(await probe(url('127.0.0.1'))).toBe(false);
  });
});
