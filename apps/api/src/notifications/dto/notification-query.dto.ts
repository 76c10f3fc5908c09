import { ApiPropertyOptional } from '@nestjs/swagger';
import { PagingDto } from '../../common/paging.dto';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { REMINDER_STATUSES, ReminderStatus } from '@sro/reminders';

export class InboxQueryDto extends PagingDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread: boolean = false;
}

export class ReminderQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: REMINDER_STATUSES })
  @IsOptional()
  @IsIn(REMINDER_STATUSES)
  status?: ReminderStatus;
}
