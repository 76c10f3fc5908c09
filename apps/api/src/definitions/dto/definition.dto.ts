import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Versions are PostgreSQL integers. */
const MAX_VERSION = 2_147_483_647;

export class CreateDraftDto {
  @ApiPropertyOptional({ description: 'Copy the spec of this version; empty draft when absent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  fromVersion?: number;

  @ApiPropertyOptional({ example: 'Phase 3 verlängert' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  changeNote?: string;
}

export class UpdateDraftDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The full spec; validated per key' })
  @IsObject()
  spec: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  changeNote?: string;
}

export class ValidateSpecDto {
  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  spec: Record<string, unknown>;
}

export class DiffQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_VERSION) from: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_VERSION) to: number;
}

export class MigrationPreviewQueryDto {
  @ApiProperty({ description: 'The version instances would move to (default: the published one)', required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  toVersion?: number;
}

export class ApplyMigrationDto {
  @ApiProperty({ description: 'The published version to move running instances to' })
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  toVersion: number;

  @ApiPropertyOptional({ type: [String], description: 'Only these instances (default: every compatible one)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true })
  processIds?: string[];
}
