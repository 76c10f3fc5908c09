import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '@sro/config';

/** How client and worker reach the Temporal frontend: the address and, when configured, TLS or mTLS. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
}

/** Maps TEMPORAL_ADDRESS and TEMPORAL_TLS_* (AppConfig.temporal) to the options of Connection and NativeConnection. */
export function temporalConnectionOptions(temporal: Pick<AppConfig['temporal'], 'address' | 'tls'>): TemporalConnectionOptions {
  if (!temporal.tls) return { address: temporal.address };
  const { ca, clientCert, serverName } = temporal.tls;
  return {
    address: temporal.address,
    tls: {
      ...(ca ? { serverRootCACertificate: ca } : {}),
      ...(clientCert ? { clientCertPair: { crt: clientCert.cert, key: clientCert.key } } : {}),
      ...(serverName ? { serverNameOverride: serverName } : {}),
    },
  };
}
