import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { MIN_CELL_COUNT } from '@sro/jugendhilfedienst';
import { AssignmentsService } from '@sro/reference-data';
import { IndicatorRepository, SpaceRef } from './indicator.repository';
import { JhaReportRepository } from './jha-report.repository';
import { SocialIndexService } from './social-index.service';

/** A count of the § 8a figures: null and shown as "<5" when it is a small cell (or would reveal one). */
export interface SuppressedCount {
  count: number | null;
  display: string;
}

export interface JhaReportSpace {
  id: string;
  code: string;
  name: string;
  planningRegionName: string;
  phase: {
    processId: string;
    status: string;
    statusLabel: string;
    phaseNumber: number | null;
    phaseTitle: string | null;
    overdue: boolean;
  } | null;
  budget: {
    amountCents: number;
    allocatedCents: number;
    spentCents: number;
    allocations: Array<{ title: string; kind: string; allocatedCents: number; spentCents: number }>;
  } | null;
  index: { rank: number; previousRank: number | null; combinedIndex: number; change: number | null } | null;
  riskAssessments: SuppressedCount;
}

/** The report to the Jugendhilfeausschuss of a year, for the district or one planning region; anonymised aggregates only. */
export interface JhaReport {
  year: number;
  scope: { kind: 'district' | 'planning_region'; planningRegionId: string | null; name: string };
  generatedAt: string;
  spaces: JhaReportSpace[];
  interviews: { cycleNumber: number | null; total: number; done: number; withdrawn: number; responseRate: number | null };
  riskAssessments: { total: SuppressedCount; byResult: Array<{ result: string; label: string } & SuppressedCount> };
  preventive: { caseMinutes: number; preventiveMinutes: number; otherMinutes: number; share: number | null; target: number } | null;
  index: { methodVersion: number; spacesRanked: number } | null;
  /** Whether indicator values behind the index are invented demo data. */
  inventedIndicators: boolean;
}

const STATUS_LABELS: Record<string, string> = {
  running: 'läuft',
  paused: 'pausiert',
  completed: 'abgeschlossen',
  cancelled: 'abgebrochen',
};
const RESULT_LABELS: Record<string, string> = {
  acute: 'Akute Kindeswohlgefährdung',
  latent: 'Latente Kindeswohlgefährdung',
  help_needed: 'Keine Gefährdung, aber Hilfebedarf',
  none: 'Weder Gefährdung noch Hilfebedarf',
};
/** The seed's target share of preventive (fallunspezifische) work. */
export const PREVENTIVE_TARGET = 0.1;

/**
 * Small-cell suppression of counts that add up to a shown total: counts 1–4 are hidden; when exactly
 * one is hidden and the total is shown, the next smallest non-zero count is hidden too, so the hidden
 * one cannot be computed back. Zero is shown (it reveals no one).
 */
export function suppressSmallCells(counts: number[], min = MIN_CELL_COUNT): { cells: SuppressedCount[]; total: SuppressedCount } {
  const total = counts.reduce((s, n) => s + n, 0);
  const small = (n: number) => n > 0 && n < min;
  const hidden = new Set(counts.flatMap((n, i) => (small(n) ? [i] : [])));
  const totalShown = !small(total);
  if (totalShown && hidden.size === 1) {
    const next = counts
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => n > 0 && !hidden.has(i))
      .sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.i);
  }
  const cell = (n: number, hide: boolean): SuppressedCount =>
    hide ? { count: null, display: `<${min}` } : { count: n, display: String(n) };
  return { cells: counts.map((n, i) => cell(n, hidden.has(i))), total: cell(total, !totalShown) };
}

/** Builds the report to the Jugendhilfeausschuss from the read models. */
@Injectable()
export class JhaReportService {
  constructor(
    private readonly reports: JhaReportRepository,
    private readonly indicators: IndicatorRepository,
    private readonly index: SocialIndexService,
    private readonly assignments: AssignmentsService,
  ) {}

