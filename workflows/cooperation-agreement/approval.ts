import type { ApprovalStageSpec, CooperationAgreementSpec } from '@sro/definitions';
import type { ApproverAssignment, PartyApproval, StageApproval } from './contract';
import { addDuration } from '../shared/duration';
import type { Problem } from '../shared/validation';

/** Pure rules of the approval chain; the workflow and the unit tests share them. */

export interface StageSelection {
  committeeRequired: boolean;
  optionalStages?: string[];
}

/** Mandatory stages, optional committee stages when a committee decision is required, and the optional stages named. */
export function includedStages(spec: CooperationAgreementSpec, selection: StageSelection): ApprovalStageSpec[] {
  const named = selection.optionalStages ?? [];
  return spec.approvalStages.filter((s) => !s.optional || (s.committee && selection.committeeRequired) || named.includes(s.key));
}

/** Every problem of a submission's stage selection and approver assignments, by JSON pointer of the request. */
export function checkAssignments(spec: CooperationAgreementSpec, selection: StageSelection, assignments: ApproverAssignment[]): Problem[] {
  const problems: Problem[] = [];
  (selection.optionalStages ?? []).forEach((key, i) => {
    const stage = spec.approvalStages.find((s) => s.key === key);
    if (!stage) problems.push({ pointer: `/optionalStages/${i}`, message: `no stage ${key}` });
    else if (!stage.optional) problems.push({ pointer: `/optionalStages/${i}`, message: `stage ${key} is not optional` });
  });
  const included = includedStages(spec, selection);
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    const stage = spec.approvalStages.find((s) => s.key === a.stageKey);
    if (!stage) return problems.push({ pointer: `/approvers/${i}/stageKey`, message: `no stage ${a.stageKey}` });
    if (!included.includes(stage))
      return problems.push({ pointer: `/approvers/${i}/stageKey`, message: `stage ${a.stageKey} is not part of this approval` });
    if (!stage.parties.some((p) => p.key === a.partyKey))
      return problems.push({ pointer: `/approvers/${i}/partyKey`, message: `stage ${a.stageKey} has no party ${a.partyKey}` });
    const id = `${a.stageKey}/${a.partyKey}`;
    if (seen.has(id)) problems.push({ pointer: `/approvers/${i}`, message: `party ${id} is named twice` });
    seen.add(id);
    if (!Array.isArray(a.approverIds) || a.approverIds.length === 0)
      problems.push({ pointer: `/approvers/${i}/approverIds`, message: 'name at least one approver' });
    return undefined;
  });
  for (const stage of included) {
    for (const party of stage.parties) {
      if (!seen.has(`${stage.key}/${party.key}`))
        problems.push({ pointer: '/approvers', message: `no approver named for party ${party.key} of stage ${stage.key}` });
    }
  }
  return problems;
}

/** Passed once the quorum approved; rejected once the quorum can no longer be reached. */
export function evaluateStage(stage: StageApproval): 'passed' | 'rejected' | 'open' {
  const approvals = stage.parties.filter((p) => p.decision?.decision === 'approve').length;
  const undecided = stage.parties.filter((p) => !p.decision).length;
  if (approvals >= stage.quorum) return 'passed';
  if (approvals + undecided < stage.quorum) return 'rejected';
  return 'open';
}

/** The parties that may decide now: every undecided one in parallel mode, the first undecided one in sequential mode. */
export function partiesOnTurn(stage: StageApproval): PartyApproval[] {
  if (stage.status !== 'active') return [];
  const undecided = stage.parties.filter((p) => !p.decision);
  return stage.mode === 'sequential' ? undecided.slice(0, 1) : undecided;
}

export function startStage(stage: StageApproval, spec: CooperationAgreementSpec, now: Date): void {
  const stageSpec = spec.approvalStages.find((s) => s.key === stage.key)!;
  stage.status = 'active';
  stage.startedAt = now.toISOString();
  stage.dueAt = addDuration(now, stageSpec.duration).toISOString();
  stage.overdue = false;
}

/**
 * The stages of a new round with their approvers. With `carried` (the stages of a rejected round
 * under `from_rejected_stage`), the stages that passed before the rejected one stay passed.
 */
export function buildStages(
  spec: CooperationAgreementSpec,
  selection: StageSelection,
  assignments: ApproverAssignment[],
  now: Date,
  carried: StageApproval[] = [],
): StageApproval[] {
  const keep = new Map<string, StageApproval>();
  for (const stage of carried) {
    if (stage.status !== 'passed') break;
    keep.set(stage.key, stage);
  }
  const stages: StageApproval[] = [];
  let carrying = true;
  for (const s of includedStages(spec, selection)) {
    const previous = keep.get(s.key);
    if (carrying && previous) {
      stages.push({ ...previous, carriedOver: true });
      continue;
    }
    carrying = false;
    stages.push({
      key: s.key,
      title: s.title,
      mode: s.mode,
      quorum: s.quorum,
      committee: s.committee,
      status: 'pending',
      parties: s.parties.map((p) => ({
        key: p.key,
        title: p.title,
        kind: p.kind,
        approverIds: [...(assignments.find((a) => a.stageKey === s.key && a.partyKey === p.key)?.approverIds ?? [])],
      })),
    });
  }
  const first = stages.find((s) => s.status === 'pending');
  if (first) startStage(first, spec, now);
  return stages;
}

/** The instant an agreement valid through `validUntil` lapses: the start of the next day (UTC). */
export function expiryOf(validUntil: string): Date {
  return addDuration(new Date(`${validUntil}T00:00:00.000Z`), 'P1D');
}
