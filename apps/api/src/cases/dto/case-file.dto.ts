import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASE_HISTORY_ACTIONS, CASE_ZONES, CaseHistoryAction, CaseZone } from '@sro/cases';
import type { ConsultationPhase } from '@sro/workflows/contracts';
import { CaseFollowUpDto } from './case-follow-up.dto';
import { CaseDto, ConsentRecordDto, ConsultationPacketDto, ConsultationStepDto } from './case-response.dto';
import { PersonalDataDto, ResourcesDto } from './case.dto';

const CONSULTATION_PHASES: ConsultationPhase[] = ['requested', 'scheduled', 'outcome_recorded', 'closed', 'cancelled'];

/**
 * Eine Änderung der Fallakte: angegebene Felder ersetzen die gespeicherten (persönliche Daten und
 * Ressourcen als Ganzes), geprüft wie bei der Fallaufnahme.
 */
export class UpdateCaseDto {
  @ApiPropertyOptional({
    example: 3,
    description:
      'Die bearbeitete Version (statt der Kopfzeile If-Match); ist sie nicht mehr aktuell, antwortet der Dienst 412 und ändert nichts',
  })
  @IsOptional()
  @IsInt({ message: 'version ist eine ganze Zahl' })
  @Min(1, { message: 'version ist mindestens 1' })
  version?: number;

  @ApiPropertyOptional({
    enum: CASE_ZONES,
    description: 'Bereich: service = Leistungs-, unclear = Grau-, endangerment = Gefährdungsbereich (nicht bei Jugendhilfedienst-Fällen)',
  })
  @IsOptional()
  @IsIn(CASE_ZONES, { message: `Bitte wählen Sie den Bereich: ${CASE_ZONES.join(', ')}` })
  zone?: CaseZone;

  @ApiPropertyOptional({ type: PersonalDataDto, description: 'Persönliche Daten, vollständig (ersetzen die gespeicherten)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonalDataDto)
  personal?: PersonalDataDto;

  @ApiPropertyOptional({ description: 'Wille der Familie, in ihren eigenen Worten' })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'Der Wille der Familie darf nicht leer sein' })
  @MaxLength(10_000)
  will?: string;

