import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@sro/cases';
import { RETENTION_ACTOR } from './retention.types';

/** How one anonymisation attempt ended: done now, done by an earlier attempt, or kept (on hold, not expired, gone). */
export type AnonymisationOutcome = 'anonymised' | 'done-before' | 'kept';

/** The legal hold of a case after it was set or lifted. */
export interface LegalHoldState {
  id: string;
  legalHold: boolean;
  legalHoldAt: Date | null;
  /** Why the hold was set or lifted (opened from its sealed form). */
  legalHoldReason: string | null;
  /** `YYYY-MM-DD`; null while the case is open. */
  deletionDate: string | null;
}

/** A case the retention anonymised, as the audit log records it: ids and times only. */
/** A case kept beyond its deletion date by a legal hold: what an administrator may see of it (no reason, no names). */
export interface LegalHoldEntry {
  caseId: string;
  pseudonym: string;
  legalHoldAt: Date | null;
  legalHoldBy: string | null;
  legalHoldByName: string | null;
  closedAt: Date | null;
  deletionDate: string | null;
  /** The deletion date has passed: only the hold keeps the case. */
  overdue: boolean;
}

export interface AnonymisedCase {
  caseId: string;
  anonymisedAt: Date;
  /** `YYYY-MM-DD`: the day whose deletion dates had passed. */
  asOf: string | null;
}

/**
 * Retention of case data: which cases have expired, their anonymisation as one transaction,
 * the legal hold that keeps a case, and the audit trail of what the retention did.
 */
