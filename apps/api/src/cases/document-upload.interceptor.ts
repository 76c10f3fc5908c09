import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { DocumentService, tooLarge } from '@sro/cases';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { AppConfig } from '@sro/config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The multipart field that carries the document. */
export const DOCUMENT_FIELD = 'file';

/**
 * Checks that the caller may add to the case, then reads one document from a `multipart/form-data`
 * body into memory, up to DOCUMENT_MAX_BYTES (multer
 * stops reading beyond it), and turns every refusal into a domain error with a German message, so
 * the audit row and the problem document are those of any other refusal.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(
    private readonly config: AppConfig,
    private readonly documents: DocumentService,
  ) {
    const Multer: Type<NestInterceptor> = FileInterceptor(DOCUMENT_FIELD, {
      limits: { fileSize: config.documents.maxBytes, files: 1, fields: 0, parts: 1 },
      // File names as browsers send them (UTF-8), not Latin-1.
      defParamCharset: 'utf8',
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    // Who may not add to the case is refused before a byte of the body is read.
    const caseId = req.params?.id;
    if (req.user && typeof caseId === 'string' && UUID.test(caseId)) await this.documents.requireUploader(req.user, caseId);
    if (!req.is('multipart/form-data'))
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        `Dokumente werden als multipart/form-data im Feld „${DOCUMENT_FIELD}“ hochgeladen.`,
        [{ pointer: `/${DOCUMENT_FIELD}`, code: 'file.multipart', message: 'Keine Datei im Feld „file“ (multipart/form-data).' }],
      );
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      if (error.getStatus() === 413) throw tooLarge(this.config.documents.maxBytes);
      throw DomainError.invalid('Der Upload ist fehlerhaft.', [
        {
          pointer: `/${DOCUMENT_FIELD}`,
          code: 'file.single',
          message: `Bitte senden Sie genau eine Datei im Feld „${DOCUMENT_FIELD}“ und sonst nichts.`,
        },
      ]);
    }
  }
}
