import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@sro/auth';
import { ALL_ROLES, Principal } from '@sro/common';
import { UserRepository } from '@sro/reference-data';
import { CurrentUserDto } from './dto/me.dto';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly users: UserRepository) {}

  /** The caller: token roles and, when known, the profile and assignments. */
  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: CurrentUserDto })
  async me(@CurrentUser() user: Principal): Promise<CurrentUserDto> {
    const profile = await this.users.findById(user.sub);
    return {
      sub: user.sub,
      roles: user.roles,
      displayName: profile?.displayName ?? user.name ?? user.sub,
      planningRegionIds: profile?.planningRegionIds ?? [],
      socialSpaceIds: profile?.socialSpaceIds ?? [],
    };
  }
}
