import { Link, useParams, useSearchParams } from 'react-router';
import { client, unwrap } from '../api';
import { Loaded, SelectField, useLoad } from '../shared/ui';
import { hasRole, useMe } from '../auth/session';
import { BarChart, formatNumber, TrendChart } from './charts';
import { ValueForm } from './ValueForm';
import { PageTitle } from '../shared/Page';

const DIRECTION = { need: 'Bedarf', resource: 'Ressource' } as const;

/** The Sozialraumprofil of a year: each indicator against the district average, trend and the index with what drives it. */
export function ProfilePage() {
  const me = useMe();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('jahr') ? Number(params.get('jahr')) : undefined;
  const profile = useLoad(
    () => unwrap(client.GET('/social-space-profiles/{socialSpaceId}', { params: { path: { socialSpaceId: id! }, query: { year } } })),
    [id, year],
  );
  return (
    <Loaded state={profile}>
      {(p) => (
        <>
          <PageTitle>{`Sozialraumprofil ${p.socialSpace.name}`}</PageTitle>
          <p>
            {p.socialSpace.planningRegionName} · <Link to="/sozialraeume">Zur Karte</Link> · <Link to="/sozialindex">Zur Rangfolge</Link>
          </p>
          {p.invented && <p className="alert alert-info">Hinweis: Die Werte sind erfundene Demodaten.</p>}
          <SelectField
            label="Jahr"
            value={String(p.year)}
            onChange={(v) => setParams({ jahr: v })}
            options={p.years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          {p.index ? (
            <section aria-labelledby="index-heading">
              <h2 id="index-heading">Sozialindex {p.year}</h2>
              <p>
                Gesamtindex <strong>{formatNumber(p.index.combinedIndex)}</strong> (100 = Durchschnitt des Landkreises, höher = mehr Bedarf)
                · Rang {p.index.rank} von {p.index.of} · Bedarfsindex {formatNumber(p.index.needIndex)} · Ressourcenindex{' '}
                {formatNumber(p.index.resourceIndex)} · Methode Version {p.index.methodVersion}
              </p>
              <BarChart
                label="Beitrag der Indikatoren zum Gesamtindex"
                rows={p.index.contributions.map((c) => ({
                  label: p.indicators.find((i) => i.key === c.indicatorKey)?.name ?? c.indicatorKey,
                  value: c.contribution * 10,
                  text: `${c.contribution >= 0 ? '+' : ''}${formatNumber(c.contribution * 10)} Punkte`,
                }))}
              />
            </section>
          ) : (
            <p>Für {p.year} liegt kein Sozialindex vor.</p>
          )}
          <h2>Indikatoren {p.year}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Indikator</th>
                <th scope="col">Art</th>
                <th scope="col">Wert</th>
                <th scope="col">Durchschnitt Landkreis</th>
                <th scope="col">Abweichung</th>
                <th scope="col">Veränderung zum Vorjahr</th>
                <th scope="col">Verlauf</th>
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((i) => (
                <tr key={i.key}>
                  <th scope="row">
                    {i.name}
                    <br />
                    <small>
                      {i.unit} · {i.level === 'municipality' ? 'je Kommune (Mittelwert)' : 'je Sozialraum'} · Quelle: {i.source}
                    </small>
                  </th>
                  <td>{DIRECTION[i.direction]}</td>
                  <td>{formatNumber(i.value)}</td>
                  <td>{formatNumber(i.districtAverage)}</td>
                  <td>
                    {i.deviation === null ? '–' : `${i.deviation > 0 ? '+' : ''}${formatNumber(i.deviation)}`}
                    {i.deviationPercent !== null && ` (${i.deviationPercent > 0 ? '+' : ''}${formatNumber(i.deviationPercent, 0)} %)`}
                  </td>
                  <td>{i.change === null ? '–' : `${i.change > 0 ? '+' : ''}${formatNumber(i.change)}`}</td>
                  <td>
                    <TrendChart
                      points={i.trend}
                      label={`Verlauf ${i.name}: ${i.trend.map((t) => `${t.year} ${formatNumber(t.value)}`).join(', ')}; gestrichelt der Durchschnitt`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasRole(me, 'coordinator', 'admin') && <ValueForm profile={p} onDone={() => profile.reload()} />}
        </>
      )}
    </Loaded>
  );
}
