import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@sro/config';
import { DomainError, Principal, Role } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { Page, ProcessEvent, ProcessInstance, ProcessInstanceRepository } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { temporalCall, WorkflowStateReader } from '@sro/temporal';
import {
  AddMemberInput,
  DeliverableValue,
  ExtendDueDateInput,
  Member,
  PhaseCompletion,
  PhaseExtension,
  SetDeliverableInput,
  SozialraumDevelopmentInput,
  SozialraumDevelopmentState,
  sozialraumStateQuery,
  sozialraumUpdates,
  workflowIds,
  WorkflowType,
} from '@sro/workflows/contracts';
import { initialSteps } from '@sro/workflows/shared/steps';
import { isMemberKind, SozialraumReferenceRepository } from './sozialraum-reference.repository';

const KEY = 'sozialraum-development';
const WHAT = 'Der Sozialraumprozess';

/** Member kinds as a sentence's subject. */
const MEMBER_LABELS: Record<Member['kind'], string> = {
  user: 'Diese Person',
  contract_partner: 'Diesen Vertragspartner',
  municipality: 'Diese Kommune',
};

export type ProcessPage = Page<ProcessInstance>;

/** A process as its detail page shows it: the read model and the workflow's live state. */
export interface ProcessDetail {
  process: ProcessInstance;
  state: SozialraumDevelopmentState | null;
}

/** Starts and steers the six-phase social-space processes; reads come from PostgreSQL. */
@Injectable()
export class SozialraumService {
  constructor(
    private readonly processes: ProcessInstanceRepository,
    private readonly references: SozialraumReferenceRepository,
    private readonly temporal: Client,
    private readonly states: WorkflowStateReader,
    private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly assignments: AssignmentsService,
  ) {}

