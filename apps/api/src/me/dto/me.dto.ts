import { ApiProperty } from '@nestjs/swagger';
import { ALL_ROLES } from '@sro/common';

/** The caller: roles from the token, display name and assignments from the user record when there is one. */
export class CurrentUserDto {
  @ApiProperty({ description: 'Token subject', example: 'demo-coordinator' })
  sub: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true })
  roles: string[];

  @ApiProperty({ example: 'Demo Regionalkoordination PR 1' })
  displayName: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  planningRegionIds: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  socialSpaceIds: string[];
}
