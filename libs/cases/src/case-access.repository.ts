import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** How a caller reaches a case: on its team, standing in for a team member, by break-glass, or as the team's lead. */
export const CASE_ACCESS_KINDS = ['team', 'substitute', 'break-glass', 'lead'] as const;
export type CaseAccessKind = (typeof CASE_ACCESS_KINDS)[number];

/** What the access rule found for one caller and one case. */
export interface CaseAccessRow {
  kind: CaseAccessKind | null;
  /** Team members the caller substitutes for right now. */
  standsInFor: string[];
}

export interface Substitution {
  id: string;
  absentUserId: string;
  substituteUserId: string;
  startsAt: Date;
  endsAt: Date;
  namedBy: string;
  endedAt: Date | null;
  createdAt: Date;
}

export interface BreakGlass {
  id: string;
  caseId: string;
  userId: string;
  openedAt: Date;
  expiresAt: Date;
}

export interface CaseTransferRecord {
  id: string;
  fromUserId: string;
  toUserId: string;
  noteEnc: string | null;
  transferredBy: string;
  transferredAt: Date;
}

const ACTIVE_SUBSTITUTION = (user: string, team: string) =>
  `s.substitute_user_id = ${user} AND s.absent_user_id = ANY(${team}) AND s.ended_at IS NULL AND now() >= s.starts_at AND now() < s.ends_at`;

/** The lead of a case: the SQL function `case_lead` (migration CaseAccess), shared with reminder delivery. */
export const CASE_LEAD_SQL = (f: string) => `case_lead(${f}.id)`;

/**
 * The one SQL expression of the need-to-know rule: how the user (`user`, a parameter) reaches the case
 * (`f`, an alias of `case_file`), or NULL. Lists and single reads share it, so they cannot disagree.
 */
export function caseAccessSql(user: string, f = 'f'): string {
  return `CASE
    WHEN ${user} = ANY(${f}.assigned_caseworker_ids) THEN 'team'
    WHEN EXISTS (SELECT 1 FROM case_substitution s WHERE ${ACTIVE_SUBSTITUTION(user, `${f}.assigned_caseworker_ids`)}) THEN 'substitute'
    WHEN EXISTS (SELECT 1 FROM case_break_glass b WHERE b.case_id = ${f}.id AND b.user_id = ${user} AND b.expires_at > now()) THEN 'break-glass'
    WHEN ${CASE_LEAD_SQL(f)} = ${user} THEN 'lead'
  END`;
}

/**
 * The access rule for the user in $2 on the case `f` (`access_kind`) and whom they stand in for there
 * (`access_stands_in_for`), as columns: a read of the case and its check share one query.
 */
export const ACCESS_COLUMNS_P2 = `${caseAccessSql('$2')} AS access_kind,
  ARRAY(SELECT s.absent_user_id FROM case_substitution s WHERE ${ACTIVE_SUBSTITUTION('$2', 'f.assigned_caseworker_ids')}) AS access_stands_in_for`;

/** The columns of `ACCESS_COLUMNS_P2` as they come from PostgreSQL. */
export interface AccessColumns {
  access_kind: CaseAccessKind | null;
  access_stands_in_for: string[] | null;
}

/** What `ACCESS_COLUMNS_P2` found (nothing for a case that is not there). */
export function accessFromColumns(row: AccessColumns | undefined): CaseAccessRow {
  return { kind: row?.access_kind ?? null, standsInFor: row?.access_stands_in_for ?? [] };
}

