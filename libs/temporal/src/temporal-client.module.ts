import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { AppConfig } from '@sro/config';
import { appDataConverter } from './data-converter';
import { temporalConnectionOptions } from './temporal-connection';
import { WorkflowStateReader } from './workflow-state.reader';

/** A lazily connecting client with the encrypting data converter; the trace header only while tracing is on. */
export function temporalClient(config: AppConfig): Client {
  return new Client({
    connection: Connection.lazy(temporalConnectionOptions(config.temporal)),
    namespace: config.temporal.namespace,
    dataConverter: appDataConverter(config),
    // The interceptor writes its header even with tracing off, and a run started with that header
    // keeps OpenTelemetry's context storage in the worker's cache for its whole life (memory that
    // grows with the cache, CPU on every activation; seen in the soak's heap snapshots).
    interceptors: config.tracing.exporter === 'off' ? {} : { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
}

/**
 * A lazily connecting Temporal client with the encrypting data converter, and the workflow state
 * reader on it. With tracing on, starts, signals and updates carry the caller's trace context in
 * their headers; with it off they carry none, so the runs they start stay untraced.
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfig],
      useFactory: temporalClient,
    },
    WorkflowStateReader,
  ],
  exports: [Client, WorkflowStateReader],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close().catch(() => undefined);
  }
}
