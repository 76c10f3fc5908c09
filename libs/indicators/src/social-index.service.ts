import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, FieldProblem, Principal } from '@sro/common';
import { IndexMethod, Indicator, IndicatorRepository, IndicatorValue, SpaceRef, StoredIndexResult } from './indicator.repository';
import { IndicatorAccess } from './indicator-access';
import { computeSocialIndex, IndexInput } from './social-index';

/** One social space in the ranking of a year. */
export interface RankingEntry extends Omit<StoredIndexResult, 'computedAt' | 'methodVersion' | 'year'> {
  code: string;
  name: string;
  planningRegionId: string;
  planningRegionName: string;
  /** Rank in the previous year by the same method version; null when that year has no result. */
  previousRank: number | null;
  /** Combined index minus the previous year's; null without one. */
  change: number | null;
}

export interface Ranking {
  year: number;
  method: IndexMethod;
  computedAt: Date | null;
  items: RankingEntry[];
}

export interface IndexSeries {
  socialSpaceId: string;
  method: IndexMethod;
  points: Array<Omit<StoredIndexResult, 'socialSpaceId' | 'methodVersion' | 'computedAt' | 'contributions'>>;
}

/**
 * Per space and indicator the value the index takes in: a social space's own value, or for an
 * indicator kept per municipality the (unweighted) mean of its municipalities' values.
 */
export function spaceValues(
  indicators: Indicator[],
  values: IndicatorValue[],
  municipalitySpace: ReadonlyMap<string, string>,
): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  const levelOf = new Map(indicators.map((i) => [i.key, i.level]));
  for (const v of values) {
    const level = levelOf.get(v.indicatorKey);
    const spaceId = level === 'municipality' ? v.municipalityId && municipalitySpace.get(v.municipalityId) : v.socialSpaceId;
    if (!level || !spaceId || (level === 'municipality') !== (v.municipalityId !== null)) continue;
    const bySpace = sums.get(v.indicatorKey) ?? new Map<string, { sum: number; n: number }>();
    const cell = bySpace.get(spaceId) ?? { sum: 0, n: 0 };
    cell.sum += v.value;
    cell.n += 1;
    bySpace.set(spaceId, cell);
    sums.set(v.indicatorKey, bySpace);
  }
  return new Map([...sums].map(([key, bySpace]) => [key, new Map([...bySpace].map(([s, c]) => [s, c.sum / c.n]))]));
}

/**
 * The Sozialindex: versioned methods (weights per indicator), results per method version and year.
 * A change of values recomputes that year by the current method; a new method version computes every
 * year; results of older versions stay as they were computed.
 */
@Injectable()
export class SocialIndexService {
  constructor(
    private readonly repo: IndicatorRepository,
    private readonly access: IndicatorAccess,
  ) {}

  async methods(): Promise<IndexMethod[]> {
    return this.repo.methods();
  }

  /** Publishes a new method version (weights ≥ 0 of catalogue indicators, at least one > 0) and computes every year by it. */
  async createMethod(user: Principal, weights: Array<{ indicatorKey: string; weight: number }>, note?: string): Promise<IndexMethod> {
    const catalogue = new Set((await this.repo.indicators()).map((i) => i.key));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    weights.forEach((w, i) => {
      if (!catalogue.has(w.indicatorKey))
        problems.push({
          pointer: `/weights/${i}/indicatorKey`,
          code: 'unknown-reference',
          message: 'Diesen Indikator gibt es im Katalog nicht.',
        });
      if (seen.has(w.indicatorKey))
        problems.push({ pointer: `/weights/${i}/indicatorKey`, code: 'duplicate', message: 'Der Indikator ist bereits gewichtet.' });
      seen.add(w.indicatorKey);
    });
    if (!weights.some((w) => w.weight > 0 && catalogue.has(w.indicatorKey)))
      problems.push({ pointer: '/weights', code: 'weights.none', message: 'Mindestens ein Indikator braucht ein Gewicht größer als 0.' });
    if (problems.length > 0) throw DomainError.invalid('Die Methode des Sozialindex ist nicht vollständig.', problems);
    return this.repo.transaction(async (tx) => {
      const method = await this.repo.insertMethod(
        tx,
        Object.fromEntries(weights.map((w) => [w.indicatorKey, w.weight])),
        note ?? null,
        user.sub,
      );
      for (const year of await this.repo.years(tx)) await this.computeYear(tx, year, method);
      return method;
    });
  }

