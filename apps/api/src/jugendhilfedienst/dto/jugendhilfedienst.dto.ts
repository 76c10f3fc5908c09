import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
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
  ValidateNested,
} from 'class-validator';
import {
  CASE_SOURCES,
  CaseSource,
  DANGER_KINDS,
  DangerKind,
  HELP_KINDS,
  HelpKind,
  JHD_ZONES,
  JhdZone,
  PROTECTION_MEASURES,
  ProtectionMeasure,
  RISK_RESULTS,
  RiskResult,
  SEXES,
  Sex,
  TIME_KINDS,
  TimeKind,
  STATISTIC_DIMENSIONS,
  StatisticDimension,
} from '@sro/jugendhilfedienst';
import { PagingDto } from '../../common/paging.dto';
import { FamilyMemberDto } from '../../cases/dto/case.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;
const DATE_MESSAGE = 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).';
const DURATION_MESSAGE = 'Bitte eine Dauer angeben, z. B. 3 Monate (P3M) oder 1 Jahr (P1Y).';
const USER_ID = /^[A-Za-z0-9._@-]{1,100}$/;

/** What is known of the family at intake; an anonymous report may know little. */
class IntakePersonalDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) familyName?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  givenNames?: string[];
  @ApiPropertyOptional({ type: [String], example: ['2015-03-01'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(DATE, { each: true, message: 'Bitte jedes Geburtsdatum als gültiges Datum angeben (TT.MM.JJJJ).' })
  @IsISO8601({ strict: true }, { each: true })
  birthDates?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ type: [FamilyMemberDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FamilyMemberDto)
  familyMembers?: FamilyMemberDto[];
}

class ReporterDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) contact?: string;
}

