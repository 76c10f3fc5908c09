import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { AGREEMENT_KINDS, AGREEMENT_PARTY_KINDS, AgreementKind, AgreementPartyKind } from '@sro/agreements';
import { AGREEMENT_STATUSES, AgreementStatus } from '@sro/workflows/contracts';
import { PagingDto } from '../../common/paging.dto';

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class AgreementPartyDto {
  @ApiProperty({ enum: AGREEMENT_PARTY_KINDS }) @IsIn(AGREEMENT_PARTY_KINDS) kind: AgreementPartyKind;
  @ApiPropertyOptional({ description: 'Contract partner or municipality id' }) @IsOptional() @IsUUID() refId?: string;
  @ApiPropertyOptional({ example: 'Landkreis Potsdam-Mittelmark', description: 'Only for the Landkreis' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;
}

export class AttachmentDto {
  @ApiProperty({ example: 'Anlage1-Leistungsbeschreibung.pdf' }) @IsString() @MinLength(1) @MaxLength(255) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) @Matches(/^[\w.+-]+\/[\w.+-]+$/) mediaType: string;
  @ApiProperty() @IsInt() @Min(0) @Max(100 * 1024 * 1024) sizeBytes: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-f0-9]{64}$/) sha256?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class AgreementMetaDto {
  @ApiProperty({ example: 'Kooperationsvereinbarung Familienzentrum Teltow' }) @IsString() @MinLength(3) @MaxLength(300) title: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) @IsIn(AGREEMENT_KINDS) kind: AgreementKind;
  @ApiProperty({ type: [AgreementPartyDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyDto)
  parties: AgreementPartyDto[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) socialSpaceIds: string[];
}

export class VersionDto {
  @ApiProperty({ description: 'The text of the agreement' }) @IsString() @MinLength(1) @MaxLength(200_000) body: string;
  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
  @ApiProperty({ example: '2027-01-01' }) @IsDateString({ strict: true }) validFrom: string;
  @ApiProperty({ example: '2029-12-31' }) @IsDateString({ strict: true }) validUntil: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) changeNote?: string;
}

export class CreateAgreementDto extends AgreementMetaDto {
  @ApiProperty() @IsUUID() planningRegionId: string;
  @ApiProperty({ description: 'The text of the agreement' }) @IsString() @MinLength(1) @MaxLength(200_000) body: string;
  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
  @ApiProperty({ example: '2027-01-01' }) @IsDateString({ strict: true }) validFrom: string;
  @ApiProperty({ example: '2029-12-31' }) @IsDateString({ strict: true }) validUntil: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) changeNote?: string;
}

export class ApproverDto {
  @ApiProperty({ example: 'parties' }) @Matches(KEY) stageKey: string;
  @ApiProperty({ example: 'municipality' }) @Matches(KEY) partyKey: string;
  @ApiProperty({ type: [String], example: ['demo-approver'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  approverIds: string[];
}

export class SubmitAgreementDto {
  @ApiPropertyOptional({
    type: [ApproverDto],
    description: 'For every party of every stage; a resubmission without it reuses the previous ones',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ApproverDto)
  approvers?: ApproverDto[];
  @ApiPropertyOptional({ description: 'The Jugendhilfeausschuss decides too (optional committee stage)' })
  @IsOptional()
  @IsBoolean()
  committeeRequired?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Other optional stages to include' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(KEY, { each: true })
  optionalStages?: string[];
}

export class DecisionDto {
  @ApiProperty({ example: 'parties' }) @Matches(KEY) stageKey: string;
  @ApiPropertyOptional({ example: 'landkreis', description: 'Needed only when you are named for several parties of the stage' })
  @IsOptional()
  @Matches(KEY)
  partyKey?: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) decision: 'approve' | 'reject';
  @ApiPropertyOptional({ description: 'Required when rejecting' }) @IsOptional() @IsString() @MaxLength(5000) comment?: string;
  @ApiPropertyOptional({ example: 'JHA-2026/017', description: 'Committee stages' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  resolutionNumber?: string;
  @ApiPropertyOptional({ example: '2026-11-20', description: 'Committee stages' })
  @IsOptional()
  @IsDateString({ strict: true })
  resolutionDate?: string;
}

export class TerminateDto {
  @ApiProperty({ example: 'Träger hat den Betrieb eingestellt' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class AgreementQueryDto extends PagingDto {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES }) @IsOptional() @IsIn(AGREEMENT_STATUSES) status?: AgreementStatus;
}
