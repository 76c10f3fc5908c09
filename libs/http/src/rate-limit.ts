import { ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule, ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { AppConfig } from '@sro/config';

/** The classes of rate-limited routes; every other route is not limited. */
export type RateLimitClass = 'auth' | 'export';

/**
 * Routes whose cost or sensitivity calls for a limit per client, by `METHOD route-pattern`:
 * sign-in endpoints (guessing) and exports that read whole tables (load).
 */
export const RATE_LIMITED_ROUTES: Record<string, RateLimitClass> = {
  'GET /auth/config': 'auth',
  'GET /auth/dev-users': 'auth',
  'POST /auth/dev-token': 'auth',
  'GET /audit': 'export',
  'GET /time-entries/report': 'export',
  'GET /interview-cycles/:id/report': 'export',
};

function routeClass(context: ExecutionContext): RateLimitClass | undefined {
  const req = context.switchToHttp().getRequest<Request>();
  const pattern = (req.route?.path as string | undefined) ?? req.path;
  return RATE_LIMITED_ROUTES[`${req.method} ${pattern}`];
}

// One round trip, atomic: count the hit in the window, start the block when the limit is passed.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

/** Hit counters in Redis, so that every API instance counts against the same limit. */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const [hits, ttlMs, blockedMs] = (await this.redis.eval(
      INCREMENT,
      2,
      `${base}:hits`,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration,
    )) as number[];
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.max(0, Math.ceil(blockedMs / 1000)),
    };
  }
}

/** Limits only the routes of RATE_LIMITED_ROUTES; an exceeded limit answers 429 with `Retry-After`. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return context.getType() !== 'http' || routeClass(context) === undefined;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

const WINDOW_MS = 60_000;

/** Rate limits of the API (per client address, per minute, counted in Redis); limits come from the config. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, Redis],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: (['auth', 'export'] as const).map((name) => ({
          name,
          ttl: WINDOW_MS,
          limit: config.rateLimits[name],
          skipIf: (context: ExecutionContext) => routeClass(context) !== name,
        })),
        setHeaders: false,
        storage: new RedisThrottlerStorage(redis, config.redis.queuePrefix),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
