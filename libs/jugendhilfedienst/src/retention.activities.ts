import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@sro/audit';
import { Activities } from '@sro/temporal';

export const RETENTION_ACTOR = 'system:retention';
export const RETENTION_PURPOSE = 'Löschfrist abgelaufen (§ 84 SGB X, Art. 17 DSGVO)';

/**
 * Deletes or anonymises expired case data: sealed personal fields, the report, consents,
 * consultations and free texts go; pseudonym, codes and the anonymous statistics fields stay.
 */
@Injectable()
@Activities()
export class RetentionActivities {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Ids of cases whose deletion date is `asOf` or earlier, not anonymised and not on hold; keyset paged by id. */
  async findExpiredCases(input: { asOf: string; limit: number; after?: string }): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM case_file WHERE anonymised_at IS NULL AND NOT legal_hold AND deletion_date <= $1 AND ($3::uuid IS NULL OR id > $3)
        ORDER BY id LIMIT $2`,
      [input.asOf, input.limit, input.after ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** Anonymises one case if it is still expired and not on hold (checked under a row lock); true when this call did it. */
  async anonymiseCase(input: { caseId: string; asOf: string }): Promise<boolean> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const [row] = await m.query('SELECT id, deletion_date, legal_hold, anonymised_at FROM case_file WHERE id = $1 FOR UPDATE', [input.caseId]);
      if (!row || row.legal_hold || !row.deletion_date) return 'kept' as const;
      if (row.anonymised_at) return 'done-before' as const;
      if (new Date(row.deletion_date).toISOString().slice(0, 10) > input.asOf) return 'kept' as const;
      await m.query(
        `UPDATE case_file SET personal_enc = NULL, content_enc = NULL, confided_enc = NULL, report_enc = NULL, assigned_caseworker_ids = '{}',
           anonymised_at = now(), updated_at = now() WHERE id = $1`,
        [input.caseId],
      );
      await m.query('DELETE FROM consent WHERE case_id = $1', [input.caseId]);
      await m.query('DELETE FROM consultation WHERE case_id = $1', [input.caseId]);
      // The statistics keep codes and the month of completion; who, why and what was written go.
      await m.query(
        `UPDATE risk_assessment SET professionals_enc = NULL, involvement_enc = NULL, details_enc = NULL, completed_at = date_trunc('month', completed_at) WHERE case_id = $1`,
        [input.caseId],
      );
      await m.query('UPDATE help_plan_review SET notes_enc = NULL WHERE help_plan_id IN (SELECT id FROM help_plan WHERE case_id = $1)', [input.caseId]);
      await m.query('UPDATE help_plan SET content_enc = NULL WHERE case_id = $1', [input.caseId]);
      await m.query('UPDATE time_entry SET note = NULL, case_id = NULL WHERE case_id = $1', [input.caseId]);
      return 'anonymised' as const;
    });
    if (outcome === 'kept') return false;
    // Audited once: a retry after the anonymisation committed writes the missing event, never a second.
    const [audited] = await this.dataSource.query(`SELECT 1 FROM audit_event WHERE resource_type = 'case' AND resource_id = $1 AND action = 'anonymise'`, [input.caseId]);
    if (!audited) {
      await this.audit.record({
        actorId: RETENTION_ACTOR,
        actorRoles: [],
        action: 'anonymise',
        resourceType: 'case',
        resourceId: input.caseId,
        purpose: RETENTION_PURPOSE,
        outcome: 'allowed',
        details: { asOf: input.asOf },
      });
    }
    return outcome === 'anonymised';
  }

  /** Expired cases kept because of a legal hold. */
  async countCasesOnHold(input: { asOf: string }): Promise<{ onHold: number }> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM case_file WHERE anonymised_at IS NULL AND legal_hold AND deletion_date <= $1`, [input.asOf]);
    return { onHold: n };
  }
}
