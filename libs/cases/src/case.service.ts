import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Principal, Role } from '@sro/common';
import { AssignmentsService } from '@sro/reference-data';
import { CaseContent, CaseZone, ConfidedItem, PersonalData, RELEASABLE_FIELDS, ReleasableField } from './case.types';
import { FieldCipher } from './field-cipher';

export interface CaseRow {
  id: string;
  pseudonym: string;
  /** Null until a Jugendhilfedienst case is classified. */
  zone: CaseZone | null;
  social_space_id: string;
  assigned_caseworker_ids: string[];
  /** Sealed fields; null once the case is anonymised. */
  personal_enc: string;
  content_enc: string;
  confided_enc: string;
  /** Null while a Jugendhilfedienst case is open: closure sets it. */
  deletion_date: string | null;
  legal_hold: boolean;
  /** Set by the retention job; an anonymised case no longer exists for anyone. */
  anonymised_at: Date | null;
  workflow_id: string | null;
  created_at: Date;
}

export interface NewCase {
  socialSpaceId: string;
  zone: CaseZone;
  personal: PersonalData;
  content: CaseContent;
  confided: Array<{ text: string }>;
  deletionDate?: string;
}

export interface NewConsent {
  givenBy: string;
  purpose: string;
  fields: string[];
  form: 'written' | 'oral_documented' | 'electronic';
  givenAt: string;
}

const PSEUDONYM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A pseudonym with no link to the person: `F-2026-7KQ3MX`. */
export function newPseudonym(): string {
  const bytes = randomBytes(6);
  return `F-${new Date().getUTCFullYear()}-${[...bytes].map((b) => PSEUDONYM_ALPHABET[b % PSEUDONYM_ALPHABET.length]).join('')}`;
}

/** Case files: personal data sealed field by field, shown only to the caseworkers it belongs to. */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly assignments: AssignmentsService,
  ) {}

  async create(user: Principal, input: NewCase) {
    const scope = await this.assignments.of(user.sub);
    if (!scope.socialSpaceIds.includes(input.socialSpaceId)) {
      throw DomainError.invalid('You are not assigned to this social space', [{ pointer: '/socialSpaceId', message: 'not one of your social spaces' }]);
    }
    const id = randomUUID();
    const deletionDate = input.deletionDate ?? new Date(Date.now() + 5 * 365 * 86_400_000).toISOString().slice(0, 10);
    const confided: ConfidedItem[] = input.confided.map((c) => ({ id: randomUUID(), text: c.text }));
    await this.dataSource.query(
      `INSERT INTO case_file (id, pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, deletion_date, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, newPseudonym(), input.zone, input.socialSpaceId, [user.sub], this.cipher.seal(input.personal), this.cipher.seal(input.content), this.cipher.seal(confided), deletionDate, user.sub],
    );
    return this.get(user, id);
  }

  /** The caller's cases: assigned to them or in their social spaces. */
  async list(user: Principal, page: { limit: number; offset: number }) {
    const scope = await this.assignments.of(user.sub);
    const rows: Array<CaseRow & { total: number }> = await this.dataSource.query(
      `SELECT *, count(*) OVER ()::int AS total FROM case_file WHERE ($1 = ANY(assigned_caseworker_ids) OR social_space_id = ANY($2)) AND anonymised_at IS NULL
        ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [user.sub, scope.socialSpaceIds, page.limit, page.offset],
    );
    return {
      items: rows.map((r) => ({ id: r.id, pseudonym: r.pseudonym, zone: r.zone, socialSpaceId: r.social_space_id, familyName: this.cipher.open<PersonalData>(r.personal_enc).familyName, createdAt: r.created_at })),
      total: rows[0]?.total ?? 0,
      ...page,
    };
  }

  /** The full case for a caseworker who may see it. */
  async get(user: Principal, id: string) {
    const row = await this.visible(user, id);
    return {
      id: row.id,
      pseudonym: row.pseudonym,
      zone: row.zone,
      socialSpaceId: row.social_space_id,
      assignedCaseworkerIds: row.assigned_caseworker_ids,
      deletionDate: row.deletion_date,
      legalHold: row.legal_hold,
      personal: this.cipher.open<PersonalData>(row.personal_enc),
      ...this.cipher.open<CaseContent>(row.content_enc),
      confided: this.cipher.open<ConfidedItem[]>(row.confided_enc),
      createdAt: row.created_at,
    };
  }

  async addConsent(user: Principal, caseId: string, consent: NewConsent) {
    await this.visible(user, caseId);
    const unknown = consent.fields.map((f, i) => ({ f, i })).filter(({ f }) => !(RELEASABLE_FIELDS as readonly string[]).includes(f));
    if (unknown.length > 0) {
      throw DomainError.invalid(
        'The consent names fields that do not exist',
        unknown.map(({ f, i }) => ({ pointer: `/fields/${i}`, message: `unknown field ${f}; releasable: ${RELEASABLE_FIELDS.join(', ')}` })),
      );
    }
    const [row] = await this.dataSource.query(
      `INSERT INTO consent (case_id, version, given_by, purpose, fields, form, given_at, created_by)
       VALUES ($1, (SELECT coalesce(max(version), 0) + 1 FROM consent WHERE case_id = $1), $2, $3, $4, $5, $6, $7) RETURNING *`,
      [caseId, consent.givenBy, consent.purpose, consent.fields, consent.form, consent.givenAt, user.sub],
    );
    return row;
  }

  async revokeConsent(user: Principal, caseId: string, consentId: string) {
    await this.visible(user, caseId);
    const rows = await this.dataSource.query(
      `WITH revoked AS (UPDATE consent SET revoked_at = now() WHERE id = $1 AND case_id = $2 AND revoked_at IS NULL RETURNING *) SELECT * FROM revoked`,
      [consentId, caseId],
    );
    if (rows.length === 0) throw new DomainError(ErrorCode.Conflict, 'No active consent with this id');
    return rows[0];
  }

  async consents(user: Principal, caseId: string) {
    await this.visible(user, caseId);
    return { items: await this.dataSource.query('SELECT * FROM consent WHERE case_id = $1 ORDER BY version', [caseId]) };
  }

  /** Identity fields released for external advisers by consents that are in force. */
  async releasedFields(caseId: string): Promise<Set<ReleasableField>> {
    const rows: Array<{ fields: string[] }> = await this.dataSource.query(
      `SELECT fields FROM consent WHERE case_id = $1 AND revoked_at IS NULL AND given_at <= current_date AND purpose = 'fallteam'`,
      [caseId],
    );
    return new Set(rows.flatMap((r) => r.fields) as ReleasableField[]);
  }

  async row(id: string): Promise<CaseRow | undefined> {
    const [row] = await this.dataSource.query('SELECT * FROM case_file WHERE id = $1', [id]);
    return row;
  }

  /** Caseworkers see their own cases and those of their social spaces; for anyone else a case does not exist. */
  async visible(user: Principal, id: string): Promise<CaseRow> {
    const row = await this.row(id);
    if (!row || row.anonymised_at || !user.roles.includes(Role.Caseworker)) throw DomainError.notFound('Case');
    if (row.assigned_caseworker_ids.includes(user.sub)) return row;
    const scope = await this.assignments.of(user.sub);
    if (!scope.socialSpaceIds.includes(row.social_space_id)) throw DomainError.notFound('Case');
    return row;
  }
}
