import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseZone } from './case.types';
import { insertWithFreePseudonym } from './pseudonym';
import { AccessColumns, accessFromColumns, ACCESS_COLUMNS_P2, CaseAccessRow } from './case-access.repository';

/**
 * A statement written with a new case, in the same statement as its row: a CTE that reads `f`, the
 * inserted case (`id`, `social_space_id`), so it writes nothing when the row was not written (a taken
 * pseudonym, drawn again). `sql` gets the number of its first parameter.
 */
export interface WithNewCase {
  sql: (first: number) => string;
  values: unknown[];
}

/** What the database set when the case was written. */
export interface WrittenCase {
  version: number;
  createdAt: Date;
  /** The pseudonym the file was written with: the prepared one, or a new draw when that one was taken. */
  pseudonym: string;
}

/**
 * A `case_file` row with every column, as the Jugendhilfedienst lib still reads it through
 * `CaseService.visible`; the cases lib itself works with `CaseFile`.
 */
export interface CaseRow {
  id: string;
  pseudonym: string;
  /** Null until a Jugendhilfedienst case is classified. */
  zone: CaseZone | null;
  social_space_id: string;
  assigned_caseworker_ids: string[];
  /** Sealed fields; null once the case is anonymised. */
  personal_enc: string;
  content_enc: string;
  confided_enc: string;
  /** Null while a Jugendhilfedienst case is open: closure sets it (node-postgres gives a `date` as a Date). */
  deletion_date: Date | null;
  legal_hold: boolean;
  /** Set by the retention job; an anonymised case no longer exists for anyone. */
  anonymised_at: Date | null;
  workflow_id: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  closed_reason_enc: string | null;
  version: number;
  created_at: Date;
}

/** A case file with its personal data still sealed: a rule of the service decides what is opened. */
export interface CaseFile {
  id: string;
  pseudonym: string;
  /** Null until a Jugendhilfedienst case is classified. */
  zone: CaseZone | null;
  socialSpaceId: string;
  /** The case team; the first is the responsible caseworker, the others are co-workers. */
  assignedCaseworkerIds: string[];
  /** Sealed fields (FieldCipher); null once the case is anonymised, which only the retention job does. */
  personalEnc: string;
  contentEnc: string;
  confidedEnc: string;
  /** Null while a Jugendhilfedienst case is open: closure sets it. */
  deletionDate: Date | null;
  legalHold: boolean;
  /** Set by the retention job; an anonymised case no longer exists for anyone. */
  anonymisedAt: Date | null;
  /** The Jugendhilfedienst workflow; null for a case file of the Fallteam alone. */
  workflowId: string | null;
  /** Set by closure; a closed case is read-only until it is reopened. */
  closedAt: Date | null;
  closedBy: string | null;
  closedReasonEnc: string | null;
  /** Raised by every edit, closure and reopening: an edit names the version it changes. */
  version: number;
  createdAt: Date;
}

/** What a new case file stores: sealed already, with its pseudonym. */
export interface CaseFileInsert {
  id: string;
  pseudonym: string;
  zone: CaseZone;
  socialSpaceId: string;
  caseworkerId: string;
  personalEnc: string;
  contentEnc: string;
  confidedEnc: string;
  /** Null for an open case (the database refuses anything else). */
  deletionDate: string | null;
  /** The key of the blind index written with it (`CaseSearchIndex.keyId`). */
  searchKeyId: string;
}

/** Maps a stored row to the case file the cases lib works with. */
export function toCaseFile(row: CaseRow): CaseFile {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    zone: row.zone,
    socialSpaceId: row.social_space_id,
    assignedCaseworkerIds: row.assigned_caseworker_ids,
    personalEnc: row.personal_enc,
    contentEnc: row.content_enc,
    confidedEnc: row.confided_enc,
    deletionDate: row.deletion_date,
    legalHold: row.legal_hold,
    anonymisedAt: row.anonymised_at,
    workflowId: row.workflow_id,
    closedAt: row.closed_at ?? null,
    closedBy: row.closed_by ?? null,
    closedReasonEnc: row.closed_reason_enc ?? null,
    version: row.version ?? 1,
    createdAt: row.created_at,
  };
}

