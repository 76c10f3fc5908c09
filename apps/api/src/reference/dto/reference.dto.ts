import { ApiProperty } from '@nestjs/swagger';

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
