import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type AllocationKind = 'measure' | 'initiative';

/** One booking of the ledger. */
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

/** A year's budget of a social space and what is booked against it. */
export interface BudgetYear {
  id: string;
  amountCents: number;
  allocatedCents: number;
}

export interface NewAllocation {
  kind: AllocationKind;
  title: string;
  processId: string | null;
  measureKey: string | null;
  amountCents: number;
  createdBy: string;
}

/**
 * All SQL of `social_space_budget` and `budget_allocation`. A change runs inside {@link transaction};
 * {@link lockYear} holds the year's row until it commits, so two bookings cannot both pass the limit.
 */
@Injectable()
export class BudgetRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The year's budget with its allocated sum, locked for the transaction; null when none is set. */
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

  async addAllocation(tx: EntityManager, budgetId: string, allocation: NewAllocation): Promise<void> {
    await tx.query(
      `INSERT INTO budget_allocation (budget_id, kind, title, process_id, measure_key, amount_cents, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        budgetId,
        allocation.kind,
        allocation.title,
        allocation.processId,
        allocation.measureKey,
        allocation.amountCents,
        allocation.createdBy,
      ],
    );
  }

  /** The year's amount (0 when none is set) and its allocations in booking order. */
  async read(socialSpaceId: string, year: number): Promise<{ amountCents: number; allocations: Allocation[] }> {
    const [budget] = await this.dataSource.query(
      'SELECT id, amount_cents FROM social_space_budget WHERE social_space_id = $1 AND year = $2',
      [socialSpaceId, year],
    );
    if (!budget) return { amountCents: 0, allocations: [] };
    const allocations: Allocation[] = await this.dataSource.query(
      `SELECT id, kind, title, process_id AS "processId", measure_key AS "measureKey", amount_cents::int AS "amountCents", created_by AS "createdBy", created_at AS "createdAt"
         FROM budget_allocation WHERE budget_id = $1 ORDER BY created_at, id`,
      [budget.id],
    );
    return { amountCents: Number(budget.amount_cents), allocations };
  }
}
