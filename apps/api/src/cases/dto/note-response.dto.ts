import { ApiProperty } from '@nestjs/swagger';
import { NOTE_KINDS, NoteKind } from '@sro/cases';

/** Ein Aktenvermerk: nur anhängbar, Fehler werden durch einen Korrekturvermerk berichtigt. */
export class CaseNoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'Fallakte' })
  caseId: string;

  @ApiProperty({ enum: NOTE_KINDS, description: 'Art des Vermerks' })
  kind: NoteKind;

  @ApiProperty({ example: 'Hausbesuch', description: 'Art des Vermerks, wie sie angezeigt wird' })
  kindLabel: string;

  @ApiProperty({ example: '2026-12-01', description: 'Tag des Gesprächs, Telefonats, Hausbesuchs oder Vermerks' })
  occurredOn: string;

  @ApiProperty({ description: 'Verfasserin oder Verfasser (Benutzerkennung)' })
  authorId: string;

  @ApiProperty({ description: 'Text des Vermerks' })
  text: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Bei einer Korrektur: der berichtigte Vermerk' })
  correctsNoteId: string | null;

  @ApiProperty({ type: [String], description: 'Spätere Vermerke, die diesen berichtigen (älteste zuerst)' })
  correctedByNoteIds: string[];

  @ApiProperty({ format: 'date-time', description: 'Zeitpunkt der Erfassung' })
  createdAt: Date;
}

/** Eine Seite der Aktenvermerke, der neueste zuerst. */
export class CaseNotePageDto {
  @ApiProperty({ type: [CaseNoteDto] })
  items: CaseNoteDto[];

  @ApiProperty({ description: 'Anzahl aller Vermerke der Akte' })
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
