import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsDefined,
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
import { PagingDto } from '../../common/paging.dto';

const MEMBER_KINDS = ['user', 'contract_partner', 'municipality'] as const;

export class MemberDto {
  @ApiProperty({ enum: MEMBER_KINDS }) @IsIn(MEMBER_KINDS) kind: (typeof MEMBER_KINDS)[number];
  @ApiProperty({ description: 'Id of the user, contract partner or municipality' }) @IsString() @MinLength(1) @MaxLength(100) refId: string;
  @ApiProperty({ example: 'Schulsozialarbeit' }) @IsString() @MinLength(1) @MaxLength(200) function: string;
}

export class StartProcessDto {
  @ApiProperty() @IsUUID() socialSpaceId: string;

  @ApiPropertyOptional({ type: [MemberDto], description: 'Members of the lokale Verantwortungsgemeinschaft' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members?: MemberDto[];
}

export class DeliverableDto {
  @ApiProperty({
    description:
      'Typed by the deliverable (boundaries, analysis, events, goals, measures, monitoring, text...); checked by the same validator the workflow runs',
  })
  @IsDefined()
  value: unknown;
}

export class CompletionDeliverableDto {
  @ApiProperty({ example: 'boundaries', description: "Key of one of the phase's deliverables" })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/)
  key: string;

  @ApiProperty({ description: 'Typed by the deliverable, as for PUT …/deliverables/{deliverableKey}' })
  @IsDefined()
  value: unknown;
}

export class CompletePhaseDto {
  @ApiPropertyOptional({
    type: CompletionDeliverableDto,
    description: "The phase's last deliverable, saved with the completion as one change; nothing is saved when the completion is refused",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompletionDeliverableDto)
  deliverable?: CompletionDeliverableDto;
}

export class ExtensionDto {
  @ApiProperty({ example: '2027-03-31T00:00:00Z' }) @IsDateString() dueAt: string;
  @ApiProperty({ example: 'Beteiligungsveranstaltung wegen Kommunalwahl verschoben' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ReasonDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export const PROCESS_STATUSES = ['running', 'paused', 'completed', 'cancelled'] as const;

export class ProcessQueryDto extends PagingDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() planningRegionId?: string;
  @ApiPropertyOptional({ enum: PROCESS_STATUSES }) @IsOptional() @IsIn(PROCESS_STATUSES) status?: (typeof PROCESS_STATUSES)[number];
}

export class BudgetAmountDto {
  @ApiPropertyOptional({ description: "Euro cents; without it the definition's yearly default", example: 500000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  amountCents?: number;
}

export class ReversalDto {
  @ApiProperty({ example: 'Maßnahme entfällt, Träger hat abgesagt' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class SpendingDto {
  @ApiProperty({ description: 'Euro cents', example: 45000 }) @IsInt() @Min(1) @Max(100_000_000_000) amountCents: number;
  @ApiProperty({ example: '2026-11-20', description: 'Date of the payment' })
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  spentOn: string;
  @ApiPropertyOptional({ example: 'Rechnung Nr. 2026-118' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AllocationDto {
  @ApiProperty({ enum: ['measure', 'initiative'] }) @IsIn(['measure', 'initiative']) kind: 'measure' | 'initiative';
  @ApiProperty({ example: 'Jugendraum einrichten' }) @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() processId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/) measureKey?: string;
  @ApiProperty({ description: 'Euro cents', example: 150000 }) @IsInt() @Min(1) @Max(100_000_000_000) amountCents: number;
}
