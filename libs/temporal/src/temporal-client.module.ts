import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { AppConfig } from '@sro/config';
import { createDataConverter } from './data-converter';
import { WorkflowStateReader } from './workflow-state.reader';

/**
 * A lazily connecting Temporal client with the encrypting data converter, and the workflow state
 * reader on it. Starts, signals and updates carry the caller's trace context in their headers
 * (a no-op while tracing is off).
 */
@Global()
@Module({
  providers: [
    {
      provide: Client,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({ address: config.temporal.address }),
          namespace: config.temporal.namespace,
          dataConverter: createDataConverter(config.payloadKeys),
          interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
        }),
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
