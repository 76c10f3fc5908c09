import { Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { DocumentService } from '@sro/cases';
import { DomainError, Principal, Role } from '@sro/common';
import { sendProblem, toProblem } from '@sro/http';
import type { Response } from 'express';
import { PagingDto } from '../common/paging.dto';
import { CaseDocumentDto, CaseDocumentPageDto } from './dto/document.dto';
import { DOCUMENT_FIELD, DocumentUploadInterceptor } from './document-upload.interceptor';

const uuid = new ParseUUIDPipe();

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\;]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Documents of a case file: sealed at rest, for whoever may read (list, download) or change (upload) the case; every call audited. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentService) {}

  @Post()
  @Roles(Role.Caseworker)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiOperation({
    summary: 'Dokument zur Fallakte hochladen',
    description:
      'Nimmt PDF, Bilder (PNG, JPEG, GIF, TIFF, WebP) und Office-Dokumente (Word, Excel, PowerPoint, OpenDocument) an; der Typ wird am Inhalt erkannt, ' +
      'nicht an der Angabe des Browsers. Die Datei wird mit den Feldschlüsseln (AES-256-GCM) verschlüsselt abgelegt. Größe höchstens DOCUMENT_MAX_BYTES (Standard 20 MB).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [DOCUMENT_FIELD],
      properties: { [DOCUMENT_FIELD]: { type: 'string', format: 'binary', description: 'Die Datei (genau eine)' } },
    },
  })
  @ApiCreatedResponse({ type: CaseDocumentDto, description: 'Das abgelegte Dokument' })
  @ApiPayloadTooLargeResponse({ description: 'Die Datei ist größer als erlaubt (problem+json)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Kein PDF, Bild oder Office-Dokument, oder kein multipart/form-data (problem+json)' })
  @Audited({
    resourceType: 'case',
    action: 'upload-document',
    purpose: 'Dokument zur Fallakte nehmen',
    parent: { resourceType: 'case', childKey: 'documentId' },
  })
  upload(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
  ): Promise<CaseDocumentDto> {
    if (!file)
      throw DomainError.invalid('Der Upload enthält kein Dokument.', [
        { pointer: `/${DOCUMENT_FIELD}`, code: 'required', message: `Bitte wählen Sie eine Datei (Feld „${DOCUMENT_FIELD}“).` },
      ]);
    return this.documents.upload(user, id, { originalName: file.originalname, data: file.buffer });
  }

  @Get()
  @Roles(Role.Caseworker, Role.Lead)
  @ApiOperation({ summary: 'Dokumente der Fallakte auflisten', description: 'Das neueste zuerst; nur Metadaten.' })
  @ApiOkResponse({ type: CaseDocumentPageDto })
  @Audited({ resourceType: 'case', action: 'read-documents', purpose: 'Fallbearbeitung' })
  list(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Query() page: PagingDto): Promise<CaseDocumentPageDto> {
    return this.documents.list(user, id, page);
  }

  @Get(':documentId')
  @Roles(Role.Caseworker, Role.Lead)
  @Header('Cache-Control', 'no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: 'Dokument herunterladen',
    description:
      'Liefert den entschlüsselten Inhalt als Anhang (Content-Disposition) und ohne Zwischenspeicherung (Cache-Control: no-store).',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'Der Inhalt des Dokuments', schema: { type: 'string', format: 'binary' } })
  @Audited({
    resourceType: 'case',
    action: 'download-document',
    purpose: 'Dokument einsehen',
    parent: { resourceType: 'case', childKey: 'documentId', childParam: 'documentId' },
  })
  async download(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('documentId', uuid) documentId: string,
  ): Promise<StreamableFile> {
    const { document, content } = await this.documents.download(user, id, documentId);
    return new StreamableFile(content, {
      type: document.mediaType,
      length: document.sizeBytes,
      disposition: contentDisposition(document.fileName),
    }).setErrorHandler((error, handlerResponse) => {
      const res = handlerResponse as unknown as Response;
      if (res.destroyed) return;
      // Bytes went out already: break the connection, so a cut-off file never looks complete.
      if (res.headersSent) return void res.destroy();
      res.removeHeader('Content-Disposition');
      res.removeHeader('Content-Length');
      const { body, headers } = toProblem(error);
      sendProblem(res, body, headers);
    });
  }
}
