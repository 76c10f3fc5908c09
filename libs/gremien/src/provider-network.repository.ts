import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportInterview } from '@sro/interviews';
import { ProviderNetwork } from './gremien.types';

const COLUMNS = `n.id, n.name, n.social_space_id AS "socialSpaceId", s.name AS "socialSpaceName", s.planning_region_id AS "planningRegionId",
  json_build_object('id', lp.id, 'name', lp.name) AS "leadPartner",
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind) ORDER BY p.name)
              FROM provider_network_member pm JOIN contract_partner p ON p.id = pm.contract_partner_id WHERE pm.network_id = n.id), '[]') AS members,
  CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'reference', a.reference, 'title', a.title, 'status', a.status,
       'validUntil', to_char(a.valid_until, 'YYYY-MM-DD')) END AS agreement,
  n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;
const FROM = `provider_network n JOIN social_space s ON s.id = n.social_space_id JOIN contract_partner lp ON lp.id = n.lead_partner_id
  LEFT JOIN cooperation_agreement a ON a.id = n.agreement_id`;

export interface ProviderNetworkRow {
  id: string;
  name: string;
  socialSpaceId: string;
  leadPartnerId: string;
  memberIds: string[];
  agreementId: string | null;
}

/** All SQL of the Trägerverbünde (provider_network, provider_network_member). */
@Injectable()
export class ProviderNetworkRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The networks of the given regions or social spaces. */
  async list(
    scope: { planningRegionIds: string[]; socialSpaceIds: string[] },
    socialSpaceId: string | undefined,
  ): Promise<ProviderNetwork[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE (s.planning_region_id = ANY($1::uuid[]) OR s.id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR s.id = $3)
        ORDER BY s.name, n.name, n.id`,
      [scope.planningRegionIds, scope.socialSpaceIds, socialSpaceId ?? null],
    );
  }

  async find(id: string): Promise<ProviderNetwork | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE n.id = $1`, [id]);
    return row ?? null;
  }

  async save(n: ProviderNetworkRow & { by: string }, isNew: boolean): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (isNew)
        await tx.query(
          `INSERT INTO provider_network (id, name, social_space_id, lead_partner_id, agreement_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
          [n.id, n.name, n.socialSpaceId, n.leadPartnerId, n.agreementId, n.by],
        );
      else
        await tx.query(
          `UPDATE provider_network SET name = $2, social_space_id = $3, lead_partner_id = $4, agreement_id = $5, updated_at = now() WHERE id = $1`,
          [n.id, n.name, n.socialSpaceId, n.leadPartnerId, n.agreementId],
        );
      await tx.query(`DELETE FROM provider_network_member WHERE network_id = $1`, [n.id]);
      await tx.query(`INSERT INTO provider_network_member (network_id, contract_partner_id) SELECT $1, unnest($2::uuid[])`, [
        n.id,
        n.memberIds,
      ]);
    });
  }

  async socialSpace(id: string): Promise<{ id: string; planningRegionId: string } | null> {
    const [row] = await this.dataSource.query(`SELECT id, planning_region_id AS "planningRegionId" FROM social_space WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Which of the partners work in the social space (by their accession's social spaces). */
  async partnersOfSpace(socialSpaceId: string, partnerIds: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT contract_partner_id AS id FROM contract_partner_social_space WHERE social_space_id = $1 AND contract_partner_id::text = ANY($2::text[])`,
      [socialSpaceId, partnerIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  async agreementExists(id: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM cooperation_agreement WHERE id = $1`, [id])).length > 0;
  }

  /** The latest interview cycle's id, if any. */
  async latestCycleId(): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT id FROM interview_cycle ORDER BY number DESC LIMIT 1`);
    return row?.id ?? null;
  }

  /** The interviews of a cycle with the given partners, for the report filtered to them. */
  reportInterviews(cycleId: string, partnerIds: string[]): Promise<ReportInterview[]> {
    return this.dataSource.query(
      `SELECT status, answers FROM partner_interview WHERE cycle_id = $1 AND contract_partner_id::text = ANY($2::text[])`,
      [cycleId, partnerIds],
    );
  }

  /** Each member's interview in the cycle: its status and dates. */
  async memberInterviews(
    cycleId: string,
    partnerIds: string[],
  ): Promise<Array<{ partnerId: string; status: string; plannedAt: Date | null; answeredAt: Date | null }>> {
    return this.dataSource.query(
      `SELECT contract_partner_id AS "partnerId", status, planned_at AS "plannedAt", answered_at AS "answeredAt"
         FROM partner_interview WHERE cycle_id = $1 AND contract_partner_id::text = ANY($2::text[])`,
      [cycleId, partnerIds],
    );
  }
}
