import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { AppConfig } from '@sro/config';
import { CaseService } from './case.service';
import { DocumentCipher } from './document.cipher';
import { DocumentRepository, StoredDocument } from './document.repository';
import { ACCEPTED_DOCUMENTS, sniffDocumentType } from './document.sniff';
import { DocumentStorage } from './document.storage';
import { FieldCipher } from './field-cipher';

/** A document of a case file as the case team sees it. */
export interface CaseDocument {
  id: string;
  caseId: string;
  /** The file name as uploaded (stored sealed: it often names the family). */
  fileName: string;
  /** The type the content showed at upload (not what the client claimed). */
  mediaType: string;
  sizeBytes: number;
  uploadedBy: string;
  createdAt: Date;
}

/** An uploaded file as the HTTP layer received it. */
export interface UploadedDocument {
  originalName: string;
  data: Buffer;
}

const MAX_FILE_NAME = 200;

/** A file name fit to store and to send back: no path, no control characters, not too long. */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, MAX_FILE_NAME);
  return base && base !== '.' && base !== '..' ? base : `Dokument.${extension}`;
}

/**
 * Documents of a case file: uploads are typed by their content, sealed with the field keys (one key
 * id per document) and kept in the configured store; only who may change the case uploads, only who
 * may read it lists and downloads (the case's access rule decides). Removed with the case by retention.
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly cases: CaseService,
    private readonly storage: DocumentStorage,
    private readonly documentCipher: DocumentCipher,
    private readonly fieldCipher: FieldCipher,
    private readonly config: AppConfig,
  ) {}

  /** The largest document accepted (DOCUMENT_MAX_BYTES). */
  get maxBytes(): number {
    return this.config.documents.maxBytes;
  }

  /** Refuses a caller who may not add documents to the case (before the upload's body is read). */
  async requireUploader(user: Principal, caseId: string): Promise<void> {
    await this.cases.visibleCase(user, caseId, 'write');
  }

  async upload(user: Principal, caseId: string, file: UploadedDocument): Promise<CaseDocument> {
    await this.requireUploader(user, caseId);
    if (file.data.length === 0)
      throw DomainError.invalid('Die Datei ist leer.', [{ pointer: '/file', code: 'file.empty', message: 'Die Datei ist leer.' }]);
    if (file.data.length > this.maxBytes) throw tooLarge(this.maxBytes);
    const type = sniffDocumentType(file.data);
    if (!type)
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `Dieser Dateityp wird nicht angenommen. Erlaubt sind ${ACCEPTED_DOCUMENTS}; maßgeblich ist der Inhalt der Datei, nicht ihr Name.`,
        [{ pointer: '/file', code: 'file.type', message: 'Der Inhalt ist kein PDF, kein Bild und kein Office-Dokument.' }],
      );
    const id = randomUUID();
    const storageKey = `${caseId}/${id}`;
    const keyId = this.documentCipher.activeKeyId;
    await this.storage.put(storageKey, this.documentCipher.seal(id, file.data));
    try {
      const stored = await this.documents.insert({
        id,
        caseId,
        mediaType: type.mediaType,
        sizeBytes: file.data.length,
        fileNameEnc: this.fieldCipher.seal(cleanFileName(file.originalName, type.extension), {
          table: 'case_document',
          column: 'file_name_enc',
          rowId: id,
        }),
        storageKey,
        keyId,
        uploadedBy: user.sub,
      });
      return this.open(stored);
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  async list(
    user: Principal,
    caseId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: CaseDocument[]; total: number; limit: number; offset: number }> {
    await this.cases.visibleCase(user, caseId);
    const { items, total } = await this.documents.pageFor(caseId, page);
    return { items: items.map((d) => this.open(d)), total, ...page };
  }

  /** The document and its content, opened chunk by chunk while it is sent. */
  async download(user: Principal, caseId: string, documentId: string): Promise<{ document: CaseDocument; content: Readable }> {
    await this.cases.visibleCase(user, caseId);
    const stored = await this.documents.find(caseId, documentId);
    if (!stored) throw DomainError.notFound('Das Dokument');
    const sealed = await this.storage.get(stored.storageKey);
    const opener = this.documentCipher.opener(stored.keyId, stored.id);
    sealed.on('error', (error) => opener.destroy(error));
    return { document: this.open(stored), content: sealed.pipe(opener) };
  }

  private open(stored: StoredDocument): CaseDocument {
    return {
      id: stored.id,
      caseId: stored.caseId,
      fileName: this.fieldCipher.open<string>(stored.fileNameEnc, { table: 'case_document', column: 'file_name_enc', rowId: stored.id }),
      mediaType: stored.mediaType,
      sizeBytes: stored.sizeBytes,
      uploadedBy: stored.uploadedBy,
      createdAt: stored.createdAt,
    };
  }
}

/** The refusal of a document over the limit, in the user's words. */
export function tooLarge(maxBytes: number): DomainError {
  const mb = (maxBytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 });
  return new DomainError(ErrorCode.PayloadTooLarge, `Die Datei ist zu groß. Erlaubt sind höchstens ${mb} MB.`, [
    { pointer: '/file', code: 'file.size', params: { maxBytes }, message: `Die Datei ist größer als ${mb} MB.` },
  ]);
}