  @ApiPropertyOptional({ type: [String], description: 'Ziele, vollständig' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  goals?: string[];

  @ApiPropertyOptional({ type: ResourcesDto, description: 'Ressourcen der Person, des Umfelds und des Sozialraums, vollständig' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResourcesDto)
  resources?: ResourcesDto;

  /** Refused as at intake: the deletion date follows from the retention rule. Declared only to answer in German. */
  @ApiHideProperty()
  @ValidateIf((body: UpdateCaseDto) => body.deletionDate !== undefined)
  @Equals(undefined, {
    message: 'Das Löschdatum wird nicht eingegeben: es ergibt sich bei Abschluss des Falls aus der Aufbewahrungsregel der Definition.',
  })
  deletionDate?: never;
}

/** Abschluss eines Falls. */
export class CloseCaseDto {
  @ApiProperty({
    example: 'Ziele erreicht, Familie kommt ohne Hilfe zurecht',
    description: 'Begründung des Abschlusses (verschlüsselt gespeichert)',
  })
  @IsString({ message: 'Bitte begründen Sie den Abschluss' })
  @Matches(/\S{3,}/, { message: 'Bitte begründen Sie den Abschluss' })
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({
    description:
      'Nur Fallteam-Fälle: ob eine Hilfe gewährt wurde (bestimmt die Aufbewahrungsfrist); ohne Angabe: ob ein Ergebnis einer Fallteam-Beratung vorliegt',
  })
  @IsOptional()
  @IsBoolean({ message: 'withHelp ist ja (true) oder nein (false)' })
  withHelp?: boolean;
}

/** Wiedereröffnung eines abgeschlossenen Falls. */
export class ReopenCaseDto {
  @ApiProperty({ example: 'Erneute Meldung der Schule', description: 'Begründung der Wiedereröffnung (verschlüsselt gespeichert)' })
  @IsString({ message: 'Bitte begründen Sie die Wiedereröffnung' })
  @Matches(/\S{3,}/, { message: 'Bitte begründen Sie die Wiedereröffnung' })
  @MaxLength(2000)
  reason: string;
}

/** Stand der Freigabe eines Beratungspakets. */
export class PacketReleaseStateDto {
  @ApiProperty({ format: 'uuid', description: 'Kennung der Freigabe' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Zeitpunkt der Freigabe' })
  releasedAt: Date;

  @ApiProperty({ description: 'Wer freigegeben hat (Benutzerkennung)' })
  releasedBy: string;

  @ApiProperty({ description: 'Version der Fallakte, aus der das freigegebene Paket stammt' })
  caseVersion: number;

  @ApiProperty({ description: 'Veraltet: die Fallakte wurde seit der Freigabe in Feldern des Pakets geändert; bitte erneut freigeben' })
  stale: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Seit wann die Freigabe veraltet ist' })
  staleSince: Date | null;

  @ApiProperty({ type: [String], example: ['will'], description: 'Seit der Freigabe geänderte Felder des Pakets (Namen, keine Inhalte)' })
  staleFields: string[];
}

/** Ein Hinweis der Vorschau: im Freitext steht ein Name oder Geburtsdatum aus der Fallakte. */
export class PacketWarningDto {
  @ApiProperty({ example: '/will', description: 'Stelle im Paket (JSON-Pointer)' })
  pointer: string;

  @ApiProperty({ enum: ['name', 'birth-date'], description: 'name: ein Name aus der Fallakte; birth-date: ein Geburtsdatum' })
  kind: 'name' | 'birth-date';

  @ApiProperty({ enum: ['packet.name', 'packet.birth-date'], description: 'Fester Code des Hinweises' })
  code: 'packet.name' | 'packet.birth-date';

  @ApiProperty({ description: 'Hinweis für die Fachkraft' })
  message: string;
}

/** Vorschau des Pakets genau so, wie die externen Beratungen es sähen, mit Hinweisen und dem Stand der Freigabe. */
export class PacketPreviewDto {
  @ApiProperty({ type: ConsultationPacketDto, description: 'Das Paket, wie es eine Freigabe jetzt speichern würde' })
  packet: ConsultationPacketDto;

  @ApiProperty({ type: [PacketWarningDto], description: 'Namen oder Geburtsdaten der Familie in Wille, Zielen, Ressourcen oder Fragen' })
  warnings: PacketWarningDto[];

  @ApiProperty({
    type: PacketReleaseStateDto,
    nullable: true,
    description: 'Die Fassung, die die Beratungen sehen; null vor der ersten Freigabe (dann sehen sie nichts)',
  })
  release: PacketReleaseStateDto | null;
}

/** Eine Fallteam-Beratung in der Fallakte. */
export class CaseFileConsultationDto {
  @ApiProperty({ format: 'uuid', description: 'Kennung der Beratung' })
  id: string;

  @ApiProperty({
    enum: CONSULTATION_PHASES,
    nullable: true,
    description: 'Stand der Beratung; null, wenn er gerade nicht abgefragt werden kann',
  })
  phase: ConsultationPhase | null;

  @ApiProperty({ description: 'Wer die Beratung angefragt hat' })
  requestedBy: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Zeitpunkt der Anfrage' })
  requestedAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Fallteam-Sitzung, in die die Beratung gebucht ist' })
  sessionId: string | null;

  @ApiProperty({ description: 'Ergebnis (Entscheidung des Jugendamts) erfasst' })
  outcomeRecorded: boolean;

  @ApiProperty({ type: PacketReleaseStateDto, nullable: true, description: 'Freigegebenes Paket; null, solange nichts freigegeben ist' })
  packetRelease: PacketReleaseStateDto | null;
}

/** Ein Eintrag der Fallhistorie: was sich geändert hat (Feldnamen, nie Inhalte), wer, wann. */
export class CaseHistoryEntryDto {
  @ApiProperty({ description: 'Version der Fallakte nach dem Eintrag' })
  version: number;

  @ApiProperty({
    enum: CASE_HISTORY_ACTIONS,
    description: 'create = Fallaufnahme, update = Änderung, close = Abschluss, reopen = Wiedereröffnung, packet-release = Paketfreigabe',
  })
  action: CaseHistoryAction;

  @ApiProperty({ type: [String], example: ['will', 'personal.familyMembers'], description: 'Geänderte Felder (nur Namen, keine Werte)' })
  fields: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Begründung eines Abschlusses oder einer Wiedereröffnung' })
  reason: string | null;

  @ApiProperty({ description: 'Wer (Benutzerkennung)' })
  actorId: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Wann' })
  occurredAt: Date;
}

/** Der Jugendhilfedienst-Prozess eines Falls. */
export class CaseFileProcessDto {
  @ApiProperty({ description: 'Phase des Prozesses' })
  phase: string;

  @ApiProperty({ type: [ConsultationStepDto], description: 'Schritte des Prozesses mit Status und Fristen' })
  steps: ConsultationStepDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Abschluss des Prozesses' })
  closedAt: string | null;
}

/** Die ganze Fallakte für das Fallteam. */
export class CaseFileDto extends CaseDto {
  @ApiProperty({
    enum: ['fallteam', 'jugendhilfedienst'],
    description: 'fallteam: Fall des erweiterten Fallteams; jugendhilfedienst: Fall mit standardisiertem Prozess',
  })
  kind: 'fallteam' | 'jugendhilfedienst';

  @ApiProperty({ type: [ConsentRecordDto], description: 'Einwilligungen (Schweigepflichtentbindungen), widerrufene mit Datum' })
  consents: ConsentRecordDto[];

  @ApiProperty({ type: [CaseFileConsultationDto], description: 'Fallteam-Beratungen mit Stand und Paketfreigabe' })
  consultations: CaseFileConsultationDto[];

  @ApiProperty({ type: [CaseFollowUpDto], description: 'Wiedervorlagen' })
  followUps: CaseFollowUpDto[];

  @ApiProperty({ type: [CaseHistoryEntryDto], description: 'Historie, neueste zuerst' })
  history: CaseHistoryEntryDto[];

  @ApiProperty({
    type: CaseFileProcessDto,
    nullable: true,
    description: 'Schritte des Jugendhilfedienst-Prozesses; null bei Fallteam-Fällen',
  })
  jugendhilfedienst: CaseFileProcessDto | null;
}
