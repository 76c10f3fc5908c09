import { DataSource } from 'typeorm';
import { AssignmentsService, UserRepository } from '@sro/reference-data';
import { IndicatorAccess } from './indicator-access';
import { IndicatorLevel, IndicatorRepository, NewValue } from './indicator.repository';
import type { IndicatorDirection } from './social-index';
import { SocialIndexService } from './social-index.service';

const INVENTED = 'Erfundene Demodaten';

/** The demo catalogue: plausible indicators of a Sozialraumprofil; every value of them is invented. */
export const DEMO_INDICATORS: Array<{
  key: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  level: IndicatorLevel;
  source: string;
  base: number;
  spread: number;
}> = [
  {
    key: 'sgb2-kinder',
    name: 'Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften',
    unit: '%',
    direction: 'need',
    level: 'social_space',
    source: `${INVENTED} (nach Art der Statistik der Bundesagentur für Arbeit)`,
    base: 9,
    spread: 6,
  },
  {
    key: 'alleinerziehende',
    name: 'Haushalte Alleinerziehender mit minderjährigen Kindern',
    unit: '%',
    direction: 'need',
    level: 'social_space',
    source: `${INVENTED} (nach Art des Mikrozensus)`,
    base: 18,
    spread: 6,
  },
  {
    key: 'hze-quote',
    name: 'Hilfen zur Erziehung je 1.000 unter 21-Jährige',
    unit: 'je 1.000',
    direction: 'need',
    level: 'social_space',
    source: `${INVENTED} (nach Art der Kinder- und Jugendhilfestatistik)`,
    base: 25,
    spread: 12,
  },
  {
    key: 'gefaehrdungsmeldungen',
    name: 'Meldungen nach § 8a SGB VIII je 1.000 unter 18-Jährige',
    unit: 'je 1.000',
    direction: 'need',
    level: 'social_space',
    source: `${INVENTED} (nach Art der Kinder- und Jugendhilfestatistik)`,
    base: 8,
    spread: 5,
  },
  {
    key: 'arbeitslosenquote',
    name: 'Arbeitslosenquote',
    unit: '%',
    direction: 'need',
    level: 'municipality',
    source: `${INVENTED} (nach Art der Statistik der Bundesagentur für Arbeit)`,
    base: 5,
    spread: 3,
  },
  {
    key: 'kita-versorgung',
    name: 'Versorgungsquote Kindertagesbetreuung unter 3 Jahren',
    unit: '%',
    direction: 'resource',
    level: 'social_space',
    source: `${INVENTED} (nach Art der Kita-Bedarfsplanung)`,
    base: 55,
    spread: 15,
  },
  {
    key: 'jugendangebote',
    name: 'Offene Kinder- und Jugendangebote je 1.000 10- bis 21-Jährige',
    unit: 'je 1.000',
    direction: 'resource',
    level: 'social_space',
    source: `${INVENTED} (nach Art der Jugendhilfeplanung)`,
    base: 3,
    spread: 2,
  },
  {
    key: 'vereine',
    name: 'Vereine je 1.000 Einwohnerinnen und Einwohner',
    unit: 'je 1.000',
    direction: 'resource',
    level: 'municipality',
    source: `${INVENTED} (nach Art des Vereinsregisters)`,
    base: 6,
    spread: 3,
  },
];

export const DEMO_INDICATOR_YEARS = [2022, 2023, 2024, 2025];

/**
 * Schematic boundaries: one square per social space, laid out roughly where the space lies in the
 * Landkreis (row 0 north). Not real boundaries; stored with `schematic = true`.
 */
const SCHEMATIC_CELLS: Record<string, [col: number, row: number]> = {
  'Wusterwitz-Ziesar': [0, 0],
  Beetzsee: [1, 0],
  'Groß Kreutz (Havel)': [2, 0],
  'Werder (Havel)': [3, 0],
  Kleinmachnow: [5, 0],
  Teltow: [6, 0],
  Görzke: [0, 1],
  'Kloster Lehnin': [1, 1],
  Schwielowsee: [3, 1],
  Michendorf: [4, 1],
  Nuthetal: [5, 1],
  Stahnsdorf: [6, 1],
  'Wiesenburg/Mark': [0, 2],
  'Bad Belzig': [1, 2],
  Brück: [2, 2],
  Beelitz: [3, 2],
  'Seddiner See': [4, 2],
  Niemegk: [2, 3],
  Treuenbrietzen: [3, 3],
};

