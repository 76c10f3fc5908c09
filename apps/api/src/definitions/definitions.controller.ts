import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited, AuditedOptions } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { FieldProblem, Principal, Role } from '@sro/common';
import { DefinitionsService, DefinitionVersionSummary, KeySummary, SpecDiff, WorkflowDefinition } from '@sro/definitions';
import { CreateDraftDto, DiffQueryDto, UpdateDraftDto, ValidateSpecDto } from './dto/definition.dto';
import {
  DefinitionDiffDto,
  DefinitionDto,
  DefinitionSummaryListDto,
  DefinitionVersionListDto,
  PublishOutcomeDto,
  SpecValidationDto,
} from './dto/definition-response.dto';

const key = DefinitionsService.assertKey;

/** A change of one version of a definition, audited with its key and version (the resource id is the version's row, or the key). */
function definitionChange(action: string): AuditedOptions {
  return { resourceType: 'workflow-definition', action, idParam: 'key', detailParams: ['key', 'version'], purpose: 'Definitionspflege' };
}

/** Admins adjust workflow definitions; coordinators read them. */
@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  @ApiOkResponse({ type: DefinitionSummaryListDto })
  @Roles(Role.Admin, Role.Coordinator)
  async list(): Promise<{ items: KeySummary[] }> {
    return { items: await this.definitions.summary() };
  }

  @Get(':key/versions')
  @ApiOkResponse({ type: DefinitionVersionListDto })
  @Roles(Role.Admin, Role.Coordinator)
  async versions(@Param('key') k: string): Promise<{ items: DefinitionVersionSummary[] }> {
    return { items: await this.definitions.versions(key(k)) };
  }

  @Get(':key/versions/:version')
  @ApiOkResponse({ type: DefinitionDto })
  @Roles(Role.Admin, Role.Coordinator)
  get(@Param('key') k: string, @Param('version', ParseIntPipe) version: number): Promise<WorkflowDefinition> {
    return this.definitions.get(key(k), version);
  }

  @Get(':key/diff')
  @ApiOkResponse({ type: DefinitionDiffDto })
  @Roles(Role.Admin, Role.Coordinator)
  diff(@Param('key') k: string, @Query() query: DiffQueryDto): Promise<SpecDiff & { from: number; to: number }> {
    return this.definitions.diff(key(k), query.from, query.to);
  }

  @Post(':key/validate')
  @ApiOkResponse({ type: SpecValidationDto })
  @HttpCode(200)
  @Roles(Role.Admin)
  validate(@Param('key') k: string, @Body() body: ValidateSpecDto): { valid: boolean; problems: FieldProblem[] } {
    const problems = this.definitions.validate(key(k), body.spec);
    return { valid: problems.length === 0, problems };
  }

  @Post(':key/drafts')
  @ApiCreatedResponse({ type: DefinitionDto })
  @Roles(Role.Admin)
  @Audited({
    resourceType: 'workflow-definition',
    action: 'create-draft',
    idParam: 'key',
    detailParams: ['key'],
    purpose: 'Definitionspflege',
  })
  createDraft(@Param('key') k: string, @Body() body: CreateDraftDto, @CurrentUser() user: Principal): Promise<WorkflowDefinition> {
    return this.definitions.createDraft(key(k), user.sub, body);
  }

  @Put(':key/versions/:version')
  @ApiOkResponse({ type: DefinitionDto })
  @Roles(Role.Admin)
  @Audited(definitionChange('update-draft'))
  updateDraft(
    @Param('key') k: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() body: UpdateDraftDto,
    @CurrentUser() user: Principal,
  ): Promise<WorkflowDefinition> {
    return this.definitions.updateDraft(key(k), version, user.sub, body.spec, body.changeNote);
  }

  @Post(':key/versions/:version/publish')
  @ApiOkResponse({ type: PublishOutcomeDto })
  @HttpCode(200)
  @Roles(Role.Admin)
  @Audited(definitionChange('publish'))
  publish(
    @Param('key') k: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentUser() user: Principal,
  ): Promise<{ published: WorkflowDefinition; retired: number | null }> {
    return this.definitions.publish(key(k), version, user.sub);
  }

  @Post(':key/versions/:version/retire')
  @ApiOkResponse({ type: DefinitionDto })
  @HttpCode(200)
  @Roles(Role.Admin)
  @Audited(definitionChange('retire'))
  retire(@Param('key') k: string, @Param('version', ParseIntPipe) version: number): Promise<WorkflowDefinition> {
    return this.definitions.retire(key(k), version);
  }
}
