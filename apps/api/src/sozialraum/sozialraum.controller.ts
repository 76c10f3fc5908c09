import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { DomainError, Principal, Role } from '@sro/common';
import { Page, ProcessEvent, ProcessInstance } from '@sro/processes';
import { BudgetService, BudgetView, ProcessDetail, ProcessPage, SozialraumService } from '@sro/sozialraum';
import type { Member, PhaseCompletion, PhaseExtension } from '@sro/workflows/contracts';
import { PagingDto } from '../common/paging.dto';
import {
  AllocationDto,
  BudgetAmountDto,
  CompletePhaseDto,
  DeliverableDto,
  ExtensionDto,
  MemberDto,
  ProcessQueryDto,
  ReasonDto,
  ReversalDto,
  SpendingDto,
  StartProcessDto,
} from './dto/sozialraum.dto';
import {
  BudgetDto,
  PhaseCompletionDto,
  PhaseExtensionDto,
  SozialraumHistoryPageDto,
  SozialraumMemberDto,
  SozialraumProcessDetailDto,
  SozialraumProcessDto,
  SozialraumProcessPageDto,
} from './dto/sozialraum-response.dto';

const uuid = new ParseUUIDPipe();
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The six-phase social-space processes: coordinators steer, caseworkers read. */
@ApiTags('sozialraum-processes')
@ApiBearerAuth()
@Controller('sozialraum-processes')
export class SozialraumController {
  constructor(private readonly processes: SozialraumService) {}

  @Post()
  @ApiCreatedResponse({ type: SozialraumProcessDto })
  @Roles(Role.Coordinator)
  start(@CurrentUser() user: Principal, @Body() body: StartProcessDto): Promise<ProcessInstance> {
    return this.processes.start(user, body.socialSpaceId, body.members);
  }

  @Get()
  @ApiOkResponse({ type: SozialraumProcessPageDto })
  @Roles(Role.Coordinator, Role.Caseworker)
  list(@CurrentUser() user: Principal, @Query() query: ProcessQueryDto): Promise<ProcessPage> {
    return this.processes.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SozialraumProcessDetailDto })
  @Roles(Role.Coordinator, Role.Caseworker)
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<ProcessDetail> {
    return this.processes.get(user, id);
  }

  @Get(':id/history')
  @ApiOkResponse({ type: SozialraumHistoryPageDto })
  @Roles(Role.Coordinator, Role.Caseworker)
  history(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() page: PagingDto): Promise<Page<ProcessEvent>> {
    return this.processes.history(user, id, page);
  }

  @Put(':id/phases/:phaseKey/deliverables/:deliverableKey')
  @ApiOkResponse({ type: SozialraumProcessDto, description: 'The read model after the change' })
  @Roles(Role.Coordinator)
  setDeliverable(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('phaseKey') phaseKey: string,
    @Param('deliverableKey') deliverableKey: string,
    @Body() body: DeliverableDto,
  ): Promise<ProcessInstance> {
    return this.processes.setDeliverable(user, id, { phaseKey: key(phaseKey), deliverableKey: key(deliverableKey), value: body.value });
  }

  @Post(':id/phases/:phaseKey/complete')
  @ApiOkResponse({ type: PhaseCompletionDto })
  @ApiBody({ type: CompletePhaseDto, required: false })
  @HttpCode(200)
  @Roles(Role.Coordinator)
  complete(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() body: CompletePhaseDto,
  ): Promise<PhaseCompletion> {
    const deliverable = body.deliverable && { deliverableKey: body.deliverable.key, value: body.deliverable.value };
    return this.processes.completePhase(user, id, key(phaseKey), deliverable);
  }

  @Post(':id/phases/:phaseKey/extension')
  @ApiOkResponse({ type: PhaseExtensionDto })
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'sozialraum-process', action: 'extend-deadline', purpose: 'Fristverlängerung' })
  extend(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('phaseKey') phaseKey: string,
    @Body() body: ExtensionDto,
  ): Promise<PhaseExtension> {
    return this.processes.extendDueDate(user, id, { phaseKey: key(phaseKey), dueAt: body.dueAt, reason: body.reason });
  }

  @Post(':id/members')
  @ApiCreatedResponse({ type: SozialraumMemberDto })
  @Roles(Role.Coordinator)
  addMember(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: MemberDto): Promise<Member> {
    return this.processes.addMember(user, id, body);
  }

  @Delete(':id/members/:memberId')
  @ApiOkResponse({ type: SozialraumMemberDto, description: 'The member removed' })
  @Roles(Role.Coordinator)
  removeMember(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('memberId', uuid) memberId: string): Promise<Member> {
    return this.processes.removeMember(user, id, memberId);
  }

  @Post(':id/pause')
  @ApiOkResponse({ type: SozialraumProcessDto, description: 'The read model after the change' })
  @HttpCode(200)
  @Roles(Role.Coordinator)
  pause(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ProcessInstance> {
    return this.processes.lifecycle(user, id, 'pause', body.reason);
  }

  @Post(':id/resume')
  @ApiOkResponse({ type: SozialraumProcessDto, description: 'The read model after the change' })
  @HttpCode(200)
  @Roles(Role.Coordinator)
  resume(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ProcessInstance> {
    return this.processes.lifecycle(user, id, 'resume', body.reason);
  }

  @Post(':id/cancel')
  @ApiOkResponse({ type: SozialraumProcessDto, description: 'The read model after the change' })
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'sozialraum-process', action: 'cancel', purpose: 'Prozessabbruch' })
  cancel(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ProcessInstance> {
    return this.processes.lifecycle(user, id, 'cancel', body.reason);
  }
}

