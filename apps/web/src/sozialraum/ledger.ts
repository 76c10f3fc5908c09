// Types straight from the generated schema, so that this module stays free of the browser client.
import type { components } from '../api/schema.gen';

type Budget = components['schemas']['BudgetDto'];
type Allocation = components['schemas']['BudgetAllocationDto'];

/** Per allocation (reversals folded in): what is allocated net, spent and still available. */
export interface AllocationRow {
  allocation: Allocation;
  allocatedCents: number;
  spentCents: number;
  availableCents: number;
  reversed: boolean;
}

export function allocationRows(budget: Budget): AllocationRow[] {
  return budget.allocations
    .filter((a) => !a.reversesId)
    .map((a) => {
      const reversals = budget.allocations.filter((r) => r.reversesId === a.id);
      const allocatedCents = a.amountCents + reversals.reduce((sum, r) => sum + r.amountCents, 0);
      return {
        allocation: a,
        allocatedCents,
        spentCents: a.spentCents,
        availableCents: Math.max(0, allocatedCents - a.spentCents),
        reversed: reversals.length > 0,
      };
    });
}