  /**
   * Starts a run of a social space's process; a second start while one runs or is paused is a conflict.
   * After cancellation or completion the space starts a new run: its own workflow id (run number) and its
   * own read-model row. The workflow starts first and writes its row itself, so a failed start leaves
   * neither, and a failed write of revision 0 here leaves a workflow that records its row on its first step.
   */
  async start(user: Principal, socialSpaceId: string, members: Array<Omit<Member, 'id'>> = []): Promise<ProcessInstance> {
    const space = await this.references.socialSpace(socialSpaceId);
    if (!space)
      throw DomainError.invalid('Diesen Sozialraum gibt es nicht.', [
        {
          pointer: '/socialSpaceId',
          code: 'unknown-reference',
          message: 'Diesen Sozialraum gibt es nicht; bitte wählen Sie einen aus der Liste.',
        },
      ]);
    await this.assignments.assertCoordinates(user, space.planningRegionId, 'Der Sozialraum');
    await this.checkMembers(members, (i) => `/members/${i}`);
    const unfinished = await this.processes.findUnfinished(KEY, socialSpaceId);
    if (unfinished)
      throw DomainError.conflict(
        `Im Sozialraum läuft bereits ein Entwicklungsprozess (${unfinished.status === 'paused' ? 'pausiert' : 'laufend'}); bitte schließen Sie ihn ab oder brechen Sie ihn ab, bevor Sie einen neuen beginnen.`,
      );

    const definition = await this.definitions.published(KEY);
    const processId = randomUUID();
    // Two starts that race get the same run number; Temporal lets only one of them start.
    const run = (await this.processes.countRuns(KEY, socialSpaceId)) + 1;
    const workflowId = workflowIds.sozialraumDevelopment(socialSpaceId, run);
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
        // A run number is used once, also after its run has closed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
      `The process of ${space.name}`,
    );
    // Revision 0: the workflow's first write (revision 1) replaces it; the caller can read at once.
    await this.processes.record({
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
    const scope = await this.assignments.of(user);
    // Coordinators see the processes of their regions, caseworkers those of their social spaces.
    return this.processes.list({
      definitionKey: KEY,
      planningRegionIds: user.roles.includes(Role.Coordinator) ? scope.planningRegionIds : [],
      socialSpaceIds: user.roles.includes(Role.Caseworker) ? scope.socialSpaceIds : [],
      planningRegionId: filter.planningRegionId,
      status: filter.status,
      limit: filter.limit,
      offset: filter.offset,
    });
  }

  /** The read model and the live state (deliverables, members, extensions) of one process. */
  async get(user: Principal, id: string): Promise<ProcessDetail> {
    const process = await this.visible(user, id);
    // A Temporal workflow query, not SQL; the state is null when the workflow cannot answer.
    const state = await this.states.read<SozialraumDevelopmentState>(process.workflowId, sozialraumStateQuery).catch(() => null);
    return { process, state };
  }

  async history(user: Principal, id: string, page: { limit: number; offset: number }): Promise<Page<ProcessEvent>> {
    await this.visible(user, id);
    return this.processes.history(id, page);
  }

  async setDeliverable(user: Principal, id: string, input: Omit<SetDeliverableInput, 'actorId'>): Promise<ProcessInstance> {
    const handle = await this.writable(user, id);
    await this.checkMunicipalities(input.value);
    await temporalCall(handle.executeUpdate(sozialraumUpdates.setDeliverable, { args: [{ ...input, actorId: user.sub }] }), WHAT);
    return this.find(id);
  }

  /** Completes the active phase; with `deliverable`, its last deliverable is saved in the same change. */
  async completePhase(user: Principal, id: string, phaseKey: string, deliverable?: DeliverableValue): Promise<PhaseCompletion> {
    const handle = await this.writable(user, id);
    if (deliverable) await this.checkMunicipalities(deliverable.value, '/deliverable/value');
    return temporalCall(
      handle.executeUpdate(sozialraumUpdates.completePhase, { args: [{ phaseKey, deliverable, actorId: user.sub }] }),
      WHAT,
    );
  }

  async extendDueDate(user: Principal, id: string, input: Omit<ExtendDueDateInput, 'actorId'>): Promise<PhaseExtension> {
    const handle = await this.writable(user, id);
    return temporalCall(handle.executeUpdate(sozialraumUpdates.extendDueDate, { args: [{ ...input, actorId: user.sub }] }), WHAT);
  }

  async addMember(user: Principal, id: string, member: AddMemberInput['member']): Promise<Member> {
    const handle = await this.writable(user, id);
    await this.checkMembers([member], () => '');
    return temporalCall(handle.executeUpdate(sozialraumUpdates.addMember, { args: [{ member, actorId: user.sub }] }), WHAT);
  }

  async removeMember(user: Principal, id: string, memberId: string): Promise<Member> {
    const handle = await this.writable(user, id);
    return temporalCall(handle.executeUpdate(sozialraumUpdates.removeMember, { args: [{ memberId, actorId: user.sub }] }), WHAT);
  }

  async lifecycle(user: Principal, id: string, action: 'pause' | 'resume' | 'cancel', reason?: string): Promise<ProcessInstance> {
    const handle = await this.writable(user, id);
    await temporalCall(handle.executeUpdate(sozialraumUpdates[action], { args: [{ reason, actorId: user.sub }] }), WHAT);
    return this.find(id);
  }

  private async find(id: string): Promise<ProcessInstance> {
    const process = await this.processes.findById(id, KEY);
    if (!process) throw DomainError.notFound(WHAT);
    return process;
  }

  private async visible(user: Principal, id: string): Promise<ProcessInstance> {
    const process = await this.find(id);
    await this.assignments.assertCanSee(user, process, WHAT);
    return process;
  }

  private async writable(user: Principal, id: string) {
    const process = await this.processes.locate(id, KEY);
    if (!process) throw DomainError.notFound(WHAT);
    await this.assignments.assertCoordinates(user, process.planningRegionId!, WHAT);
    return this.temporal.workflow.getHandle(process.workflowId);
  }

  /** Boundaries name municipalities by id: each must be one of the reference data (`GET /municipalities`); the workflow checks the form. */
  private async checkMunicipalities(value: unknown, at = '/value'): Promise<void> {
    const ids = value && typeof value === 'object' ? (value as { municipalityIds?: unknown }).municipalityIds : undefined;
    if (!Array.isArray(ids)) return;
    const problems = [];
    for (const [i, ref] of ids.entries()) {
      if (typeof ref !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) continue;
      if (!(await this.references.memberExists('municipality', ref)))
        problems.push({ pointer: `${at}/municipalityIds/${i}`, code: 'unknown-reference', message: 'Diese Kommune gibt es nicht.' });
    }
    if (problems.length > 0) throw DomainError.invalid('Unbekannte Kommune in den Grenzen des Sozialraums.', problems);
  }

  /** Members are referenced by id; each must exist. */
  private async checkMembers(members: Array<Omit<Member, 'id'>>, at: (i: number) => string): Promise<void> {
    const problems = [];
    for (const [i, m] of members.entries()) {
      if (!isMemberKind(m.kind)) continue; // the workflow validator names the bad kind
      if (!(await this.references.memberExists(m.kind, m.refId)))
        problems.push({
          pointer: `${at(i)}/refId`,
          code: 'unknown-reference',
          params: { kind: m.kind },
          message: `${MEMBER_LABELS[m.kind]} gibt es nicht.`,
        });
    }
    if (problems.length > 0) throw DomainError.invalid('Unbekanntes Mitglied der Verantwortungsgemeinschaft.', problems);
  }
}
