import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { AssignmentsService, SocialSpace } from '@sro/reference-data';

export type AllocationKind = 'measure' | 'initiative';

export interface Allocation {
  id: string;
  kind: AllocationKind;
  title: string;
  processId: string | null;
  measureKey: string | null;
  amountCents: number;
  createdBy: string;
  createdAt: Date;
}

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
    private readonly dataSource: DataSource,
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
    await this.dataSource.transaction(async (m) => {
      const [existing] = await m.query('SELECT id FROM social_space_budget WHERE social_space_id = $1 AND year = $2 FOR UPDATE', [socialSpaceId, year]);
      if (existing) {
        const [{ allocated }] = await m.query('SELECT coalesce(sum(amount_cents), 0)::bigint AS allocated FROM budget_allocation WHERE budget_id = $1', [existing.id]);
        if (Number(allocated) > amountCents) {
          throw new DomainError(ErrorCode.Conflict, `The budget cannot be lower than the ${Number(allocated)} cents already allocated`, [
            { pointer: '/amountCents', message: `at least ${Number(allocated)}` },
          ]);
        }
        await m.query('UPDATE social_space_budget SET amount_cents = $2, updated_at = now() WHERE id = $1', [existing.id, amountCents]);
      } else {
        await m.query('INSERT INTO social_space_budget (social_space_id, year, amount_cents) VALUES ($1, $2, $3)', [socialSpaceId, year, amountCents]);
      }
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
    await this.dataSource.transaction(async (m) => {
      const [budget] = await m.query('SELECT id, amount_cents FROM social_space_budget WHERE social_space_id = $1 AND year = $2 FOR UPDATE', [socialSpaceId, year]);
      if (!budget) throw new DomainError(ErrorCode.Conflict, `No budget is set for ${year}`);
      const [{ allocated }] = await m.query('SELECT coalesce(sum(amount_cents), 0)::bigint AS allocated FROM budget_allocation WHERE budget_id = $1', [budget.id]);
      const available = Number(budget.amount_cents) - Number(allocated);
      if (allocation.amountCents > available) {
        throw new DomainError(ErrorCode.Conflict, `The allocation of ${allocation.amountCents} cents exceeds the available ${available} cents`, [
          { pointer: '/amountCents', message: `at most ${available}` },
        ]);
      }
      await m.query(
        `INSERT INTO budget_allocation (budget_id, kind, title, process_id, measure_key, amount_cents, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [budget.id, allocation.kind, allocation.title, allocation.processId ?? null, allocation.measureKey ?? null, allocation.amountCents, user.sub],
      );
    });
    return this.view(socialSpaceId, year);
  }

  private async space(id: string): Promise<SocialSpace> {
    const space = await this.dataSource.getRepository(SocialSpace).findOneBy({ id });
    if (!space) throw DomainError.notFound('Social space');
    return space;
  }

  private async view(socialSpaceId: string, year: number): Promise<BudgetView> {
    const [budget] = await this.dataSource.query('SELECT id, amount_cents FROM social_space_budget WHERE social_space_id = $1 AND year = $2', [socialSpaceId, year]);
    const rows = budget
      ? await this.dataSource.query(
          `SELECT id, kind, title, process_id AS "processId", measure_key AS "measureKey", amount_cents::int AS "amountCents", created_by AS "createdBy", created_at AS "createdAt"
             FROM budget_allocation WHERE budget_id = $1 ORDER BY created_at, id`,
          [budget.id],
        )
      : [];
    const amountCents = budget ? Number(budget.amount_cents) : 0;
    const allocatedCents = rows.reduce((sum: number, r: Allocation) => sum + r.amountCents, 0);
    return { socialSpaceId, year, amountCents, allocatedCents, availableCents: amountCents - allocatedCents, allocations: rows };
  }
}
