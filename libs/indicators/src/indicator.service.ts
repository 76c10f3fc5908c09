import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Principal } from '@sro/common';
import { IndicatorAccess } from './indicator-access';
import { parseIndicatorCsv, rowProblem } from './indicator-csv';
import { Indicator, IndicatorFields, IndicatorRepository, MunicipalityRef, NewValue, SpaceRef } from './indicator.repository';
import { meanAndDeviation } from './social-index';
import { SocialIndexService, spaceValues } from './social-index.service';

/** What an import did. */
export interface ImportResult {
  year: number;
  /** Values of the year (in the caller's social spaces) that the import replaced. */
  replaced: number;
  imported: number;
}

/** One indicator of a social space's profile. */
export interface ProfileIndicator {
  key: string;
  name: string;
  unit: string;
  direction: Indicator['direction'];
  level: Indicator['level'];
  source: string;
  invented: boolean;
  value: number | null;
  /** Mean of all social spaces (municipality indicators: of all municipalities) of the district. */
  districtAverage: number | null;
  /** value − districtAverage. */
  deviation: number | null;
  /** deviation in per cent of the district average; null when that is 0. */
  deviationPercent: number | null;
  /** value − the previous year's value. */
  change: number | null;
  trend: Array<{ year: number; value: number | null; districtAverage: number | null }>;
  municipalities: Array<{ id: string; name: string; value: number | null }>;
}

export interface SpaceProfile {
  socialSpace: SpaceRef;
  year: number;
  years: number[];
  /** Whether any value shown is invented demo data. */
  invented: boolean;
  indicators: ProfileIndicator[];
  index: {
    methodVersion: number;
    needIndex: number | null;
    resourceIndex: number | null;
    combinedIndex: number;
    rank: number;
    of: number;
    contributions: Array<{ indicatorKey: string; contribution: number; z: number }>;
  } | null;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** The indicator catalogue, the yearly values (CSV import, manual entry) and the profiles of the social spaces. */
@Injectable()
export class IndicatorService {
  constructor(
    private readonly repo: IndicatorRepository,
    private readonly access: IndicatorAccess,
    private readonly index: SocialIndexService,
  ) {}

  catalogue(): Promise<Indicator[]> {
    return this.repo.indicators();
  }

  async create(user: Principal, key: string, fields: IndicatorFields): Promise<Indicator> {
    if (!(await this.repo.createIndicator(key, fields, user.sub)))
      throw new DomainError(ErrorCode.Conflict, 'Einen Indikator mit diesem Schlüssel gibt es bereits.', [
        { pointer: '/key', code: 'duplicate', message: 'Der Schlüssel ist bereits vergeben.' },
      ]);
    return (await this.repo.indicator(key))!;
  }

  /** Changes an indicator; its level only while it has no values (they would no longer fit). */
  async update(user: Principal, key: string, fields: IndicatorFields): Promise<Indicator> {
    const existing = await this.repo.indicator(key);
    if (!existing) throw DomainError.notFound('Der Indikator');
    await this.repo.transaction(async (tx) => {
      if (existing.level !== fields.level && (await this.repo.hasValues(tx, key)))
        throw new DomainError(ErrorCode.Conflict, 'Die Ebene eines Indikators mit Werten kann nicht geändert werden.', [
          { pointer: '/level', code: 'level.locked', message: 'Der Indikator hat bereits Werte auf dieser Ebene.' },
        ]);
      await this.repo.updateIndicator(tx, key, fields, user.sub);
      // The direction takes part in the index: every year is recomputed.
      if (existing.direction !== fields.direction) for (const year of await this.repo.years(tx)) await this.index.recomputeYear(tx, year);
    });
    return (await this.repo.indicator(key))!;
  }

  years(): Promise<number[]> {
    return this.repo.years();
  }