/** All SQL of substitutions, break-glass openings and transfers. */
@Injectable()
export class CaseAccessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async accessOf(caseId: string, userId: string): Promise<CaseAccessRow> {
    const [row]: AccessColumns[] = await this.dataSource.query(`SELECT ${ACCESS_COLUMNS_P2} FROM case_file f WHERE f.id = $1`, [
      caseId,
      userId,
    ]);
    return accessFromColumns(row);
  }

  /** The lead of the case's team, if the staff model names one. */
  async leadOf(caseId: string): Promise<string | null> {
    const [row]: Array<{ lead: string | null }> = await this.dataSource.query(`SELECT case_lead($1) AS lead`, [caseId]);
    return row?.lead ?? null;
  }

  async insertSubstitution(s: {
    absentUserId: string;
    substituteUserId: string;
    startsAt: Date;
    endsAt: Date;
    namedBy: string;
  }): Promise<Substitution> {
    const [row]: Substitution[] = await this.dataSource.query(
      `INSERT INTO case_substitution (absent_user_id, substitute_user_id, starts_at, ends_at, named_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${SUBSTITUTION_COLUMNS}`,
      [s.absentUserId, s.substituteUserId, s.startsAt, s.endsAt, s.namedBy],
    );
    return row;
  }

  /** Substitutions the user is absent or substitute in that have not ended yet. */
  async substitutionsOf(userId: string): Promise<Substitution[]> {
    return this.dataSource.query(
      `SELECT ${SUBSTITUTION_COLUMNS} FROM case_substitution
        WHERE (absent_user_id = $1 OR substitute_user_id = $1) AND ended_at IS NULL AND ends_at > now() ORDER BY starts_at`,
      [userId],
    );
  }

  async findSubstitution(id: string): Promise<Substitution | undefined> {
    const [row]: Substitution[] = await this.dataSource.query(`SELECT ${SUBSTITUTION_COLUMNS} FROM case_substitution WHERE id = $1`, [id]);
    return row;
  }

  async endSubstitution(id: string): Promise<Substitution | undefined> {
    const [[row]]: [Substitution[]] = await this.dataSource.query(
      `UPDATE case_substitution SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING ${SUBSTITUTION_COLUMNS}`,
      [id],
    );
    return row;
  }

  async insertBreakGlass(b: { caseId: string; userId: string; reason: string; expiresAt: Date }): Promise<BreakGlass> {
    const [row]: BreakGlass[] = await this.dataSource.query(
      `INSERT INTO case_break_glass (case_id, user_id, reason, expires_at) VALUES ($1, $2, $3, $4)
       RETURNING id, case_id AS "caseId", user_id AS "userId", opened_at AS "openedAt", expires_at AS "expiresAt"`,
      [b.caseId, b.userId, b.reason, b.expiresAt],
    );
    return row;
  }

  /**
   * Hands the case to another caseworker: the new one becomes responsible (first of the team), the
   * old one leaves the team; scheduled reminders addressed to the old one for this case (its
   * Jugendhilfedienst workflow `jhd/<case>/…`, its consultations `ftc/<consultation>/…`) move along.
   */
  async transfer(
    tx: EntityManager,
    t: { id: string; caseId: string; fromUserId: string; toUserId: string; noteEnc: string | null; transferredBy: string },
  ): Promise<CaseTransferRecord> {
    await tx.query(
      `UPDATE case_file SET assigned_caseworker_ids = ARRAY[$2::text] || array_remove(array_remove(assigned_caseworker_ids, $2::text), $3::text),
              updated_at = now() WHERE id = $1`,
      [t.caseId, t.toUserId, t.fromUserId],
    );
    await tx.query(
      `UPDATE reminder SET recipients = (
          SELECT jsonb_agg(CASE WHEN r->>'type' = 'user' AND r->>'id' = $1 THEN jsonb_build_object('type', 'user', 'id', $2::text) ELSE r END)
            FROM jsonb_array_elements(recipients) r)
        WHERE status = 'scheduled' AND recipients @> jsonb_build_array(jsonb_build_object('type', 'user', 'id', $1::text))
          AND (key LIKE 'jhd/' || $3 || '/%'
               OR EXISTS (SELECT 1 FROM consultation c WHERE c.case_id = $3::uuid AND reminder.key LIKE 'ftc/' || c.id || '/%'))`,
      [t.fromUserId, t.toUserId, t.caseId],
    );
    const [row]: CaseTransferRecord[] = await tx.query(
      `INSERT INTO case_transfer (id, case_id, from_user_id, to_user_id, note_enc, transferred_by) VALUES ($6, $1, $2, $3, $4, $5)
       RETURNING ${TRANSFER_COLUMNS}`,
      [t.caseId, t.fromUserId, t.toUserId, t.noteEnc, t.transferredBy, t.id],
    );
    return row;
  }

  /** The workflows of a case: its Jugendhilfedienst process and its Fallteam consultations. */
  async workflowIdsOf(caseId: string): Promise<string[]> {
    const rows: Array<{ workflow_id: string }> = await this.dataSource.query(
      `SELECT workflow_id FROM case_file WHERE id = $1 AND workflow_id IS NOT NULL
       UNION ALL SELECT workflow_id FROM consultation WHERE case_id = $1`,
      [caseId],
    );
    return rows.map((r) => r.workflow_id);
  }

  async transfers(caseId: string): Promise<CaseTransferRecord[]> {
    return this.dataSource.query(`SELECT ${TRANSFER_COLUMNS} FROM case_transfer WHERE case_id = $1 ORDER BY transferred_at, id`, [caseId]);
  }

  async transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

const SUBSTITUTION_COLUMNS = `id, absent_user_id AS "absentUserId", substitute_user_id AS "substituteUserId", starts_at AS "startsAt",
  ends_at AS "endsAt", named_by AS "namedBy", ended_at AS "endedAt", created_at AS "createdAt"`;
const TRANSFER_COLUMNS = `id, from_user_id AS "fromUserId", to_user_id AS "toUserId", note_enc AS "noteEnc", transferred_by AS "transferredBy",
  transferred_at AS "transferredAt"`;
