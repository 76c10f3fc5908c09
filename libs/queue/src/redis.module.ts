import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { AppConfig } from '@sro/config';

/** Connection options BullMQ requires for blocking commands. */
export function redisConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}

/** A shared ioredis client (health, queues' producers). */
@Global()
@Module({
  providers: [{ provide: Redis, inject: [AppConfig], useFactory: (config: AppConfig) => redisConnection(config.redis.url) }],
  exports: [Redis],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
