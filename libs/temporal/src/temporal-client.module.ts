import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@sro/config';
import { createDataConverter } from './data-converter';

/** A lazily connecting Temporal client with the encrypting data converter. */
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
        }),
    },
  ],
  exports: [Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Client) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close().catch(() => undefined);
  }
}
