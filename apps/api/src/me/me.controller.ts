import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '@sro/auth';
import { ALL_ROLES, Principal } from '@sro/common';
import { AppUser } from '@sro/reference-data';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller: token roles and, when known, the profile and assignments. */
  @Get()
  @Roles(...ALL_ROLES)
  async me(@CurrentUser() user: Principal) {
    const profile = await this.dataSource.getRepository(AppUser).findOneBy({ id: user.sub });
    return {
      sub: user.sub,
      roles: user.roles,
      displayName: profile?.displayName ?? user.name ?? user.sub,
      planningRegionIds: profile?.planningRegionIds ?? [],
      socialSpaceIds: profile?.socialSpaceIds ?? [],
    };
  }
}
