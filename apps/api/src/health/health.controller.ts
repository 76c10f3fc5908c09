import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@sro/auth';
import { problem, sendProblem } from '@sro/http';
import { HealthReport, HealthService } from './health.service';

class ComponentStatusDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ description: 'Antwortzeit der Prüfung in ms' })
  latencyMs: number;

  @ApiPropertyOptional({ description: 'Fehlermeldung, wenn nicht erreichbar' })
  error?: string;
}

class HealthComponentsDto {
  @ApiProperty({ type: ComponentStatusDto })
  database: ComponentStatusDto;

  @ApiProperty({ type: ComponentStatusDto })
  redis: ComponentStatusDto;

  @ApiProperty({ type: ComponentStatusDto })
  temporal: ComponentStatusDto;
}

/** The health report: every component up. */
class HealthReportDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty({ type: HealthComponentsDto })
  components: HealthComponentsDto;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'All components are up', type: HealthReportDto })
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
