import { Body, Controller, Get, HttpCode, Logger, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsEmail, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { InterviewCycleService } from '@sro/interviews';
import { CONTRACT_PARTNER_KINDS, ContractPartner, ContractPartnerKind, ContractPartnerService } from '@sro/reference-data';
import { PagingDto } from '../common/paging.dto';

class ContactDto {
  @ApiProperty({ example: 'Geschäftsführung' }) @IsString() @MinLength(1) @MaxLength(200) role: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[+0-9 ()/-]{3,40}$/) phone?: string;
}

export class PartnerDto {
  @ApiProperty({ example: 'Familienzentrum Havelland e.V.' }) @IsString() @MinLength(2) @MaxLength(300) name: string;
  @ApiProperty({ enum: CONTRACT_PARTNER_KINDS }) @IsIn(CONTRACT_PARTNER_KINDS) kind: ContractPartnerKind;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) socialSpaceIds: string[];
  @ApiProperty({ example: '2012-06-01', description: 'Beitrittserklärung' }) @IsDateString({ strict: true }) accessionDate: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) exitDate?: string;
  @ApiProperty({ type: [ContactDto] }) @IsArray() @ArrayMaxSize(20) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => ContactDto) contacts: ContactDto[];
}

export class ExitDto {
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) exitDate: string;
}

export class PartnerQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: CONTRACT_PARTNER_KINDS }) @IsOptional() @IsIn(CONTRACT_PARTNER_KINDS) kind?: ContractPartnerKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID() socialSpaceId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

const READERS = [Role.Coordinator, Role.Caseworker, Role.Admin, Role.Approver];
const uuid = new ParseUUIDPipe();

/** Contract partners: coordinators maintain the registry, the other staff roles read it. */
@ApiTags('contract-partners')
@ApiBearerAuth()
@Controller('contract-partners')
export class ContractPartnersController {
  private readonly logger = new Logger('ContractPartners');

  constructor(
    private readonly partners: ContractPartnerService,
    private readonly cycles: InterviewCycleService,
  ) {}

  /**
   * A join or exit reaches a running interview cycle at once; should Temporal be unreachable, the
   * cycle's daily check of the registry picks it up, so the registry change itself stands.
   */
  private async tellRunningCycles(user: Principal, partner: ContractPartner): Promise<ContractPartner> {
    await this.cycles.syncRunning(user).catch((error: unknown) => this.logger.warn(`interview cycles not told of the change to partner ${partner.id}: ${error instanceof Error ? error.message : String(error)}`));
    return partner;
  }

  @Get()
  @Roles(...READERS)
  list(@Query() query: PartnerQueryDto) {
    return this.partners.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id', uuid) id: string) {
    return this.partners.get(id);
  }

  @Post()
  @Roles(Role.Coordinator)
  async create(@CurrentUser() user: Principal, @Body() body: PartnerDto) {
    return this.tellRunningCycles(user, await this.partners.create(user.sub, body));
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  async update(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: PartnerDto) {
    return this.tellRunningCycles(user, await this.partners.update(user.sub, id, body));
  }

  @Post(':id/exit')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  async exit(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ExitDto) {
    return this.tellRunningCycles(user, await this.partners.exit(user.sub, id, body.exitDate));
  }
}
