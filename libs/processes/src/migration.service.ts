import { Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AuditService } from '@sro/audit';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { DEFINITION_STATUS_LABELS, DefinitionKey, DefinitionsService, StepSpec, WorkflowDefinition } from '@sro/definitions';
import { toDomainError } from '@sro/temporal';
import { migrateDefinitionUpdate } from '@sro/workflows/contracts';
import { DueDateChange, planStepMigration } from '@sro/workflows/shared/steps';
import { ProcessInstanceRepository } from './process-instance.repository';

/** The step list a definition's migration is planned on. */
export function stepSpecsOf(key: DefinitionKey, spec: Record<string, unknown>): StepSpec[] {
  const list = key === 'sozialraum-development' ? spec.phases : key === 'cooperation-agreement' ? spec.approvalStages : spec.steps;
  return (list as StepSpec[]) ?? [];
}

export interface InstancePreview {
  processId: string;
  workflowId: string;
  subjectId: string;
  /** The social space's name, the case file number or the agreement reference (never a person's name). */
  subjectLabel: string | null;
  fromVersion: number;
  currentStep: string | null;
  compatible: boolean;
  reason?: string;
  affected: boolean;
  dueDateChanges: DueDateChange[];
  addedSteps: string[];
  removedSteps: string[];
  /** Time the current step was paused; the migrated due date keeps it. */
  pauseCreditMs: number;
}

export interface MigrationPreview {
  key: DefinitionKey;
  toVersion: number;
  toStatus: string;
  instances: InstancePreview[];
  summary: { running: number; compatible: number; incompatible: number; affected: number };
}

export interface MigrationOutcome {
  key: DefinitionKey;
  toVersion: number;
  migrated: Array<{ processId: string; fromVersion: number; dueDateChanges: DueDateChange[] }>;
  incompatible: Array<{ processId: string; reason: string }>;
  failed: Array<{ processId: string; reason: string }>;
}

const PARALLEL_UPDATES = 8;

/**
 * Moves running instances to a newer definition: preview computes, per instance, what would change
 * (from the read model, with the same planner the workflow uses); apply sends each compatible one
 * the migration update. Incompatible instances are listed and left untouched.
 */
@Injectable()
export class MigrationService {
  private readonly logger = new Logger('Migration');

  constructor(
    private readonly processes: ProcessInstanceRepository,
    private readonly definitions: DefinitionsService,
    private readonly temporal: Client,
    private readonly audit: AuditService,
  ) {}

  async preview(key: DefinitionKey, toVersion?: number): Promise<MigrationPreview> {
    const target = toVersion !== undefined ? await this.definitions.get(key, toVersion) : await this.publishedRow(key);
    const running = await this.processes.unfinished(key);
    const older = running.filter((p) => p.definitionVersion < target.version);
    const specs = new Map<number, StepSpec[]>();
    for (const version of new Set(older.map((p) => p.definitionVersion))) {
      specs.set(version, stepSpecsOf(key, (await this.definitions.get(key, version)).spec));
    }
    const newSteps = stepSpecsOf(key, target.spec);
    const labels = await this.processes.subjectLabels(older.map((p) => p.id));
    const instances = older.map((p): InstancePreview => {
      const plan = planStepMigration(p.steps, specs.get(p.definitionVersion)!, newSteps);
      return {
        processId: p.id,
        workflowId: p.workflowId,
        subjectId: p.subjectId,
        subjectLabel: labels.get(p.id) ?? null,
        fromVersion: p.definitionVersion,
        currentStep: p.currentStep,
        compatible: plan.compatible,
        reason: plan.reason,
        affected: plan.dueDateChanges.length > 0 || plan.addedSteps.length > 0 || plan.removedSteps.length > 0,
        dueDateChanges: plan.dueDateChanges,
        addedSteps: plan.addedSteps,
        removedSteps: plan.removedSteps,
        pauseCreditMs: plan.pauseCreditMs ?? 0,
      };
    });
    return {
      key,
      toVersion: target.version,
      toStatus: target.status,
      instances,
      summary: {
        running: instances.length,
        compatible: instances.filter((i) => i.compatible).length,
        incompatible: instances.filter((i) => !i.compatible).length,
        affected: instances.filter((i) => i.compatible && i.affected).length,
      },
    };
  }

  async apply(key: DefinitionKey, toVersion: number, user: Principal, processIds?: string[]): Promise<MigrationOutcome> {
    const target = await this.definitions.get(key, toVersion);
    if (target.status !== 'published')
      throw new DomainError(
        ErrorCode.Conflict,
        `Nur die veröffentlichte Version kann angewendet werden; Version ${toVersion} ist ${DEFINITION_STATUS_LABELS[target.status]}.`,
      );
    const preview = await this.preview(key, toVersion);
    const selected = processIds ? preview.instances.filter((i) => processIds.includes(i.processId)) : preview.instances;
    if (processIds) {
      const unknown = processIds.filter((id) => !preview.instances.some((i) => i.processId === id));
      if (unknown.length > 0)
        throw DomainError.invalid(
          'Nicht alle genannten Prozesse laufen mit einer älteren Version.',
          unknown.map((_id, i) => ({
            pointer: `/processIds/${i}`,
            code: 'not-migratable',
            message: 'Dieser Prozess läuft nicht mit einer älteren Version und kann nicht umgestellt werden.',
          })),
        );
    }
    const outcome: MigrationOutcome = { key, toVersion, migrated: [], incompatible: [], failed: [] };
    for (const instance of selected.filter((i) => !i.compatible))
      outcome.incompatible.push({ processId: instance.processId, reason: instance.reason! });
    const pinned = this.definitions.pin(target);
    const queue = selected.filter((i) => i.compatible);
    const worker = async () => {
      for (let instance = queue.shift(); instance; instance = queue.shift()) {
        try {
          await this.temporal.workflow
            .getHandle(instance.workflowId)
            .executeUpdate(migrateDefinitionUpdate, { args: [{ definition: pinned, actorId: user.sub }] });
          outcome.migrated.push({
            processId: instance.processId,
            fromVersion: instance.fromVersion,
            dueDateChanges: instance.dueDateChanges,
          });
          await this.audit.record({
            actorId: user.sub,
            actorRoles: user.roles,
            action: 'migrate',
            resourceType: 'process-instance',
            resourceId: instance.processId,
            purpose: 'Umstellung auf eine neue Definitionsversion',
            outcome: 'allowed',
            details: { key, fromVersion: instance.fromVersion, toVersion },
          });
        } catch (error) {
          const domain = toDomainError(error);
          const reason = domain instanceof Error ? domain.message : String(domain);
          this.logger.warn({ msg: 'instance not migrated', processId: instance.processId, reason });
          outcome.failed.push({ processId: instance.processId, reason });
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_UPDATES }, worker));
    return outcome;
  }

  private async publishedRow(key: DefinitionKey): Promise<WorkflowDefinition> {
    const pinned = await this.definitions.published(key);
    return this.definitions.get(key, pinned.version);
  }
}
