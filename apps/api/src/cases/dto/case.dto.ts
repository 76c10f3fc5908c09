import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsDateString,
  IsISO8601,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CASE_ZONES, CaseZone, CONSENT_FORMS, ConsentForm, FAMILY_RELATIONS } from '@sro/cases';

export class FamilyMemberDto {
  @ApiProperty({
    enum: FAMILY_RELATIONS,
    example: 'Mutter',
    description: 'Beziehung zur Familie aus der Liste; bei „andere“ steht die Beziehung in relationOther',
  })
  @IsIn(FAMILY_RELATIONS, { message: `Bitte wählen Sie die Beziehung aus der Liste: ${FAMILY_RELATIONS.join(', ')}` })
  relation: string;

  @ApiPropertyOptional({ example: 'Patenonkel', description: 'Die Beziehung in eigenen Worten, wenn relation „andere“ ist' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  relationOther?: string;

  @ApiProperty({ example: 'Hildegard Mustermann', description: 'Name des Familienmitglieds (verschlüsselt gespeichert)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '1956-07-12', description: 'Geburtsdatum (JJJJ-MM-TT), falls bekannt; nicht in der Zukunft' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Bitte geben Sie das Geburtsdatum als JJJJ-MM-TT an' })
  @IsISO8601({ strict: true }, { message: 'Das Geburtsdatum ist kein gültiger Kalendertag' })
  birthDate?: string;

  @ApiPropertyOptional({ description: 'Lebt im Haushalt der Familie' })
  @IsOptional()
  @IsBoolean({ message: 'livesInHousehold ist ja (true) oder nein (false)' })
  livesInHousehold?: boolean;
}

export class PersonalDataDto {
  @ApiProperty({ description: 'Familienname' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  familyName: string;

  @ApiProperty({ type: [String], description: 'Vornamen der Familienmitglieder, um die es geht' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  givenNames: string[];

  @ApiProperty({
    type: [String],
    example: ['2015-03-01'],
    description: 'Geburtsdaten der Kinder (JJJJ-MM-TT); Beratungen sehen nur Altersgruppen',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsISO8601({ strict: true }, { each: true })
  birthDates: string[];

  @ApiProperty({ description: 'Anschrift' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  address: string;

  @ApiProperty({ type: [FamilyMemberDto], description: 'Familienmitglieder mit Beziehung, Name, Geburtsdatum und Haushalt' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FamilyMemberDto)
  familyMembers: FamilyMemberDto[];
}

export class ResourcesDto {
  @ApiProperty({ type: [String], description: 'Ressourcen der Person' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  person: string[];

  @ApiProperty({ type: [String], description: 'Ressourcen des Umfelds' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  surroundings: string[];

  @ApiProperty({ type: [String], description: 'Ressourcen des Sozialraums' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  socialSpace: string[];
}

class ConfidedDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text: string;
}

export class RequestConsultationDto {
  @ApiProperty({ type: [String], description: 'Questions to the team' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  questions: string[];
}

export class CreateCaseDto {
  @ApiProperty()
  @IsUUID()
  socialSpaceId: string;

  @ApiProperty({ enum: CASE_ZONES })
  @IsIn(CASE_ZONES)
  zone: CaseZone;

  @ApiProperty({ type: PersonalDataDto })
  @ValidateNested()
  @Type(() => PersonalDataDto)
  personal: PersonalDataDto;

  @ApiProperty({ description: 'The family’s will, in its own words' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  will: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  goals: string[];

  @ApiProperty({ type: ResourcesDto })
  @ValidateNested()
  @Type(() => ResourcesDto)
  resources: ResourcesDto;

  @ApiPropertyOptional({ type: [ConfidedDto], description: 'Anvertraute Daten (§ 65 SGB VIII)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ConfidedDto)
  confided?: ConfidedDto[];

  @ApiPropertyOptional({
    type: RequestConsultationDto,
    description:
      'Fallteam-Anfrage gleich mit der Fallaufnahme: Fall und Anfrage in einem Aufruf (die Antwort enthält die Beratung); ' +
      'ohne dieses Feld wird nur der Fall angelegt, die Anfrage geht dann mit POST /cases/{id}/consultations',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RequestConsultationDto)
  consultation?: RequestConsultationDto;

  /** Refused: the deletion date follows from the definition's retention rule at closure. Declared only to answer in German. */
  @ApiHideProperty()
  @ValidateIf((body: CreateCaseDto) => body.deletionDate !== undefined)
  @Equals(undefined, {
    message: 'Das Löschdatum wird nicht eingegeben: es ergibt sich bei Abschluss des Falls aus der Aufbewahrungsregel der Definition.',
  })
  deletionDate?: never;
}

export class ConsentDto {
  @ApiProperty({ example: 'Mutter (sorgeberechtigt)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  givenBy: string;

  @ApiProperty({ example: 'fallteam' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  purpose: string;

  @ApiProperty({ type: [String], example: ['familyName'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  fields: string[];

  @ApiProperty({ enum: CONSENT_FORMS })
  @IsIn(CONSENT_FORMS)
  form: ConsentForm;

  @ApiProperty({ example: '2026-11-20' })
  @IsDateString({ strict: true })
  givenAt: string;
}

export class SessionDto {
  @ApiProperty()
  @IsDateString()
  startsAt: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  place: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(50)
  capacity: number;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  moderatorId: string;
}

export class ScheduleDto {
  @ApiProperty()
  @IsUUID()
  sessionId: string;
}

export class InviteDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  adviserIds: string[];
}

class ParticipantDto {
  @ApiProperty({ enum: ['professional', 'adviser', 'family', 'other'] })
  @IsIn(['professional', 'adviser', 'family', 'other'])
  role: 'professional' | 'adviser' | 'family' | 'other';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  userId?: string;
}

export class OutcomeDto {
  @ApiProperty({ type: [ParticipantDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants: ParticipantDto[];

  @ApiProperty({ type: [String], description: 'Advisory only: the Jugendamt decides' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  recommendations: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'The ids of the advisers’ recorded recommendations the decision answers; every recorded one must be named',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  recommendationIds?: string[];

  @ApiProperty({ description: 'The decision of the Jugendamt' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  decision: string;

  @ApiProperty({ description: 'Help setting using social-space resources' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  helpSetting: string;

  @ApiPropertyOptional({
    example: '2027-03-01',
    description: 'When the case comes back (after today, at most a year ahead); without it the definition’s follow-up period from now',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'followUpOn muss ein Datum JJJJ-MM-TT sein' })
  @IsISO8601({ strict: true }, { message: 'followUpOn muss ein gültiges Datum sein' })
  followUpOn?: string;
}

/** An adviser's recommendation: advisory only, the Jugendamt decides. */
export class RecommendationDto {
  @ApiProperty({ description: 'The recommendation in the adviser’s words' })
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  text: string;

  @ApiProperty({ type: [String], description: 'Help the adviser suggests (e.g. offers of the social space)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  suggestedHelp: string[];

  @ApiProperty({ type: [String], description: 'Risks the adviser sees' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  risks: string[];
}

export class ConfidedItemInputDto {
  @ApiProperty({ description: 'What was confided (§ 65 SGB VIII); only the confidant reads it until they release it' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;
}

export class CaseTeamDto {
  @ApiProperty({ type: [String], description: 'Co-workers beside the responsible caseworker (user ids of active caseworkers)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  coWorkerIds: string[];
}

export class BreakGlassDto {
  @ApiProperty({ description: 'Why the case must be opened now (audited, shown to the responsible caseworker and the lead)' })
  @IsString()
  @Matches(/\S{3,}/, { message: 'reason must name why the case is opened' })
  @MaxLength(1000)
  reason: string;
}

export class TransferDto {
  @ApiProperty({ description: 'The caseworker who takes the case over (user id)' })
  @IsString()
  @MinLength(1)
  toCaseworkerId: string;

  @ApiProperty({ description: 'Hand-over note (sealed)' })
  @IsString()
  @Matches(/\S/, { message: 'note must not be empty' })
  @MaxLength(5000)
  note: string;
}

export class SubstitutionDto {
  @ApiPropertyOptional({ description: 'Who is absent; the caller by default (a lead may name one for others)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  absentUserId?: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  substituteUserId: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  endsAt: string;
}