@Injectable()
export class RetentionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  /**
   * Ids of closed cases whose deletion date is `asOf` or earlier, not anonymised and not on hold;
   * keyset paged by id. An open case is never taken, whatever date it carries.
   */
  async findExpiredCaseIds(input: { asOf: string; limit: number; after?: string }): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM case_file WHERE anonymised_at IS NULL AND NOT legal_hold AND closed_at IS NOT NULL AND deletion_date <= $1
          AND ($3::uuid IS NULL OR id > $3)
        ORDER BY id LIMIT $2`,
      [input.asOf, input.limit, input.after ?? null],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Anonymises one case in one transaction if it is still expired and not on hold (checked under a
   * row lock): sealed personal fields, the report, consents, consultations and free texts go;
   * pseudonym, codes and the anonymous statistics fields stay.
   */
  anonymiseCase(input: { caseId: string; asOf: string }): Promise<AnonymisationOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [row]: Array<{ deletion_date: Date | null; legal_hold: boolean; anonymised_at: Date | null; closed_at: Date | null }> =
        await m.query('SELECT id, deletion_date, legal_hold, anonymised_at, closed_at FROM case_file WHERE id = $1 FOR UPDATE', [
          input.caseId,
        ]);
      if (!row || row.legal_hold || !row.deletion_date) return 'kept';
      if (row.anonymised_at) return 'done-before';
      // Deletion runs from closure: an open case is kept, whatever date an older version stored.
      if (!row.closed_at) return 'kept';
      if (new Date(row.deletion_date).toISOString().slice(0, 10) > input.asOf) return 'kept';
      await m.query(
        `UPDATE case_file SET personal_enc = NULL, content_enc = NULL, confided_enc = NULL, report_enc = NULL, legal_hold_reason_enc = NULL, closed_reason_enc = NULL, closing_reason_enc = NULL,
           assigned_caseworker_ids = '{}',
           anonymised_at = now(), updated_at = now() WHERE id = $1`,
        [input.caseId],
      );
      await m.query('DELETE FROM consent WHERE case_id = $1', [input.caseId]);
      // The blind search index of the names goes with the names (the documents right after, see RetentionActivities).
      await m.query('DELETE FROM case_search_token WHERE case_id = $1', [input.caseId]);
      // The history keeps field names and dates; the reasons of closures and reopenings go.
      await m.query('UPDATE case_history SET reason_enc = NULL WHERE case_id = $1', [input.caseId]);
      // Notes are append-only; the database lets them go only with an anonymised case (set just above).
      await m.query('DELETE FROM case_note WHERE case_id = $1', [input.caseId]);
      await m.query('DELETE FROM consultation WHERE case_id = $1', [input.caseId]);
      // The statistics keep codes and the month of completion; who, why and what was written go.
      await m.query(
        `UPDATE risk_assessment SET professionals_enc = NULL, involvement_enc = NULL, details_enc = NULL, completed_at = date_trunc('month', completed_at) WHERE case_id = $1`,
        [input.caseId],
      );
      await m.query('UPDATE help_plan_review SET notes_enc = NULL WHERE help_plan_id IN (SELECT id FROM help_plan WHERE case_id = $1)', [
        input.caseId,
      ]);
      await m.query('UPDATE help_plan SET content_enc = NULL WHERE case_id = $1', [input.caseId]);
      await m.query('UPDATE immediate_protection SET reason_enc = NULL WHERE case_id = $1', [input.caseId]);
      await m.query('UPDATE case_follow_up SET text_enc = NULL WHERE case_id = $1', [input.caseId]);
      await m.query('UPDATE time_entry SET note = NULL, case_id = NULL WHERE case_id = $1', [input.caseId]);
      return 'anonymised';
    });
  }

  /** Whether the audit log already records the anonymisation of a case. */
  async anonymisationAudited(caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM audit_event WHERE resource_type = 'case' AND resource_id = $1 AND action = 'anonymise'`,
      [caseId],
    );
    return rows.length > 0;
  }

  /** Expired cases kept because of a legal hold. */
  async countOnHold(asOf: string): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM case_file WHERE anonymised_at IS NULL AND legal_hold AND deletion_date <= $1',
      [asOf],
    );
    return n;
  }

  /** What the retention anonymised, newest first, from the audit log. */
  async anonymisedCases(page: { limit: number; offset: number }): Promise<{ items: AnonymisedCase[]; total: number }> {
    const rows: Array<AnonymisedCase & { total: number }> = await this.dataSource.query(
      `SELECT resource_id AS "caseId", occurred_at AS "anonymisedAt", details->>'asOf' AS "asOf", count(*) OVER ()::int AS total
         FROM audit_event WHERE actor_id = $1 AND action = 'anonymise' ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [RETENTION_ACTOR, page.limit, page.offset],
    );
    return { items: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /** The cases under legal hold, those past their deletion date first; the reason stays sealed. */
  async legalHolds(page: { limit: number; offset: number }): Promise<{ items: LegalHoldEntry[]; total: number }> {
    const rows: Array<LegalHoldEntry & { total: number }> = await this.dataSource.query(
      `SELECT f.id AS "caseId", f.pseudonym, f.legal_hold_at AS "legalHoldAt", f.legal_hold_by AS "legalHoldBy",
              u.display_name AS "legalHoldByName", f.closed_at AS "closedAt", to_char(f.deletion_date, 'YYYY-MM-DD') AS "deletionDate",
              coalesce(f.deletion_date <= current_date, false) AS overdue, count(*) OVER ()::int AS total
         FROM case_file f LEFT JOIN app_user u ON u.id = f.legal_hold_by
        WHERE f.legal_hold AND f.anonymised_at IS NULL
        ORDER BY coalesce(f.deletion_date <= current_date, false) DESC, f.deletion_date NULLS LAST, f.legal_hold_at, f.id
        LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    return { items: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /**
   * Sets or lifts the legal hold, recording who set it, when and why (the reason sealed: it may
   * name people or proceedings); undefined when the case does not exist.
   */
  async setLegalHold(caseId: string, hold: boolean, by: string, reason: string): Promise<LegalHoldState | undefined> {
    const [row]: Array<Omit<LegalHoldState, 'legalHoldReason'> & { reasonEnc: string | null }> = await this.dataSource.query(
      `WITH changed AS (
         UPDATE case_file SET legal_hold = $2, legal_hold_by = CASE WHEN $2 THEN $3 END, legal_hold_at = CASE WHEN $2 THEN now() END,
                legal_hold_reason_enc = $4, updated_at = now()
          WHERE id = $1 AND anonymised_at IS NULL RETURNING id, legal_hold, legal_hold_at, legal_hold_reason_enc, deletion_date)
       SELECT id, legal_hold AS "legalHold", legal_hold_at AS "legalHoldAt", legal_hold_reason_enc AS "reasonEnc",
              to_char(deletion_date, 'YYYY-MM-DD') AS "deletionDate" FROM changed`,
      [caseId, hold, by, this.cipher.seal(reason, { table: 'case_file', column: 'legal_hold_reason_enc', rowId: caseId })],
    );
    if (!row) return undefined;
    const { reasonEnc, ...state } = row;
    return {
      ...state,
      legalHoldReason: reasonEnc
        ? this.cipher.open<string>(reasonEnc, { table: 'case_file', column: 'legal_hold_reason_enc', rowId: caseId })
        : null,
    };
  }
}