  /** Administration: the district or any planning region; coordination and leads: their planning regions. */
  async report(user: Principal, year: number, planningRegionId?: string): Promise<JhaReport> {
    const all = await this.indicators.spaces();
    const admin = user.roles.includes(Role.Admin);
    if (!planningRegionId && !admin)
      throw new DomainError(
        ErrorCode.Forbidden,
        'Den Bericht für den ganzen Landkreis erstellt die Administration; bitte eine Planregion wählen.',
      );
    if (planningRegionId && !admin && !(await this.assignments.of(user)).planningRegionIds.includes(planningRegionId))
      throw DomainError.notFound('Die Planregion');
    const spaces: SpaceRef[] = planningRegionId ? all.filter((s) => s.planningRegionId === planningRegionId) : all;
    if (planningRegionId && spaces.length === 0) throw DomainError.notFound('Die Planregion');
    const ids = spaces.map((s) => s.id);
    const [phases, budgets, interviews, risks, time, ranking, values] = await Promise.all([
      this.reports.phases(ids),
      this.reports.budgets(ids, year),
      this.reports.interviews(ids, year),
      this.reports.riskAssessments(ids, year),
      this.reports.time(ids, year),
      this.index.ranking(year).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === ErrorCode.Conflict) return null;
        throw e;
      }),
      this.indicators.values(undefined, year),
    ]);
    const perSpace = ids.map((id) => risks.filter((r) => r.socialSpaceId === id).reduce((s, r) => s + r.count, 0));
    const spaceCells = suppressSmallCells(perSpace);
    const results = Object.keys(RESULT_LABELS);
    const resultCells = suppressSmallCells(results.map((res) => risks.filter((r) => r.result === res).reduce((s, r) => s + r.count, 0)));
    const totalMinutes = time.caseMinutes + time.preventiveMinutes + time.otherMinutes;
    return {
      year,
      scope: planningRegionId
        ? { kind: 'planning_region', planningRegionId, name: spaces[0].planningRegionName }
        : { kind: 'district', planningRegionId: null, name: 'Landkreis (alle Planregionen)' },
      generatedAt: new Date().toISOString(),
      spaces: spaces.map((s, i): JhaReportSpace => {
        const phase = phases.find((p) => p.socialSpaceId === s.id);
        const budget = budgets.find((b) => b.socialSpaceId === s.id);
        const rank = ranking?.items.find((r) => r.socialSpaceId === s.id);
        const active = phase?.steps.findIndex((step) => step.status === 'active') ?? -1;
        return {
          id: s.id,
          code: s.code,
          name: s.name,
          planningRegionName: s.planningRegionName,
          phase: phase
            ? {
                processId: phase.processId,
                status: phase.status,
                statusLabel: STATUS_LABELS[phase.status] ?? phase.status,
                phaseNumber: active >= 0 ? active + 1 : phase.status === 'completed' ? phase.steps.length : null,
                phaseTitle: phase.currentStepTitle,
                overdue: phase.steps.some((step) => step.status === 'active' && step.overdue === true),
              }
            : null,
          budget: budget
            ? {
                amountCents: budget.amountCents,
                allocatedCents: budget.allocations.reduce((sum, a) => sum + a.allocatedCents, 0),
                spentCents: budget.allocations.reduce((sum, a) => sum + a.spentCents, 0),
                allocations: budget.allocations.map(({ measureKey: _m, ...a }) => a),
              }
            : null,
          index: rank ? { rank: rank.rank, previousRank: rank.previousRank, combinedIndex: rank.combinedIndex, change: rank.change } : null,
          riskAssessments: spaceCells.cells[i],
        };
      }),
      interviews: {
        ...interviews,
        responseRate:
          interviews.total - interviews.withdrawn > 0
            ? Math.round((interviews.done / (interviews.total - interviews.withdrawn)) * 1000) / 1000
            : null,
      },
      riskAssessments: {
        total: spaceCells.total,
        byResult: results.map((result, i) => ({ result, label: RESULT_LABELS[result], ...resultCells.cells[i] })),
      },
      preventive:
        totalMinutes > 0
          ? { ...time, share: Math.round((time.preventiveMinutes / totalMinutes) * 1000) / 1000, target: PREVENTIVE_TARGET }
          : null,
      index: ranking?.items.length ? { methodVersion: ranking.method.version, spacesRanked: ranking.items.length } : null,
      inventedIndicators: values.some((v) => v.invented),
    };
  }
}
