import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { ProcessEvent } from '@sro/processes';
import type { AgreementSnapshot, AgreementStatus } from '@sro/workflows/contracts';
import {
  AgreementDecisionRecord,
  AgreementKind,
  AgreementParty,
  AgreementVersion,
  AttachmentMeta,
  CooperationAgreement,
} from './agreement.entity';

const UNIQUE_VIOLATION = '23505';

/** A version as the agreement lists it: everything but the text and the attachments. */
export type AgreementVersionSummary = Pick<
  AgreementVersion,
  'version' | 'status' | 'validFrom' | 'validUntil' | 'changeNote' | 'createdBy' | 'createdAt'
>;

/** What drafting writes: the agreement's row (status, revisions and dates take their defaults). */
export interface NewAgreement {
  id: string;
  reference: string;
  title: string;
  kind: AgreementKind;
  planningRegionId: string;
  coordinatorId: string;
  parties: AgreementParty[];
  socialSpaceIds: string[];
  workflowId: string;
  definitionVersion: number;
}

export interface NewAgreementVersion {
  agreementId: string;
  version: number;
  body: string;
  attachments: AttachmentMeta[];
  validFrom: string;
  validUntil: string;
  changeNote: string | null;
  createdBy: string;
}

export type NewAgreementDecision = Omit<AgreementDecisionRecord, 'id' | 'decidedAt'>;

export interface AgreementMeta {
  title: string;
  kind: AgreementKind;
  parties: AgreementParty[];
  socialSpaceIds: string[];
}

/** Who sees which agreements: the coordinator's planning regions, and those an approver was named for. */
export interface AgreementScope {
  planningRegionIds: string[];
  approverId: string;
}

/** An approver's open request, with what the list shows of its agreement. */
export interface PendingDecisionItem {
  agreementId: string;
  reference: string;
  title: string;
  kind: AgreementKind;
  round: number;
  version: number;
  stageKey: string;
  stageTitle: string | null;
  /** The first of `parties` (kept for clients that decide for one party). */
  partyKey: string;
  /** Every party of the stage the approver decides for. */
  parties: Array<{ key: string; title: string }>;
  dueAt: Date;
  overdue: boolean;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** A concurrent second write of the same version or decision violates a unique key. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return (e.code ?? e.driverError?.code) === UNIQUE_VIOLATION;
}

/**
 * All SQL of the cooperation agreements: the agreement, its versions, the decisions and the
 * pending requests, plus the registry look-ups drafting needs. Writes that must share a
 * transaction take the `EntityManager` of {@link AgreementRepository.transaction}.
 */
/**
 * The workflow's state of an agreement in one statement (atomic, one round trip): the agreement row
 * when the state is newer than the one it holds (`state_revision`), and only then its versions'
 * statuses, the accepted decisions and the pending approvals. The pending rows are brought in line
 * by key — those no longer pending deleted, the others inserted or updated — so the delete and the
 * insert never touch the same row, whatever order the statement runs them in.
 */
const RECORD_STATE = `
  WITH a AS (
         UPDATE cooperation_agreement SET status = $2, latest_version = $3, active_version = $4, valid_from = $5, valid_until = $6, renewal_due_at = $7,
                definition_version = $8, approval = $9, last_rejection = $10, approver_ids = $11, state_revision = $12, updated_at = now()
          WHERE id = $1 AND state_revision < $12 RETURNING id),
       pending AS (
         SELECT * FROM jsonb_to_recordset($15::jsonb)
           AS p("approverId" text, round int, version int, "stageKey" text, "partyKey" text, "dueAt" timestamptz)),
       versions AS (
         UPDATE cooperation_agreement_version v SET status = x.status
           FROM a, jsonb_to_recordset($13::jsonb) AS x(version int, status text)
          WHERE v.agreement_id = a.id AND v.version = x.version AND v.status IS DISTINCT FROM x.status),
       decisions AS (
         UPDATE cooperation_agreement_decision SET accepted = true
          WHERE EXISTS (SELECT 1 FROM a) AND id = ANY($14::uuid[]) AND NOT accepted),
       gone AS (
         DELETE FROM cooperation_agreement_pending d USING a
          WHERE d.agreement_id = a.id
            AND NOT EXISTS (SELECT 1 FROM pending p
                             WHERE p."approverId" = d.approver_id AND p.round = d.round AND p."stageKey" = d.stage_key AND p."partyKey" = d.party_key))
  INSERT INTO cooperation_agreement_pending (agreement_id, approver_id, round, version, stage_key, party_key, due_at)
  SELECT a.id, p."approverId", p.round, p.version, p."stageKey", p."partyKey", p."dueAt" FROM a, pending p
  ON CONFLICT (agreement_id, round, stage_key, party_key, approver_id) DO UPDATE SET version = excluded.version, due_at = excluded.due_at`;

