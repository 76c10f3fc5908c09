import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { CreateDraftDto, DiffQueryDto, UpdateDraftDto, ValidateSpecDto } from './dto/definition.dto';

const key = DefinitionsService.assertKey;

/** Admins adjust workflow definitions; coordinators read them. */
@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  @Roles(Role.Admin, Role.Coordinator)
  async list() {
    return { items: await this.definitions.summary() };
  }

  @Get(':key/versions')
  @Roles(Role.Admin, Role.Coordinator)
  async versions(@Param('key') k: string) {
    return { items: await this.definitions.versions(key(k)) };
  }

  @Get(':key/versions/:version')
  @Roles(Role.Admin, Role.Coordinator)
  get(@Param('key') k: string, @Param('version', ParseIntPipe) version: number) {
    return this.definitions.get(key(k), version);
  }

  @Get(':key/diff')
  @Roles(Role.Admin, Role.Coordinator)
  diff(@Param('key') k: string, @Query() query: DiffQueryDto) {
    return this.definitions.diff(key(k), query.from, query.to);
  }

  @Post(':key/validate')
  @HttpCode(200)
  @Roles(Role.Admin)
  validate(@Param('key') k: string, @Body() body: ValidateSpecDto) {
    const problems = this.definitions.validate(key(k), body.spec);
    return { valid: problems.length === 0, problems };
  }

  @Post(':key/drafts')
  @Roles(Role.Admin)
  createDraft(@Param('key') k: string, @Body() body: CreateDraftDto, @CurrentUser() user: Principal) {
    return this.definitions.createDraft(key(k), user.sub, body);
  }

  @Put(':key/versions/:version')
  @Roles(Role.Admin)
  updateDraft(@Param('key') k: string, @Param('version', ParseIntPipe) version: number, @Body() body: UpdateDraftDto, @CurrentUser() user: Principal) {
    return this.definitions.updateDraft(key(k), version, user.sub, body.spec, body.changeNote);
  }

  @Post(':key/versions/:version/publish')
  @HttpCode(200)
  @Roles(Role.Admin)
  publish(@Param('key') k: string, @Param('version', ParseIntPipe) version: number, @CurrentUser() user: Principal) {
    return this.definitions.publish(key(k), version, user.sub);
  }

  @Post(':key/versions/:version/retire')
  @HttpCode(200)
  @Roles(Role.Admin)
  retire(@Param('key') k: string, @Param('version', ParseIntPipe) version: number) {
    return this.definitions.retire(key(k), version);
  }
}
