import type { StepSpec } from '@sro/definitions';
import { addDuration } from './duration';

export type StepStatus = 'pending' | 'active' | 'completed';

/** A step (phase) of a running instance, as the workflow tracks it and the read model shows it. */
export interface StepState {
  key: string;
  title: string;
  status: StepStatus;
  startedAt?: string;
  dueAt?: string;
  completedAt?: string;
  /** Set when a due date was extended with a reason; migrations never move it earlier. */
  extendedTo?: string;
  overdue?: boolean;
}

/** The due date that counts: the extension when one was granted and it is later. */
export function effectiveDueAt(step: StepState): string | undefined {
  return step.extendedTo && (!step.dueAt || step.extendedTo > step.dueAt) ? step.extendedTo : step.dueAt;
}

/** Fresh step states for a spec; the first one starts at `startedAt`. */
export function initialSteps(specs: StepSpec[], startedAt: Date): StepState[] {
  return specs.map((spec, i) =>
    i === 0
      ? {
          key: spec.key,
          title: spec.title,
          status: 'active',
          startedAt: startedAt.toISOString(),
          dueAt: addDuration(startedAt, spec.duration).toISOString(),
        }
      : { key: spec.key, title: spec.title, status: 'pending' },
  );
}

/**
 * The time the active step's due date was moved on (a process paused and resumed): its due date
 * beyond its start plus its duration in `specs`. Extensions are kept apart (`extendedTo`), so what is
 * left is the pause credit; 0 without an active step.
 */
export function pauseCreditMs(steps: StepState[], specs: StepSpec[]): number {
  const active = steps.find((s) => s.status === 'active');
  const spec = active && specs.find((s) => s.key === active.key);
  if (!active?.startedAt || !active.dueAt || !spec) return 0;
  return Math.max(0, Date.parse(active.dueAt) - addDuration(new Date(active.startedAt), spec.duration).getTime());
}

/**
 * Due date of the active step (its start plus the duration, plus its pause credit), or projected for
 * pending ones (each starts when the one before is due).
 */
export function projectedDueDates(steps: StepState[], specs: StepSpec[], creditMs = 0): Map<string, string> {
  const bySpec = new Map(specs.map((s) => [s.key, s]));
  const due = new Map<string, string>();
  let cursor: Date | undefined;
  for (const step of steps) {
    if (step.status === 'completed') {
      cursor = step.completedAt ? new Date(step.completedAt) : cursor;
      continue;
    }
    const spec = bySpec.get(step.key);
    if (!spec) continue;
    let dueAt: Date;
    if (step.status === 'active' && step.startedAt) {
      // The new duration from the step's start, but never earlier than an extension granted.
      const due = addDuration(new Date(step.startedAt), spec.duration).getTime() + creditMs;
      dueAt = new Date(effectiveDueAt({ ...step, dueAt: new Date(due).toISOString() })!);
    } else {
      dueAt = addDuration(cursor ?? new Date(0), spec.duration);
    }
    due.set(step.key, dueAt.toISOString());
    cursor = dueAt;
  }
  return due;
}

export interface DueDateChange {
  step: string;
  from: string | null;
  to: string;
  /** Milliseconds the date moves (positive: later). */
  deltaMs: number | null;
  projected: boolean;
}

export interface MigrationPlan {
  compatible: boolean;
  reason?: string;
  dueDateChanges: DueDateChange[];
  addedSteps: string[];
  removedSteps: string[];
  /** Time the active step was paused; its new due date keeps it (absent: none, for processes that do not pause). */
  pauseCreditMs?: number;
  /** The steps as they would be after adopting the new spec. */
  steps: StepState[];
}

/**
 * What adopting a new spec means for an instance: completed steps keep their dates, the active
 * step gets its due date from the new duration and keeps the time it was paused (never earlier
 * than an extension granted), the
 * remaining steps follow the new spec's order. Incompatible when the active step was removed or a
 * new step would come before it.
 */
export function planStepMigration(steps: StepState[], oldSpecs: StepSpec[], newSpecs: StepSpec[]): MigrationPlan {
  const newKeys = new Set(newSpecs.map((s) => s.key));
  const oldKeys = new Set(oldSpecs.map((s) => s.key));
  const addedSteps = newSpecs.filter((s) => !oldKeys.has(s.key)).map((s) => s.key);
  const removedSteps = oldSpecs.filter((s) => !newKeys.has(s.key)).map((s) => s.key);
  const active = steps.find((s) => s.status === 'active');
  const credit = pauseCreditMs(steps, oldSpecs);
  const empty = { dueDateChanges: [], addedSteps, removedSteps, pauseCreditMs: credit, steps };
  if (active && !newKeys.has(active.key)) {
    return { compatible: false, reason: `Den aktuellen Schritt „${active.title}“ gibt es in der neuen Version nicht.`, ...empty };
  }
  const doneKeys = new Set(steps.filter((s) => s.status === 'completed').map((s) => s.key));
  const activeIndex = active ? newSpecs.findIndex((s) => s.key === active.key) : newSpecs.length;
  const skipped = newSpecs.slice(0, activeIndex).filter((s) => !doneKeys.has(s.key));
  if (skipped.length > 0) {
    return {
      compatible: false,
      reason: `${skipped.map((s) => `„${s.title}“`).join(', ')} käme vor dem aktuellen Schritt und würde nie bearbeitet.`,
      ...empty,
    };
  }
  const byKey = new Map(steps.map((s) => [s.key, s]));
  const completed = steps.filter((s) => s.status === 'completed');
  const remaining: StepState[] = newSpecs
    .filter((spec) => !doneKeys.has(spec.key))
    .map((spec) => {
      const current = byKey.get(spec.key);
      return current ? { ...current, title: spec.title } : { key: spec.key, title: spec.title, status: 'pending' as const };
    });
  const migrated = [...completed, ...remaining];
  const before = projectedDueDates(steps, oldSpecs, credit);
  const after = projectedDueDates(migrated, newSpecs, credit);
  const dueDateChanges: DueDateChange[] = [];
  for (const step of remaining) {
    const to = after.get(step.key)!;
    const from = before.get(step.key) ?? null;
    if (from === to) continue;
    dueDateChanges.push({
      step: step.key,
      from,
      to,
      deltaMs: from ? new Date(to).getTime() - new Date(from).getTime() : null,
      projected: step.status !== 'active',
    });
  }
  const activeStep = migrated.find((s) => s.status === 'active');
  if (activeStep) activeStep.dueAt = after.get(activeStep.key);
  return { compatible: true, dueDateChanges, addedSteps, removedSteps, pauseCreditMs: credit, steps: migrated };
}