export class IntakeDto {
  @ApiProperty() @IsUUID() socialSpaceId: string;
  @ApiProperty({ enum: CASE_SOURCES, description: 'Who made the case known (Bekanntwerden)' }) @IsIn(CASE_SOURCES) source: CaseSource;
  @ApiPropertyOptional({ description: 'The reporter stays unknown (default: source is anonymous)' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
  @ApiPropertyOptional({ example: '2026-11-20T09:30:00+01:00', description: 'When the report came in (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  reportedAt?: string;
  @ApiProperty({ description: 'What was reported; sealed' }) @IsString() @MinLength(1) @MaxLength(20_000) report: string;
  @ApiPropertyOptional({ type: ReporterDto }) @IsOptional() @ValidateNested() @Type(() => ReporterDto) reporter?: ReporterDto;
  @ApiPropertyOptional({ type: IntakePersonalDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => IntakePersonalDto)
  personal?: IntakePersonalDto;
  @ApiPropertyOptional({ description: 'The family’s will, in its own words' }) @IsOptional() @IsString() @MaxLength(10_000) will?: string;
}

const PHASES = ['classification', 'risk_assessment', 'immediate_protection', 'fallteam', 'help_plan', 'help', 'closure', 'closed'];

export class JhdListQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: PHASES })
  @IsOptional()
  @IsIn(PHASES)
  phase?: string;
}

export class ClassifyDto {
  @ApiProperty({ enum: JHD_ZONES }) @IsIn(JHD_ZONES) zone: JhdZone;
  @ApiPropertyOptional({
    example: 'P9M',
    description: 'Expected duration of help (service/unclear zone); six months or more goes to the Fallteam; absent: no help',
  })
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  expectedHelpDuration?: string;
}

class ProfessionalDto {
  @ApiPropertyOptional({
    example: 'demo-caseworker',
    description: 'A user of the system; externals (insoweit erfahrene Fachkraft) without',
  })
  @IsOptional()
  @Matches(USER_ID)
  userId?: string;
  @ApiProperty({ example: 'ASD-Fachkraft' }) @IsString() @MinLength(1) @MaxLength(200) function: string;
}

export class RiskAssessmentDto {
  @ApiProperty({
    type: [ProfessionalDto],
    description: 'At least the definition’s number of professionals (§ 8a: Zusammenwirken mehrerer Fachkräfte)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ProfessionalDto)
  professionals: ProfessionalDto[];
  @ApiProperty() @IsBoolean() parentsInvolved: boolean;
  @ApiProperty() @IsBoolean() childInvolved: boolean;
  @ApiPropertyOptional({ description: 'Why parents or child were not involved; required then' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  involvementNote?: string;
  @ApiProperty({ description: 'Whether a home visit took place' }) @IsBoolean() homeVisit: boolean;
  @ApiProperty({ enum: RISK_RESULTS }) @IsIn(RISK_RESULTS) result: RiskResult;
  @ApiProperty({ enum: DANGER_KINDS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(DANGER_KINDS, { each: true })
  dangerKinds: DangerKind[];
  @ApiPropertyOptional({ description: 'Which of the case’s children (index into its birth dates); default 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(19)
  childIndex?: number;
  @ApiProperty({ enum: SEXES }) @IsIn(SEXES) childSex: Sex;
  @ApiProperty({ enum: HELP_KINDS, isArray: true, description: 'Help received before the assessment' })
  @IsArray()
  @ArrayUnique()
  @IsIn(HELP_KINDS, { each: true })
  existingHelp: HelpKind[];
  @ApiProperty({ enum: HELP_KINDS, isArray: true, description: 'Help newly started or planned' })
  @IsArray()
  @ArrayUnique()
  @IsIn(HELP_KINDS, { each: true })
  newHelp: HelpKind[];
  @ApiProperty({ description: 'The family court was called (§ 8a Abs. 2)' }) @IsBoolean() familyCourt: boolean;
  @ApiProperty({ description: 'The assessment itself; sealed' }) @IsString() @MinLength(1) @MaxLength(20_000) details: string;
  @ApiPropertyOptional({ example: 'P9M', description: 'Expected duration of help; required unless the result is none' })
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  expectedHelpDuration?: string;
}

export class ImmediateProtectionDto {
  @ApiProperty({
    enum: PROTECTION_MEASURES,
    description: 'protective_custody (§ 42 Inobhutnahme), family_court (§ 8a Abs. 2: the family court is called) or other',
  })
  @IsIn(PROTECTION_MEASURES)
  measure: ProtectionMeasure;
  @ApiPropertyOptional({ example: '2026-11-20T22:15:00+01:00', description: 'When the measure was taken (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  takenAt?: string;
  @ApiPropertyOptional({ description: 'Why this measure; required unless the child was taken into care (§ 42); sealed' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  reason?: string;
}

export class HelpPlanDto {
  @ApiProperty({ example: '2026-11-20' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  planDate: string;
  @ApiPropertyOptional({ example: '2027-05-20', description: 'First review (default: plan date + the definition’s interval)' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  reviewAt?: string;
  @ApiProperty({ enum: HELP_KINDS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(HELP_KINDS, { each: true })
  helpKinds: HelpKind[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  goals: string[];
  @ApiProperty({ description: 'What was agreed, who does what' }) @IsString() @MinLength(1) @MaxLength(20_000) agreements: string;
  @ApiProperty({ type: [String], description: 'Who took part in drawing up the plan (§ 36)' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  participants: string[];
}

export class HelpPlanReviewDto {
  @ApiProperty({ example: '2027-05-20' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  reviewedAt: string;
  @ApiPropertyOptional({ example: '2027-11-20' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  nextReviewAt?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20_000) notes: string;
}

export class LegalHoldDto {
  @ApiProperty({ description: 'true hält die Akte über ihr Löschdatum hinaus (Sperrvermerk); false hebt die Sperre auf' })
  @IsBoolean()
  hold: boolean;

  @ApiProperty({ description: 'Begründung des Setzens oder Aufhebens (z. B. laufendes Gerichtsverfahren); verschlüsselt gespeichert' })
  @IsString({ message: 'Bitte geben Sie eine Begründung für den Sperrvermerk an.' })
  @MinLength(3, { message: 'Bitte geben Sie eine Begründung für den Sperrvermerk an (mindestens 3 Zeichen).' })
  @MaxLength(2000, { message: 'Die Begründung darf höchstens 2000 Zeichen lang sein.' })
  reason: string;
}

export class StatisticsQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: 11 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class StatisticsSummaryQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ example: 11 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
  @ApiPropertyOptional({ enum: STATISTIC_DIMENSIONS, default: 'result' })
  @IsOptional()
  @IsIn(STATISTIC_DIMENSIONS)
  dimension?: StatisticDimension;
}

export class TimeEntryDto {
  @ApiProperty({ example: '2026-11-20' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  date: string;
  @ApiProperty({ example: 90, description: 'Minutes, at most a day' }) @IsInt() @Min(1) @Max(1440) minutes: number;
  @ApiPropertyOptional({ example: '09:30', description: 'Start (entries with a start must not overlap)' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Bitte eine Uhrzeit im Format HH:MM angeben (z. B. 08:30).' })
  start?: string;
  @ApiProperty({ enum: TIME_KINDS, description: 'case, preventive (fallunspezifische Sozialraumarbeit) or other' })
  @IsIn(TIME_KINDS)
  kind: TimeKind;
  @ApiPropertyOptional({ description: 'Required for preventive work' }) @IsOptional() @IsUUID() socialSpaceId?: string;
  @ApiPropertyOptional({ description: 'Required for case time' }) @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ example: 'Sozialraumkonferenz Teltow', description: 'Not for case time' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-11-01' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  from: string;
  @ApiProperty({ example: '2026-11-30' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  to: string;
}

export class TimeReportQueryDto extends PeriodDto {
  @ApiPropertyOptional({ enum: ['person', 'team', 'social_space'], default: 'person' })
  @IsOptional()
  @IsIn(['person', 'team', 'social_space'])
  groupBy?: 'person' | 'team' | 'social_space';
}

export class RetentionScheduleDto {
  @ApiPropertyOptional({ example: 2, description: 'Hour of the daily run (Europe/Berlin), default 2' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  hour?: number;
  @ApiPropertyOptional({ example: 100 }) @IsOptional() @IsInt() @Min(1) @Max(1000) batchSize?: number;
}
