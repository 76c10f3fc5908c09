import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Activities } from '@sro/temporal';
import type { AdviserAccess } from '@sro/workflows/contracts';

/** Writes the advisers' packet access windows the consultation workflow decides. */
@Injectable()
@Activities()
export class ConsultationActivities {
  constructor(private readonly dataSource: DataSource) {}

  async openPacketAccess(input: { consultationId: string; access: AdviserAccess[] }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO consultation_invitation (consultation_id, adviser_id, opens_at, closes_at)
       SELECT $1, a."adviserId", a."opensAt", a."closesAt" FROM jsonb_to_recordset($2::jsonb) AS a("adviserId" text, "opensAt" timestamptz, "closesAt" timestamptz)
       ON CONFLICT (consultation_id, adviser_id) DO UPDATE SET closes_at = EXCLUDED.closes_at, closed_at = NULL`,
      [input.consultationId, JSON.stringify(input.access)],
    );
  }

  /** Closes access at once (window over, or consultation cancelled). */
  async closePacketAccess(input: { consultationId: string; adviserIds: string[] }): Promise<void> {
    await this.dataSource.query(
      `UPDATE consultation_invitation SET closed_at = coalesce(closed_at, now()), closes_at = least(closes_at, now())
        WHERE consultation_id = $1 AND adviser_id = ANY($2)`,
      [input.consultationId, input.adviserIds],
    );
  }
}
