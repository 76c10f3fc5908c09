import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Principal, germanEuro } from '@sro/common';
import { DefinitionsService } from '@sro/definitions';
import { ProcessInstanceRepository } from '@sro/processes';
import { AssignmentsService } from '@sro/reference-data';
import { WorkflowStateReader } from '@sro/temporal';
import { SozialraumDevelopmentState, sozialraumStateQuery } from '@sro/workflows/contracts';
import type { Measure } from '@sro/workflows/sozialraum-development/deliverables';
import { Allocation, AllocationKind, BudgetRepository, Spending } from './budget.repository';
import { SocialSpaceRef, SozialraumReferenceRepository } from './sozialraum-reference.repository';

const KEY = 'sozialraum-development';

export interface BudgetView {
  socialSpaceId: string;
  year: number;
  /** Whether a coordinator has set this year's budget; until then amountCents is 0. */
  isSet: boolean;
  amountCents: number;
  /** The yearly default of the published definition, which a new year starts with; null without one. */
  defaultAmountCents: number | null;
  /** Net of reversals. */
  allocatedCents: number;
  spentCents: number;
  availableCents: number;
  allocations: Allocation[];
  spendings: Spending[];
}

/** The years a ledger can be booked in at `now`: the previous (to close it), the current and the next (planned in December). */
export function bookableYears(now: Date): { from: number; to: number } {
  const year = now.getFullYear();
  return { from: year - 1, to: year + 1 };
}

/**
 * The Sozialraumbudget: a yearly amount per social space (by default the definition's) and a ledger of
 * allocations that may not exceed it; an allocation is reversed by a counter-booking with a reason, and
 * actual spending is booked against it.
 */
