import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_OUTCOMES, AuditOutcome } from '@sro/audit';

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) resourceType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) resourceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) action?: string;
  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES }) @IsOptional() @IsIn(AUDIT_OUTCOMES) outcome?: AuditOutcome;
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' }) @IsOptional() @IsDateString() to?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset = 0;
}
