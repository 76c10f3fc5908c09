import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
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
  AGENDA_REF_KINDS,
  AgendaRefKind,
  ATTENDANCE_STATUSES,
  AttendanceStatus,
  COMMITTEE_KINDS,
  COMMITTEE_MEMBER_KINDS,
  CommitteeKind,
  CommitteeMemberKind,
} from '@sro/gremien';
import { PagingDto } from '../../common/paging.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CommitteeQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: COMMITTEE_KINDS, description: 'Nur Gremien dieser Art' })
  @IsOptional()
  @IsIn(COMMITTEE_KINDS)
  kind?: CommitteeKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Nur Gremien dieser Planregion' })
  @IsOptional()
  @IsUUID()
  planningRegionId?: string;
}

export class CreateCommitteeDto {
  @ApiProperty({
    enum: COMMITTEE_KINDS,
    description: 'Sozialraumkonferenz (je Sozialraum), Regionalteam, Fallteam (je Planregion), Jugendhilfeausschuss (Landkreis)',
  })
  @IsIn(COMMITTEE_KINDS)
  kind: CommitteeKind;

  @ApiProperty({ example: 'Sozialraumkonferenz Teltow' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Planregion (Regionalteam, Fallteam)' })
  @IsOptional()
  @IsUUID()
  planningRegionId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Sozialraum (Sozialraumkonferenz)' })
  @IsOptional()
  @IsUUID()
  socialSpaceId?: string;
}

export class RenameCommitteeDto {
  @ApiProperty({ example: 'Sozialraumkonferenz Teltow' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;
}

export class AddMemberDto {
  @ApiProperty({
    enum: COMMITTEE_MEMBER_KINDS,
    description: 'Personal (user), externe Person (external) oder Vertragspartner (contract_partner)',
  })
  @IsIn(COMMITTEE_MEMBER_KINDS)
  kind: CommitteeMemberKind;

  @ApiPropertyOptional({ description: 'Kennung der Person aus dem Personal (bei user)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Vertragspartner (bei contract_partner)' })
  @IsOptional()
  @IsUUID()
  contractPartnerId?: string;

  @ApiPropertyOptional({ description: 'Name der externen Person (bei external)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Organisation der Person' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;

  @ApiPropertyOptional({ example: 'Moderation', description: 'Funktion im Gremium' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  function?: string;
}

export class AgendaItemInputDto {
  @ApiProperty({ example: 'Stand der Maßnahmen' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiPropertyOptional({ enum: AGENDA_REF_KINDS, description: 'Worauf der Punkt verweist' })
  @IsOptional()
  @IsIn(AGENDA_REF_KINDS)
  refKind?: AgendaRefKind;

  @ApiPropertyOptional({
    description: 'Kennung des Prozesses, der Vereinbarung, des Interviewzyklus; bei Maßnahmen `<Prozess>/<Maßnahmenschlüssel>`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refId?: string;
}

export class MeetingInputDto {
  @ApiProperty({ example: '2027-03-04T14:00:00Z', description: 'Beginn der Sitzung' })
  @IsDateString({ strict: true })
  startsAt: string;

  @ApiProperty({ example: 'Rathaus Teltow, Ratssaal' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  place: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Sozialraumprozess (Phase 6), zu dem diese Sozialraumkonferenz gehört',
  })
  @IsOptional()
  @IsUUID()
  sozialraumProcessId?: string | null;

  @ApiPropertyOptional({ type: [AgendaItemInputDto], description: 'Tagesordnung; ohne Angabe bleibt sie, wie sie ist' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgendaItemInputDto)
  agenda?: AgendaItemInputDto[];
}

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}

export class MinutesTaskInputDto {
  @ApiProperty({ example: 'Räume für das Elterncafé klären' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  title: string;

  @ApiProperty({ description: 'Kennung der zuständigen Person (Mitglied des Gremiums)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  assigneeId: string;

  @ApiProperty({ example: '2027-03-18', description: 'Frist (Datum)' })
  @Matches(DAY)
  @IsDateString({ strict: true })
  dueOn: string;
}

export class MinutesInputDto {
  @ApiProperty({ description: 'Verlauf und Ergebnisse der Sitzung' })
  @IsString()
  @MaxLength(20_000)
  summary: string;

  @ApiProperty({ type: [String], description: 'Beschlüsse' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  decisions: string[];

  @ApiProperty({ type: [MinutesTaskInputDto], description: 'Aufgaben mit zuständiger Person und Frist' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MinutesTaskInputDto)
  tasks: MinutesTaskInputDto[];
}

export class ApproveMinutesDto {
  @ApiProperty({ format: 'uuid', description: 'Die nächste Sitzung des Gremiums, in der das Protokoll genehmigt wird' })
  @IsUUID()
  atMeetingId: string;
}

export class ProviderNetworkInputDto {
  @ApiProperty({ example: 'Trägerverbund Teltow' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  socialSpaceId: string;

  @ApiProperty({ format: 'uuid', description: 'Federführender Träger (Mitglied des Verbunds)' })
  @IsUUID()
  leadPartnerId: string;

  @ApiProperty({ type: [String], description: 'Vertragspartner im Verbund' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  memberPartnerIds: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Kooperationsvereinbarung des Verbunds' })
  @IsOptional()
  @IsUUID()
  agreementId?: string | null;
}

export class ProviderNetworkQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  socialSpaceId?: string;
}

export class NetworkInterviewQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Interviewzyklus; ohne Angabe der neueste' })
  @IsOptional()
  @IsUUID()
  cycleId?: string;
}

export class NetworkBudgetQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
