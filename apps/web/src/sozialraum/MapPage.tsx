import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { Loaded, SelectField, useLoad } from '../shared/ui';
import { CLASS_COLOURS, classesOf, formatNumber } from './charts';
import { PageTitle } from '../shared/Page';

type MapSpace = Schemas['MapSpaceDto'];
const INDEX = 'index';

/** Projects lon/lat to the SVG's plane (equirectangular, corrected for the latitude) and draws rings as a path. */
function pathsOf(spaces: MapSpace[], width: number) {
  const rings = (g: MapSpace['geometry']): number[][][] =>
    !g ? [] : g.type === 'Polygon' ? (g.coordinates as number[][][]) : (g.coordinates as number[][][][]).flat();
  const points = spaces.flatMap((s) => rings(s.geometry).flat());
  if (points.length === 0) return { height: 0, path: () => '' };
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const scale = (width - 20) / ((maxLon - minLon) * k || 1);
  const height = (maxLat - minLat) * scale + 20;
  const xy = ([lon, lat]: number[]) => `${(10 + (lon - minLon) * k * scale).toFixed(1)},${(10 + (maxLat - lat) * scale).toFixed(1)}`;
  return {
    height,
    path: (s: MapSpace) =>
      rings(s.geometry)
        .map((ring) => `M${ring.map(xy).join('L')}Z`)
        .join(' '),
  };
}

/** The social spaces as an SVG choropleth of the Sozialindex or an indicator, with a legend and the same data as a table. */
export function MapPage() {
  const navigate = useNavigate();
  const [measure, setMeasure] = useState(INDEX);
  const [year, setYear] = useState<number | null>(null);
  const data = useLoad(async () => {
    const [map, catalogue, { years }] = await Promise.all([
      unwrap(client.GET('/social-space-map')),
      unwrap(client.GET('/indicators')),
      unwrap(client.GET('/indicators/years')),
    ]);
    const shown = year ?? years[years.length - 1] ?? new Date().getFullYear();
    const ranking = await unwrap(client.GET('/social-index/years/{year}', { params: { path: { year: String(shown) } } })).catch(() => null);
    return { map, catalogue, years, year: shown, ranking };
  }, [year]);

  return (
    <>
      <PageTitle>Sozialraumkarte</PageTitle>
      <Loaded state={data}>
        {({ map, catalogue, years, year: shown, ranking }) => {
          const indicator = catalogue.find((i) => i.key === measure);
          const valueOf = (spaceId: string): number | null => {
            const entry = ranking?.items.find((r) => r.socialSpaceId === spaceId);
            if (!entry) return null;
            if (measure === INDEX) return entry.combinedIndex;
            return entry.contributions.find((c) => c.indicatorKey === measure)?.value ?? null;
          };
          const values = map.spaces.map((s) => valueOf(s.id)).filter((v): v is number => v !== null);
          const { breaks, classOf } = classesOf(values.length ? values : [0]);
          const { height, path } = pathsOf(map.spaces, 640);
          const label =
            measure === INDEX ? 'Sozialindex (100 = Durchschnitt, höher = mehr Bedarf)' : `${indicator?.name} (${indicator?.unit})`;
          return (
            <>
              {map.schematic && (
                <p className="alert alert-info">
                  Schematische Grenzen: Die Flächen zeigen die Lage der Sozialräume nur ungefähr, nicht ihre amtlichen Grenzen.
                </p>
              )}
              <div className="filters">
                <SelectField
                  label="Darstellung"
                  value={measure}
                  onChange={setMeasure}
                  options={[{ value: INDEX, label: 'Sozialindex (gesamt)' }, ...catalogue.map((i) => ({ value: i.key, label: i.name }))]}
                />
                <SelectField
                  label="Jahr"
                  value={String(shown)}
                  onChange={(v) => setYear(Number(v))}
                  options={years.map((y) => ({ value: String(y), label: String(y) }))}
                />
              </div>
              {!ranking && <p>Für {shown} liegt kein Sozialindex vor.</p>}
              <figure className="map">
                <svg
                  viewBox={`0 0 640 ${Math.max(height, 10)}`}
                  width="100%"
                  role="group"
                  aria-label={`Karte der Sozialräume: ${label}, ${shown}`}
                >
                  {map.spaces
                    .filter((s) => s.geometry)
                    .map((s) => {
                      const v = valueOf(s.id);
                      const text = `${s.name}: ${formatNumber(v)}`;
                      return (
                        <a
                          key={s.id}
                          href={`/sozialraeume/${s.id}?jahr=${shown}`}
                          aria-label={text}
                          onClick={(e) => {
                            e.preventDefault();
                            void navigate(`/sozialraeume/${s.id}?jahr=${shown}`);
                          }}
                        >
                          <path
                            d={path(s)}
                            fill={v === null ? '#f0f0f0' : CLASS_COLOURS[classOf(v)]}
                            stroke="#333"
                            strokeWidth={1}
                            data-space={s.code}
                          >
                            <title>{text}</title>
                          </path>
                        </a>
                      );
                    })}
                </svg>
                <figcaption>
                  <strong>{label}</strong>
                  <ul className="legend" aria-label="Legende">
                    {CLASS_COLOURS.map((c, i) => (
                      <li key={c}>
                        <span className="swatch" style={{ background: c }} aria-hidden="true" /> {formatNumber(breaks[i])} bis{' '}
                        {formatNumber(breaks[i + 1])}
                      </li>
                    ))}
                    <li>
                      <span className="swatch" style={{ background: '#f0f0f0' }} aria-hidden="true" /> kein Wert
                    </li>
                  </ul>
                </figcaption>
              </figure>
              <h2>Tabelle</h2>
              <table>
                <caption>
                  {label}, {shown}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Sozialraum</th>
                    <th scope="col">Planregion</th>
                    <th scope="col">Wert</th>
                    <th scope="col">Rang (Sozialindex)</th>
                  </tr>
                </thead>
                <tbody>
                  {map.spaces.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={`/sozialraeume/${s.id}?jahr=${shown}`}>{s.name}</Link>
                      </td>
                      <td>{s.planningRegionName}</td>
                      <td>{formatNumber(valueOf(s.id))}</td>
                      <td>{ranking?.items.find((r) => r.socialSpaceId === s.id)?.rank ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
