/** Whether a higher value means more need (Bedarf) or more resources (Ressource). */
export type IndicatorDirection = 'need' | 'resource';

/** One indicator the index takes in, with its weight in the method. */
export interface IndexInput {
  key: string;
  direction: IndicatorDirection;
  weight: number;
  /** Value per unit (social space id); a unit without a value counts as the district average (z = 0). */
  values: ReadonlyMap<string, number>;
}

/** What one indicator adds to a unit's combined score. */
export interface Contribution {
  indicatorKey: string;
  /** The value, null when the unit had none (then z = 0). */
  value: number | null;
  /** (value − mean) / standard deviation of all units. */
  z: number;
  /** z with the sign of its direction: need +z, resource −z (higher = more need). */
  alignedZ: number;
  /** weight · alignedZ / Σ weights: the contributions of a unit add up to its combined score. */
  contribution: number;
}

/** The index of one unit (social space) in one year. */
export interface IndexResult {
  unitId: string;
  /** Weighted mean z of the need indicators, scaled 100 + 10·score; null without need indicators. */
  needIndex: number | null;
  /** Weighted mean z of the resource indicators (higher = more resources), scaled like needIndex. */
  resourceIndex: number | null;
  /** Weighted mean of the direction-aligned z of all indicators, scaled: 100 = district average, higher = more need. */
  combinedIndex: number;
  /** 1 = highest combined index (most need). */
  rank: number;
  contributions: Contribution[];
}

/** The scale of the published index: the district average is 100, one standard deviation 10 points. */
export const INDEX_BASE = 100;
export const INDEX_SCALE = 10;

// `|| 0` turns -0 into 0.
const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits || 0;

/** Mean and population standard deviation of the units that have a value. */
export function meanAndDeviation(values: Iterable<number>): { mean: number; sd: number } {
  const list = [...values];
  if (list.length === 0) return { mean: 0, sd: 0 };
  const mean = list.reduce((s, v) => s + v, 0) / list.length;
  const variance = list.reduce((s, v) => s + (v - mean) ** 2, 0) / list.length;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * The Sozialindex of one year. Each included indicator (weight > 0) is z-standardised over the units
 * (population standard deviation; an indicator that does not vary gives every unit z = 0), aligned to
 * its direction (resources count negatively towards need), and weighted. The need index is the
 * weighted mean z of the need indicators, the resource index that of the resource indicators, the
 * combined index the weighted mean of all aligned z; each is published as 100 + 10·score. Units are
 * ranked by the combined index, highest first; ties are ordered by unit id.
 */
export function computeSocialIndex(unitIds: readonly string[], inputs: readonly IndexInput[]): IndexResult[] {
  const included = inputs.filter((i) => i.weight > 0);
  const stats = new Map(
    included.map((i) => [i.key, meanAndDeviation(unitIds.flatMap((u) => (i.values.has(u) ? [i.values.get(u)!] : [])))]),
  );
  const totalWeight = included.reduce((s, i) => s + i.weight, 0);
  const weightOf = (direction: IndicatorDirection) => included.filter((i) => i.direction === direction).reduce((s, i) => s + i.weight, 0);
  const needWeight = weightOf('need');
  const resourceWeight = weightOf('resource');

  const results = unitIds.map((unitId) => {
    let need = 0;
    let resource = 0;
    let combined = 0;
    const contributions = included.map((i): Contribution => {
      const { mean, sd } = stats.get(i.key)!;
      const value = i.values.get(unitId);
      const z = value === undefined || sd === 0 ? 0 : (value - mean) / sd;
      const alignedZ = i.direction === 'need' ? z : -z;
      if (i.direction === 'need') need += i.weight * z;
      else resource += i.weight * z;
      const contribution = (i.weight * alignedZ) / totalWeight;
      combined += contribution;
      return { indicatorKey: i.key, value: value ?? null, z: round(z), alignedZ: round(alignedZ), contribution: round(contribution) };
    });
    return {
      unitId,
      needIndex: needWeight > 0 ? round(INDEX_BASE + (INDEX_SCALE * need) / needWeight, 2) : null,
      resourceIndex: resourceWeight > 0 ? round(INDEX_BASE + (INDEX_SCALE * resource) / resourceWeight, 2) : null,
      combinedIndex: round(INDEX_BASE + INDEX_SCALE * (totalWeight > 0 ? combined : 0), 2),
      rank: 0,
      contributions,
      score: combined,
    };
  });
  results.sort((a, b) => b.score - a.score || (a.unitId < b.unitId ? -1 : 1));
  return results.map(({ score: _score, ...r }, i) => ({ ...r, rank: i + 1 }));
}
