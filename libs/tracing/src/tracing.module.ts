import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@sro/config';
import { ActiveTracing, startTracing } from './tracing';

/** Starts tracing from the configuration when the app is built; flushes pending spans when it stops. */
@Injectable()
export class Tracing implements OnApplicationShutdown {
  readonly active?: ActiveTracing;

  constructor(config: AppConfig) {
    this.active = startTracing(config);
  }

  async onApplicationShutdown(): Promise<void> {
    // Flush, not shut down: another app in the same process (tests) may still be tracing.
    await this.active?.provider.forceFlush().catch(() => undefined);
  }
}

@Global()
@Module({ providers: [Tracing], exports: [Tracing] })
export class TracingModule {}
