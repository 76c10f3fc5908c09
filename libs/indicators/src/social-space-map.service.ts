import { Injectable } from '@nestjs/common';
import { DomainError, FieldProblem, Principal } from '@sro/common';
import { IndicatorRepository, SpaceRef } from './indicator.repository';

/** A GeoJSON polygon or multipolygon (WGS 84 longitude/latitude). */
export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface MapSpace extends SpaceRef {
  geometry: BoundaryGeometry | null;
}

export interface SocialSpaceMap {
  /** True when the boundaries are schematic (the demo's), not real ones. */
  schematic: boolean;
  spaces: MapSpace[];
}

export interface BoundaryFeature {
  type: string;
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

const isPosition = (p: unknown) =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;
const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.length <= 20_000 && r.every(isPosition);
const isPolygon = (p: unknown) => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** Why a geometry is not a GeoJSON polygon or multipolygon in WGS 84; null when it is one. */
export function geometryProblem(geometry: BoundaryFeature['geometry']): string | null {
  if (!geometry || typeof geometry !== 'object') return 'Bitte eine Geometrie angeben.';
  if (geometry.type === 'Polygon')
    return isPolygon(geometry.coordinates) ? null : 'Das Polygon ist ungültig (Ringe aus mindestens 4 Punkten [Länge, Breite]).';
  if (geometry.type === 'MultiPolygon')
    return Array.isArray(geometry.coordinates) && geometry.coordinates.length >= 1 && geometry.coordinates.every(isPolygon)
      ? null
      : 'Das Multipolygon ist ungültig (Polygone aus Ringen von mindestens 4 Punkten [Länge, Breite]).';
  return 'Erlaubt sind die Geometrietypen Polygon und MultiPolygon.';
}

/** The boundaries of the social spaces, imported as GeoJSON and drawn by the web app as an SVG map. */
@Injectable()
export class SocialSpaceMapService {
  constructor(private readonly repo: IndicatorRepository) {}

  async map(): Promise<SocialSpaceMap> {
    const [spaces, boundaries] = await Promise.all([this.repo.spaces(), this.repo.boundaries()]);
    const byId = new Map(boundaries.map((b) => [b.socialSpaceId, b]));
    return {
      schematic: boundaries.some((b) => b.schematic),
      spaces: spaces.map((s) => ({ ...s, geometry: (byId.get(s.id)?.geometry as BoundaryGeometry | undefined) ?? null })),
    };
  }

  /**
   * Replaces all boundaries by those of a GeoJSON FeatureCollection whose features name their social
   * space by `properties.code` (`SR01`) or `properties.name`; all or nothing.
   */
  async import(user: Principal, features: BoundaryFeature[], schematic: boolean): Promise<SocialSpaceMap> {
    const spaces = await this.repo.spaces();
    const find = (p: Record<string, unknown> | null) =>
      spaces.find((s) => s.code === p?.code || s.name === p?.name || s.name === `Sozialraum ${String(p?.name)}`);
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const boundaries = features.flatMap((f, i) => {
      const space = find(f.properties);
      const geometryError = geometryProblem(f.geometry);
      if (f.type !== 'Feature')
        problems.push({ pointer: `/features/${i}/type`, code: 'geojson.feature', message: 'Erwartet wird ein GeoJSON-Feature.' });
      if (!space)
        problems.push({
          pointer: `/features/${i}/properties/code`,
          code: 'unknown-reference',
          message: 'Diesen Sozialraum gibt es nicht (Code oder Name).',
        });
      else if (seen.has(space.id))
        problems.push({
          pointer: `/features/${i}/properties/code`,
          code: 'duplicate',
          message: 'Für diesen Sozialraum gibt es schon eine Grenze.',
        });
      if (geometryError) problems.push({ pointer: `/features/${i}/geometry`, code: 'geojson.geometry', message: geometryError });
      if (!space || geometryError || seen.has(space.id)) return [];
      seen.add(space.id);
      return [{ socialSpaceId: space.id, geometry: { type: f.geometry!.type, coordinates: f.geometry!.coordinates }, schematic }];
    });
    if (problems.length > 0) throw DomainError.invalid('Die Grenzen wurden nicht übernommen.', problems.slice(0, 200));
    await this.repo.transaction((tx) => this.repo.replaceBoundaries(tx, boundaries, user.sub));
    return this.map();
  }
}
