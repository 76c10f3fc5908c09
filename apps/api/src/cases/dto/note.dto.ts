import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { NOTE_KINDS, NoteKind } from '@sro/cases';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = 'conversation = Gespräch, phone_call = Telefonat, home_visit = Hausbesuch, memo = Vermerk';

/** Ein neuer Aktenvermerk oder die Korrektur eines früheren. */
export class CreateNoteDto {
  @ApiProperty({ enum: NOTE_KINDS, description: `Art des Vermerks: ${KINDS}` })
  @IsIn(NOTE_KINDS, { message: `Bitte wählen Sie die Art des Vermerks (${KINDS}).` })
  kind: NoteKind;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'Tag des Gesprächs, Telefonats, Hausbesuchs oder Vermerks; ohne Angabe heute',
  })
  @IsOptional()
  @Matches(DATE, { message: 'Bitte geben Sie das Datum als JJJJ-MM-TT an.' })
  @IsISO8601({ strict: true }, { message: 'Das Datum ist kein gültiger Kalendertag.' })
  occurredOn?: string;

  @ApiProperty({ description: 'Text des Vermerks; verschlüsselt gespeichert' })
  @IsString({ message: 'Bitte geben Sie den Text des Vermerks ein.' })
  @MinLength(1, { message: 'Bitte geben Sie den Text des Vermerks ein.' })
  @MaxLength(20_000, { message: 'Der Vermerk darf höchstens 20.000 Zeichen lang sein.' })
  text: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Korrektur: die Kennung des Vermerks dieser Akte, der berichtigt wird' })
  @IsOptional()
  @IsUUID('all', { message: 'Die Kennung des berichtigten Vermerks ist ungültig.' })
  correctsNoteId?: string;
}
