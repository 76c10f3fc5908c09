import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A stored document with its file name still sealed. */
export interface StoredDocument {
  id: string;
  caseId: string;
  mediaType: string;
  sizeBytes: number;
  fileNameEnc: string;
  storageKey: string;
  keyId: string;
  uploadedBy: string;
  createdAt: Date;
}

const COLUMNS = `d.id, d.case_id AS "caseId", d.media_type AS "mediaType", d.size_bytes::float8 AS "sizeBytes", d.file_name_enc AS "fileNameEnc",
  d.storage_key AS "storageKey", d.key_id AS "keyId", d.uploaded_by AS "uploadedBy", d.created_at AS "createdAt"`;

/** All SQL of `case_document`. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(d: Omit<StoredDocument, 'createdAt'>): Promise<StoredDocument> {
    const [row]: StoredDocument[] = await this.dataSource.query(
      `INSERT INTO case_document AS d (id, case_id, media_type, size_bytes, file_name_enc, storage_key, key_id, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [d.id, d.caseId, d.mediaType, d.sizeBytes, d.fileNameEnc, d.storageKey, d.keyId, d.uploadedBy],
    );
    return row;
  }

  async find(caseId: string, id: string): Promise<StoredDocument | undefined> {
    const [row]: StoredDocument[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM case_document d WHERE d.case_id = $1 AND d.id = $2`,
      [caseId, id],
    );
    return row;
  }

  /** The case's documents, newest first. */
  async pageFor(caseId: string, page: { limit: number; offset: number }): Promise<{ items: StoredDocument[]; total: number }> {
    const rows: Array<StoredDocument & { total: number }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM case_document d WHERE d.case_id = $1
        ORDER BY d.created_at DESC, d.id DESC LIMIT $2 OFFSET $3`,
      [caseId, page.limit, page.offset],
    );
    return { items: rows.map(({ total: _total, ...d }) => d), total: rows[0]?.total ?? 0 };
  }

  /** Documents of anonymised cases (still to be removed from the store), a batch at a time. */
  async ofAnonymisedCases(limit: number, caseId?: string): Promise<Array<{ id: string; storageKey: string }>> {
    return this.dataSource.query(
      `SELECT d.id, d.storage_key AS "storageKey" FROM case_document d JOIN case_file f ON f.id = d.case_id
        WHERE f.anonymised_at IS NOT NULL AND ($2::uuid IS NULL OR d.case_id = $2) ORDER BY d.id LIMIT $1`,
      [limit, caseId ?? null],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM case_document WHERE id = $1', [id]);
  }
}
