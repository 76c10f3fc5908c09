import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sro/config';
import { createDataSource, EntityList } from './data-source';

async function connectWithRetry(config: AppConfig, appName: string, entities: EntityList): Promise<DataSource> {
  const logger = new Logger('Database');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const dataSource = createDataSource({
      url: config.database.url,
      entities,
      poolSize: config.database.poolSize,
      sslRootCert: config.database.sslRootCert,
      applicationName: appName,
    });
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      logger.warn({ msg: 'database not reachable yet, retrying', error: (error as Error).message });
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** Provides the TypeORM DataSource (global) with the entities the app passes, and closes it on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(applicationName: string, entities: EntityList) {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => connectWithRetry(config, applicationName, entities),
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
