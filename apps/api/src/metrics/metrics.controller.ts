import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@sro/auth';
import { DomainError, ErrorCode } from '@sro/common';
import { AppConfig } from '@sro/config';
import { MetricsService } from './metrics.service';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Prometheus scrape endpoint. Not a user route: no JWT, but its own bearer token (METRICS_TOKEN);
 * without a configured token it does not exist (404).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const token = this.config.metrics.token;
    if (!token) throw DomainError.notFound('Die Adresse');
    const given = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '';
    // Compared as digests: equal length, constant time.
    if (!timingSafeEqual(digest(given), digest(token))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Für /metrics ist das Metrik-Token erforderlich.');
    }
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