/** A square of the schematic map as a GeoJSON polygon (lon/lat, counter-clockwise, closed). */
export function schematicPolygon(col: number, row: number): { type: 'Polygon'; coordinates: number[][][] } {
  const west = 12.2 + col * 0.17;
  const north = 52.45 - row * 0.12;
  const east = west + 0.17;
  const south = north - 0.12;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(west), r(south)],
        [r(east), r(south)],
        [r(east), r(north)],
        [r(west), r(north)],
        [r(west), r(south)],
      ],
    ],
  };
}

/** A stable pseudo-random number in [0, 1) for a text (FNV-1a): the demo values are the same on every machine. */
function noise(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h / 2 ** 32;
}

/**
 * Seeds the demo indicators, their invented values for the 19 social spaces and their municipalities
 * over four years, method version 1 of the Sozialindex (all weights 1), its results and the schematic
 * boundaries. Idempotent: what exists already (values, method, boundaries) is left as it is.
 */
export async function seedIndicatorDemoData(dataSource: DataSource): Promise<{ indicators: number; values: number; boundaries: number }> {
  const repo = new IndicatorRepository(dataSource);
  const index = new SocialIndexService(repo, new IndicatorAccess(new AssignmentsService(new UserRepository(dataSource))));
  return repo.transaction(async (tx) => {
    for (const i of DEMO_INDICATORS) {
      await tx.query(
        `INSERT INTO indicator (key, name, unit, direction, source, level, invented, updated_by) VALUES ($1, $2, $3, $4, $5, $6, true, 'seed')
         ON CONFLICT (key) DO NOTHING`,
        [i.key, i.name, i.unit, i.direction, i.source, i.level],
      );
    }
    const spaces = await repo.spaces(tx);
    const municipalities = await repo.municipalities(tx);
    let values = 0;
    const [{ any }] = await tx.query(`SELECT count(*)::int AS any FROM indicator_value WHERE indicator_key = ANY($1)`, [
      DEMO_INDICATORS.map((i) => i.key),
    ]);
    if (any === 0) {
      for (const year of DEMO_INDICATOR_YEARS) {
        const rows: NewValue[] = [];
        for (const i of DEMO_INDICATORS) {
          const units =
            i.level === 'municipality'
              ? municipalities.map((m) => ({ id: m.id, key: m.code, region: spaces.find((s) => s.id === m.socialSpaceId)?.code ?? '' }))
              : spaces.map((s) => ({ id: s.id, key: s.code, region: s.code }));
          for (const u of units) {
            // Rural spaces (higher numbers) a little more need and fewer resources; a small yearly drift.
            const rural = (Number(u.region.replace(/\D/g, '')) || 10) / 19 - 0.5;
            const tilt = i.direction === 'need' ? rural : -rural;
            const drift = (noise(`${i.key}:${u.key}:trend`) - 0.5) * 0.08 * (year - DEMO_INDICATOR_YEARS[0]);
            const raw =
              i.base +
              i.spread *
                ((noise(`${i.key}:${u.key}`) - 0.5) * 1.4 + tilt * 0.8 + drift + (noise(`${i.key}:${u.key}:${year}`) - 0.5) * 0.15);
            rows.push({
              indicatorKey: i.key,
              socialSpaceId: i.level === 'municipality' ? null : u.id,
              municipalityId: i.level === 'municipality' ? u.id : null,
              value: Math.max(0, Math.round(raw * 10) / 10),
            });
          }
        }
        await repo.insertValues(tx, year, rows, 'seed', true);
        values += rows.length;
      }
    }
    if ((await repo.methods(tx)).length === 0) {
      await repo.insertMethod(
        tx,
        Object.fromEntries(DEMO_INDICATORS.map((i) => [i.key, 1])),
        'Demo: alle Indikatoren gleich gewichtet',
        'seed',
      );
      for (const year of await repo.years(tx)) await index.recomputeYear(tx, year);
    }
    let boundaries = 0;
    const [{ count }] = await tx.query(`SELECT count(*)::int AS count FROM social_space_boundary`);
    if (count === 0) {
      const list = spaces.flatMap((s) => {
        const cell = SCHEMATIC_CELLS[s.name.replace(/^Sozialraum /, '')];
        return cell ? [{ socialSpaceId: s.id, geometry: schematicPolygon(...cell), schematic: true }] : [];
      });
      await repo.replaceBoundaries(tx, list, 'seed');
      boundaries = list.length;
    }
    return { indicators: DEMO_INDICATORS.length, values, boundaries };
  });
}
