import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsentForm, NewConsent } from './case.types';

/** A recorded consent; versions count per case, a revocation keeps the row. */
export interface Consent {
  id: string;
  caseId: string;
  version: number;
  givenBy: string;
  purpose: string;
  fields: string[];
  form: ConsentForm;
  /** A `date` column: node-postgres gives it as a Date at local midnight. */
  givenAt: Date;
  revokedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `id, case_id AS "caseId", version, given_by AS "givenBy", purpose, fields, form, given_at AS "givenAt", revoked_at AS "revokedAt",
  created_by AS "createdBy", created_at AS "createdAt"`;

/** All SQL of the `consent` table. */
@Injectable()
export class ConsentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the consent as the case's next version. */
  async add(caseId: string, consent: NewConsent, createdBy: string): Promise<Consent> {
    const [row]: Consent[] = await this.dataSource.query(
      `INSERT INTO consent (case_id, version, given_by, purpose, fields, form, given_at, created_by)
       VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM consent WHERE case_id = $1), $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [caseId, consent.givenBy, consent.purpose, consent.fields, consent.form, consent.givenAt, createdBy],
    );
    return row;
  }

  /** Revokes a consent that is still active; undefined when there is none with this id. */
  async revoke(caseId: string, consentId: string): Promise<Consent | undefined> {
    const [row]: Consent[] = await this.dataSource.query(
      `UPDATE consent SET revoked_at = now() WHERE id = $1 AND case_id = $2 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [consentId, caseId],
    );
    return row;
  }

  /** Every version, revoked ones too. */
  async listFor(caseId: string): Promise<Consent[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM consent WHERE case_id = $1 ORDER BY version`, [caseId]);
  }

  /** The fields released for a purpose by consents in force today (given, not revoked). */
  async fieldsReleasedFor(caseId: string, purpose: string): Promise<string[]> {
    const rows: Array<{ fields: string[] }> = await this.dataSource.query(
      `SELECT fields FROM consent WHERE case_id = $1 AND revoked_at IS NULL AND given_at <= current_date AND purpose = $2`,
      [caseId, purpose],
    );
    return rows.flatMap((r) => r.fields);
  }
}
