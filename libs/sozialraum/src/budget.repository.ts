import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type AllocationKind = 'measure' | 'initiative';

/** One booking of the ledger: an allocation, or the reversal (negative) of one. */
export interface Allocation {
  id: string;
  kind: AllocationKind;
  title: string;
  processId: string | null;
  measureKey: string | null;
  amountCents: number;
  /** The allocation this booking reverses; null for an allocation. */
  reversesId: string | null;
  /** Why an allocation was reversed (reversals only). */
  reason: string | null;
  /** What was actually spent against this allocation. */
  spentCents: number;
  createdBy: string;
  createdAt: Date;
}

/** Money actually spent against an allocation. */
export interface Spending {
  id: string;
  allocationId: string;
  amountCents: number;
  /** Date of the payment (YYYY-MM-DD). */
  spentOn: string;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

/** A year's budget of a social space and what is booked against it. */
export interface BudgetYear {
  id: string;
  amountCents: number;
  allocatedCents: number;
}

/** An allocation as the rules for reversal and spending need it, locked for the transaction. */
export interface AllocationState {
  id: string;
  kind: AllocationKind;
  title: string;
  processId: string | null;
  measureKey: string | null;
  amountCents: number;
  reversesId: string | null;
  reversedBy: string | null;
  spentCents: number;
}

export interface NewAllocation {
  kind: AllocationKind;
  title: string;
  processId: string | null;
  measureKey: string | null;
  amountCents: number;
  reversesId?: string;
  reason?: string;
  createdBy: string;
}

export interface NewSpending {
  amountCents: number;
  spentOn: string;
  note: string | null;
  createdBy: string;
}

/**
 * All SQL of `social_space_budget`, `budget_allocation` and `budget_spending`. A change runs inside
 * {@link transaction}; {@link lockYear} holds the year's row until it commits, so two bookings cannot
 * both pass the limit.
 */
@Injectable()
export class BudgetRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The year's budget with its allocated sum (net of reversals), locked for the transaction; null when none is set. */
  async lockYear(tx: EntityManager, socialSpaceId: string, year: number): Promise<BudgetYear | null> {
    const [budget] = await tx.query(
      'SELECT id, amount_cents FROM social_space_budget WHERE social_space_id = $1 AND year = $2 FOR UPDATE',
      [socialSpaceId, year],
    );
    if (!budget) return null;
    const [{ allocated }] = await tx.query(
      'SELECT coalesce(sum(amount_cents), 0)::bigint AS allocated FROM budget_allocation WHERE budget_id = $1',
      [budget.id],
    );
    return { id: budget.id, amountCents: Number(budget.amount_cents), allocatedCents: Number(allocated) };
  }

  /** One allocation of the year's budget (whose row the caller has locked), with its reversal and spending; null when none. */
  async allocation(tx: EntityManager, budgetId: string, allocationId: string): Promise<AllocationState | null> {
    const [row] = await tx.query(
      `SELECT a.id, a.kind, a.title, a.process_id AS "processId", a.measure_key AS "measureKey", a.amount_cents::bigint AS "amountCents",
              a.reverses_id AS "reversesId",
              (SELECT r.id FROM budget_allocation r WHERE r.reverses_id = a.id) AS "reversedBy",
              (SELECT coalesce(sum(s.amount_cents), 0)::bigint FROM budget_spending s WHERE s.allocation_id = a.id) AS "spentCents"
         FROM budget_allocation a WHERE a.budget_id = $1 AND a.id = $2`,
      [budgetId, allocationId],
    );
    return row ? { ...row, amountCents: Number(row.amountCents), spentCents: Number(row.spentCents) } : null;
  }

  async setAmount(tx: EntityManager, budgetId: string, amountCents: number): Promise<void> {
    await tx.query('UPDATE social_space_budget SET amount_cents = $2, updated_at = now() WHERE id = $1', [budgetId, amountCents]);
  }

  async create(tx: EntityManager, socialSpaceId: string, year: number, amountCents: number): Promise<void> {
    await tx.query('INSERT INTO social_space_budget (social_space_id, year, amount_cents) VALUES ($1, $2, $3)', [
      socialSpaceId,
      year,
      amountCents,
    ]);
  }

  /** Books an allocation or a reversal; answers its id. */
  async addAllocation(tx: EntityManager, budgetId: string, allocation: NewAllocation): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO budget_allocation (budget_id, kind, title, process_id, measure_key, amount_cents, reverses_id, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        budgetId,
        allocation.kind,
        allocation.title,
        allocation.processId,
        allocation.measureKey,
        allocation.amountCents,
        allocation.reversesId ?? null,
        allocation.reason ?? null,
        allocation.createdBy,
      ],
    );
    return id;
  }

  /** Books actual spending against an allocation; answers its id. */
  async addSpending(tx: EntityManager, allocationId: string, spending: NewSpending): Promise<string> {
    const [{ id }] = await tx.query(
      `INSERT INTO budget_spending (allocation_id, amount_cents, spent_on, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [allocationId, spending.amountCents, spending.spentOn, spending.note, spending.createdBy],
    );
    return id;
  }

  /** Whether a year's budget is set, its amount (0 when not), its bookings in order and the spending against them. */
  async read(
    socialSpaceId: string,
    year: number,
  ): Promise<{ isSet: boolean; amountCents: number; allocations: Allocation[]; spendings: Spending[] }> {
    const [budget] = await this.dataSource.query(
      'SELECT id, amount_cents FROM social_space_budget WHERE social_space_id = $1 AND year = $2',
      [socialSpaceId, year],
    );
    if (!budget) return { isSet: false, amountCents: 0, allocations: [], spendings: [] };
    const allocations: Array<Allocation & { spentCents: string }> = await this.dataSource.query(
      `SELECT a.id, a.kind, a.title, a.process_id AS "processId", a.measure_key AS "measureKey", a.amount_cents::int AS "amountCents",
              a.reverses_id AS "reversesId", a.reason,
              (SELECT coalesce(sum(s.amount_cents), 0)::bigint FROM budget_spending s WHERE s.allocation_id = a.id) AS "spentCents",
              a.created_by AS "createdBy", a.created_at AS "createdAt"
         FROM budget_allocation a WHERE a.budget_id = $1 ORDER BY a.created_at, a.id`,
      [budget.id],
    );
    const spendings: Spending[] = await this.dataSource.query(
      `SELECT s.id, s.allocation_id AS "allocationId", s.amount_cents::int AS "amountCents", to_char(s.spent_on, 'YYYY-MM-DD') AS "spentOn",
              s.note, s.created_by AS "createdBy", s.created_at AS "createdAt"
         FROM budget_spending s JOIN budget_allocation a ON a.id = s.allocation_id
        WHERE a.budget_id = $1 ORDER BY s.spent_on, s.created_at, s.id`,
      [budget.id],
    );
    return {
      isSet: true,
      amountCents: Number(budget.amount_cents),
      allocations: allocations.map((a) => ({ ...a, spentCents: Number(a.spentCents) })),
      spendings,
    };
  }
}
