import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUDIT_OUTCOMES, AuditOutcome } from '@sro/audit';
import { PagingDto } from '../../common/paging.dto';

export class AuditQueryDto extends PagingDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) resourceType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) resourceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) action?: string;
  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES }) @IsOptional() @IsIn(AUDIT_OUTCOMES) outcome?: AuditOutcome;
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' }) @IsOptional() @IsDateString() to?: string;
}
