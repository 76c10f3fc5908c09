import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class RegionSocialSpaceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'SR01' })
  code: string;

  @ApiProperty({ example: 'Sozialraum Teltow' })
  name: string;
}

export class PlanningRegionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'PR1' })
  code: string;

  @ApiProperty({ example: 'Planregion 1 – Teltow/Kleinmachnow' })
  name: string;

  @ApiProperty({ type: [RegionSocialSpaceDto] })
  socialSpaces: RegionSocialSpaceDto[];
}

/** Every planning region with its social spaces, by code. */
export class PlanningRegionListDto {
  @ApiProperty({ type: [PlanningRegionDto] })
  items: PlanningRegionDto[];
}

/** A municipality (Kommune) of the district, with its social space. */
export class MunicipalityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'KOM01' })
  code: string;

  @ApiProperty({ example: 'Teltow' })
  name: string;

  @ApiProperty({ enum: ['stadt', 'gemeinde'], description: 'Town (Stadt) or municipality (Gemeinde)' })
  kind: 'stadt' | 'gemeinde';

  @ApiProperty({ format: 'uuid' })
  socialSpaceId: string;

  @ApiProperty({ example: 'Sozialraum Teltow' })
  socialSpaceName: string;

  @ApiProperty({ format: 'uuid' })
  planningRegionId: string;
}

/** The municipalities, by name. */
export class MunicipalityListDto {
  @ApiProperty({ type: [MunicipalityDto] })
  items: MunicipalityDto[];
}

/** Filters of the municipality list. */
export class MunicipalityQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() planningRegionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() socialSpaceId?: string;
}
