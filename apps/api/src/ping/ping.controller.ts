import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@sro/config';
import { Roles } from '@sro/auth';
import { Role } from '@sro/common';
import { PingInput, PingOutput, WorkflowType } from '@sro/workflows/contracts';
import { PingDto } from './dto/ping.dto';
import { PingResultDto } from './dto/ping-result.dto';

@ApiTags('system')
@ApiBearerAuth()
@Controller('ping')
export class PingController {
  constructor(
    private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  /** Runs the `ping` workflow end to end (API → Temporal → worker → activity) and returns its reply. */
  @Post()
  @HttpCode(200)
  @Roles(Role.Admin)
  @ApiOkResponse({ type: PingResultDto })
  async ping(@Body() body: PingDto): Promise<PingResultDto> {
    const workflowId = `ping-${randomUUID()}`;
    const input: PingInput = { message: body.message };
    const result = await this.temporal.workflow.execute<(i: PingInput) => Promise<PingOutput>>(WorkflowType.Ping, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [input],
      workflowExecutionTimeout: '30 seconds',
    });
    return { ...result, workflowId };
  }
}
