import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CONTRACT_PARTNER_KINDS, ContractPartnerKind } from '@sro/reference-data';
import { PagingDto } from '../../common/paging.dto';

/** A contact of the organisation (office, coordinator), not of a client. */
export class ContactDto {
  @ApiProperty({ example: 'Geschäftsführung' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  role: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[+0-9 ()/-]{3,40}$/)
  phone?: string;
}

export class PartnerDto {
  @ApiProperty({ example: 'Familienzentrum Havelland e.V.' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: CONTRACT_PARTNER_KINDS })
  @IsIn(CONTRACT_PARTNER_KINDS)
  kind: ContractPartnerKind;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  socialSpaceIds: string[];

  @ApiProperty({ example: '2012-06-01', description: 'Beitrittserklärung' })
  @IsDateString({ strict: true })
  accessionDate: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  exitDate?: string;

  @ApiProperty({ type: [ContactDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactDto)
  contacts: ContactDto[];
}

export class ExitDto {
  @ApiProperty({ example: '2026-12-31' })
  @IsDateString({ strict: true })
  exitDate: string;

  @ApiPropertyOptional({ example: 'Träger hat den Betrieb im Sozialraum eingestellt', description: 'Why the partner leaves' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class PartnerQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: CONTRACT_PARTNER_KINDS })
  @IsOptional()
  @IsIn(CONTRACT_PARTNER_KINDS)
  kind?: ContractPartnerKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  socialSpaceId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** A social space a partner works in. */
export class PartnerSocialSpaceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'SR01' })
  code: string;

  @ApiProperty({ example: 'Sozialraum Teltow' })
  name: string;

  @ApiProperty({ format: 'uuid' })
  planningRegionId: string;
}

/** A Sozialraumvertragspartner as the registry holds it. */
export class ContractPartnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'VP-3FA2C1' })
  code: string;

  @ApiProperty({ example: 'Familienzentrum Havelland e.V.' })
  name: string;

  @ApiProperty({ enum: CONTRACT_PARTNER_KINDS })
  kind: ContractPartnerKind;

  @ApiProperty({ format: 'date', description: 'Beitrittserklärung' })
  accessionDate: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  exitDate: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the partner left' })
  exitReason: string | null;

  @ApiProperty({ type: [PartnerSocialSpaceDto] })
  socialSpaces: PartnerSocialSpaceDto[];

  @ApiProperty({ type: [ContactDto] })
  contacts: ContactDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Who changed it last' })
  updatedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class ContractPartnerPageDto {
  @ApiProperty({ type: [ContractPartnerDto] })
  items: ContractPartnerDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  limit: number;

  @ApiProperty()
  offset: number;
}
