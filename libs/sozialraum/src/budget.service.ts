import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { Allocation, AllocationKind, BudgetRepository } from './budget.repository';
import { SocialSpaceRef, SozialraumReferenceRepository } from './sozialraum-reference.repository';

export interface BudgetView {
  socialSpaceId: string;
  year: number;
  amountCents: number;
  allocatedCents: number;
  availableCents: number;
  allocations: Allocation[];
}

/** The Sozialraumbudget: a yearly amount per social space and a ledger of allocations that may not exceed it. */
@Injectable()
export class BudgetService {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly references: SozialraumReferenceRepository,
    private readonly assignments: AssignmentsService,
  ) {}

  async get(user: Principal, socialSpaceId: string, year: number): Promise<BudgetView> {
    const space = await this.space(socialSpaceId);
    await this.assignments.assertCanSee(user, { planningRegionId: space.planningRegionId, socialSpaceId }, 'Budget');
    return this.view(socialSpaceId, year);
  }

  /** Sets a year's budget; it cannot drop below what is already allocated. */
  async setAmount(user: Principal, socialSpaceId: string, year: number, amountCents: number): Promise<BudgetView> {
    const space = await this.space(socialSpaceId);
    await this.assignments.assertCoordinates(user, space.planningRegionId, 'Budget');
    await this.budgets.transaction(async (tx) => {
      const existing = await this.budgets.lockYear(tx, socialSpaceId, year);
      if (!existing) return this.budgets.create(tx, socialSpaceId, year, amountCents);
      if (existing.allocatedCents > amountCents) {
        throw new DomainError(
          ErrorCode.Conflict,
          `The budget cannot be lower than the ${existing.allocatedCents} cents already allocated`,
          [{ pointer: '/amountCents', message: `at least ${existing.allocatedCents}` }],
        );
      }
      await this.budgets.setAmount(tx, existing.id, amountCents);
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
    const space = await this.space(socialSpaceId);
    await this.assignments.assertCoordinates(user, space.planningRegionId, 'Budget');
    if (allocation.kind === 'measure' && (!allocation.processId || !allocation.measureKey)) {
      throw DomainError.invalid('A measure allocation names its process and measure', [
        ...(allocation.processId ? [] : [{ pointer: '/processId', message: 'required for a measure' }]),
        ...(allocation.measureKey ? [] : [{ pointer: '/measureKey', message: 'required for a measure' }]),
      ]);
    }
    await this.budgets.transaction(async (tx) => {
      const budget = await this.budgets.lockYear(tx, socialSpaceId, year);
      if (!budget) throw new DomainError(ErrorCode.Conflict, `No budget is set for ${year}`);
      const available = budget.amountCents - budget.allocatedCents;
      if (allocation.amountCents > available) {
        throw new DomainError(
          ErrorCode.Conflict,
          `The allocation of ${allocation.amountCents} cents exceeds the available ${available} cents`,
          [{ pointer: '/amountCents', message: `at most ${available}` }],
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

  private async space(id: string): Promise<SocialSpaceRef> {
    const space = await this.references.socialSpace(id);
    if (!space) throw DomainError.notFound('Social space');
    return space;
  }

  private async view(socialSpaceId: string, year: number): Promise<BudgetView> {
    const { amountCents, allocations } = await this.budgets.read(socialSpaceId, year);
    const allocatedCents = allocations.reduce((sum, a) => sum + a.amountCents, 0);
    return { socialSpaceId, year, amountCents, allocatedCents, availableCents: amountCents - allocatedCents, allocations };
  }
}
