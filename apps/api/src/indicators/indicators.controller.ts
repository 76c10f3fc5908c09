import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Audited } from '@sro/audit';
import { CurrentUser, Roles } from '@sro/auth';
import { DomainError, Principal, Role } from '@sro/common';
import { IndicatorService, JhaReportService, renderJhaReportPdf, SocialIndexService, SocialSpaceMapService } from '@sro/indicators';
import {
  BoundaryImportDto,
  CreateIndicatorDto,
  IndexMethodInputDto,
  IndicatorFieldsDto,
  IndicatorImportDto,
  IndicatorValueInputDto,
  JhaReportQueryDto,
  ProfileQueryDto,
  RankingQueryDto,
} from './dto/indicators.dto';
import {
  ImportResultDto,
  IndexMethodDto,
  IndexSeriesDto,
  IndicatorDto,
  IndicatorValueDto,
  IndicatorYearsDto,
  JhaReportDto,
  RankingDto,
  SocialSpaceMapDto,
  SpaceProfileDto,
} from './dto/indicators-response.dto';

const uuid = new ParseUUIDPipe();
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** Everyone who plans with the data reads it; need to know narrows profiles to the own planning regions. */
const READERS = [Role.Admin, Role.Coordinator, Role.Lead, Role.Caseworker];

function year(value: string): number {
  const n = Number(value);
  if (!/^\d{4}$/.test(value) || n < 1990 || n > 2100)
    throw DomainError.invalid('Das Jahr ist ungültig.', [
      { pointer: '/year', code: 'number.range', params: { min: 1990, max: 2100 }, message: 'Bitte ein Jahr von 1990 bis 2100 angeben.' },
    ]);
  return n;
}

function key(value: string): string {
  if (!KEY.test(value))
    throw DomainError.invalid('Die Adresse enthält einen ungültigen Schlüssel.', [
      { pointer: '/key', code: 'format.key', message: 'Bitte einen Schlüssel aus Kleinbuchstaben, Ziffern, _ oder - angeben.' },
    ]);
  return value;
}

/** The indicator catalogue (administration) and the yearly values (CSV import, manual entry). */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorService) {}

  @Get()
  @ApiOkResponse({ type: [IndicatorDto], description: 'Der Indikatorkatalog' })
  @Roles(...READERS)
  catalogue(): Promise<IndicatorDto[]> {
    return this.indicators.catalogue();
  }

  @Get('years')
  @ApiOkResponse({ type: IndicatorYearsDto, description: 'Die Jahre, für die Werte vorliegen' })
  @Roles(...READERS)
  async years(): Promise<IndicatorYearsDto> {
    return { years: await this.indicators.years() };
  }

  @Post()
  @ApiCreatedResponse({ type: IndicatorDto, description: 'Legt einen Indikator im Katalog an' })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'indicator', action: 'create', purpose: 'Indikatorkatalog' })
  create(@CurrentUser() user: Principal, @Body() body: CreateIndicatorDto): Promise<IndicatorDto> {
    const { key: k, ...fields } = body;
    return this.indicators.create(user, k, { ...fields, description: fields.description ?? null });
  }

  @Put(':key')
  @ApiOkResponse({ type: IndicatorDto, description: 'Ändert einen Indikator des Katalogs' })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'indicator', action: 'update', idParam: 'key', purpose: 'Indikatorkatalog' })
  update(@CurrentUser() user: Principal, @Param('key') k: string, @Body() body: IndicatorFieldsDto): Promise<IndicatorDto> {
    return this.indicators.update(user, key(k), { ...body, description: body.description ?? null });
  }

  @Post('imports/:year')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportResultDto,
    description:
      'Importiert die Werte eines Jahres aus CSV und ersetzt die bisherigen Werte des Jahres (in den eigenen Planregionen) vollständig oder gar nicht',
  })
  @Roles(Role.Admin, Role.Coordinator)
  @Audited({ resourceType: 'indicator-values', action: 'import', idParam: 'year', purpose: 'Sozialraumprofile' })
  import(@CurrentUser() user: Principal, @Param('year') y: string, @Body() body: IndicatorImportDto): Promise<ImportResultDto> {
    return this.indicators.importYear(user, year(y), body.csv);
  }

  @Put(':key/values/:year')
  @ApiOkResponse({ type: IndicatorValueDto, description: 'Erfasst einen Wert von Hand (ersetzt den bisherigen)' })
  @Roles(Role.Admin, Role.Coordinator)
  @Audited({ resourceType: 'indicator-values', action: 'set-value', idParam: 'year', detailParams: ['key'], purpose: 'Sozialraumprofile' })
  setValue(
    @CurrentUser() user: Principal,
    @Param('key') k: string,
    @Param('year') y: string,
    @Body() body: IndicatorValueInputDto,
  ): Promise<IndicatorValueDto> {
    return this.indicators.setValue(user, key(k), year(y), body);
  }
}

