import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Contribution, IndicatorDirection } from './social-index';

export type IndicatorLevel = 'social_space' | 'municipality';

/** One entry of the indicator catalogue. */
export interface Indicator {
  key: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  source: string;
  level: IndicatorLevel;
  description: string | null;
  /** Demo indicators whose values are invented. */
  invented: boolean;
  updatedAt: Date;
}

export type IndicatorFields = Omit<Indicator, 'key' | 'updatedAt' | 'invented'>;

/** A social space as profiles, index and map need it. */
export interface SpaceRef {
  id: string;
  code: string;
  name: string;
  planningRegionId: string;
  planningRegionName: string;
}

export interface MunicipalityRef {
  id: string;
  code: string;
  name: string;
  socialSpaceId: string;
}

/** One stored value: of a social space or of a municipality. */
export interface IndicatorValue {
  indicatorKey: string;
  year: number;
  socialSpaceId: string | null;
  municipalityId: string | null;
  value: number;
  invented: boolean;
}

export interface NewValue {
  indicatorKey: string;
  socialSpaceId: string | null;
  municipalityId: string | null;
  value: number;
}

/** A version of the index method: the weight of each indicator it takes in (weight 0 or missing = left out). */
export interface IndexMethod {
  version: number;
  weights: Record<string, number>;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface StoredIndexResult {
  methodVersion: number;
  year: number;
  socialSpaceId: string;
  needIndex: number | null;
  resourceIndex: number | null;
  combinedIndex: number;
  rank: number;
  contributions: Contribution[];
  computedAt: Date;
}

export interface Boundary {
  socialSpaceId: string;
  geometry: unknown;
  schematic: boolean;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** All SQL of the indicator, value, index-method, index-result and boundary tables. */
@Injectable()
export class IndicatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A change of values, method or boundaries; one at a time (a transaction-scoped advisory lock), so a
   * re-import and a recomputation never interleave.
   */
  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('sro:indicator-values'))`);
      return work(tx);
    });
  }

  async indicators(m: EntityManager = this.dataSource.manager): Promise<Indicator[]> {
    return m.query(
      `SELECT key, name, unit, direction, source, level, description, invented, updated_at AS "updatedAt" FROM indicator ORDER BY direction, key`,
    );
  }

  async indicator(key: string): Promise<Indicator | null> {
    return (await this.indicators()).find((i) => i.key === key) ?? null;
  }

  async createIndicator(key: string, fields: IndicatorFields, by: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO indicator (key, name, unit, direction, source, level, description, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, fields.name, fields.unit, fields.direction, fields.source, fields.level, fields.description, by],
    );
    return rows.length > 0;
  }

  async updateIndicator(tx: EntityManager, key: string, fields: IndicatorFields, by: string): Promise<void> {
    await tx.query(
      `UPDATE indicator SET name = $2, unit = $3, direction = $4, source = $5, level = $6, description = $7, updated_by = $8, updated_at = now()
        WHERE key = $1`,
      [key, fields.name, fields.unit, fields.direction, fields.source, fields.level, fields.description, by],
    );
  }

  async hasValues(tx: EntityManager, key: string): Promise<boolean> {
    return (await tx.query(`SELECT 1 FROM indicator_value WHERE indicator_key = $1 LIMIT 1`, [key])).length > 0;
  }

  async spaces(m: EntityManager = this.dataSource.manager): Promise<SpaceRef[]> {
    return m.query(
      `SELECT s.id, s.code, s.name, s.planning_region_id AS "planningRegionId", r.name AS "planningRegionName"
         FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id ORDER BY s.code`,
    );
  }

  async municipalities(m: EntityManager = this.dataSource.manager): Promise<MunicipalityRef[]> {
    return m.query(`SELECT id, code, name, social_space_id AS "socialSpaceId" FROM municipality ORDER BY code`);
  }

  /** Values of one year (or all years), of social spaces and municipalities. */
  async values(m: EntityManager = this.dataSource.manager, year?: number): Promise<IndicatorValue[]> {
    const rows = await m.query(
      `SELECT indicator_key AS "indicatorKey", year, social_space_id AS "socialSpaceId", municipality_id AS "municipalityId", value, invented
         FROM indicator_value WHERE $1::int IS NULL OR year = $1 ORDER BY year, indicator_key`,
      [year ?? null],
    );
    return rows.map((r: IndicatorValue) => ({ ...r, value: Number(r.value) }));
  }

  async years(m: EntityManager = this.dataSource.manager): Promise<number[]> {
    return (await m.query(`SELECT DISTINCT year FROM indicator_value ORDER BY year`)).map((r: { year: number }) => r.year);
  }

  /**
   * Deletes the year's values of the given social spaces (and their municipalities) and inserts the
   * new ones: the caller's transaction makes it all or nothing.
   */
  async replaceYear(
    tx: EntityManager,
    year: number,
    spaceIds: string[],
    values: NewValue[],
    by: string,
    invented = false,
  ): Promise<{ deleted: number; inserted: number }> {
    const [, deleted] = await tx.query(
      `DELETE FROM indicator_value WHERE year = $1 AND (social_space_id = ANY($2::uuid[])
         OR municipality_id IN (SELECT id FROM municipality WHERE social_space_id = ANY($2::uuid[])))`,
      [year, spaceIds],
    );
    await this.insertValues(tx, year, values, by, invented);
    return { deleted: Number(deleted ?? 0), inserted: values.length };
  }

  async insertValues(tx: EntityManager, year: number, values: NewValue[], by: string, invented = false): Promise<void> {
    if (values.length === 0) return;
    await tx.query(
      `INSERT INTO indicator_value (indicator_key, year, social_space_id, municipality_id, value, invented, recorded_by)
       SELECT k, $1, s, m, v, $6, $7 FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::numeric[]) AS t(k, s, m, v)`,
      [
        year,
        values.map((v) => v.indicatorKey),
        values.map((v) => v.socialSpaceId),
        values.map((v) => v.municipalityId),
        values.map((v) => v.value),
        invented,
        by,
      ],
    );
  }

  /** Sets one value (replacing the one there was); answers the value it replaced, null when there was none. */
  async setValue(tx: EntityManager, year: number, value: NewValue, by: string): Promise<number | null> {
    // A DELETE … RETURNING answers [rows, count] through TypeORM.
    const [[old]] = await tx.query(
      `DELETE FROM indicator_value WHERE indicator_key = $1 AND year = $2 AND (social_space_id = $3 OR municipality_id = $4) RETURNING value`,
      [value.indicatorKey, year, value.socialSpaceId, value.municipalityId],
    );
    await this.insertValues(tx, year, [value], by);
    return old ? Number(old.value) : null;
  }

  async methods(m: EntityManager = this.dataSource.manager): Promise<IndexMethod[]> {
    return m.query(
      `SELECT version, weights, note, created_by AS "createdBy", created_at AS "createdAt" FROM social_index_method ORDER BY version DESC`,
    );
  }

  async insertMethod(tx: EntityManager, weights: Record<string, number>, note: string | null, by: string): Promise<IndexMethod> {
    const [row] = await tx.query(
      `INSERT INTO social_index_method (version, weights, note, created_by)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM social_index_method
       RETURNING version, weights, note, created_by AS "createdBy", created_at AS "createdAt"`,
      [JSON.stringify(weights), note, by],
    );
    return row;
  }

  async replaceResults(
    tx: EntityManager,
    methodVersion: number,
    year: number,
    results: Omit<StoredIndexResult, 'computedAt'>[],
  ): Promise<void> {
    await tx.query(`DELETE FROM social_index_result WHERE method_version = $1 AND year = $2`, [methodVersion, year]);
    if (results.length === 0) return;
    await tx.query(
      `INSERT INTO social_index_result (method_version, year, social_space_id, need_index, resource_index, combined_index, rank, contributions)
       SELECT $1, $2, s, n, r, c, k, x FROM unnest($3::uuid[], $4::numeric[], $5::numeric[], $6::numeric[], $7::int[], $8::jsonb[]) AS t(s, n, r, c, k, x)`,
      [
        methodVersion,
        year,
        results.map((r) => r.socialSpaceId),
        results.map((r) => r.needIndex),
        results.map((r) => r.resourceIndex),
        results.map((r) => r.combinedIndex),
        results.map((r) => r.rank),
        results.map((r) => JSON.stringify(r.contributions)),
      ],
    );
  }

  /** Stored results of a method version: of one year, or (with a social space) its time series. */
  async results(methodVersion: number, filter: { year?: number; socialSpaceId?: string }): Promise<StoredIndexResult[]> {
    const rows = await this.dataSource.query(
      `SELECT method_version AS "methodVersion", year, social_space_id AS "socialSpaceId", need_index AS "needIndex",
              resource_index AS "resourceIndex", combined_index AS "combinedIndex", rank, contributions, computed_at AS "computedAt"
         FROM social_index_result
        WHERE method_version = $1 AND ($2::int IS NULL OR year = $2) AND ($3::uuid IS NULL OR social_space_id = $3)
        ORDER BY year, rank`,
      [methodVersion, filter.year ?? null, filter.socialSpaceId ?? null],
    );
    return rows.map((r: StoredIndexResult) => ({
      ...r,
      needIndex: num(r.needIndex),
      resourceIndex: num(r.resourceIndex),
      combinedIndex: Number(r.combinedIndex),
    }));
  }

  async boundaries(): Promise<Boundary[]> {
    return this.dataSource.query(`SELECT social_space_id AS "socialSpaceId", geometry, schematic FROM social_space_boundary`);
  }

  async replaceBoundaries(tx: EntityManager, boundaries: Boundary[], by: string): Promise<void> {
    await tx.query(`DELETE FROM social_space_boundary`);
    for (const b of boundaries) {
      await tx.query(`INSERT INTO social_space_boundary (social_space_id, geometry, schematic, imported_by) VALUES ($1, $2, $3, $4)`, [
        b.socialSpaceId,
        JSON.stringify(b.geometry),
        b.schematic,
        by,
      ]);
    }
  }
}
