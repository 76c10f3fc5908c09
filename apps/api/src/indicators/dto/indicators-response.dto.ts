import { ApiProperty } from '@nestjs/swagger';

const DIRECTIONS = ['need', 'resource'];
const LEVELS = ['social_space', 'municipality'];

export class IndicatorDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: 'need' | 'resource';
  @ApiProperty() source: string;
  @ApiProperty({ enum: LEVELS }) level: 'social_space' | 'municipality';
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ description: 'Erfundene Demodaten' }) invented: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class IndicatorYearsDto {
  @ApiProperty({ type: [Number], description: 'Jahre mit Werten' }) years: number[];
}

export class ImportResultDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Ersetzte Werte des Jahres' }) replaced: number;
  @ApiProperty({ description: 'Übernommene Werte' }) imported: number;
}

export class IndicatorValueDto {
  @ApiProperty() indicatorKey: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) socialSpaceId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) municipalityId: string | null;
  @ApiProperty() value: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Der ersetzte Wert' }) previous: number | null;
}

export class SpaceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SR01' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) planningRegionId: string;
  @ApiProperty() planningRegionName: string;
}

export class TrendPointDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) districtAverage: number | null;
}

export class MunicipalityValueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
}

export class ProfileIndicatorDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: 'need' | 'resource';
  @ApiProperty({ enum: LEVELS }) level: 'social_space' | 'municipality';
  @ApiProperty() source: string;
  @ApiProperty() invented: boolean;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Durchschnitt des Landkreises' }) districtAverage: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Wert minus Durchschnitt' }) deviation: number | null;
  @ApiProperty({ type: Number, nullable: true }) deviationPercent: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Veränderung zum Vorjahr' }) change: number | null;
  @ApiProperty({ type: [TrendPointDto] }) trend: TrendPointDto[];
  @ApiProperty({ type: [MunicipalityValueDto] }) municipalities: MunicipalityValueDto[];
}

export class ContributionDto {
  @ApiProperty() indicatorKey: string;
  @ApiProperty({ description: 'Beitrag zum Gesamtwert (Summe = Abweichung vom Durchschnitt / 10)' }) contribution: number;
  @ApiProperty({ description: 'z-Wert' }) z: number;
}

export class FullContributionDto extends ContributionDto {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ description: 'z-Wert in Richtung Bedarf' }) alignedZ: number;
}

export class ProfileIndexDto {
  @ApiProperty() methodVersion: number;
  @ApiProperty({ type: Number, nullable: true }) needIndex: number | null;
  @ApiProperty({ type: Number, nullable: true }) resourceIndex: number | null;
  @ApiProperty() combinedIndex: number;
  @ApiProperty() rank: number;
  @ApiProperty({ description: 'Anzahl der Sozialräume im Vergleich' }) of: number;
  @ApiProperty({ type: [ContributionDto] }) contributions: ContributionDto[];
}

export class SpaceProfileDto {
  @ApiProperty({ type: SpaceRefDto }) socialSpace: SpaceRefDto;
  @ApiProperty() year: number;
  @ApiProperty({ type: [Number] }) years: number[];
  @ApiProperty({ description: 'Enthält erfundene Demodaten' }) invented: boolean;
  @ApiProperty({ type: [ProfileIndicatorDto] }) indicators: ProfileIndicatorDto[];
  @ApiProperty({ type: ProfileIndexDto, nullable: true }) index: ProfileIndexDto | null;
}

export class IndexMethodDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Gewicht je Indikator' }) weights: Record<
    string,
    number
  >;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class RankingEntryDto {
  @ApiProperty({ format: 'uuid' }) socialSpaceId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) planningRegionId: string;
  @ApiProperty() planningRegionName: string;
  @ApiProperty({ type: Number, nullable: true }) needIndex: number | null;
  @ApiProperty({ type: Number, nullable: true }) resourceIndex: number | null;
  @ApiProperty({ description: '100 = Durchschnitt, höher = mehr Bedarf' }) combinedIndex: number;
  @ApiProperty({ description: '1 = höchster Bedarf' }) rank: number;
  @ApiProperty({ type: Number, nullable: true }) previousRank: number | null;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
  @ApiProperty({ type: [FullContributionDto] }) contributions: FullContributionDto[];
}

export class RankingDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: IndexMethodDto }) method: IndexMethodDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) computedAt: Date | null;
  @ApiProperty({ type: [RankingEntryDto] }) items: RankingEntryDto[];
}

export class IndexPointDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: Number, nullable: true }) needIndex: number | null;
  @ApiProperty({ type: Number, nullable: true }) resourceIndex: number | null;
  @ApiProperty() combinedIndex: number;
  @ApiProperty() rank: number;
}

