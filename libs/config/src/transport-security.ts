/** libpq's sslmode values that node-postgres can honour (it cannot fall back, so no `allow`/`prefer`). */
export const POSTGRES_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type PostgresSslMode = (typeof POSTGRES_SSL_MODES)[number];

/** URL parameters node-postgres would act on by itself (reading files, changing TLS): refused, so one place decides. */
const PG_TLS_PARAMETERS = ['ssl', 'sslcert', 'sslkey', 'sslrootcert', 'sslpassword', 'uselibpqcompat', 'sslnegotiation'];

/** The subset of Node's TLS options node-postgres gets. */
export interface PostgresTlsOptions {
  rejectUnauthorized: boolean;
  ca?: Buffer;
  /** Set (to accept any name) only for verify-ca: the chain is checked, the host name is not. */
  checkServerIdentity?: () => undefined;
}

/** What node-postgres gets for one database URL: the URL without TLS parameters, and the TLS options. */
export interface PostgresConnection {
  url: string;
  mode: PostgresSslMode;
  ssl: false | PostgresTlsOptions;
}

/**
 * Maps `?sslmode=` of a postgres URL (and a CA, like PGSSLROOTCERT) to node-postgres' `ssl` option
 * with libpq's meaning: `require` encrypts without checking the certificate (with a CA it checks the
 * chain, as libpq does), `verify-ca` checks the chain, `verify-full` also the host name. No sslmode
 * or `disable`: no TLS. Throws an Error naming the problem for anything else.
 */
export function postgresConnection(url: string, rootCert?: Buffer): PostgresConnection {
  const parsed = new URL(url);
  const refused = PG_TLS_PARAMETERS.filter((name) => parsed.searchParams.has(name));
  if (refused.length > 0) throw new Error(`DATABASE_URL must not carry ${refused.join(', ')}: use sslmode and DATABASE_SSL_ROOT_CERT`);
  const raw = parsed.searchParams.get('sslmode') ?? 'disable';
  if (!(POSTGRES_SSL_MODES as readonly string[]).includes(raw))
    throw new Error(`DATABASE_URL sslmode must be one of ${POSTGRES_SSL_MODES.join(', ')} (got ${raw})`);
  const mode = raw as PostgresSslMode;
  parsed.searchParams.delete('sslmode');
  const bare = parsed.toString();
  if (mode === 'disable') {
    if (rootCert) throw new Error('DATABASE_SSL_ROOT_CERT needs sslmode=require, verify-ca or verify-full in DATABASE_URL');
    return { url: bare, mode, ssl: false };
  }
  if (mode === 'verify-ca' && !rootCert) throw new Error('sslmode=verify-ca needs DATABASE_SSL_ROOT_CERT (the CA to check against)');
  const ca = rootCert ? { ca: rootCert } : {};
  if (mode === 'require' && !rootCert) return { url: bare, mode, ssl: { rejectUnauthorized: false } };
  if (mode === 'verify-full') return { url: bare, mode, ssl: { rejectUnauthorized: true, ...ca } };
  // verify-ca, and require with a CA: the chain is checked, the host name is not.
  return { url: bare, mode, ssl: { rejectUnauthorized: true, ...ca, checkServerIdentity: () => undefined } };
}

/** TLS towards the Temporal frontend (client and worker). */
export interface TemporalTls {
  /** CA of the server certificate; the system's CAs without it. */
  ca?: Buffer;
  /** Client certificate and key for mTLS. */
  clientCert?: { cert: Buffer; key: Buffer };
  /** The name the server certificate is checked against, when not the host of the address. */
  serverName?: string;
}

/** TLS towards Redis (rediss://). */
export interface RedisTls {
  ca?: Buffer;
}
