import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config';

/** Provides the validated AppConfig everywhere; start-up fails here when the environment is wrong. */
@Global()
@Module({})
export class ConfigModule {
  /** With a config (tests, tools) or from `process.env`. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [config ? { provide: AppConfig, useValue: config } : { provide: AppConfig, useFactory: () => loadConfig() }],
      exports: [AppConfig],
    };
  }
}
