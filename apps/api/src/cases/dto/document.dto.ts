import { ApiProperty } from '@nestjs/swagger';

/** Ein Dokument der Fallakte (Metadaten; der Inhalt wird über den Download abgerufen). */
export class CaseDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Fallakte' })
  caseId: string;

  @ApiProperty({ example: 'Schulbericht.pdf', description: 'Dateiname beim Hochladen (verschlüsselt gespeichert)' })
  fileName: string;

  @ApiProperty({ example: 'application/pdf', description: 'Dateityp, wie ihn der Inhalt der Datei zeigt (nicht die Angabe des Browsers)' })
  mediaType: string;

  @ApiProperty({ description: 'Größe in Bytes' })
  sizeBytes: number;

  @ApiProperty({ description: 'Hochgeladen von (Benutzerkennung)' })
  uploadedBy: string;

  @ApiProperty({ format: 'date-time', description: 'Zeitpunkt des Hochladens' })
  createdAt: Date;
}

/** Eine Seite der Dokumente einer Akte, das neueste zuerst. */
export class CaseDocumentPageDto {
  @ApiProperty({ type: [CaseDocumentDto] })
  items: CaseDocumentDto[];

  @ApiProperty({ description: 'Anzahl aller Dokumente der Akte' })
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
