import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface PhaseRow {
  socialSpaceId: string;
  processId: string;
  status: string;
  currentStepTitle: string | null;
  currentDueAt: Date | null;
  steps: Array<{ key: string; title: string; status: string; overdue?: boolean }>;
}

export interface BudgetRow {
  socialSpaceId: string;
  amountCents: number;
  allocations: Array<{ title: string; kind: string; measureKey: string | null; allocatedCents: number; spentCents: number }>;
}

/** The read-only aggregates the report to the Jugendhilfeausschuss draws on (other libs own these tables). */
@Injectable()
export class JhaReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest six-phase process of each of the social spaces. */
  phases(spaceIds: string[]): Promise<PhaseRow[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (social_space_id) social_space_id AS "socialSpaceId", id AS "processId", status,
              current_step_title AS "currentStepTitle", current_due_at AS "currentDueAt", steps
         FROM process_instance
        WHERE definition_key = 'sozialraum-development' AND social_space_id = ANY($1::uuid[])
        ORDER BY social_space_id, created_at DESC`,
      [spaceIds],
    );
  }

  /** The year's budget of each social space with its allocations (net of reversals) and what was spent of them. */
  async budgets(spaceIds: string[], year: number): Promise<BudgetRow[]> {
    const rows: Array<{
      socialSpaceId: string;
      amountCents: string;
      title: string | null;
      kind: string | null;
      measureKey: string | null;
      allocated: string | null;
      spent: string | null;
    }> = await this.dataSource.query(
      `SELECT b.social_space_id AS "socialSpaceId", b.amount_cents AS "amountCents", a.title, a.kind, a.measure_key AS "measureKey",
                sum(a.amount_cents) AS allocated,
                sum((SELECT coalesce(sum(s.amount_cents), 0) FROM budget_spending s WHERE s.allocation_id = a.id)) AS spent
           FROM social_space_budget b
           LEFT JOIN budget_allocation a ON a.budget_id = b.id
          WHERE b.year = $2 AND b.social_space_id = ANY($1::uuid[])
          GROUP BY b.social_space_id, b.amount_cents, a.title, a.kind, a.measure_key, coalesce(a.reverses_id, a.id)
          ORDER BY b.social_space_id, a.title`,
      [spaceIds, year],
    );
    const out = new Map<string, BudgetRow>();
    for (const r of rows) {
      const row = out.get(r.socialSpaceId) ?? { socialSpaceId: r.socialSpaceId, amountCents: Number(r.amountCents), allocations: [] };
      if (r.title !== null)
        row.allocations.push({
          title: r.title,
          kind: r.kind!,
          measureKey: r.measureKey,
          allocatedCents: Number(r.allocated),
          spentCents: Number(r.spent),
        });
      out.set(r.socialSpaceId, row);
    }
    return [...out.values()];
  }

  /** Interviews of the latest cycle started by the end of the year, of the partners of the social spaces. */
  async interviews(
    spaceIds: string[],
    year: number,
  ): Promise<{ cycleNumber: number | null; total: number; done: number; withdrawn: number }> {
    const [row] = await this.dataSource.query(
      `WITH cycle AS (
         SELECT id, number FROM interview_cycle WHERE started_at < make_date($2::int + 1, 1, 1) ORDER BY started_at DESC LIMIT 1)
       SELECT (SELECT number FROM cycle) AS "cycleNumber",
              count(DISTINCT i.id)::int AS total,
              count(DISTINCT i.id) FILTER (WHERE i.status = 'done')::int AS done,
              count(DISTINCT i.id) FILTER (WHERE i.status = 'withdrawn')::int AS withdrawn
         FROM partner_interview i
         JOIN contract_partner_social_space ps ON ps.contract_partner_id = i.contract_partner_id
        WHERE i.cycle_id = (SELECT id FROM cycle) AND ps.social_space_id = ANY($1::uuid[])`,
      [spaceIds, year],
    );
    return row;
  }

  /** Completed § 8a assessments of the year per social space and result (counts only). */
  riskAssessments(spaceIds: string[], year: number): Promise<Array<{ socialSpaceId: string; result: string; count: number }>> {
    return this.dataSource.query(
      `SELECT social_space_id AS "socialSpaceId", result, count(*)::int AS count
         FROM risk_assessment
        WHERE accepted AND extract(year FROM completed_at AT TIME ZONE 'Europe/Berlin') = $2 AND social_space_id = ANY($1::uuid[])
        GROUP BY 1, 2`,
      [spaceIds, year],
    );
  }

  /** Recorded minutes of the year by kind, of the entries booked on the social spaces. */
  async time(spaceIds: string[], year: number): Promise<{ caseMinutes: number; preventiveMinutes: number; otherMinutes: number }> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(sum(minutes) FILTER (WHERE kind = 'case'), 0)::int AS "caseMinutes",
              coalesce(sum(minutes) FILTER (WHERE kind = 'preventive'), 0)::int AS "preventiveMinutes",
              coalesce(sum(minutes) FILTER (WHERE kind = 'other'), 0)::int AS "otherMinutes"
         FROM time_entry WHERE extract(year FROM work_date) = $2 AND social_space_id = ANY($1::uuid[])`,
      [spaceIds, year],
    );
    return row;
  }
}
