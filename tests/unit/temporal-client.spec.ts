import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { loadConfig } from '@sro/config';
import { temporalClient } from '@sro/temporal';
import { productionEnv } from '../support/config';

const env = productionEnv();

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
