import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What happened to a case file: its intake, an edit, a closure, a reopening, a packet release. */
export const CASE_HISTORY_ACTIONS = ['create', 'update', 'close', 'reopen', 'packet-release'] as const;
export type CaseHistoryAction = (typeof CASE_HISTORY_ACTIONS)[number];

/** One entry of a case's history: which fields changed (names, never values), by whom and when. */
export interface CaseHistoryRecord {
  id: string;
  version: number;
  action: CaseHistoryAction;
  fields: string[];
  /** The sealed reason of a closure or reopening. */
  reasonEnc: string | null;
  actorId: string;
  occurredAt: Date;
}

export interface CaseHistoryInsert {
  /** Taken from `nextId` when the row carries a sealed reason (the seal is bound to the row's id). */
  id?: string;
  caseId: string;
  version: number;
  action: CaseHistoryAction;
  fields?: string[];
  reasonEnc?: string | null;
  actorId: string;
}

/** All SQL of the `case_history` table. */
@Injectable()
export class CaseHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The id the next entry will have: a sealed reason is bound to its row before the row exists. */
  async nextId(tx?: EntityManager): Promise<string> {
    const [row]: Array<{ id: string }> = await (tx ?? this.dataSource).query(
      `SELECT nextval(pg_get_serial_sequence('case_history', 'id'))::text AS id`,
    );
    return row.id;
  }

  async insert(entry: CaseHistoryInsert, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource).query(
      `INSERT INTO case_history (id, case_id, version, action, fields, reason_enc, actor_id)
       VALUES (COALESCE($1::bigint, nextval(pg_get_serial_sequence('case_history', 'id'))), $2, $3, $4, $5, $6, $7)`,
      [entry.id ?? null, entry.caseId, entry.version, entry.action, entry.fields ?? [], entry.reasonEnc ?? null, entry.actorId],
    );
  }

  /** The history of a case, newest first. */
  async ofCase(caseId: string): Promise<CaseHistoryRecord[]> {
    return this.dataSource.query(
      `SELECT id::text, version, action, fields, reason_enc AS "reasonEnc", actor_id AS "actorId", occurred_at AS "occurredAt"
         FROM case_history WHERE case_id = $1 ORDER BY id DESC`,
      [caseId],
    );
  }
}