@Injectable()
export class BudgetService {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly references: SozialraumReferenceRepository,
    private readonly assignments: AssignmentsService,
    private readonly definitions: DefinitionsService,
    private readonly processes: ProcessInstanceRepository,
    private readonly states: WorkflowStateReader,
  ) {}

  async get(user: Principal, socialSpaceId: string, year: number): Promise<BudgetView> {
    const space = await this.space(socialSpaceId);
    await this.assignments.assertCanSee(user, { planningRegionId: space.planningRegionId, socialSpaceId }, 'Das Budget');
    return this.view(socialSpaceId, year);
  }

  /** Sets a year's budget (without an amount: the definition's default); it cannot drop below what is already allocated. */
  async setAmount(user: Principal, socialSpaceId: string, year: number, amountCents?: number): Promise<BudgetView> {
    await this.writable(user, socialSpaceId, year);
    const amount = amountCents ?? (await this.defaultAmount());
    if (amount === null)
      throw DomainError.invalid('Die Definition nennt keinen Standardbetrag für das Jahr; bitte geben Sie den Betrag an.', [
        { pointer: '/amountCents', code: 'required', message: 'Bitte den Betrag angeben.' },
      ]);
    await this.budgets.transaction(async (tx) => {
      const existing = await this.budgets.lockYear(tx, socialSpaceId, year);
      if (!existing) return this.budgets.create(tx, socialSpaceId, year, amount);
      if (existing.allocatedCents > amount) {
        throw new DomainError(
          ErrorCode.Conflict,
          `Das Budget darf nicht unter den bereits zugewiesenen ${germanEuro(existing.allocatedCents)} liegen.`,
          [
            {
              pointer: '/amountCents',
              code: 'number.min',
              params: { min: existing.allocatedCents },
              message: `Mindestens ${germanEuro(existing.allocatedCents)} (bereits zugewiesen).`,
            },
          ],
        );
      }
      await this.budgets.setAmount(tx, existing.id, amount);
    });
    return this.view(socialSpaceId, year);
  }

  /** Books an allocation; one that would exceed the year's budget is a conflict and books nothing. */
  async allocate(
    user: Principal,
    socialSpaceId: string,
    year: number,
    allocation: { kind: AllocationKind; title: string; processId?: string; measureKey?: string; amountCents: number },
  ): Promise<BudgetView> {
    await this.writable(user, socialSpaceId, year);
    if (allocation.kind === 'measure') await this.assertMeasure(socialSpaceId, allocation.processId, allocation.measureKey);
    await this.budgets.transaction(async (tx) => {
      const budget = await this.budgets.lockYear(tx, socialSpaceId, year);
      if (!budget)
        throw new DomainError(ErrorCode.Conflict, `Für ${year} ist noch kein Budget festgelegt; bitte legen Sie zuerst den Betrag fest.`);
      const available = budget.amountCents - budget.allocatedCents;
      if (allocation.amountCents > available) {
        throw new DomainError(
          ErrorCode.Conflict,
          `Die Zuweisung von ${germanEuro(allocation.amountCents)} übersteigt die verfügbaren ${germanEuro(available)}.`,
          [
            {
              pointer: '/amountCents',
              code: 'number.max',
              params: { max: available },
              message: `Höchstens ${germanEuro(available)} (noch verfügbar).`,
            },
          ],
        );
      }
      await this.budgets.addAllocation(tx, budget.id, {
        kind: allocation.kind,
        title: allocation.title,
        processId: allocation.processId ?? null,
        measureKey: allocation.measureKey ?? null,
        amountCents: allocation.amountCents,
        createdBy: user.sub,
      });
    });
    return this.view(socialSpaceId, year);
  }

  /**
   * Reverses an allocation by a counter-booking of what was not spent of it, with a reason; the
   * allocation stays in the ledger. Each allocation is reversed at most once.
   */
  async reverse(user: Principal, socialSpaceId: string, year: number, allocationId: string, reason: string): Promise<BudgetView> {
    await this.writable(user, socialSpaceId, year);
    await this.budgets.transaction(async (tx) => {
      const budget = await this.budgets.lockYear(tx, socialSpaceId, year);
      const allocation = budget && (await this.budgets.allocation(tx, budget.id, allocationId));
      if (!budget || !allocation) throw DomainError.notFound('Die Zuweisung');
      if (allocation.reversesId) throw DomainError.conflict('Eine Stornobuchung kann nicht storniert werden.');
      if (allocation.reversedBy) throw DomainError.conflict('Die Zuweisung ist bereits storniert; nichts wurde geändert.');
      const unspent = allocation.amountCents - allocation.spentCents;
      if (unspent <= 0) throw DomainError.conflict('Die Zuweisung ist vollständig ausgegeben; es bleibt nichts zu stornieren.');
      await this.budgets.addAllocation(tx, budget.id, {
        kind: allocation.kind,
        title: allocation.title,
        processId: allocation.processId,
        measureKey: allocation.measureKey,
        amountCents: -unspent,
        reversesId: allocation.id,
        reason,
        createdBy: user.sub,
      });
    });
    return this.view(socialSpaceId, year);
  }

  /** Books money actually spent against an allocation, up to its amount; not against a reversed one. */
  async spend(
    user: Principal,
    socialSpaceId: string,
    year: number,
    allocationId: string,
    spending: { amountCents: number; spentOn: string; note?: string },
  ): Promise<BudgetView> {
    await this.writable(user, socialSpaceId, year);
    if (Date.parse(spending.spentOn) > Date.now())
      throw DomainError.invalid('Ausgaben werden gebucht, wenn sie angefallen sind.', [
        { pointer: '/spentOn', code: 'date.future', message: 'Das Datum darf nicht in der Zukunft liegen.' },
      ]);
    await this.budgets.transaction(async (tx) => {
      const budget = await this.budgets.lockYear(tx, socialSpaceId, year);
      const allocation = budget && (await this.budgets.allocation(tx, budget.id, allocationId));
      if (!budget || !allocation) throw DomainError.notFound('Die Zuweisung');
      if (allocation.reversesId) throw DomainError.conflict('Ausgaben werden auf eine Zuweisung gebucht, nicht auf eine Stornobuchung.');
      if (allocation.reversedBy)
        throw DomainError.conflict('Die Zuweisung ist storniert; bitte buchen Sie die Ausgabe auf eine andere Zuweisung.');
      const left = allocation.amountCents - allocation.spentCents;
      if (spending.amountCents > left) {
        throw new DomainError(
          ErrorCode.Conflict,
          `Die Ausgabe von ${germanEuro(spending.amountCents)} übersteigt die verbleibenden ${germanEuro(left)} der Zuweisung.`,
          [{ pointer: '/amountCents', code: 'number.max', params: { max: left }, message: `Höchstens ${germanEuro(left)} (noch übrig).` }],
        );
      }
      await this.budgets.addSpending(tx, allocation.id, {
        amountCents: spending.amountCents,
        spentOn: spending.spentOn,
        note: spending.note ?? null,
        createdBy: user.sub,
      });
    });
    return this.view(socialSpaceId, year);
  }

  private async space(id: string): Promise<SocialSpaceRef> {
    const space = await this.references.socialSpace(id);
    if (!space) throw DomainError.notFound('Der Sozialraum');
    return space;
  }

  /** The caller coordinates the space's region and the year can be booked now. */
  private async writable(user: Principal, socialSpaceId: string, year: number): Promise<void> {
    const space = await this.space(socialSpaceId);
    await this.assignments.assertCoordinates(user, space.planningRegionId, 'Das Budget');
    const { from, to } = bookableYears(new Date());
    if (year < from || year > to)
      throw DomainError.invalid(`Gebucht werden können nur die Jahre ${from} bis ${to}.`, [
        {
          pointer: '/year',
          code: 'number.range',
          params: { min: from, max: to },
          message: `Bitte ein Jahr von ${from} bis ${to} angeben.`,
        },
      ]);
  }

  /** A measure allocation names a process of this social space and a measure that process planned. */
  private async assertMeasure(socialSpaceId: string, processId?: string, measureKey?: string): Promise<void> {
    if (!processId || !measureKey) {
      throw DomainError.invalid('Eine Zuweisung für eine Maßnahme nennt den Prozess und die Maßnahme.', [
        ...(processId ? [] : [{ pointer: '/processId', code: 'required', message: 'Bitte den Prozess auswählen.' }]),
        ...(measureKey ? [] : [{ pointer: '/measureKey', code: 'required', message: 'Bitte die Maßnahme auswählen.' }]),
      ]);
    }
    const process = await this.processes.findById(processId, KEY);
    if (!process || process.socialSpaceId !== socialSpaceId)
      throw DomainError.invalid('Diesen Prozess gibt es in diesem Sozialraum nicht.', [
        { pointer: '/processId', code: 'unknown-reference', message: 'Diesen Prozess gibt es in diesem Sozialraum nicht.' },
      ]);
    const state = await this.states.read<SozialraumDevelopmentState>(process.workflowId, sozialraumStateQuery, 'Der Sozialraumprozess');
    if (!plannedMeasures(state).some((m) => m.key === measureKey))
      throw DomainError.invalid('Diese Maßnahme ist im Prozess nicht geplant.', [
        {
          pointer: '/measureKey',
          code: 'unknown-reference',
          params: { measureKey },
          message: 'Diese Maßnahme ist im Prozess nicht geplant.',
        },
      ]);
  }

  private async defaultAmount(): Promise<number | null> {
    const definition = await this.definitions.published(KEY).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.Conflict) return null;
      throw error;
    });
    return definition?.spec.annualBudgetCents ?? null;
  }

  private async view(socialSpaceId: string, year: number): Promise<BudgetView> {
    const [{ isSet, amountCents, allocations, spendings }, defaultAmountCents] = await Promise.all([
      this.budgets.read(socialSpaceId, year),
      this.defaultAmount(),
    ]);
    const allocatedCents = allocations.reduce((sum, a) => sum + a.amountCents, 0);
    const spentCents = spendings.reduce((sum, s) => sum + s.amountCents, 0);
    return {
      socialSpaceId,
      year,
      isSet,
      amountCents,
      defaultAmountCents,
      allocatedCents,
      spentCents,
      availableCents: amountCents - allocatedCents,
      allocations,
      spendings,
    };
  }
}

/** The measures of every `measures` deliverable the process's definition has. */
function plannedMeasures(state: SozialraumDevelopmentState): Measure[] {
  return state.definition.spec.phases.flatMap((phase) =>
    phase.deliverables
      .filter((d) => d.type === 'measures')
      .flatMap((d) => (state.deliverables[phase.key]?.[d.key] as Measure[] | undefined) ?? []),
  );
}