  /**
   * Imports a year from a CSV file and replaces that year's values of the caller's social spaces
   * (administration: all) in one transaction, then recomputes the year's index. Every line is checked
   * first; with any problem nothing is stored and all problems are answered with line and column.
   */
  async importYear(user: Principal, year: number, csv: string): Promise<ImportResult> {
    const [catalogue, spaces, municipalities] = await Promise.all([this.repo.indicators(), this.repo.spaces(), this.repo.municipalities()]);
    const scope = await this.access.writableScope(user, spaces);
    const { rows, problems } = parseIndicatorCsv(csv);
    const byKey = new Map(catalogue.map((i) => [i.key, i]));
    const space = lookup(spaces.filter((s) => scope.spaceIds.has(s.id)));
    const municipality = lookup(municipalities.filter((m) => scope.spaceIds.has(m.socialSpaceId)));
    const values: NewValue[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      const indicator = byKey.get(row.indicatorKey);
      const s = row.socialSpace ? space(row.socialSpace) : undefined;
      const m = row.municipality ? municipality(row.municipality) : undefined;
      const before = problems.length;
      if (!indicator)
        problems.push(
          rowProblem(
            row.line,
            'Indikator',
            'unknown-reference',
            `Den Indikator „${row.indicatorKey.slice(0, 64)}“ gibt es im Katalog nicht.`,
          ),
        );
      if (row.socialSpace && !s)
        problems.push(rowProblem(row.line, 'Sozialraum', 'unknown-reference', 'Diesen Sozialraum gibt es nicht in Ihren Planregionen.'));
      if (row.municipality && !m)
        problems.push(rowProblem(row.line, 'Kommune', 'unknown-reference', 'Diese Kommune gibt es nicht in Ihren Planregionen.'));
      if (s && m && m.socialSpaceId !== s.id)
        problems.push(rowProblem(row.line, 'Kommune', 'municipality.space', 'Die Kommune gehört nicht zu diesem Sozialraum.'));
      if (indicator?.level === 'municipality' && !row.municipality)
        problems.push(
          rowProblem(row.line, 'Kommune', 'level.municipality', 'Der Indikator wird je Kommune erfasst; bitte die Kommune angeben.'),
        );
      if (indicator?.level === 'social_space' && row.municipality)
        problems.push(
          rowProblem(
            row.line,
            'Kommune',
            'level.social-space',
            'Der Indikator wird je Sozialraum erfasst; bitte die Spalte Kommune leer lassen.',
          ),
        );
      if (problems.length > before || !indicator) continue;
      const unit = indicator.level === 'municipality' ? `m:${m!.id}` : `s:${s!.id}`;
      const id = `${indicator.key}|${unit}`;
      if (seen.has(id)) {
        problems.push(
          rowProblem(row.line, null, 'duplicate', `Der Wert steht schon in Zeile ${seen.get(id)}.`, { firstLine: seen.get(id) }),
        );
        continue;
      }
      seen.set(id, row.line);
      values.push({
        indicatorKey: indicator.key,
        socialSpaceId: indicator.level === 'social_space' ? s!.id : null,
        municipalityId: indicator.level === 'municipality' ? m!.id : null,
        value: row.value,
      });
    }
    if (problems.length > 0) {
      problems.sort((a, b) => Number(a.params?.line) - Number(b.params?.line));
      const lines = new Set(problems.map((p) => p.params?.line)).size;
      throw DomainError.invalid(
        `${lines === 1 ? 'Eine Zeile' : `${lines} Zeilen`} der Datei ${lines === 1 ? 'ist' : 'sind'} fehlerhaft; es wurde nichts übernommen.`,
        problems.slice(0, 200),
      );
    }
    return this.repo.transaction(async (tx) => {
      const { deleted } = await this.repo.replaceYear(tx, year, [...scope.spaceIds], values, user.sub);
      await this.index.recomputeYear(tx, year);
      return { year, replaced: deleted, imported: values.length };
    });
  }

  /** Enters one value by hand (replacing the one there was) and recomputes the year's index. */
  async setValue(
    user: Principal,
    key: string,
    year: number,
    input: { socialSpaceId?: string; municipalityId?: string; value: number },
  ): Promise<{
    indicatorKey: string;
    year: number;
    socialSpaceId: string | null;
    municipalityId: string | null;
    value: number;
    previous: number | null;
  }> {
    const indicator = await this.repo.indicator(key);
    if (!indicator) throw DomainError.notFound('Der Indikator');
    const [spaces, municipalities] = await Promise.all([this.repo.spaces(), this.repo.municipalities()]);
    const scope = await this.access.writableScope(user, spaces);
    const wantsMunicipality = indicator.level === 'municipality';
    const ref = wantsMunicipality ? input.municipalityId : input.socialSpaceId;
    const pointer = wantsMunicipality ? '/municipalityId' : '/socialSpaceId';
    if (!ref || (wantsMunicipality ? input.socialSpaceId : input.municipalityId))
      throw DomainError.invalid(
        wantsMunicipality ? 'Der Indikator wird je Kommune erfasst.' : 'Der Indikator wird je Sozialraum erfasst.',
        [{ pointer, code: 'required', message: wantsMunicipality ? 'Bitte die Kommune angeben.' : 'Bitte den Sozialraum angeben.' }],
      );
    const spaceId = wantsMunicipality ? municipalities.find((m) => m.id === ref)?.socialSpaceId : spaces.find((s) => s.id === ref)?.id;
    if (!spaceId || !scope.spaceIds.has(spaceId)) throw DomainError.notFound(wantsMunicipality ? 'Die Kommune' : 'Der Sozialraum');
    const value: NewValue = {
      indicatorKey: key,
      socialSpaceId: wantsMunicipality ? null : ref,
      municipalityId: wantsMunicipality ? ref : null,
      value: input.value,
    };
    const previous = await this.repo.transaction(async (tx) => {
      const old = await this.repo.setValue(tx, year, value, user.sub);
      await this.index.recomputeYear(tx, year);
      return old;
    });
    return { ...value, year, previous };
  }

