import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ALL_ROLES, Role } from '@sro/common';
import { TEAM_KINDS, TeamKind } from '@sro/reference-data';
import { PagingDto } from '../../common/paging.dto';

/** The admin-set fields of a person (a PUT replaces all of them). */
export class UserBodyDto {
  @ApiProperty({ example: 'Anna Beispiel' })
  @IsString({ message: 'Der Name ist anzugeben.' })
  @MinLength(2, { message: 'Der Name ist zu kurz (mindestens 2 Zeichen).' })
  @MaxLength(200, { message: 'Der Name ist zu lang (höchstens 200 Zeichen).' })
  displayName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'anna.beispiel@jugendamt.example' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'Die E-Mail-Adresse ist ungültig.' })
  @MaxLength(320, { message: 'Die E-Mail-Adresse ist zu lang.' })
  email?: string | null;

  @ApiProperty({ enum: ALL_ROLES, isArray: true, description: 'caseworker, lead (Leitung), coordinator, admin, adviser, approver' })
  @IsArray({ message: 'Die Rollen sind als Liste anzugeben.' })
  @ArrayMaxSize(ALL_ROLES.length, { message: 'Zu viele Rollen.' })
  @IsIn(ALL_ROLES, { each: true, message: `Unbekannte Rolle; möglich sind: ${ALL_ROLES.join(', ')}.` })
  roles: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray({ message: 'Die Planregionen sind als Liste anzugeben.' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Keine gültige Planregion-Kennung.' })
  planningRegionIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Social spaces the person works in (case data needs at least one)' })
  @IsOptional()
  @IsArray({ message: 'Die Sozialräume sind als Liste anzugeben.' })
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true, message: 'Keine gültige Sozialraum-Kennung.' })
  socialSpaceIds?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Keine gültige Team-Kennung.' })
  teamId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'External advisers: their organisation (required for them)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'Die Organisation ist als Text anzugeben.' })
  @MaxLength(300, { message: 'Die Organisation ist zu lang.' })
  organisation?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'External advisers: fields of expertise' })
  @IsOptional()
  @IsArray({ message: 'Die Fachgebiete sind als Liste anzugeben.' })
  @ArrayMaxSize(30, { message: 'Höchstens 30 Fachgebiete.' })
  @IsString({ each: true, message: 'Ein Fachgebiet ist als Text anzugeben.' })
  @MaxLength(200, { each: true, message: 'Ein Fachgebiet ist zu lang.' })
  expertise?: string[];
}

export class CreateUserDto extends UserBodyDto {
  @ApiProperty({ description: 'The token subject (`sub`) the person signs in with', example: 'f3a1c2d4-…' })
  @IsString({ message: 'Die Kennung ist anzugeben.' })
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'Die Kennung besteht aus 1–200 sichtbaren Zeichen ohne Leerzeichen.' })
  id: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UserQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES, { message: `Unbekannte Rolle; möglich sind: ${ALL_ROLES.join(', ')}.` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'Keine gültige Team-Kennung.' })
  teamId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active ist true oder false.' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of id, name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Der Suchbegriff ist zu lang.' })
  search?: string;
}

export class StaffUserDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) planningRegionIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) socialSpaceIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty({ enum: ['seed', 'admin', 'jit'], description: 'demo seed, created by an admin, or at the first sign-in' })
  provisionedBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deactivatedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class StaffUserPageDto {
  @ApiProperty({ type: [StaffUserDto] }) items: StaffUserDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class OpenCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() pseudonym: string;
  @ApiProperty({ enum: ['fallteam', 'jugendhilfedienst'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) socialSpaceId: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class OpenCaseListDto {
  @ApiProperty({ type: [OpenCaseDto] }) items: OpenCaseDto[];
}

export class DeactivationDto {
  @ApiProperty({ type: StaffUserDto }) user: StaffUserDto;
  @ApiProperty({
    type: [OpenCaseDto],
    description: 'Open cases still assigned to the person: transfer them (nothing is reassigned automatically)',
  })
  openCases: OpenCaseDto[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Teams the person still leads' })
  ledTeamIds: string[];
}

export class TeamBodyDto {
  @ApiProperty({ example: 'ASD-Team Planregion 1' })
  @IsString({ message: 'Der Name des Teams ist anzugeben.' })
  @MinLength(2, { message: 'Der Name des Teams ist zu kurz.' })
  @MaxLength(200, { message: 'Der Name des Teams ist zu lang.' })
  name: string;

  @ApiProperty({ enum: TEAM_KINDS, description: 'asd_team (ASD-Team) or regional_team (Regionalteam)' })
  @IsIn(TEAM_KINDS, { message: 'Art des Teams: asd_team (ASD-Team) oder regional_team (Regionalteam).' })
  kind: TeamKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'Keine gültige Planregion-Kennung.' })
  planningRegionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'User id of the lead (role lead)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString({ message: 'Die Leitung ist als Kennung einer Person anzugeben.' })
  @MaxLength(200)
  leadId?: string | null;
}

export class TeamQueryDto extends PagingDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'Keine gültige Planregion-Kennung.' })
  planningRegionId?: string;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TEAM_KINDS }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planningRegionId: string | null;
  @ApiProperty({ type: String, nullable: true }) leadId: string | null;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class TeamDetailDto extends TeamDto {
  @ApiProperty({ type: [String], description: 'Active members' }) memberIds: string[];
}

export class TeamPageDto {
  @ApiProperty({ type: [TeamDto] }) items: TeamDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class AdviserQueryDto extends PagingDto {
  @ApiPropertyOptional({ description: 'Part of the name, organisation or a field of expertise' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Der Suchbegriff ist zu lang.' })
  search?: string;
}

/** An external adviser a caseworker can invite (active only). */
export class AdviserDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;
  @ApiProperty({ type: [String] }) expertise: string[];
}

export class AdviserPageDto {
  @ApiProperty({ type: [AdviserDto] }) items: AdviserDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** A colleague a coordinator can name (interviewer, member of a lokale Verantwortungsgemeinschaft, approver), and whose name a history shows. */
export class ColleagueDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ALL_ROLES, isArray: true }) roles: string[];
}

export class ColleagueListDto {
  @ApiProperty({ type: [ColleagueDto] }) items: ColleagueDto[];
}
