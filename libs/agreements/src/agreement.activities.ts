import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Activities } from '@sro/temporal';
import type { AgreementSnapshot } from '@sro/workflows/contracts';

/** Writes what the cooperation-agreement workflow decided to the agreement's rows; an older revision never overwrites a newer one. */
@Injectable()
@Activities()
export class AgreementActivities {
  constructor(private readonly dataSource: DataSource) {}

  async recordAgreementState(s: AgreementSnapshot): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const updated: Array<{ id: string }> = await m.query(
        `UPDATE cooperation_agreement SET status = $2, latest_version = $3, active_version = $4, valid_from = $5, valid_until = $6, renewal_due_at = $7,
                definition_version = $8, approval = $9, last_rejection = $10, approver_ids = $11, state_revision = $12, updated_at = now()
          WHERE id = $1 AND state_revision < $12 RETURNING id`,
        [
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
        ],
      );
      if (updated.length === 0) return;
      await m.query(
        `UPDATE cooperation_agreement_version v SET status = x.status
           FROM jsonb_to_recordset($2::jsonb) AS x(version int, status text)
          WHERE v.agreement_id = $1 AND v.version = x.version AND v.status IS DISTINCT FROM x.status`,
        [s.agreementId, JSON.stringify(s.versions)],
      );
      await m.query('DELETE FROM cooperation_agreement_pending WHERE agreement_id = $1', [s.agreementId]);
      if (s.pending.length > 0) {
        await m.query(
          `INSERT INTO cooperation_agreement_pending (agreement_id, approver_id, round, version, stage_key, party_key, due_at)
           SELECT $1, p."approverId", p.round, p.version, p."stageKey", p."partyKey", p."dueAt"
             FROM jsonb_to_recordset($2::jsonb) AS p("approverId" text, round int, version int, "stageKey" text, "partyKey" text, "dueAt" timestamptz)`,
          [s.agreementId, JSON.stringify(s.pending)],
        );
      }
    });
  }
}
