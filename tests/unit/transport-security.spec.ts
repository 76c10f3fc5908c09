import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPayloadConverter } from '@temporalio/common';
import { ConfigError, loadConfig, parseKeyRing, postgresConnection } from '@sro/config';
import { createDataSource } from '@sro/database';
import { redisOptions } from '@sro/queue';
import { appDataConverter, EncryptionCodec, temporalConnectionOptions } from '@sro/temporal';

const key = () => randomBytes(32).toString('base64');
const base = {
  SRO_ENV: 'test',
  AUTH_MODE: 'dev',
  AUTH_DEV_SECRET: 'x'.repeat(40),
  DATABASE_URL: 'postgres://u:p@db.example:5432/sro',
  REDIS_URL: 'redis://redis:6379',
  TEMPORAL_ADDRESS: 'temporal.example:7233',
  PAYLOAD_KEYS: `k1:${key()}`,
  FIELD_KEYS: `f1:${key()}`,
  AUDIT_CHAIN_KEY: key(),
  SEARCH_INDEX_KEY: key(),
  MAIL_TRANSPORT: 'file',
  MAIL_DIR: '/tmp/mail',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('transport security settings', () => {
  let dir: string;
  const pem = (name: string, label = 'CERTIFICATE') => {
    const path = join(dir, name);
    writeFileSync(path, `-----BEGIN ${label}-----\n${randomBytes(48).toString('base64')}\n-----END ${label}-----\n`);
    return path;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sro-tls-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('Temporal (client and worker)', () => {
    it('connects without TLS when nothing is configured', () => {
      expect(temporalConnectionOptions(loadConfig(base).temporal)).toEqual({ address: 'temporal.example:7233' });
    });

    it('connects with TLS and the system CAs on TEMPORAL_TLS=true', () => {
      expect(temporalConnectionOptions(loadConfig({ ...base, TEMPORAL_TLS: 'true' }).temporal)).toEqual({
        address: 'temporal.example:7233',
        tls: {},
      });
    });

    it('maps CA, client certificate, key and server name to mTLS options with the files’ contents', () => {
      const [ca, cert, keyFile] = [pem('t-ca.pem'), pem('t-cert.pem'), pem('t-key.pem', 'PRIVATE KEY')];
      const config = loadConfig({
        ...base,
        TEMPORAL_TLS_CA: ca,
        TEMPORAL_TLS_CERT: cert,
        TEMPORAL_TLS_KEY: keyFile,
        TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal.internal',
      });
      const options = temporalConnectionOptions(config.temporal);
      expect(options.tls?.serverNameOverride).toBe('frontend.temporal.internal');
      expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toContain('BEGIN CERTIFICATE');
      expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toContain('BEGIN PRIVATE KEY');
      expect(Buffer.from(options.tls!.clientCertPair!.crt).equals(Buffer.from(config.temporal.tls!.clientCert!.cert))).toBe(true);
    });

    it('refuses a certificate without its key, TEMPORAL_TLS=false with TLS files, missing and non-PEM files', () => {
      const notPem = join(dir, 'not.pem');
      writeFileSync(notPem, 'hello');
      expect(problemsOf({ ...base, TEMPORAL_TLS_CERT: pem('only-cert.pem') })).toContain(
        'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together (mTLS needs the certificate and its key)',
      );
      expect(problemsOf({ ...base, TEMPORAL_TLS: 'false', TEMPORAL_TLS_CA: pem('ca2.pem') })).toContain(
        'TEMPORAL_TLS=false contradicts the TEMPORAL_TLS_* settings',
      );
      expect(problemsOf({ ...base, TEMPORAL_TLS_CA: join(dir, 'missing.pem') })).toEqual([
        `TEMPORAL_TLS_CA: ${join(dir, 'missing.pem')} cannot be read (ENOENT)`,
      ]);
      expect(problemsOf({ ...base, TEMPORAL_TLS_CA: notPem })).toEqual([`TEMPORAL_TLS_CA: ${notPem} is not a PEM file`]);
      expect(problemsOf({ ...base, TEMPORAL_TLS_SERVER_NAME: 'bad name/x' })).toEqual(['TEMPORAL_TLS_SERVER_NAME must be a host name']);
    });
  });

  describe('Redis (ioredis and BullMQ)', () => {
    it('uses no TLS and no password for redis:// without REDIS_PASSWORD', () => {
      const options = redisOptions(loadConfig(base).redis);
      expect(options.tls).toBeUndefined();
      expect(options.password).toBeUndefined();
      expect(options.maxRetriesPerRequest).toBeNull();
    });

    it('checks the server certificate for rediss:// (against REDIS_TLS_CA) and sends REDIS_PASSWORD', () => {
      const ca = pem('r-ca.pem');
      const options = redisOptions(
        loadConfig({ ...base, REDIS_URL: 'rediss://redis.example:6380', REDIS_PASSWORD: 's3cret-redis', REDIS_TLS_CA: ca }).redis,
      );
      expect(options.password).toBe('s3cret-redis');
      expect(options.tls).toMatchObject({ rejectUnauthorized: true });
      expect(String(options.tls!.ca)).toContain('BEGIN CERTIFICATE');
      expect(redisOptions(loadConfig({ ...base, REDIS_URL: 'rediss://redis.example:6380' }).redis).tls).toEqual({
        rejectUnauthorized: true,
      });
    });

    it('refuses a CA without rediss:// and a password given twice', () => {
      expect(problemsOf({ ...base, REDIS_TLS_CA: pem('r2.pem') })).toContain('REDIS_TLS_CA needs a rediss:// REDIS_URL');
      expect(problemsOf({ ...base, REDIS_URL: 'rediss://:inurl@redis:6380', REDIS_PASSWORD: 'other' })).toContain(
        'REDIS_PASSWORD and a password in REDIS_URL: give it once',
      );
    });
  });

  describe('PostgreSQL (node-postgres via TypeORM)', () => {
    const url = 'postgres://u:p@db.example:5432/sro';
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');

    it.each([
      ['no sslmode', url, undefined, false],
      ['disable', `${url}?sslmode=disable`, undefined, false],
      ['require', `${url}?sslmode=require`, undefined, { rejectUnauthorized: false }],
      ['verify-full', `${url}?sslmode=verify-full`, undefined, { rejectUnauthorized: true }],
      ['verify-full with a CA', `${url}?sslmode=verify-full`, ca, { rejectUnauthorized: true, ca }],
    ])('maps %s to the ssl option and strips it from the URL', (_name, input, rootCert, ssl) => {
      const connection = postgresConnection(input, rootCert);
      expect(connection.ssl).toEqual(ssl);
      expect(connection.url).toBe(`${url}`);
    });

    it('checks the chain but not the host name for verify-ca, and for require with a CA (as libpq does)', () => {
      for (const mode of ['verify-ca', 'require']) {
        const { ssl } = postgresConnection(`${url}?sslmode=${mode}&application_name=x`, ca);
        expect(ssl).toMatchObject({ rejectUnauthorized: true, ca });
        expect(ssl && ssl.checkServerIdentity!()).toBeUndefined();
      }
      expect(postgresConnection(`${url}?sslmode=verify-ca&application_name=x`, ca).url).toBe(`${url}?application_name=x`);
    });

    it('refuses modes node-postgres cannot honour, TLS parameters of its own, verify-ca without a CA and a CA without TLS', () => {
      expect(problemsOf({ ...base, DATABASE_URL: `${url}?sslmode=prefer` })).toEqual([
        'DATABASE_URL sslmode must be one of disable, require, verify-ca, verify-full (got prefer)',
      ]);
      expect(problemsOf({ ...base, DATABASE_URL: `${url}?sslmode=require&sslrootcert=/etc/ca.pem` })).toEqual([
        'DATABASE_URL must not carry sslrootcert: use sslmode and DATABASE_SSL_ROOT_CERT',
      ]);
      expect(problemsOf({ ...base, DATABASE_URL: `${url}?sslmode=verify-ca` })).toEqual([
        'sslmode=verify-ca needs DATABASE_SSL_ROOT_CERT (the CA to check against)',
      ]);
      expect(problemsOf({ ...base, DATABASE_SSL_ROOT_CERT: pem('pg.pem') })).toEqual([
        'DATABASE_SSL_ROOT_CERT needs sslmode=require, verify-ca or verify-full in DATABASE_URL',
      ]);
    });

    it('gives the DataSource of API, worker and migrations the mapped options, the CA read from DATABASE_SSL_ROOT_CERT', () => {
      const config = loadConfig({ ...base, DATABASE_URL: `${url}?sslmode=verify-full`, DATABASE_SSL_ROOT_CERT: pem('pg-ca.pem') });
      const dataSource = createDataSource({ url: config.database.url, sslRootCert: config.database.sslRootCert, entities: [] });
      const options = dataSource.options as { url: string; ssl: { rejectUnauthorized: boolean; ca: Buffer } };
      expect(options.url).toBe(url);
      expect(options.ssl.rejectUnauthorized).toBe(true);
      expect(options.ssl.ca.toString()).toContain('BEGIN CERTIFICATE');
      expect((createDataSource({ url, entities: [] }).options as { ssl: unknown }).ssl).toBe(false);
    });
  });
});

describe('payload codec in production', () => {
  const keys = parseKeyRing(`k1:${key()}`);
  const plain = defaultPayloadConverter.toPayload({ caseId: 'c-1', note: 'eingeschleust' })!;

  it('refuses an unencrypted inbound payload when told to, and still opens encrypted ones', async () => {
    const codec = new EncryptionCodec(keys, { refuseUnencrypted: true });
    await expect(codec.decode([plain])).rejects.toThrow(/Unencrypted payload refused \(encoding json\/plain\)/);
    const [encoded] = await codec.encode([plain]);
    const [decoded] = await codec.decode([encoded]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ caseId: 'c-1', note: 'eingeschleust' });
  });

  it('is strict exactly when SRO_ENV=production (the converter of client and worker)', async () => {
    const decode = (production: boolean) =>
      appDataConverter({ payloadKeys: keys, isProduction: production }).payloadCodecs![0].decode([plain]);
    await expect(decode(true)).rejects.toThrow(/Unencrypted payload refused/);
    await expect(decode(false)).resolves.toEqual([plain]);
    const production = loadConfig({
      ...base,
      SRO_ENV: 'production',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER_URL: 'https://idp.example/realms/sro',
      OIDC_AUDIENCE: 'sro-api',
      APP_BASE_URL: 'https://sro.example.org',
    });
    await expect(appDataConverter(production).payloadCodecs![0].decode([plain])).rejects.toThrow(/Unencrypted payload refused/);
  });
});
