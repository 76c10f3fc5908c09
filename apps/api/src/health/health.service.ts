import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

export type ComponentStatus = { status: 'up' | 'down'; latencyMs: number; error?: string };
export interface HealthReport {
  status: 'up' | 'down';
  components: { database: ComponentStatus; redis: ComponentStatus; temporal: ComponentStatus };
}

const CHECK_TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<ComponentStatus> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
      ),
    ]);
    return { status: 'up', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', latencyMs: Date.now() - started, error: (error as Error).message.split('\n')[0].slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

/** Checks PostgreSQL, Redis and Temporal independently and in parallel. */
@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly temporal: Client,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, redis, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    const allUp = [database, redis, temporal].every((c) => c.status === 'up');
    return { status: allUp ? 'up' : 'down', components: { database, redis, temporal } };
  }
}
