import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { MigrationOutcome, MigrationPreview, MigrationService } from '@sro/processes';
import { ApplyMigrationDto, MigrationPreviewQueryDto } from './dto/definition.dto';
import { MigrationOutcomeDto, MigrationPreviewDto } from './dto/definition-response.dto';

/** Moving running instances to a newer definition version: preview first, then apply. */
@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions/:key/migrations')
export class MigrationsController {
  constructor(private readonly migrations: MigrationService) {}

  /** Per running instance: due dates that move (and by how much), steps that appear or disappear, incompatibilities. */
  @Get('preview')
  @ApiOkResponse({ type: MigrationPreviewDto })
  @Roles(Role.Admin, Role.Coordinator)
  preview(@Param('key') key: string, @Query() query: MigrationPreviewQueryDto): Promise<MigrationPreview> {
    return this.migrations.preview(DefinitionsService.assertKey(key), query.toVersion);
  }

  /** Sends every compatible instance (or the listed ones) the migration update; incompatible ones stay untouched. */
  @Post()
  @ApiOkResponse({ type: MigrationOutcomeDto })
  @HttpCode(200)
  @Roles(Role.Admin)
  apply(@Param('key') key: string, @Body() body: ApplyMigrationDto, @CurrentUser() user: Principal): Promise<MigrationOutcome> {
    return this.migrations.apply(DefinitionsService.assertKey(key), body.toVersion, user, body.processIds);
  }
}
