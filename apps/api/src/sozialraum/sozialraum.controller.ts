import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { DomainError, Principal, Role } from '@sro/common';
import { BudgetService, SozialraumService } from '@sro/sozialraum';
import { PagingDto } from '../common/paging.dto';
import { AllocationDto, BudgetAmountDto, DeliverableDto, ExtensionDto, MemberDto, ProcessQueryDto, ReasonDto, StartProcessDto } from './dto/sozialraum.dto';

const uuid = new ParseUUIDPipe();
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The six-phase social-space processes: coordinators steer, caseworkers read. */
@ApiTags('sozialraum-processes')
@ApiBearerAuth()
@Controller('sozialraum-processes')
export class SozialraumController {
  constructor(private readonly processes: SozialraumService) {}

  @Post()
  @Roles(Role.Coordinator)
  start(@CurrentUser() user: Principal, @Body() body: StartProcessDto) {
    return this.processes.start(user, body.socialSpaceId, body.members);
  }

  @Get()
  @Roles(Role.Coordinator, Role.Caseworker)
  list(@CurrentUser() user: Principal, @Query() query: ProcessQueryDto) {
    return this.processes.list(user, query);
  }

  @Get(':id')
  @Roles(Role.Coordinator, Role.Caseworker)
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.processes.get(user, id);
  }

  @Get(':id/history')
  @Roles(Role.Coordinator, Role.Caseworker)
  history(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() page: PagingDto) {
    return this.processes.history(user, id, page);
  }

  @Put(':id/phases/:phaseKey/deliverables/:deliverableKey')
  @Roles(Role.Coordinator)
  setDeliverable(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('phaseKey') phaseKey: string,
    @Param('deliverableKey') deliverableKey: string,
    @Body() body: DeliverableDto,
  ) {
    return this.processes.setDeliverable(user, id, { phaseKey: key(phaseKey), deliverableKey: key(deliverableKey), value: body.value });
  }

  @Post(':id/phases/:phaseKey/complete')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  complete(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('phaseKey') phaseKey: string) {
    return this.processes.completePhase(user, id, key(phaseKey));
  }

  @Post(':id/phases/:phaseKey/extension')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'sozialraum-process', action: 'extend-deadline', purpose: 'Fristverlängerung' })
  extend(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('phaseKey') phaseKey: string, @Body() body: ExtensionDto) {
    return this.processes.extendDueDate(user, id, { phaseKey: key(phaseKey), dueAt: body.dueAt, reason: body.reason });
  }

  @Post(':id/members')
  @Roles(Role.Coordinator)
  addMember(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: MemberDto) {
    return this.processes.addMember(user, id, body);
  }

  @Delete(':id/members/:memberId')
  @Roles(Role.Coordinator)
  removeMember(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Param('memberId', uuid) memberId: string) {
    return this.processes.removeMember(user, id, memberId);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  pause(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto) {
    return this.processes.lifecycle(user, id, 'pause', body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  resume(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto) {
    return this.processes.lifecycle(user, id, 'resume', body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(Role.Coordinator)
  @Audited({ resourceType: 'sozialraum-process', action: 'cancel', purpose: 'Prozessabbruch' })
  cancel(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Body() body: ReasonDto) {
    return this.processes.lifecycle(user, id, 'cancel', body.reason);
  }
}

function key(value: string): string {
  if (!KEY.test(value)) throw DomainError.invalid('Invalid key in the path', [{ pointer: '/path', message: `${value} is not a key` }]);
  return value;
}

/** The Sozialraumbudget of a social space per year. */
@ApiTags('sozialraum-budgets')
@ApiBearerAuth()
@Controller('sozialraum-budgets')
export class BudgetController {
  constructor(private readonly budgets: BudgetService) {}

  @Get(':socialSpaceId/:year')
  @Roles(Role.Coordinator, Role.Caseworker)
  get(@CurrentUser() user: Principal, @Param('socialSpaceId', uuid) socialSpaceId: string, @Param('year', ParseIntPipe) year: number) {
    return this.budgets.get(user, socialSpaceId, year);
  }

  @Put(':socialSpaceId/:year')
  @Roles(Role.Coordinator)
  set(@CurrentUser() user: Principal, @Param('socialSpaceId', uuid) socialSpaceId: string, @Param('year', ParseIntPipe) year: number, @Body() body: BudgetAmountDto) {
    return this.budgets.setAmount(user, socialSpaceId, year, body.amountCents);
  }

  @Post(':socialSpaceId/:year/allocations')
  @Roles(Role.Coordinator)
  allocate(@CurrentUser() user: Principal, @Param('socialSpaceId', uuid) socialSpaceId: string, @Param('year', ParseIntPipe) year: number, @Body() body: AllocationDto) {
    return this.budgets.allocate(user, socialSpaceId, year, body);
  }
}
