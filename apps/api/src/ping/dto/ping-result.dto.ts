import { ApiProperty } from '@nestjs/swagger';

/** The reply of the `ping` workflow and the id it ran under. */
export class PingResultDto {
  @ApiProperty({ example: 'pong from sro: hello' })
  reply: string;

  @ApiProperty({ example: 'ping-0f8e6c1a-5b7d-4c2e-9a3b-1d2e3f4a5b6c' })
  workflowId: string;
}
