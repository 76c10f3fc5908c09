import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@sro/auth';
import { problem, sendProblem } from '@sro/http';
import { HealthReport, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'All components are up' })
  @ApiServiceUnavailableResponse({ description: 'At least one component is down (problem+json with `components`)' })
  async get(@Res() res: Response): Promise<void> {
    const report: HealthReport = await this.health.check();
    res.setHeader('Cache-Control', 'no-store');
    if (report.status === 'up') {
      res.status(200).json(report);
      return;
    }
    const down = Object.entries(report.components)
      .filter(([, c]) => c.status === 'down')
      .map(([name]) => name);
    sendProblem(res, problem(503, 'unhealthy', `Down: ${down.join(', ')}`, { components: report.components }), { 'Retry-After': '5' });
  }
}
