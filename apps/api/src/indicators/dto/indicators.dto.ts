import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
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

const DIRECTIONS = ['need', 'resource'] as const;
const LEVELS = ['social_space', 'municipality'] as const;

/** The editable fields of a catalogue indicator. */
export class IndicatorFieldsDto {
  @ApiProperty({ example: 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften', description: 'Name (deutsch)' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '%', description: 'Einheit' }) @IsString() @MinLength(1) @MaxLength(40) unit: string;

  @ApiProperty({ enum: DIRECTIONS, description: 'need: ein höherer Wert bedeutet mehr Bedarf; resource: mehr Ressourcen' })
  @IsIn(DIRECTIONS)
  direction: (typeof DIRECTIONS)[number];

  @ApiProperty({ example: 'Statistik der Bundesagentur für Arbeit', description: 'Quelle' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  source: string;

  @ApiProperty({ enum: LEVELS, description: 'Ebene der Werte: je Sozialraum oder je Kommune' })
  @IsIn(LEVELS)
  level: (typeof LEVELS)[number];

  @ApiPropertyOptional({ description: 'Beschreibung, Definition' }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

export class CreateIndicatorDto extends IndicatorFieldsDto {
  @ApiProperty({ example: 'sgb2-kinder', description: 'Schlüssel: Kleinbuchstaben, Ziffern, _ oder -' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/)
  key: string;
}

export class IndicatorImportDto {
  @ApiProperty({
    description: 'CSV im deutschen Format: Kopfzeile Indikator;Sozialraum;Kommune;Wert, Semikolon, Dezimalkomma',
    example: 'Indikator;Sozialraum;Kommune;Wert\nsgb2-kinder;SR01;;12,5',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500_000)
  csv: string;
}

export class IndicatorValueInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Sozialraum (bei Indikatoren je Sozialraum)' })
  @IsOptional()
  @IsUUID()
  socialSpaceId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Kommune (bei Indikatoren je Kommune)' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;
  @ApiProperty({ example: 12.5 }) @IsDefined() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-1e12) @Max(1e12) value: number;
}

export class IndexWeightDto {
  @ApiProperty({ example: 'sgb2-kinder' }) @IsString() @MinLength(1) @MaxLength(64) indicatorKey: string;
  @ApiProperty({ example: 1, description: 'Gewicht; 0 = nicht einbezogen' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  weight: number;
}

export class IndexMethodInputDto {
  @ApiProperty({ type: [IndexWeightDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndexWeightDto)
  weights: IndexWeightDto[];

  @ApiPropertyOptional({ example: 'Arbeitslosenquote stärker gewichtet' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ProfileQueryDto {
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year?: number;
}

export class RankingQueryDto {
  @ApiPropertyOptional({ description: 'Methodenversion; ohne: die aktuelle' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  methodVersion?: number;
}

export class JhaReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Planregion; ohne: der ganze Landkreis (nur Administration)' })
  @IsOptional()
  @IsUUID()
  planningRegionId?: string;
}

class BoundaryGeometryInputDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] }) @IsString() @MaxLength(20) type: string;
  @ApiProperty({ description: 'GeoJSON-Koordinaten [Länge, Breite]', type: 'array', items: {} }) @IsArray() coordinates: unknown[];
}

class BoundaryFeatureDto {
  @ApiProperty({ example: 'Feature' }) @IsString() @MaxLength(20) type: string;
  @ApiProperty({ description: 'code (z. B. SR01) oder name des Sozialraums', example: { code: 'SR01' } }) @IsObject() properties: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: BoundaryGeometryInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BoundaryGeometryInputDto)
  geometry: BoundaryGeometryInputDto;
}

export class BoundaryImportDto {
  @ApiProperty({ example: 'FeatureCollection' }) @IsIn(['FeatureCollection']) type: 'FeatureCollection';

  @ApiProperty({ type: [BoundaryFeatureDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BoundaryFeatureDto)
  features: BoundaryFeatureDto[];

  @ApiPropertyOptional({ description: 'Schematische (nicht amtliche) Grenzen' }) @IsOptional() @IsBoolean() schematic?: boolean;
}