  /** Recomputes a year by the current method (inside the transaction that changed its values); nothing without a method. */
  async recomputeYear(tx: EntityManager, year: number): Promise<void> {
    const [current] = await this.repo.methods(tx);
    if (current) await this.computeYear(tx, year, current);
  }

  private async computeYear(tx: EntityManager, year: number, method: IndexMethod): Promise<void> {
    // One after the other: a transaction is one connection, which runs one query at a time.
    const indicators = await this.repo.indicators(tx);
    const values = await this.repo.values(tx, year);
    const municipalities = await this.repo.municipalities(tx);
    const perSpace = spaceValues(indicators, values, new Map(municipalities.map((m) => [m.id, m.socialSpaceId])));
    const inputs: IndexInput[] = indicators
      .filter((i) => (method.weights[i.key] ?? 0) > 0)
      .map((i) => ({ key: i.key, direction: i.direction, weight: method.weights[i.key], values: perSpace.get(i.key) ?? new Map() }));
    // Only spaces with at least one value of an included indicator are ranked.
    const units = [...new Set(inputs.flatMap((i) => [...i.values.keys()]))].sort();
    const results = computeSocialIndex(units, inputs);
    await this.repo.replaceResults(
      tx,
      method.version,
      year,
      results.map(({ unitId, ...r }) => ({ ...r, socialSpaceId: unitId, methodVersion: method.version, year })),
    );
  }

  /** The ranking of all social spaces of the district in a year (an anonymised comparison every planning role may read). */
  async ranking(year: number, methodVersion?: number): Promise<Ranking> {
    const method = await this.method(methodVersion);
    const [results, previous, spaces] = await Promise.all([
      this.repo.results(method.version, { year }),
      this.repo.results(method.version, { year: year - 1 }),
      this.repo.spaces(),
    ]);
    const spaceOf = new Map(spaces.map((s) => [s.id, s]));
    const before = new Map(previous.map((p) => [p.socialSpaceId, p]));
    return {
      year,
      method,
      computedAt: results[0]?.computedAt ?? null,
      items: results.map(({ computedAt: _c, methodVersion: _m, year: _y, ...r }) => {
        const s = spaceOf.get(r.socialSpaceId)!;
        const p = before.get(r.socialSpaceId);
        return {
          ...r,
          code: s.code,
          name: s.name,
          planningRegionId: s.planningRegionId,
          planningRegionName: s.planningRegionName,
          previousRank: p?.rank ?? null,
          change: p ? Math.round((r.combinedIndex - p.combinedIndex) * 100) / 100 : null,
        };
      }),
    };
  }

  /** The time series of one social space (need to know: its planning region). */
  async series(user: Principal, socialSpaceId: string, methodVersion?: number): Promise<IndexSeries> {
    await this.assertSees(user, socialSpaceId);
    const method = await this.method(methodVersion);
    const results = await this.repo.results(method.version, { socialSpaceId });
    return {
      socialSpaceId,
      method,
      points: results.map((r) => ({
        year: r.year,
        needIndex: r.needIndex,
        resourceIndex: r.resourceIndex,
        combinedIndex: r.combinedIndex,
        rank: r.rank,
      })),
    };
  }

  /** The stored result of a space in a year by the current method, for its profile. */
  async resultOf(socialSpaceId: string, year: number): Promise<(StoredIndexResult & { of: number }) | null> {
    const [current] = await this.repo.methods();
    if (!current) return null;
    const results = await this.repo.results(current.version, { year });
    const own = results.find((r) => r.socialSpaceId === socialSpaceId);
    return own ? { ...own, of: results.length } : null;
  }

  async assertSees(user: Principal, socialSpaceId: string): Promise<SpaceRef> {
    const spaces = await this.repo.spaces();
    const space = spaces.find((s) => s.id === socialSpaceId);
    const scope = await this.access.scopeOf(user, spaces);
    if (!space || !scope.spaceIds.has(space.id)) throw DomainError.notFound('Der Sozialraum');
    return space;
  }

  private async method(version?: number): Promise<IndexMethod> {
    const methods = await this.repo.methods();
    const method = version === undefined ? methods[0] : methods.find((m) => m.version === version);
    if (!method && version !== undefined) throw DomainError.notFound(`Die Methodenversion ${version}`);
    if (!method) throw new DomainError(ErrorCode.Conflict, 'Für den Sozialindex ist noch keine Methode festgelegt.');
    return method;
  }
}