/** The profile of a social space: its indicators against the district, with trend. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('social-space-profiles')
export class ProfilesController {
  constructor(private readonly indicators: IndicatorService) {}

  @Get(':socialSpaceId')
  @ApiOkResponse({ type: SpaceProfileDto, description: 'Sozialraumprofil eines Jahres (ohne Jahr: das letzte mit Werten)' })
  @Roles(...READERS)
  @Audited({ resourceType: 'social-space-profile', action: 'read', idParam: 'socialSpaceId', purpose: 'Sozialraumplanung' })
  profile(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) id: string,
    @Query() query: ProfileQueryDto,
  ): Promise<SpaceProfileDto> {
    return this.indicators.profile(user, id, query.year);
  }
}

/** The Sozialindex: versioned methods, ranking per year, time series per social space. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('social-index')
export class SocialIndexController {
  constructor(private readonly index: SocialIndexService) {}

  @Get('methods')
  @ApiOkResponse({ type: [IndexMethodDto], description: 'Alle Methodenversionen, die neueste zuerst' })
  @Roles(...READERS)
  methods(): Promise<IndexMethodDto[]> {
    return this.index.methods();
  }

  @Post('methods')
  @ApiCreatedResponse({
    type: IndexMethodDto,
    description: 'Legt eine neue Methodenversion an und berechnet alle Jahre nach ihr; ältere Ergebnisse bleiben',
  })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'social-index-method', action: 'create', purpose: 'Sozialindex' })
  createMethod(@CurrentUser() user: Principal, @Body() body: IndexMethodInputDto): Promise<IndexMethodDto> {
    return this.index.createMethod(user, body.weights, body.note);
  }

  @Get('years/:year')
  @ApiOkResponse({ type: RankingDto, description: 'Rangfolge aller Sozialräume des Landkreises (anonymisierte Vergleichswerte)' })
  @Roles(...READERS)
  @Audited({ resourceType: 'social-index', action: 'read', idParam: 'year', purpose: 'Sozialraumplanung' })
  ranking(@Param('year') y: string, @Query() query: RankingQueryDto): Promise<RankingDto> {
    return this.index.ranking(year(y), query.methodVersion);
  }

  @Get('social-spaces/:socialSpaceId')
  @ApiOkResponse({ type: IndexSeriesDto, description: 'Zeitreihe eines Sozialraums' })
  @Roles(...READERS)
  @Audited({ resourceType: 'social-index', action: 'series', idParam: 'socialSpaceId', purpose: 'Sozialraumplanung' })
  series(
    @CurrentUser() user: Principal,
    @Param('socialSpaceId', uuid) id: string,
    @Query() query: RankingQueryDto,
  ): Promise<IndexSeriesDto> {
    return this.index.series(user, id, query.methodVersion);
  }
}

/** The social spaces' boundaries for the SVG map. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('social-space-map')
export class SocialSpaceMapController {
  constructor(private readonly map: SocialSpaceMapService) {}

  @Get()
  @ApiOkResponse({ type: SocialSpaceMapDto })
  @Roles(...READERS)
  get(): Promise<SocialSpaceMapDto> {
    return this.map.map();
  }

  @Put('boundaries')
  @ApiOkResponse({ type: SocialSpaceMapDto, description: 'Ersetzt alle Grenzen durch die einer GeoJSON-FeatureCollection' })
  @Roles(Role.Admin)
  @Audited({ resourceType: 'social-space-boundary', action: 'import', purpose: 'Sozialraumkarte' })
  importBoundaries(@CurrentUser() user: Principal, @Body() body: BoundaryImportDto): Promise<SocialSpaceMapDto> {
    return this.map.import(user, body.features, body.schematic ?? false);
  }
}

/** The report to the Jugendhilfeausschuss: JSON for the printable page, and a PDF. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('jha-reports')
export class JhaReportsController {
  constructor(private readonly reports: JhaReportService) {}

  @Get(':year')
  @ApiOkResponse({ type: JhaReportDto })
  @Roles(Role.Admin, Role.Coordinator, Role.Lead)
  @Audited({ resourceType: 'jha-report', action: 'read', idParam: 'year', purpose: 'Bericht an den Jugendhilfeausschuss' })
  report(@CurrentUser() user: Principal, @Param('year') y: string, @Query() query: JhaReportQueryDto): Promise<JhaReportDto> {
    return this.reports.report(user, year(y), query.planningRegionId);
  }

  @Get(':year/pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'Der Bericht als PDF', schema: { type: 'string', format: 'binary' } })
  @Roles(Role.Admin, Role.Coordinator, Role.Lead)
  @Audited({ resourceType: 'jha-report', action: 'export', idParam: 'year', purpose: 'Bericht an den Jugendhilfeausschuss' })
  async pdf(@CurrentUser() user: Principal, @Param('year') y: string, @Query() query: JhaReportQueryDto): Promise<StreamableFile> {
    const report = await this.reports.report(user, year(y), query.planningRegionId);
    return new StreamableFile(await renderJhaReportPdf(report), {
      type: 'application/pdf',
      disposition: `attachment; filename="jha-bericht-${report.year}.pdf"`,
    });
  }
}
