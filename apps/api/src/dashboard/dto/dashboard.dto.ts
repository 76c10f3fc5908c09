import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DEADLINE_STATUSES, DeadlineCounts, DeadlineStatus, PhaseDeadline, PhaseDeadlinePage } from '@sro/processes';
import { PagingDto } from '../../common/paging.dto';

export class DeadlineQueryDto extends PagingDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  planningRegionId?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATUSES })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES)
  status?: DeadlineStatus;
}

/** The deadline of the current phase of one running social-space process. */
export class PhaseDeadlineDto implements PhaseDeadline {
  @ApiProperty({ format: 'uuid' })
  processId: string;

  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty()
  socialSpaceName: string;

  @ApiProperty({ format: 'uuid' })
  planningRegionId: string;

  @ApiProperty()
  planningRegionName: string;

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty({ enum: ['running', 'paused'] })
  processStatus: string;

  @ApiProperty({ example: 'analyse' })
  phaseKey: string;

  @ApiProperty()
  phaseTitle: string;

  @ApiProperty({ description: 'Position of the phase, from 1' })
  phaseNumber: number;

  @ApiProperty({ format: 'date-time', description: 'Effective due date (an extension counts)' })
  dueAt: string;

  @ApiProperty({ description: 'Whole days until the due date, rounded up; negative when overdue' })
  daysLeft: number;

  @ApiProperty({ enum: DEADLINE_STATUSES, description: 'Traffic light: paused, or by the due date' })
  status: DeadlineStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when the process is paused; null while it runs' })
  pausedSince: string | null;
}

/** How many processes of the selection (planning regions, before the status filter) show each traffic light. */
export class DeadlineCountsDto implements DeadlineCounts {
  @ApiProperty()
  overdue: number;

  @ApiProperty()
  dueSoon: number;

  @ApiProperty()
  onTrack: number;

  @ApiProperty()
  paused: number;
}

export class PhaseDeadlinePageDto implements PhaseDeadlinePage {
  @ApiProperty({ type: [PhaseDeadlineDto] })
  items: PhaseDeadlineDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;

  @ApiProperty({ type: DeadlineCountsDto })
  counts: DeadlineCountsDto;
}
