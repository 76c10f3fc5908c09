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

  async insert(entry: CaseHistoryInsert, tx?: EntityManager): Promise<void> {
    await (tx ?? this.dataSource).query(
      'INSERT INTO case_history (case_id, version, action, fields, reason_enc, actor_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.caseId, entry.version, entry.action, entry.fields ?? [], entry.reasonEnc ?? null, entry.actorId],
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