  /** The profile of a social space in a year (default: the latest with values): each indicator against the district. */
  async profile(user: Principal, socialSpaceId: string, year?: number): Promise<SpaceProfile> {
    const space = await this.index.assertSees(user, socialSpaceId);
    const [catalogue, all, municipalities, years] = await Promise.all([
      this.repo.indicators(),
      this.repo.values(),
      this.repo.municipalities(),
      this.repo.years(),
    ]);
    const shownYear = year ?? years[years.length - 1] ?? new Date().getFullYear();
    const municipalitySpace = new Map(municipalities.map((m) => [m.id, m.socialSpaceId]));
    const own = municipalities.filter((m) => m.socialSpaceId === socialSpaceId);
    const perYear = new Map(
      years.map((y) => [
        y,
        spaceValues(
          catalogue,
          all.filter((v) => v.year === y),
          municipalitySpace,
        ),
      ]),
    );
    const average = (key: string, level: Indicator['level'], y: number) => {
      const list = all.filter(
        (v) => v.year === y && v.indicatorKey === key && (level === 'municipality' ? v.municipalityId : v.socialSpaceId),
      );
      return list.length === 0 ? null : r2(meanAndDeviation(list.map((v) => v.value)).mean);
    };
    const valueOf = (key: string, y: number) => perYear.get(y)?.get(key)?.get(socialSpaceId) ?? null;
    const indicators = catalogue.map((i): ProfileIndicator => {
      const value = valueOf(i.key, shownYear);
      const districtAverage = average(i.key, i.level, shownYear);
      const deviation = value !== null && districtAverage !== null ? r2(value - districtAverage) : null;
      const previous = valueOf(i.key, shownYear - 1);
      return {
        key: i.key,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        level: i.level,
        source: i.source,
        invented: i.invented || all.some((v) => v.indicatorKey === i.key && v.invented),
        value: value === null ? null : r2(value),
        districtAverage,
        deviation,
        deviationPercent: deviation !== null && districtAverage ? r2((deviation / districtAverage) * 100) : null,
        change: value !== null && previous !== null ? r2(value - previous) : null,
        trend: years.map((y) => ({
          year: y,
          value: valueOf(i.key, y) === null ? null : r2(valueOf(i.key, y)!),
          districtAverage: average(i.key, i.level, y),
        })),
        municipalities:
          i.level === 'municipality'
            ? own.map((m: MunicipalityRef) => ({
                id: m.id,
                name: m.name,
                value: all.find((v) => v.year === shownYear && v.indicatorKey === i.key && v.municipalityId === m.id)?.value ?? null,
              }))
            : [],
      };
    });
    const result = await this.index.resultOf(socialSpaceId, shownYear);
    return {
      socialSpace: space,
      year: shownYear,
      years,
      invented: indicators.some((i) => i.invented),
      indicators,
      index: result && {
        methodVersion: result.methodVersion,
        needIndex: result.needIndex,
        resourceIndex: result.resourceIndex,
        combinedIndex: result.combinedIndex,
        rank: result.rank,
        of: result.of,
        contributions: result.contributions.map((c) => ({ indicatorKey: c.indicatorKey, contribution: c.contribution, z: c.z })),
      },
    };
  }
}

/** Finds a social space or municipality by its code (`SR01`) or its name, case-insensitively. */
function lookup<T extends { code: string; name: string }>(items: T[]): (text: string) => T | undefined {
  const index = new Map<string, T>();
  for (const item of items) {
    index.set(item.code.toLowerCase(), item);
    index.set(item.name.toLowerCase(), item);
    index.set(item.name.replace(/^Sozialraum /, '').toLowerCase(), item);
  }
  return (text) => index.get(text.trim().toLowerCase());
}
