import { Body, Controller, Get, HttpCode, Logger, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { Principal, Role } from '@sro/common';
import { InterviewCycleService } from '@sro/interviews';
import { ContractPartner, ContractPartnerService } from '@sro/reference-data';
import { ContractPartnerDto, ContractPartnerPageDto, ExitDto, PartnerDto, PartnerQueryDto } from './dto/contract-partner.dto';

const READERS = [Role.Coordinator, Role.Caseworker, Role.Admin, Role.Approver];
const uuid = new ParseUUIDPipe();

/** Contract partners: coordinators maintain the registry in their planning regions (audited), the other staff roles read it. */
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
  private async tellRunningCycles(user: Principal, partner: ContractPartner): Promise<ContractPartnerDto> {
    await this.cycles
      .syncRunning(user)
      .catch((error: unknown) =>
        this.logger.warn(
          `interview cycles not told of the change to partner ${partner.id}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    return partner;
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ContractPartnerPageDto })
  list(@Query() query: PartnerQueryDto): Promise<ContractPartnerPageDto> {
    return this.partners.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ContractPartnerDto })
  get(@Param('id', uuid) id: string): Promise<ContractPartnerDto> {
    return this.partners.get(id);
  }

  @Post()
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'contract-partner', action: 'create', purpose: 'partner-registry' })
  @ApiCreatedResponse({ type: ContractPartnerDto })
  async create(@CurrentUser() user: Principal, @Body() body: PartnerDto): Promise<ContractPartnerDto> {
    return this.tellRunningCycles(user, await this.partners.create(user.sub, body));
  }

  @Put(':id')
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'contract-partner', action: 'update', purpose: 'partner-registry' })
  @ApiOkResponse({ type: ContractPartnerDto })
  async update(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: PartnerDto): Promise<ContractPartnerDto> {
    return this.tellRunningCycles(user, await this.partners.update(user.sub, id, body));
  }

  @Post(':id/exit')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'contract-partner', action: 'exit', purpose: 'partner-registry' })
  @ApiOkResponse({ type: ContractPartnerDto })
  async exit(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ExitDto): Promise<ContractPartnerDto> {
    return this.tellRunningCycles(user, await this.partners.exit(user.sub, id, body.exitDate, body.reason));
  }
}