function key(value: string): string {
  if (!KEY.test(value))
    throw DomainError.invalid('Die Adresse enthält einen ungültigen Schlüssel.', [
      { pointer: '/path', code: 'format.key', message: 'Bitte einen Schlüssel aus Kleinbuchstaben, Ziffern, _ oder - angeben.' },
    ]);
  return value;
}

/** The Sozialraumbudget of a social space per year. */
@ApiTags('sozialraum-budgets')
@ApiBearerAuth()
@Controller('sozialraum-budgets')
export class BudgetController {
  constructor(private readonly budgets: BudgetService) {}

  @Get(':socialSpaceId/:year')
  @ApiOkResponse({ type: BudgetDto })
  @Roles(Role.Coordinator, Role.Caseworker)
  get(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) socialSpaceId: string,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<BudgetView> {
    return this.budgets.get(user, socialSpaceId, year);
  }

  @Put(':socialSpaceId/:year')
  @ApiOkResponse({ type: BudgetDto })
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'sozialraum-budget', action: 'set-budget', idParam: 'socialSpaceId', purpose: 'Sozialraumbudget' })
  set(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) socialSpaceId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: BudgetAmountDto,
  ): Promise<BudgetView> {
    return this.budgets.setAmount(user, socialSpaceId, year, body.amountCents);
  }

  @Post(':socialSpaceId/:year/allocations')
  @ApiCreatedResponse({ type: BudgetDto })
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'sozialraum-budget', action: 'allocate', idParam: 'socialSpaceId', purpose: 'Sozialraumbudget' })
  allocate(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) socialSpaceId: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: AllocationDto,
  ): Promise<BudgetView> {
    return this.budgets.allocate(user, socialSpaceId, year, body);
  }

  @Post(':socialSpaceId/:year/allocations/:allocationId/reversal')
  @ApiCreatedResponse({ type: BudgetDto, description: 'The ledger with the counter-booking' })
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'budget-allocation', action: 'reverse', idParam: 'allocationId', purpose: 'Sozialraumbudget' })
  reverse(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) socialSpaceId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('allocationId', uuid) allocationId: string,
    @Body() body: ReversalDto,
  ): Promise<BudgetView> {
    return this.budgets.reverse(user, socialSpaceId, year, allocationId, body.reason);
  }

  @Post(':socialSpaceId/:year/allocations/:allocationId/spendings')
  @ApiCreatedResponse({ type: BudgetDto })
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'budget-allocation', action: 'record-spending', idParam: 'allocationId', purpose: 'Sozialraumbudget' })
  spend(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) socialSpaceId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('allocationId', uuid) allocationId: string,
    @Body() body: SpendingDto,
  ): Promise<BudgetView> {
    return this.budgets.spend(user, socialSpaceId, year, allocationId, body);
  }
}
