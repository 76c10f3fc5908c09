import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseAccessKind, caseAccessSql } from './case-access.repository';
import { CaseZone } from './case.types';
import type { WithNewCase } from './case.repository';

/** Sort orders of the case list. */
export const CASE_SORTS = ['-createdAt', 'createdAt', 'pseudonym', '-pseudonym'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const CASE_STATUSES = ['open', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What the list is asked for; search terms come as blind token values, one list per term. */
export interface CaseListQuery {
  /** Per term the token hashes, any one of which satisfies it; a case must satisfy every term. */
  terms?: Buffer[][];
  /** A pseudonym (file number) prefix, upper case without hyphens. */
  pseudonymPrefix?: string;
  caseId?: string;
  zone?: CaseZone;
  status?: CaseStatus;
  socialSpaceId?: string;
  responsibleId?: string;
  /** Only cases with one of the caller's own follow-ups due today or earlier and not done. */
  followUpsDue?: boolean;
  sort: CaseSort;
  limit: number;
  offset: number;
}

/** A case in a list, with its names still sealed. */
export interface ListedCase {
  id: string;
  pseudonym: string;
  zone: CaseZone | null;
  socialSpaceId: string;
  responsibleId: string;
  responsibleName: string | null;
  personalEnc: string | null;
  access: CaseAccessKind | null;
  closedAt: Date | null;
  createdAt: Date;
}

const ORDER: Record<CaseSort, string> = {
  '-createdAt': 'c.created_at DESC, c.id DESC',
  createdAt: 'c.created_at ASC, c.id ASC',
  pseudonym: 'c.pseudonym ASC',
  '-pseudonym': 'c.pseudonym DESC',
};

/** All SQL of the blind search index and of the searchable, filtered case list. */
@Injectable()
export class CaseSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Replaces a case's tokens and records the key that made them. */
  async replaceTokens(caseId: string, tokens: Buffer[], keyId: string, manager?: EntityManager): Promise<void> {
    const write = async (m: EntityManager) => {
      await m.query('DELETE FROM case_search_token WHERE case_id = $1', [caseId]);
      if (tokens.length > 0)
        await m.query(
          `INSERT INTO case_search_token (token, case_id, social_space_id)
           SELECT DISTINCT t.token, f.id, f.social_space_id FROM case_file f, unnest($2::bytea[]) AS t(token) WHERE f.id = $1
           ON CONFLICT DO NOTHING`,
          [caseId, tokens],
        );
      await m.query('UPDATE case_file SET search_key_id = $2 WHERE id = $1', [caseId, keyId]);
    };
    await (manager ? write(manager) : this.dataSource.transaction(write));
  }

  /** The tokens of a case just written (nothing to replace), in the caller's transaction. */
  /** The tokens of a new case, written with its row (see `CaseRepository.insert`). */
  tokensOfNewCase(tokens: Buffer[]): WithNewCase {
    return {
      sql: (p) => `INSERT INTO case_search_token (token, case_id, social_space_id)
        SELECT DISTINCT t.token, f.id, f.social_space_id FROM f, unnest($${p}::bytea[]) AS t(token) ON CONFLICT DO NOTHING`,
      values: [tokens],
    };
  }

  /** Cases not (or not with this key) indexed yet, with their sealed personal data; keyset paged by id. */
  async unindexed(keyId: string, limit: number, after?: string): Promise<Array<{ id: string; personalEnc: string }>> {
    return this.dataSource.query(
      `SELECT id, personal_enc AS "personalEnc" FROM case_file
        WHERE search_key_id IS DISTINCT FROM $1 AND anonymised_at IS NULL AND personal_enc IS NOT NULL AND ($3::uuid IS NULL OR id > $3)
        ORDER BY id LIMIT $2`,
      [keyId, limit, after ?? null],
    );
  }

  /** Holds a session-level advisory lock while `work` runs, or answers false when another replica holds it. */
  async exclusively(lockKey: number, work: () => Promise<void>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: Array<{ locked: boolean }> = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [lockKey]);
      if (!locked) return false;
      try {
        await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [lockKey]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  /** One page of the case list for the user (see {@link caseListSql}). */
  async page(userId: string, socialSpaceIds: string[], q: CaseListQuery): Promise<{ items: ListedCase[]; total: number }> {
    const { sql, params } = caseListSql(userId, socialSpaceIds, q);
    const rows: Array<ListedCase & { total: number }> = await this.dataSource.query(sql, params);
    return {
      items: rows.map((r) => ({
        id: r.id,
        pseudonym: r.pseudonym,
        zone: r.zone,
        socialSpaceId: r.socialSpaceId,
        responsibleId: r.responsibleId,
        responsibleName: r.responsibleName,
        personalEnc: r.personalEnc,
        access: r.access,
        closedAt: r.closedAt,
        createdAt: r.createdAt,
      })),
      total: rows[0]?.total ?? 0,
    };
  }
}

/**
 * The SQL of one page of the case list (exported so the search benchmark can EXPLAIN exactly it):
 * the cases the user reaches or that lie in their social spaces (those only as "exists, ask the
 * responsible caseworker"), matching search and filters. Filters on what a restricted entry does not
 * show (zone, status, follow-ups) take only cases the user reaches.
 */
export function caseListSql(userId: string, socialSpaceIds: string[], q: CaseListQuery): { sql: string; params: unknown[] } {
  // Only `$n` placeholders (from `p`) and fixed fragments are interpolated below; every value is a parameter.
  const params: unknown[] = [userId, socialSpaceIds];
  const p = (value: unknown) => `$${params.push(value)}`;
  const where = ['f.anonymised_at IS NULL'];
  let from = 'case_file f';
  if (q.terms && q.terms.length > 0) {
    // Each term: the cases holding any of its token hashes; a case must hold every term. Only matches
    // in the caller's social spaces (known from the index) or among the cases they may reach by the
    // access rule (few: their own, those of whom they stand in for or lead, break-glass) read a row.
    const matched = q.terms.map(
      (tokens) => `SELECT h.case_id, h.social_space_id FROM case_search_token h WHERE h.token = ANY(${p(tokens)}::bytea[])`,
    );
    const inSpaces = hiddenFilters(q) ? '' : 'm.social_space_id = ANY($2::uuid[]) OR ';
    from = `(SELECT DISTINCT m.case_id FROM (${matched.join(' INTERSECT ')}) m
              WHERE ${inSpaces}m.case_id IN (SELECT f.id FROM case_file f, reach r WHERE f.assigned_caseworker_ids && r.users
                                            UNION ALL SELECT unnest(r.cases) FROM reach r)) m
              JOIN case_file f ON f.id = m.case_id`;
  }
  if (q.pseudonymPrefix) where.push(`upper(replace(f.pseudonym, '-', '')) LIKE ${p(escapeLike(q.pseudonymPrefix) + '%')}`);
  if (q.caseId) where.push(`f.id = ${p(q.caseId)}`);
  if (q.socialSpaceId) where.push(`f.social_space_id = ${p(q.socialSpaceId)}`);
  if (q.responsibleId) where.push(`f.assigned_caseworker_ids[1] = ${p(q.responsibleId)}`);
  const hidden: string[] = [];
  if (q.zone) hidden.push(`f.zone = ${p(q.zone)}`);
  if (q.status) hidden.push(q.status === 'open' ? 'f.closed_at IS NULL' : 'f.closed_at IS NOT NULL');
  if (q.followUpsDue)
    hidden.push(
      `EXISTS (SELECT 1 FROM case_follow_up u WHERE u.case_id = f.id AND u.user_id = $1 AND u.done_at IS NULL AND u.due_on <= (now() AT TIME ZONE 'Europe/Berlin')::date)`,
    );
  where.push(...hidden);
  // The access rule (caseAccessSql) is costly per row (substitutions, break-glass, case_lead()); it
  // is evaluated only where it can decide something: for cases outside the caller's social spaces
  // that pass a cheap necessary condition (a team member is the caller, someone they stand in for or
  // a member of a team they lead, or they opened the case by break-glass), and for the page's rows.
  const listed = hidden.length > 0 ? 'false' : 'c.in_space';
  // Two steps: the matching, visible cases are counted, sorted and cut to the page on the columns of
  // an index (`case_file_list_idx`, no table row read), then only the page's rows are read whole.
  const sql = `WITH reach AS (
      SELECT ARRAY[$1::text]
               || coalesce((SELECT array_agg(s.absent_user_id) FROM case_substitution s
                             WHERE s.substitute_user_id = $1 AND s.ended_at IS NULL AND now() >= s.starts_at AND now() < s.ends_at), '{}')
               || coalesce((SELECT array_agg(u.id) FROM app_user u JOIN team t ON t.id = u.team_id WHERE t.lead_id = $1), '{}') AS users,
             coalesce((SELECT array_agg(b.case_id) FROM case_break_glass b WHERE b.user_id = $1 AND b.expires_at > now()), '{}') AS cases)
    SELECT p.id, f.pseudonym, f.zone, f.social_space_id AS "socialSpaceId", f.assigned_caseworker_ids[1] AS "responsibleId",
           f.personal_enc AS "personalEnc", f.closed_at AS "closedAt", f.created_at AS "createdAt", p.total,
           CASE WHEN p.reachable THEN ${caseAccessSql('$1', 'f')} END AS access,
           (SELECT u.display_name FROM app_user u WHERE u.id = f.assigned_caseworker_ids[1]) AS "responsibleName" FROM (
      SELECT c.id, c.created_at, c.pseudonym, c.reachable, count(*) OVER ()::int AS total FROM (
        SELECT f.id, f.created_at, f.pseudonym, f.social_space_id = ANY($2::uuid[]) AS in_space, f.assigned_caseworker_ids,
               (f.assigned_caseworker_ids && r.users OR f.id = ANY(r.cases)) AS reachable
          FROM ${from} CROSS JOIN reach r WHERE ${where.join(' AND ')}) c
       WHERE ${listed} OR (c.reachable AND ${caseAccessSql('$1', 'c')} IS NOT NULL)
       ORDER BY ${ORDER[q.sort]} LIMIT ${p(q.limit)} OFFSET ${p(q.offset)}) p
      JOIN case_file f ON f.id = p.id
    ORDER BY ${ORDER[q.sort].replace(/c\./g, 'p.')}`;
  return { sql, params };
}

/** Whether the query filters on what a restricted entry hides (then only reachable cases answer). */
function hiddenFilters(q: CaseListQuery): boolean {
  return Boolean(q.zone || q.status || q.followUpsDue);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