@Injectable()
export class AgreementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs the work in one transaction; a failure anywhere in it (e.g. a refused workflow update) writes nothing. */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- agreements -----------------------------------------------------------------------------

  findById(id: string): Promise<CooperationAgreement | null> {
    return this.dataSource.getRepository(CooperationAgreement).findOneBy({ id });
  }

  /** The agreements in the scope (all without one), the last changed first. */
  async list(
    scope: AgreementScope | null,
    filter: { status?: AgreementStatus; limit: number; offset: number },
  ): Promise<Paged<CooperationAgreement>> {
    const qb = this.dataSource.getRepository(CooperationAgreement).createQueryBuilder('a');
    if (scope)
      qb.where('(a.planning_region_id = ANY(:regions) OR :sub = ANY(a.approver_ids))', {
        regions: scope.planningRegionIds,
        sub: scope.approverId,
      });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    const [items, total] = await qb
      .orderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /** The agreement's row and its first version, together or not at all. */
  async insertDraft(agreement: NewAgreement, firstVersion: NewAgreementVersion): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO cooperation_agreement (id, reference, title, kind, planning_region_id, coordinator_id, parties, social_space_ids, workflow_id, definition_version, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $6)`,
        [
          agreement.id,
          agreement.reference,
          agreement.title,
          agreement.kind,
          agreement.planningRegionId,
          agreement.coordinatorId,
          JSON.stringify(agreement.parties),
          agreement.socialSpaceIds,
          agreement.workflowId,
          agreement.definitionVersion,
        ],
      );
      await this.insertVersion(tx, firstVersion, 'draft');
    });
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM cooperation_agreement WHERE id = $1', [id]);
  }

  /** Changes title, kind, parties and social spaces, only while the agreement is a draft. */
  async updateDraftMeta(id: string, meta: AgreementMeta): Promise<void> {
    await this.dataSource.query(
      `UPDATE cooperation_agreement SET title = $2, kind = $3, parties = $4, social_space_ids = $5, updated_at = now() WHERE id = $1 AND status = 'draft'`,
      [id, meta.title, meta.kind, JSON.stringify(meta.parties), meta.socialSpaceIds],
    );
  }

  async setTerminationReason(id: string, reason: string): Promise<void> {
    await this.dataSource.query('UPDATE cooperation_agreement SET termination_reason = $2 WHERE id = $1', [id, reason]);
  }

  /** Writes what the workflow decided; an older revision never overwrites a newer one. */
  async recordState(s: AgreementSnapshot): Promise<void> {
    // The decisions the workflow took are accepted with its state (their rows were committed before the update).
    const recordIds = (s.approval?.stages ?? []).flatMap((stage) => stage.parties.flatMap((p) => p.decision?.recordId ?? []));
    await this.dataSource.query(RECORD_STATE, [
      s.agreementId,
      s.status,
      s.latestVersion,
      s.activeVersion,
      s.validFrom,
      s.validUntil,
      s.renewalDueAt,
      s.definitionVersion,
      s.approval ? JSON.stringify(s.approval) : null,
      s.lastRejection ? JSON.stringify(s.lastRejection) : null,
      s.namedApprovers,
      s.revision,
      JSON.stringify(s.versions),
      recordIds,
      JSON.stringify(s.pending),
    ]);
  }

  // --- versions -------------------------------------------------------------------------------

  /** A version row: `draft` for the first (written with the agreement), no status for a revision until the workflow takes it. */
  private async insertVersion(tx: EntityManager, v: NewAgreementVersion, status: 'draft' | null): Promise<void> {
    await tx.query(
      `INSERT INTO cooperation_agreement_version (agreement_id, version, status, body, attachments, valid_from, valid_until, change_note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [v.agreementId, v.version, status, v.body, JSON.stringify(v.attachments), v.validFrom, v.validUntil, v.changeNote, v.createdBy],
    );
  }

  /**
   * Commits a new version before the workflow's update, without a status: reads leave it out until
   * the workflow's activity gives it one (`recordState`). A version left without status for two
   * minutes (an update whose answer was lost and that the workflow never took) gives way to this
   * one; any other row of the same number is a unique violation (someone else revised at the same moment).
   */
  async insertPendingVersion(v: NewAgreementVersion): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM cooperation_agreement_version WHERE agreement_id = $1 AND version = $2 AND status IS NULL AND created_at < now() - interval '2 minutes'`,
        [v.agreementId, v.version],
      );
      await this.insertVersion(tx, v, null);
    });
  }

  /** Takes back a version the workflow refused (never one it took). */
  async removePendingVersion(agreementId: string, version: number): Promise<void> {
    await this.dataSource.query('DELETE FROM cooperation_agreement_version WHERE agreement_id = $1 AND version = $2 AND status IS NULL', [
      agreementId,
      version,
    ]);
  }

  /** The versions the workflow took (a version still without status is left out). */
  versionSummaries(agreementId: string): Promise<AgreementVersionSummary[]> {
    return this.dataSource.getRepository(AgreementVersion).find({
      where: { agreementId, status: Not(IsNull()) },
      order: { version: 'ASC' },
      select: ['version', 'status', 'validFrom', 'validUntil', 'changeNote', 'createdBy', 'createdAt'],
    });
  }

  versions(agreementId: string): Promise<AgreementVersion[]> {
    return this.dataSource
      .getRepository(AgreementVersion)
      .find({ where: { agreementId, status: Not(IsNull()) }, order: { version: 'ASC' } });
  }

  findVersion(agreementId: string, version: number): Promise<AgreementVersion | null> {
    return this.dataSource.getRepository(AgreementVersion).findOneBy({ agreementId, version, status: Not(IsNull()) });
  }

  // --- decisions ------------------------------------------------------------------------------

  /**
   * Commits a decision before the workflow's update, not accepted yet: lists leave it out until the
   * workflow's activity accepts it with the agreement's state (`recordState`), and a refused update
   * removes it (`removeDecision`). An attempt whose answer was lost stays unaccepted and unseen.
   */
  async insertDecision(d: NewAgreementDecision & { id: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO cooperation_agreement_decision (id, agreement_id, version, round, stage_key, party_key, approver_id, decision, comment, resolution_number, resolution_date, accepted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false)`,
      [
        d.id,
        d.agreementId,
        d.version,
        d.round,
        d.stageKey,
        d.partyKey,
        d.approverId,
        d.decision,
        d.comment,
        d.resolutionNumber,
        d.resolutionDate,
      ],
    );
  }

  /** Takes back a decision the workflow refused (never one it accepted). */
  async removeDecision(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM cooperation_agreement_decision WHERE id = $1 AND NOT accepted', [id]);
  }

  /** The accepted decisions in the order they were taken, of every round or of one. */
  decisions(agreementId: string, round?: number): Promise<AgreementDecisionRecord[]> {
    const query = this.dataSource
      .getRepository(AgreementDecisionRecord)
      .createQueryBuilder('d')
      .where('d.agreement_id = :agreementId AND d.accepted', { agreementId })
      .orderBy('d.decided_at', 'ASC');
    return (round === undefined ? query : query.andWhere('d.round = :round', { round })).getMany();
  }

  /**
   * An approver's open requests, one per agreement and stage, the earliest deadline first. An approver
   * named for several parties of a stage (one person deciding for town and Landkreis) has one pending
   * row per party in the read model; the list shows them as one request naming those parties.
   */
  async pending(approverId: string, page: { limit: number; offset: number }): Promise<Paged<PendingDecisionItem>> {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT p.agreement_id AS "agreementId", a.reference, a.title, a.kind, p.round, p.version, p.stage_key AS "stageKey",
                (SELECT s->>'title' FROM jsonb_array_elements(a.approval->'stages') s WHERE s->>'key' = p.stage_key) AS "stageTitle",
                min(p.party_key) AS "partyKey",
                jsonb_agg(jsonb_build_object('key', p.party_key, 'title', coalesce(
                  (SELECT pa->>'title' FROM jsonb_array_elements(a.approval->'stages') s, jsonb_array_elements(s->'parties') pa
                    WHERE s->>'key' = p.stage_key AND pa->>'key' = p.party_key LIMIT 1), p.party_key)) ORDER BY p.party_key) AS parties,
                min(p.due_at) AS "dueAt", min(p.due_at) <= now() AS overdue
           FROM cooperation_agreement_pending p JOIN cooperation_agreement a ON a.id = p.agreement_id
          WHERE p.approver_id = $1
          GROUP BY p.agreement_id, a.id, p.round, p.version, p.stage_key
          ORDER BY min(p.due_at), p.agreement_id, p.stage_key LIMIT $2 OFFSET $3`,
        [approverId, page.limit, page.offset],
      ) as Promise<PendingDecisionItem[]>,
      this.dataSource.query(
        'SELECT count(DISTINCT (agreement_id, round, stage_key))::int AS total FROM cooperation_agreement_pending WHERE approver_id = $1',
        [approverId],
      ) as Promise<Array<{ total: number }>>,
    ]);
    return { items, total };
  }

  /** The agreement's process events in the order the workflow wrote them. */
  async history(agreementId: string, page: { limit: number; offset: number }): Promise<Paged<ProcessEvent>> {
    const [items, total] = await this.dataSource
      .getRepository(ProcessEvent)
      .findAndCount({ where: { processId: agreementId }, order: { id: 'ASC' }, take: page.limit, skip: page.offset });
    return { items, total };
  }

  // --- registry look-ups drafting needs -------------------------------------------------------

  async planningRegionExists(id: string): Promise<boolean> {
    return (await this.dataSource.query('SELECT id FROM planning_region WHERE id = $1', [id])).length > 0;
  }

  /** The registry name of a contract partner or municipality, or null when there is none with that id. */
  async partyName(kind: 'contract_partner' | 'municipality', id: string): Promise<string | null> {
    const sql =
      kind === 'contract_partner' ? 'SELECT name FROM contract_partner WHERE id = $1' : 'SELECT name FROM municipality WHERE id = $1';
    const [row]: Array<{ name: string }> = await this.dataSource.query(sql, [id]);
    return row?.name ?? null;
  }

  /** The kind (municipality or free provider) of each of the contract partners, by id. */
  async contractPartnerKinds(ids: string[]): Promise<Map<string, 'municipality' | 'free_provider'>> {
    const rows: Array<{ id: string; kind: 'municipality' | 'free_provider' }> = await this.dataSource.query(
      'SELECT id, kind FROM contract_partner WHERE id = ANY($1)',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  /** Those of the ids that name a social space. */
  async existingSocialSpaceIds(ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM social_space WHERE id = ANY($1)', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Those of the user ids that name an active user with the approver role. */
  async activeApproverIds(ids: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM app_user WHERE id = ANY($1) AND active AND 'approver' = ANY(roles)`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }
}