/** All SQL of the `case_file` table as the cases lib uses it. */
@Injectable()
export class CaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes a new case file, its first history entry and what goes `along` with it (its blind index,
   * an intake's consultation request) in one statement: atomic without a transaction, one round
   * trip. Answers what the database set; a pseudonym already taken is drawn again
   * (`insertWithFreePseudonym`), and what goes along is written only with the row.
   */
  async insert(file: CaseFileInsert, along: WithNewCase[] = []): Promise<WrittenCase> {
    let next = 12;
    const alongSql = along.map((statement, i) => {
      const sql = `a${i} AS (${statement.sql(next)}),`;
      next += statement.values.length;
      return sql;
    });
    // Fixed fragments only: the `along` statements are the repositories' own SQL, their values $n parameters.
    const sql = `WITH f AS (
           INSERT INTO case_file (id, pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, deletion_date, created_by, search_key_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (pseudonym) DO NOTHING
           RETURNING id, social_space_id, version, created_by, created_at),
         ${alongSql.join('\n         ')}
         h AS (INSERT INTO case_history (case_id, version, action, actor_id) SELECT id, version, 'create', created_by FROM f)
         SELECT version, created_at FROM f`;
    return insertWithFreePseudonym(file.pseudonym, async (pseudonym) => {
      const [row]: Array<{ version: number; created_at: Date }> = await this.dataSource.query(sql, [
        file.id,
        pseudonym,
        file.zone,
        file.socialSpaceId,
        [file.caseworkerId],
        file.personalEnc,
        file.contentEnc,
        file.confidedEnc,
        file.deletionDate,
        file.caseworkerId,
        file.searchKeyId,
        ...along.flatMap((statement) => statement.values),
      ]);
      return row && { version: row.version, createdAt: row.created_at };
    });
  }

  /**
   * Takes back an intake whose workflow never started (its consultation, blind index and history
   * go with it); the case file must still be exactly as written.
   */
  async deleteUnstarted(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('DELETE FROM case_file WHERE id = $1 AND version = 1', [id]);
  }

  async findById(id: string): Promise<CaseFile | undefined> {
    const row = await this.findRow(id);
    return row && toCaseFile(row);
  }

  /** Replaces the co-workers of a case; the responsible caseworker stays first. */
  async setCoWorkers(id: string, coWorkerIds: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE case_file SET assigned_caseworker_ids = ARRAY[assigned_caseworker_ids[1]] || $2::text[], updated_at = now() WHERE id = $1`,
      [id, coWorkerIds],
    );
  }

  /** Stores the sealed confided items. */
  async setConfided(id: string, confidedEnc: string): Promise<void> {
    await this.dataSource.query('UPDATE case_file SET confided_enc = $2, updated_at = now() WHERE id = $1', [id, confidedEnc]);
  }

  /** Runs `work` in one transaction; the methods that take `tx` join it. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Stores an edit if the case is still at `expectedVersion`, open and not anonymised (checked in the
   * UPDATE itself, so two writers cannot both win); answers the new version, or undefined.
   */
  async updateIfVersion(
    tx: EntityManager,
    id: string,
    expectedVersion: number,
    change: { zone?: CaseZone; personalEnc?: string; contentEnc?: string },
  ): Promise<number | undefined> {
    const rows: Array<{ version: number }> = await tx.query(
      // A CTE makes UPDATE … RETURNING come back as plain rows.
      `WITH changed AS (
         UPDATE case_file SET zone = coalesce($3, zone), personal_enc = coalesce($4, personal_enc), content_enc = coalesce($5, content_enc),
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 AND closed_at IS NULL AND anonymised_at IS NULL RETURNING version)
       SELECT version FROM changed`,
      [id, expectedVersion, change.zone ?? null, change.personalEnc ?? null, change.contentEnc ?? null],
    );
    return rows[0]?.version;
  }

  /** Closes an open case with its deletion date and sealed reason; answers the new version, or undefined if it was not open. */
  async close(
    tx: EntityManager,
    id: string,
    closure: { closedAt: Date; closedBy: string; reasonEnc: string; deletionDate: string },
  ): Promise<number | undefined> {
    const rows: Array<{ version: number }> = await tx.query(
      `WITH closed AS (
         UPDATE case_file SET closed_at = $2, closed_by = $3, closed_reason_enc = $4, deletion_date = $5, version = version + 1, updated_at = now()
          WHERE id = $1 AND anonymised_at IS NULL AND closed_at IS NULL RETURNING version)
       SELECT version FROM closed`,
      [id, closure.closedAt, closure.closedBy, closure.reasonEnc, closure.deletionDate],
    );
    return rows[0]?.version;
  }

  /**
   * The first step of closing a case through its workflow: who asks and why (sealed for
   * `closing_reason_enc`), stored before the workflow is asked. False if the closure is already
   * confirmed (or the case anonymised). A later attempt replaces an unconfirmed intent.
   */
  async recordClosureIntent(id: string, intent: { by: string; reasonEnc: string | null; at: Date }): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH marked AS (
         UPDATE case_file SET closing_by = $2, closing_reason_enc = $3, closing_requested_at = $4, updated_at = now()
          WHERE id = $1 AND closed_by IS NULL AND anonymised_at IS NULL RETURNING id)
       SELECT id FROM marked`,
      [id, intent.by, intent.reasonEnc, intent.at],
    );
    return rows.length > 0;
  }

  /** Drops an intent the workflow refused (the case stayed open). */
  async dropClosureIntent(id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE case_file SET closing_by = NULL, closing_reason_enc = NULL, closing_requested_at = NULL WHERE id = $1 AND closed_at IS NULL',
      [id],
    );
  }

  /**
   * The intent of a closure the workflow has made (closing time and deletion date are stored) and
   * nobody confirmed yet, locked for its confirmation; undefined if there is none.
   */
  async lockClosureIntent(tx: EntityManager, id: string): Promise<{ closingBy: string; closingReasonEnc: string | null } | undefined> {
    const [row]: Array<{ closing_by: string; closing_reason_enc: string | null }> = await tx.query(
      `SELECT closing_by, closing_reason_enc FROM case_file
        WHERE id = $1 AND closed_at IS NOT NULL AND closed_by IS NULL AND closing_requested_at IS NOT NULL AND anonymised_at IS NULL
        FOR UPDATE`,
      [id],
    );
    return row && { closingBy: row.closing_by, closingReasonEnc: row.closing_reason_enc };
  }

  /** The last step of a closure through the workflow: the intent becomes the closure's who and why; answers the new version. */
  async confirmClosure(tx: EntityManager, id: string, closedReasonEnc: string | null): Promise<number> {
    const rows: Array<{ version: number }> = await tx.query(
      `WITH confirmed AS (
         UPDATE case_file SET closed_by = closing_by, closed_reason_enc = $2, closing_by = NULL, closing_reason_enc = NULL,
                closing_requested_at = NULL, version = version + 1, updated_at = now()
          WHERE id = $1 AND closed_at IS NOT NULL AND closed_by IS NULL AND closing_requested_at IS NOT NULL RETURNING version)
       SELECT version FROM confirmed`,
      [id, closedReasonEnc],
    );
    return rows[0].version;
  }

  /** Opens a closed case again: no closure, no deletion date; answers the new version, or undefined if it was not closed. */
  async reopen(tx: EntityManager, id: string): Promise<number | undefined> {
    const rows: Array<{ version: number }> = await tx.query(
      `WITH reopened AS (
         UPDATE case_file SET closed_at = NULL, closed_by = NULL, closed_reason_enc = NULL, deletion_date = NULL, closing_by = NULL, closing_reason_enc = NULL,
                closing_requested_at = NULL, version = version + 1, updated_at = now()
          WHERE id = $1 AND closed_at IS NOT NULL AND anonymised_at IS NULL RETURNING version)
       SELECT version FROM reopened`,
      [id],
    );
    return rows[0]?.version;
  }

  /** The row with every column (the Jugendhilfedienst lib's columns too). */
  async findRow(id: string): Promise<CaseRow | undefined> {
    const [row]: CaseRow[] = await this.dataSource.query('SELECT * FROM case_file WHERE id = $1', [id]);
    return row;
  }

  /**
   * The row with every column and the access rule's answer for `userId` in one query (a round trip
   * less on every case route than reading the row, then asking the rule).
   */
  async findRowWithAccess(id: string, userId: string): Promise<{ row: CaseRow; access: CaseAccessRow } | undefined> {
    const [found]: Array<CaseRow & AccessColumns> = await this.dataSource.query(
      `SELECT f.*, ${ACCESS_COLUMNS_P2} FROM case_file f WHERE f.id = $1`,
      [id, userId],
    );
    if (!found) return undefined;
    const { access_kind, access_stands_in_for, ...row } = found;
    return { row, access: accessFromColumns({ access_kind, access_stands_in_for }) };
  }
}
