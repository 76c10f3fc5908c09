import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A packet version a caseworker released to the advisers of a consultation; the content sealed. */
export interface PacketReleaseRecord {
  id: string;
  consultationId: string;
  /** The case file's version the packet was built from. */
  caseVersion: number;
  packetEnc: string;
  releasedBy: string;
  releasedAt: Date;
  /** Set when an edit of the case changed what the packet shows: the caseworker should release again. */
  staleSince: Date | null;
  /** The packet-relevant fields changed since the release (names only). */
  staleFields: string[];
}

const columns = (
  r: string,
) => `${r}.id, ${r}.consultation_id AS "consultationId", ${r}.case_version AS "caseVersion", ${r}.packet_enc AS "packetEnc",
  ${r}.released_by AS "releasedBy", ${r}.released_at AS "releasedAt", ${r}.stale_since AS "staleSince", ${r}.stale_fields AS "staleFields"`;
const COLUMNS = columns('consultation_packet_release');
/** The same columns of the alias `r`. */
const R_COLUMNS = columns('r');

/** All SQL of the `consultation_packet_release` table. */
@Injectable()
export class PacketReleaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(release: {
    id: string;
    consultationId: string;
    caseVersion: number;
    packetEnc: string;
    releasedBy: string;
  }): Promise<PacketReleaseRecord> {
    const [row]: PacketReleaseRecord[] = await this.dataSource.query(
      `INSERT INTO consultation_packet_release (id, consultation_id, case_version, packet_enc, released_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [release.id, release.consultationId, release.caseVersion, release.packetEnc, release.releasedBy],
    );
    return row;
  }

  /** The release advisers see: the newest. */
  async latest(consultationId: string): Promise<PacketReleaseRecord | undefined> {
    const [row]: PacketReleaseRecord[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consultation_packet_release WHERE consultation_id = $1 ORDER BY released_at DESC, id LIMIT 1`,
      [consultationId],
    );
    return row;
  }

  /** The newest release of each consultation of a case. */
  async latestOfCase(caseId: string): Promise<PacketReleaseRecord[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (r.consultation_id) ${R_COLUMNS}
         FROM consultation_packet_release r JOIN consultation c ON c.id = r.consultation_id
        WHERE c.case_id = $1 ORDER BY r.consultation_id, r.released_at DESC, r.id`,
      [caseId],
    );
  }

  /**
   * Marks the releases of the case's consultations without an outcome stale, adding the changed
   * packet-relevant fields; answers the consultations so marked.
   */
  async markStale(tx: EntityManager, caseId: string, fields: string[]): Promise<string[]> {
    const rows: Array<{ consultation_id: string }> = await tx.query(
      `WITH marked AS (
         UPDATE consultation_packet_release r
            SET stale_since = coalesce(r.stale_since, now()),
                stale_fields = ARRAY(SELECT DISTINCT f FROM unnest(r.stale_fields || $2::text[]) AS f ORDER BY f)
           FROM consultation c
          WHERE c.id = r.consultation_id AND c.case_id = $1 AND c.outcome_enc IS NULL
          RETURNING r.consultation_id)
       SELECT consultation_id FROM marked`,
      [caseId, fields],
    );
    return [...new Set(rows.map((r) => r.consultation_id))];
  }
}
