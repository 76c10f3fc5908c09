import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { CASE_SORTS, CASE_STATUSES, CASE_ZONES, CaseSort, CaseStatus, CaseZone } from '@sro/cases';
import { PagingDto } from '../../common/paging.dto';

/** Suche, Filter, Sortierung und Seite der Fallliste. */
export class CaseListQueryDto extends PagingDto {
  @ApiPropertyOptional({
    example: 'Müller',
    description:
      'Suchbegriff: Familien- oder Vorname (auch Wortanfang ab drei Zeichen; „Mueller“ findet „Müller“, „Strasse“ findet „Straße“), ' +
      'Geburtsdatum (TT.MM.JJJJ oder JJJJ-MM-TT), Pseudonym bzw. Aktenzeichen (F-2026-7KQ3MX, auch der Anfang) oder die Kennung der Akte. ' +
      'Mehrere Wörter müssen alle passen. Gesucht wird über einen Blindindex, ohne Akten zu entschlüsseln.',
  })
  @IsOptional()
  @IsString({ message: 'Bitte geben Sie einen Suchbegriff ein.' })
  @MinLength(1, { message: 'Bitte geben Sie einen Suchbegriff ein.' })
  @MaxLength(100, { message: 'Der Suchbegriff darf höchstens 100 Zeichen lang sein.' })
  search?: string;

  @ApiPropertyOptional({
    enum: CASE_ZONES,
    description: 'Nur Fälle dieses Bereichs (Leistungs-, Grau-, Gefährdungsbereich); nur eigene Fälle',
  })
  @IsOptional()
  @IsIn(CASE_ZONES, { message: `Bitte wählen Sie einen Bereich: ${CASE_ZONES.join(', ')}.` })
  zone?: CaseZone;

  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'open = offen, closed = abgeschlossen; nur eigene Fälle' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: 'Bitte wählen Sie open (offen) oder closed (abgeschlossen).' })
  status?: CaseStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Nur Fälle dieses Sozialraums' })
  @IsOptional()
  @IsUUID('all', { message: 'Die Kennung des Sozialraums ist ungültig.' })
  socialSpaceId?: string;

  @ApiPropertyOptional({ description: 'Nur Fälle dieser fallverantwortlichen Fachkraft (Benutzerkennung)' })
  @IsOptional()
  @IsString({ message: 'Bitte geben Sie die Benutzerkennung der fallverantwortlichen Fachkraft an.' })
  @MinLength(1, { message: 'Bitte geben Sie die Benutzerkennung der fallverantwortlichen Fachkraft an.' })
  @MaxLength(200, { message: 'Die Benutzerkennung ist zu lang.' })
  responsibleId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: nur Fälle mit einer eigenen fälligen, nicht erledigten Wiedervorlage' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'Bitte geben Sie true oder false an.' })
  followUpsDue?: boolean;

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    default: '-createdAt',
    description: 'Sortierung: -createdAt = neueste zuerst, createdAt = älteste zuerst, pseudonym / -pseudonym = nach Pseudonym',
  })
  @IsOptional()
  @IsIn(CASE_SORTS, { message: `Bitte wählen Sie eine Sortierung: ${CASE_SORTS.join(', ')}.` })
  sort?: CaseSort;
}