export class IndexSeriesDto {
  @ApiProperty({ format: 'uuid' }) socialSpaceId: string;
  @ApiProperty({ type: IndexMethodDto }) method: IndexMethodDto;
  @ApiProperty({ type: [IndexPointDto] }) points: IndexPointDto[];
}

export class BoundaryGeometryDto {
  @ApiProperty({ enum: ['Polygon', 'MultiPolygon'] }) type: 'Polygon' | 'MultiPolygon';
  @ApiProperty({ type: 'array', items: {}, description: 'GeoJSON-Koordinaten [Länge, Breite]' }) coordinates: unknown;
}

export class MapSpaceDto extends SpaceRefDto {
  @ApiProperty({ type: BoundaryGeometryDto, nullable: true }) geometry: BoundaryGeometryDto | null;
}

export class SocialSpaceMapDto {
  @ApiProperty({ description: 'Schematische Grenzen (nicht amtlich)' }) schematic: boolean;
  @ApiProperty({ type: [MapSpaceDto] }) spaces: MapSpaceDto[];
}

export class SuppressedCountDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null, wenn unterdrückt (kleine Fallzahl)' }) count: number | null;
  @ApiProperty({ example: '<5' }) display: string;
}

export class ResultCountDto extends SuppressedCountDto {
  @ApiProperty() result: string;
  @ApiProperty() label: string;
}

export class JhaPhaseDto {
  @ApiProperty({ format: 'uuid' }) processId: string;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: Number, nullable: true }) phaseNumber: number | null;
  @ApiProperty({ type: String, nullable: true }) phaseTitle: string | null;
  @ApiProperty() overdue: boolean;
}

export class JhaAllocationDto {
  @ApiProperty() title: string;
  @ApiProperty() kind: string;
  @ApiProperty() allocatedCents: number;
  @ApiProperty() spentCents: number;
}

export class JhaBudgetDto {
  @ApiProperty() amountCents: number;
  @ApiProperty() allocatedCents: number;
  @ApiProperty() spentCents: number;
  @ApiProperty({ type: [JhaAllocationDto] }) allocations: JhaAllocationDto[];
}

export class JhaIndexDto {
  @ApiProperty() rank: number;
  @ApiProperty({ type: Number, nullable: true }) previousRank: number | null;
  @ApiProperty() combinedIndex: number;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
}

export class JhaSpaceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() planningRegionName: string;
  @ApiProperty({ type: JhaPhaseDto, nullable: true }) phase: JhaPhaseDto | null;
  @ApiProperty({ type: JhaBudgetDto, nullable: true }) budget: JhaBudgetDto | null;
  @ApiProperty({ type: JhaIndexDto, nullable: true }) index: JhaIndexDto | null;
  @ApiProperty({ type: SuppressedCountDto }) riskAssessments: SuppressedCountDto;
}

export class JhaScopeDto {
  @ApiProperty({ enum: ['district', 'planning_region'] }) kind: 'district' | 'planning_region';
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) planningRegionId: string | null;
  @ApiProperty() name: string;
}

export class JhaInterviewsDto {
  @ApiProperty({ type: Number, nullable: true }) cycleNumber: number | null;
  @ApiProperty() total: number;
  @ApiProperty() done: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Rücklaufquote 0–1' }) responseRate: number | null;
}

export class JhaRiskDto {
  @ApiProperty({ type: SuppressedCountDto }) total: SuppressedCountDto;
  @ApiProperty({ type: [ResultCountDto] }) byResult: ResultCountDto[];
}

export class JhaPreventiveDto {
  @ApiProperty() caseMinutes: number;
  @ApiProperty() preventiveMinutes: number;
  @ApiProperty() otherMinutes: number;
  @ApiProperty({ type: Number, nullable: true }) share: number | null;
  @ApiProperty() target: number;
}

export class JhaReportIndexDto {
  @ApiProperty() methodVersion: number;
  @ApiProperty() spacesRanked: number;
}

export class JhaReportDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: JhaScopeDto }) scope: JhaScopeDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: [JhaSpaceDto] }) spaces: JhaSpaceDto[];
  @ApiProperty({ type: JhaInterviewsDto }) interviews: JhaInterviewsDto;
  @ApiProperty({ type: JhaRiskDto }) riskAssessments: JhaRiskDto;
  @ApiProperty({ type: JhaPreventiveDto, nullable: true }) preventive: JhaPreventiveDto | null;
  @ApiProperty({ type: JhaReportIndexDto, nullable: true }) index: JhaReportIndexDto | null;
  @ApiProperty() inventedIndicators: boolean;
}
