import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { Roles } from '@sro/auth';
import { Role } from '@sro/common';
import { StaffService } from '@sro/reference-data';
import {
  AdviserPageDto,
  AdviserQueryDto,
  ColleagueListDto,
  CreateUserDto,
  DeactivationDto,
  OpenCaseListDto,
  StaffUserDto,
  StaffUserPageDto,
  TeamBodyDto,
  TeamDetailDto,
  TeamPageDto,
  TeamQueryDto,
  UserBodyDto,
  UserQueryDto,
} from './dto/staff.dto';

const uuid = new ParseUUIDPipe();
const PURPOSE = 'staff-administration';

/** Staff administration (admins): people with roles, social spaces and team; teams with their lead. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
@Roles(Role.Admin)
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get('users')
  @ApiOkResponse({ type: StaffUserPageDto })
  listUsers(@Query() query: UserQueryDto): Promise<StaffUserPageDto> {
    return this.staff.listUsers(query);
  }

  /** The active external advisers (organisation, expertise): whom a caseworker can invite to a Fallteam. */
  @Get('advisers')
  @Roles(Role.Caseworker, Role.Lead, Role.Admin)
  @ApiOkResponse({ type: AdviserPageDto })
  async advisers(@Query() query: AdviserQueryDto): Promise<AdviserPageDto> {
    const page = await this.staff.activeAdvisers(query);
    return {
      ...page,
      items: page.items.map(({ id, displayName, organisation, expertise }) => ({ id, displayName, organisation, expertise })),
    };
  }

  @Get('users/:id')
  @ApiOkResponse({ type: StaffUserDto })
  getUser(@Param('id') id: string): Promise<StaffUserDto> {
    return this.staff.getUser(id);
  }

  @Post('users')
  @Audited({ resourceType: 'user', action: 'create', purpose: PURPOSE })
  @ApiCreatedResponse({ type: StaffUserDto })
  createUser(@Body() body: CreateUserDto): Promise<StaffUserDto> {
    const { id, ...input } = body;
    return this.staff.createUser(id, input);
  }

  @Put('users/:id')
  @Audited({ resourceType: 'user', action: 'update', purpose: PURPOSE })
  @ApiOkResponse({ type: StaffUserDto })
  updateUser(@Param('id') id: string, @Body() body: UserBodyDto): Promise<StaffUserDto> {
    return this.staff.updateUser(id, body);
  }

  /** Deactivates the person; nothing is reassigned: the answer lists their open cases and led teams for transfer. */
  @Post('users/:id/deactivate')
  @HttpCode(200)
  @Audited({ resourceType: 'user', action: 'deactivate', purpose: PURPOSE })
  @ApiOkResponse({ type: DeactivationDto })
  deactivate(@Param('id') id: string): Promise<DeactivationDto> {
    return this.staff.deactivate(id);
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  @Audited({ resourceType: 'user', action: 'reactivate', purpose: PURPOSE })
  @ApiOkResponse({ type: StaffUserDto })
  reactivate(@Param('id') id: string): Promise<StaffUserDto> {
    return this.staff.reactivate(id);
  }

  /** The open cases still assigned to the person (ids and pseudonyms), to transfer before or after they leave. */
  @Get('users/:id/open-cases')
  @ApiOkResponse({ type: OpenCaseListDto })
  async openCases(@Param('id') id: string): Promise<OpenCaseListDto> {
    return { items: await this.staff.openCasesOf(id) };
  }

  @Get('teams')
  @ApiOkResponse({ type: TeamPageDto })
  listTeams(@Query() query: TeamQueryDto): Promise<TeamPageDto> {
    return this.staff.listTeams(query);
  }

  @Get('teams/:id')
  @ApiOkResponse({ type: TeamDetailDto })
  getTeam(@Param('id', uuid) id: string): Promise<TeamDetailDto> {
    return this.staff.getTeam(id);
  }

  @Post('teams')
  @Audited({ resourceType: 'team', action: 'create', purpose: PURPOSE })
  @ApiCreatedResponse({ type: TeamDetailDto })
  createTeam(@Body() body: TeamBodyDto): Promise<TeamDetailDto> {
    return this.staff.createTeam(body);
  }

  @Put('teams/:id')
  @Audited({ resourceType: 'team', action: 'update', purpose: PURPOSE })
  @ApiOkResponse({ type: TeamDetailDto })
  updateTeam(@Param('id', uuid) id: string, @Body() body: TeamBodyDto): Promise<TeamDetailDto> {
    return this.staff.updateTeam(id, body);
  }

  @Delete('teams/:id')
  @HttpCode(204)
  @Audited({ resourceType: 'team', action: 'delete', purpose: PURPOSE })
  @ApiNoContentResponse()
  deleteTeam(@Param('id', uuid) id: string): Promise<void> {
    return this.staff.deleteTeam(id);
  }

  /**
   * The active coordinators, caseworkers and approvers by name: whom a coordinator can name as
   * interviewer, member or approver of an agreement, whom a caseworker names as participant of a
   * Fallteam outcome or § 8a assessment, and the names a history shows instead of ids. Names and
   * roles of staff only (the office's internal directory), nothing of a case.
   */
  @Get('colleagues')
  @Roles(Role.Coordinator, Role.Caseworker)
  @ApiOkResponse({ type: ColleagueListDto })
  async colleagues(): Promise<ColleagueListDto> {
    const pages = await Promise.all(
      [Role.Coordinator, Role.Caseworker, Role.Approver].map((role) =>
        this.staff.listUsers({ role, active: true, limit: 1000, offset: 0 }),
      ),
    );
    const byId = new Map(pages.flatMap((p) => p.items).map((u) => [u.id, { id: u.id, displayName: u.displayName, roles: u.roles }]));
    return { items: [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'de')) };
  }
}
