import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { hasRole, useMe } from '../auth/session';
import { FormErrors, formatDateTime, Loaded, SelectField, SubmitButton, TextField, toApiError, useLoad, useProblems } from '../shared/ui';
import { BarChart, formatNumber } from './charts';
import { PageTitle } from '../shared/Page';

/** The ranking of the social spaces by the Sozialindex, with its method versions (the administration adds new ones). */
export function IndexPage() {
  const me = useMe();
  const [year, setYear] = useState<number | null>(null);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const data = useLoad(async () => {
    const [{ years }, methods, catalogue] = await Promise.all([
      unwrap(client.GET('/indicators/years')),
      unwrap(client.GET('/social-index/methods')),
      unwrap(client.GET('/indicators')),
    ]);
    const shown = year ?? years[years.length - 1] ?? new Date().getFullYear();
    const ranking = await unwrap(
      client.GET('/social-index/years/{year}', { params: { path: { year: String(shown) }, query: { methodVersion: version } } }),
    ).catch(() => null);
    return { years, methods, catalogue, ranking, year: shown };
  }, [year, version]);
  return (
    <>
      <PageTitle>Sozialindex</PageTitle>
      <p>
        Je Indikator z-standardisiert, nach Richtung ausgerichtet (Ressourcen mindern den Bedarf) und gewichtet; 100 = Durchschnitt des
        Landkreises, 10 Punkte = eine Standardabweichung, Rang 1 = höchster Bedarf.
      </p>
      <Loaded state={data}>
        {({ years, methods, catalogue, ranking, year: shown }) => (
          <>
            <div className="filters">
              <SelectField
                label="Jahr"
                value={String(shown)}
                onChange={(v) => setYear(Number(v))}
                options={years.map((y) => ({ value: String(y), label: String(y) }))}
              />
              <SelectField
                label="Methodenversion"
                value={String(version ?? methods[0]?.version ?? '')}
                onChange={(v) => setVersion(Number(v))}
                options={methods.map((m) => ({ value: String(m.version), label: `Version ${m.version}${m.note ? ` – ${m.note}` : ''}` }))}
              />
            </div>
            {!ranking ? (
              <p>Für {shown} liegt kein Ergebnis vor.</p>
            ) : (
              <>
                <BarChart
                  label={`Sozialindex ${shown}: Abstand vom Durchschnitt 100`}
                  rows={ranking.items.map((r) => ({ label: r.name, value: r.combinedIndex - 100, text: formatNumber(r.combinedIndex) }))}
                />
                <table>
                  <caption>
                    Rangfolge {shown}, Methode Version {ranking.method.version} (berechnet{' '}
                    {formatDateTime(ranking.computedAt as string | null)})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Rang</th>
                      <th scope="col">Sozialraum</th>
                      <th scope="col">Gesamt</th>
                      <th scope="col">Bedarf</th>
                      <th scope="col">Ressourcen</th>
                      <th scope="col">Veränderung</th>
                      <th scope="col">Rang im Vorjahr</th>
                      <th scope="col">Stärkster Treiber</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ranking.items.map((r) => {
                      const top = [...r.contributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))[0];
                      return (
                        <tr key={r.socialSpaceId}>
                          <td>{r.rank}</td>
                          <td>
                            <Link to={`/sozialraeume/${r.socialSpaceId}?jahr=${shown}`}>{r.name}</Link>
                          </td>
                          <td>{formatNumber(r.combinedIndex)}</td>
                          <td>{formatNumber(r.needIndex)}</td>
                          <td>{formatNumber(r.resourceIndex)}</td>
                          <td>{r.change === null ? '–' : `${r.change > 0 ? '+' : ''}${formatNumber(r.change)}`}</td>
                          <td>{r.previousRank ?? '–'}</td>
                          <td>
                            {top
                              ? `${catalogue.find((i) => i.key === top.indicatorKey)?.name ?? top.indicatorKey} (${top.contribution >= 0 ? '+' : ''}${formatNumber(top.contribution * 10)})`
                              : '–'}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            )}
            {hasRole(me, 'admin') && (
              <NewMethodForm catalogue={catalogue} current={methods[0]?.weights ?? {}} onDone={() => data.reload()} />
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function NewMethodForm({
  catalogue,
  current,
  onDone,
}: {
  catalogue: Array<{ key: string; name: string }>;
  current: Record<string, number>;
  onDone: () => void;
}) {
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(catalogue.map((i) => [i.key, String(current[i.key] ?? 0).replace('.', ',')])),
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const method = await unwrap(
        client.POST('/social-index/methods', {
          body: {
            weights: catalogue.map((i) => ({ indicatorKey: i.key, weight: Number((weights[i.key] ?? '0').replace(',', '.')) })),
            note: note || undefined,
          },
        }),
      );
      setSaved(method.version);
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>Neue Methodenversion</h2>
      <p>
        Gewicht 0 heißt: nicht einbezogen. Alle Jahre werden nach der neuen Version berechnet; die Ergebnisse älterer Versionen bleiben
        erhalten.
      </p>
      <FormErrors error={error} fieldPointers={catalogue.map((_, i) => `/weights/${i}`)} />
      {saved !== null && <p role="status">Version {saved} wurde angelegt und berechnet.</p>}
      {catalogue.map((i, n) => (
        <TextField
          key={i.key}
          label={`Gewicht: ${i.name}`}
          value={weights[i.key] ?? '0'}
          onChange={(v) => setWeights({ ...weights, [i.key]: v })}
          errors={at(`/weights/${n}`)}
        />
      ))}
      <TextField label="Begründung" value={note} onChange={setNote} errors={at('/note')} />
      <SubmitButton busy={busy}>Methodenversion anlegen</SubmitButton>
    </form>
  );
}
