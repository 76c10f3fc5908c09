import type { ApprovalStageSpec, CooperationAgreementSpec, PartyKind, PartySpec } from '@sro/definitions';
import type { ApproverAssignment, PartyApproval, StageApproval } from './contract';
import { addDuration } from '../shared/duration';
import type { Problem } from '../shared/validation';

/** Pure rules of the approval chain; the workflow and the unit tests share them. */

export interface StageSelection {
  committeeRequired: boolean;
  optionalStages?: string[];
  /**
   * The kinds of the agreement's parties, one per party. Absent in submissions recorded before
   * approvals followed the parties: then every party of the definition decides.
   */
  partyKinds?: PartyKind[];
}

/** Mandatory stages, optional committee stages when a committee decision is required, and the optional stages named. */
export function includedStages(spec: CooperationAgreementSpec, selection: StageSelection): ApprovalStageSpec[] {
  const named = selection.optionalStages ?? [];
  return spec.approvalStages.filter((s) => !s.optional || (s.committee && selection.committeeRequired) || named.includes(s.key));
}

/** One stage of the approval of a particular agreement: who decides and how many approvals pass it. */
export interface PlannedStage {
  stage: ApprovalStageSpec;
  parties: Array<Omit<PartySpec, 'whenPresent'>>;
  quorum: number;
}

/**
 * The parties that decide a stage for this agreement. A party the definition marks `whenPresent`
 * decides once per agreement party of its kind (`provider`, `provider-2`, …) and not at all
 * without one; the others always decide. A stage that needs every party of the definition needs
 * every party present; otherwise its quorum, at most the number of parties present.
 */
export function stageParties(stage: ApprovalStageSpec, partyKinds?: PartyKind[]): PlannedStage {
  if (!partyKinds) return { stage, parties: stage.parties.map(({ key, title, kind }) => ({ key, title, kind })), quorum: stage.quorum };
  const parties = stage.parties.flatMap(({ key, title, kind, whenPresent }) => {
    if (!whenPresent) return [{ key, title, kind }];
    const count = partyKinds.filter((k) => k === kind).length;
    return Array.from({ length: count }, (_, i) =>
      i === 0 ? { key, title, kind } : { key: `${key}-${i + 1}`, title: `${title} (${i + 1})`, kind },
    );
  });
  const quorum = stage.quorum >= stage.parties.length ? parties.length : Math.min(stage.quorum, parties.length);
  return { stage, parties, quorum };
}

/** The included stages with the parties that decide them for this agreement; a stage left without parties is skipped. */
export function plannedStages(spec: CooperationAgreementSpec, selection: StageSelection): PlannedStage[] {
  return includedStages(spec, selection)
    .map((s) => stageParties(s, selection.partyKinds))
    .filter((s) => s.parties.length > 0);
}

/** Every problem of a submission's stage selection and approver assignments, by JSON pointer of the request. */
export function checkAssignments(spec: CooperationAgreementSpec, selection: StageSelection, assignments: ApproverAssignment[]): Problem[] {
  const problems: Problem[] = [];
  (selection.optionalStages ?? []).forEach((key, i) => {
    const stage = spec.approvalStages.find((s) => s.key === key);
    if (!stage)
      problems.push({
        pointer: `/optionalStages/${i}`,
        code: 'unknown-stage',
        params: { stageKey: key },
        message: `Die Stufe „${key}“ gibt es in der Definition nicht.`,
      });
    else if (!stage.optional)
      problems.push({
        pointer: `/optionalStages/${i}`,
        code: 'stage.required',
        params: { stageKey: key },
        message: `Die Stufe „${stage.title}“ ist nicht wählbar; sie gehört immer zur Freigabe.`,
      });
  });
  const included = includedStages(spec, selection);
  const planned = plannedStages(spec, selection);
  if (planned.length === 0)
    problems.push({
      pointer: '/parties',
      code: 'no-stage',
      message: 'Keine Freigabestufe der Definition betrifft diese Parteien; bitte prüfen Sie die Parteien.',
    });
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    const stage = spec.approvalStages.find((s) => s.key === a.stageKey);
    if (!stage)
      return problems.push({
        pointer: `/approvers/${i}/stageKey`,
        code: 'unknown-stage',
        params: { stageKey: a.stageKey },
        message: `Die Stufe „${a.stageKey}“ gibt es in der Definition nicht.`,
      });
    if (!included.includes(stage))
      return problems.push({
        pointer: `/approvers/${i}/stageKey`,
        code: 'stage.not-included',
        params: { stageKey: a.stageKey },
        message: `Die Stufe „${stage.title}“ gehört nicht zu dieser Freigabe.`,
      });
    if (!planned.find((p) => p.stage === stage)?.parties.some((p) => p.key === a.partyKey))
      return problems.push({
        pointer: `/approvers/${i}/partyKey`,
        ...(stage.parties.some((p) => p.key === a.partyKey)
          ? { code: 'party.not-involved', message: `„${a.partyKey}“ ist keine Partei dieser Vereinbarung.` }
          : { code: 'unknown-party', message: `Die Stufe „${stage.title}“ hat keine Partei „${a.partyKey}“.` }),
        params: { stageKey: a.stageKey, partyKey: a.partyKey },
      });
    const id = `${a.stageKey}/${a.partyKey}`;
    if (seen.has(id))
      problems.push({
        pointer: `/approvers/${i}`,
        code: 'duplicate',
        params: { stageKey: a.stageKey, partyKey: a.partyKey },
        message: 'Diese Partei dieser Stufe ist doppelt genannt.',
      });
    seen.add(id);
    if (!Array.isArray(a.approverIds) || a.approverIds.length === 0)
      problems.push({
        pointer: `/approvers/${i}/approverIds`,
        code: 'array.min',
        params: { min: 1 },
        message: 'Bitte mindestens eine entscheidende Person benennen.',
      });
    return undefined;
  });
  for (const { stage, parties } of planned) {
    for (const party of parties) {
      if (!seen.has(`${stage.key}/${party.key}`))
        problems.push({
          pointer: '/approvers',
          code: 'approver.missing',
          params: { stageKey: stage.key, partyKey: party.key },
          message: `Für „${party.title}“ in der Stufe „${stage.title}“ ist niemand benannt, der entscheidet.`,
        });
    }
  }
  return problems;
}

/** The assignments that concern this agreement's approval: a resubmission reuses only those of the parties still present. */
export function relevantAssignments(
  spec: CooperationAgreementSpec,
  selection: StageSelection,
  assignments: ApproverAssignment[],
): ApproverAssignment[] {
  const planned = plannedStages(spec, selection);
  return assignments.filter((a) => planned.some((p) => p.stage.key === a.stageKey && p.parties.some((party) => party.key === a.partyKey)));
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
  for (const { stage: s, parties, quorum } of plannedStages(spec, selection)) {
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
      quorum,
      committee: s.committee,
      status: 'pending',
      parties: parties.map((p) => ({
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

/** The instant a validity starting on `validFrom` begins: the start of that day (UTC). */
export function startOf(validFrom: string): Date {
  return new Date(`${validFrom}T00:00:00.000Z`);
}

/** The instant an agreement valid through `validUntil` lapses: the start of the next day (UTC). */
export function expiryOf(validUntil: string): Date {
  return addDuration(startOf(validUntil), 'P1D');
}
