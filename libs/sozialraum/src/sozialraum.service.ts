import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@sro/config';
import { DomainError, Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { ProcessEvent, ProcessInstance, ProcessReadModel } from '@sro/processes';
import { AssignmentsService, SocialSpace } from '@sro/reference-data';
import { temporalCall } from '@sro/temporal';
import {
  AddMemberInput,
  ExtendDueDateInput,
  Member,
  SetDeliverableInput,
  SozialraumDevelopmentInput,
  SozialraumDevelopmentState,
  sozialraumStateQuery,
  sozialraumUpdates,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import { initialSteps } from '@sro/workflows/shared/steps';

const KEY = 'sozialraum-development';
const WHAT = 'Social-space process';

export interface ProcessPage {
  items: ProcessInstance[];
  total: number;
  limit: number;
  offset: number;
}

/** Starts and steers the six-phase social-space processes; reads come from PostgreSQL. */
@Injectable()
export class SozialraumService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly assignments: AssignmentsService,
    private readonly readModel: ProcessReadModel,
  ) {}

  /** Starts the process of a social space; a second start while one runs is a conflict. */
  async start(user: Principal, socialSpaceId: string, members: Array<Omit<Member, 'id'>> = []): Promise<ProcessInstance> {
    const space = await this.dataSource.getRepository(SocialSpace).findOneBy({ id: socialSpaceId });
    if (!space) throw DomainError.invalid('Unknown social space', [{ pointer: '/socialSpaceId', message: `no social space ${socialSpaceId}` }]);
    await this.assignments.assertCoordinates(user, space.planningRegionId, 'Social space');
    await this.checkMembers(members, (i) => `/members/${i}`);
    const running = await this.dataSource.getRepository(ProcessInstance).findOneBy({ definitionKey: KEY, subjectId: socialSpaceId, status: 'running' });
    if (running) throw DomainError.conflict(`The social space already has a running process (${running.id})`);

    const definition = await this.definitions.published(KEY);
    const processId = randomUUID();
    const workflowId = workflowIds.sozialraumDevelopment(socialSpaceId);
    const input: SozialraumDevelopmentInput = {
      processId,
      socialSpaceId,
      planningRegionId: space.planningRegionId,
      title: space.name,
      coordinatorId: user.sub,
      definition,
      members: members.map((m) => ({ ...m, id: randomUUID() })),
    };
    await temporalCall(
      this.temporal.workflow.start(WorkflowType.SozialraumDevelopment, {
        taskQueue: this.config.temporal.taskQueue,
        workflowId,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      }),
      `The process of ${space.name}`,
    );
    // Revision 0: the workflow's first write (revision 1) replaces it; the caller can read at once.
    await this.readModel.record({
      processId,
      workflowId,
      definitionKey: KEY,
      definitionVersion: definition.version,
      status: 'running',
      subjectType: 'social_space',
      subjectId: socialSpaceId,
      planningRegionId: space.planningRegionId,
      socialSpaceId,
      steps: initialSteps(definition.spec.phases, new Date()),
      summary: { title: space.name, coordinatorId: user.sub },
      revision: 0,
    });
    return this.find(processId);
  }

  async list(user: Principal, filter: { planningRegionId?: string; status?: string; limit: number; offset: number }): Promise<ProcessPage> {
    const scope = await this.assignments.of(user.sub);
    const qb = this.dataSource
      .getRepository(ProcessInstance)
      .createQueryBuilder('p')
      .where('p.definition_key = :key', { key: KEY })
      .andWhere('(p.planning_region_id = ANY(:regions) OR p.social_space_id = ANY(:spaces))', {
        regions: user.roles.includes(Role.Coordinator) ? scope.planningRegionIds : [],
        spaces: user.roles.includes(Role.Caseworker) ? scope.socialSpaceIds : [],
      });
    if (filter.planningRegionId) qb.andWhere('p.planning_region_id = :region', { region: filter.planningRegionId });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    const [items, total] = await qb.orderBy('p.current_due_at', 'ASC', 'NULLS LAST').addOrderBy('p.id').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total, limit: filter.limit, offset: filter.offset };
  }

  /** The read model and the live state (deliverables, members, extensions) of one process. */
  async get(user: Principal, id: string): Promise<{ process: ProcessInstance; state: SozialraumDevelopmentState | null }> {
    const process = await this.visible(user, id);
    const state = await this.temporal.workflow
      .getHandle(process.workflowId)
      .query(sozialraumStateQuery)
      .catch(() => null);
    return { process, state };
  }

  async history(user: Principal, id: string, page: { limit: number; offset: number }) {
    await this.visible(user, id);
    const [items, total] = await this.dataSource.getRepository(ProcessEvent).findAndCount({ where: { processId: id }, order: { id: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total, ...page };
  }

  async setDeliverable(user: Principal, id: string, input: Omit<SetDeliverableInput, 'actorId'>) {
    const handle = await this.writable(user, id);
    await temporalCall(handle.executeUpdate(sozialraumUpdates.setDeliverable, { args: [{ ...input, actorId: user.sub }] }), WHAT);
    return this.find(id);
  }

  async completePhase(user: Principal, id: string, phaseKey: string) {
    const handle = await this.writable(user, id);
    return temporalCall(handle.executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey, actorId: user.sub }] }), WHAT);
  }

  async extendDueDate(user: Principal, id: string, input: Omit<ExtendDueDateInput, 'actorId'>) {
    const handle = await this.writable(user, id);
    return temporalCall(handle.executeUpdate(sozialraumUpdates.extendDueDate, { args: [{ ...input, actorId: user.sub }] }), WHAT);
  }

  async addMember(user: Principal, id: string, member: AddMemberInput['member']) {
    const handle = await this.writable(user, id);
    await this.checkMembers([member], () => '');
    return temporalCall(handle.executeUpdate(sozialraumUpdates.addMember, { args: [{ member, actorId: user.sub }] }), WHAT);
  }

  async removeMember(user: Principal, id: string, memberId: string) {
    const handle = await this.writable(user, id);
    return temporalCall(handle.executeUpdate(sozialraumUpdates.removeMember, { args: [{ memberId, actorId: user.sub }] }), WHAT);
  }

  async lifecycle(user: Principal, id: string, action: 'pause' | 'resume' | 'cancel', reason?: string) {
    const handle = await this.writable(user, id);
    await temporalCall(handle.executeUpdate(sozialraumUpdates[action], { args: [{ reason, actorId: user.sub }] }), WHAT);
    return this.find(id);
  }

  private async find(id: string): Promise<ProcessInstance> {
    const process = await this.dataSource.getRepository(ProcessInstance).findOneBy({ id, definitionKey: KEY });
    if (!process) throw DomainError.notFound(WHAT);
    return process;
  }

  private async visible(user: Principal, id: string): Promise<ProcessInstance> {
    const process = await this.find(id);
    await this.assignments.assertCanSee(user, process, WHAT);
    return process;
  }

  private async writable(user: Principal, id: string) {
    const process = await this.find(id);
    await this.assignments.assertCoordinates(user, process.planningRegionId!, WHAT);
    return this.temporal.workflow.getHandle(process.workflowId);
  }

  /** Members are referenced by id; each must exist. */
  private async checkMembers(members: Array<Omit<Member, 'id'>>, at: (i: number) => string): Promise<void> {
    const tables: Record<Member['kind'], string> = { user: 'app_user', contract_partner: 'contract_partner', municipality: 'municipality' };
    const problems = [];
    for (const [i, m] of members.entries()) {
      const table = tables[m.kind];
      if (!table) continue; // the workflow validator names the bad kind
      const isUuid = /^[0-9a-f-]{36}$/i.test(m.refId);
      const found = m.kind === 'user' || isUuid ? await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id::text = $1`, [m.refId]) : [];
      if (found.length === 0) problems.push({ pointer: `${at(i)}/refId`, message: `no ${m.kind.replace('_', ' ')} ${m.refId}` });
    }
    if (problems.length > 0) throw DomainError.invalid('Unknown member reference', problems);
  }
}
