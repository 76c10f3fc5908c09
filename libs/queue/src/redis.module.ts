import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { Redis, RedisOptions } from 'ioredis';
import { AppConfig } from '@sro/config';

/** What a Redis connection needs from the configuration. */
export type RedisSettings = Pick<AppConfig['redis'], 'url' | 'password' | 'tls'>;

/**
 * The ioredis options for the configured Redis: BullMQ's requirements for blocking commands, the
 * password (REDIS_PASSWORD; one in the URL is read by ioredis itself) and, for `rediss://`, TLS
 * with the certificate checked (against REDIS_TLS_CA when given, else the system's CAs).
 */
export function redisOptions(settings: RedisSettings): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    lazyConnect: false,
    ...(settings.password ? { password: settings.password } : {}),
    ...(settings.tls ? { tls: { rejectUnauthorized: true, ...(settings.tls.ca ? { ca: settings.tls.ca } : {}) } } : {}),
  };
}

/** A connection to the configured Redis; BullMQ's duplicates of it keep its password and TLS. */
export function redisConnection(settings: RedisSettings): Redis {
  return new IORedis(settings.url, redisOptions(settings));
}

/** A shared ioredis client (health, queues' producers). */
@Global()
@Module({
  providers: [{ provide: Redis, inject: [AppConfig], useFactory: (config: AppConfig) => redisConnection(config.redis) }],
  exports: [Redis],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
