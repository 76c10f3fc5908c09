import { randomBytes } from 'node:crypto';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { loadConfig } from '@sro/config';
import { temporalClient } from '@sro/temporal';

const key = () => randomBytes(32).toString('base64');
const env = {
  DATABASE_URL: 'postgres://u:p@db:5432/sro',
  REDIS_URL: 'redis://redis:6379',
  TEMPORAL_ADDRESS: 'temporal:7233',
  PAYLOAD_KEYS: `k1:${key()}`,
  FIELD_KEYS: `f1:${key()}`,
  AUDIT_CHAIN_KEY: key(),
  SEARCH_INDEX_KEY: key(),
  AUTH_MODE: 'oidc',
  OIDC_ISSUER_URL: 'https://keycloak.example/realms/jugendamt',
  OIDC_AUDIENCE: 'sro-engine',
  SMTP_URL: 'smtp://mail.example:25',
  APP_BASE_URL: 'https://sro.example.org',
};

describe('the API’s Temporal client', () => {
  it('puts no trace header on starts while tracing is off, so the runs stay untraced in the worker', async () => {
    const client = temporalClient(loadConfig({ ...env, TRACING: 'off' }));
    expect(client.options.interceptors.workflow ?? []).toEqual([]);
    await client.connection.close().catch(() => undefined);
  });

  it('carries the trace context while tracing is on', async () => {
    const client = temporalClient(loadConfig({ ...env, TRACING: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.example:4318' }));
    const interceptors = client.options.interceptors.workflow;
    expect(Array.isArray(interceptors) ? interceptors : []).toEqual([expect.any(OpenTelemetryWorkflowClientInterceptor)]);
    await client.connection.close().catch(() => undefined);
  });
});
