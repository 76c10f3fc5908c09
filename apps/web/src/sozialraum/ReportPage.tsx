import { useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { hasRole, useMe } from '../auth/session';
import { formatDateTime, formatEuro, Loaded, SelectField, toApiError, useLoad } from '../shared/ui';
import { BarChart, formatNumber } from './charts';
import { PageTitle } from '../shared/Page';

const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${formatNumber(share * 100)} %`);

/** The report to the Jugendhilfeausschuss for a year and the district or a planning region: printable, and as a PDF. */
export function ReportPage() {
  const me = useMe();
  const admin = hasRole(me, 'admin');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const regions = useLoad(() => unwrap(client.GET('/planning-regions')), []);
  const [region, setRegion] = useState('');
  const [pdfError, setPdfError] = useState<string | null>(null);
  const regionId = region || (admin ? undefined : me.planningRegionIds?.[0]);
  const report = useLoad(
    () => unwrap(client.GET('/jha-reports/{year}', { params: { path: { year }, query: { planningRegionId: regionId } } })),
    [year, regionId],
  );
  const downloadPdf = async () => {
    setPdfError(null);
    try {
      const blob = await unwrap(
        client.GET('/jha-reports/{year}/pdf', { params: { path: { year }, query: { planningRegionId: regionId } }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob as Blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `jha-bericht-${year}.pdf`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setPdfError(toApiError(e).message);
    }
  };
  return (
    <>
      <PageTitle>Bericht an den Jugendhilfeausschuss</PageTitle>
      <div className="filters no-print">
        <SelectField
          label="Jahr"
          value={year}
          onChange={setYear}
          options={[0, 1, 2, 3, 4].map((n) => String(new Date().getFullYear() - n)).map((y) => ({ value: y, label: y }))}
        />
        <Loaded state={regions}>
          {(list) => (
            <SelectField
              label="Planregion"
              value={region || regionId || ''}
              onChange={setRegion}
              placeholder={admin ? 'Ganzer Landkreis' : undefined}
              options={list.items.filter((r) => admin || me.planningRegionIds?.includes(r.id)).map((r) => ({ value: r.id, label: r.name }))}
            />
          )}
        </Loaded>
        <button type="button" onClick={() => window.print()}>
          Drucken
        </button>
        <button type="button" onClick={downloadPdf}>
          PDF herunterladen
        </button>
      </div>
      {pdfError && (
        <p className="alert alert-error" role="alert">
          Das PDF konnte nicht erstellt werden: {pdfError}
        </p>
      )}
      <Loaded state={report}>
        {(r) => (
          <article className="report">
            <p>
              <strong>
                {r.year} · {r.scope.name}
              </strong>{' '}
              · erstellt {formatDateTime(r.generatedAt)} aus anonymisierten Planungsdaten
            </p>
            {r.inventedIndicators && (
              <p className="alert alert-info">Hinweis: Die Indikatorwerte des Sozialindex sind erfundene Demodaten.</p>
            )}
            <h2>Phasenstand der Sozialräume</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Sozialraum</th>
                  <th scope="col">Planregion</th>
                  <th scope="col">Phase</th>
                  <th scope="col">Stand</th>
                </tr>
              </thead>
              <tbody>
                {r.spaces.map((s) => (
                  <tr key={s.id}>
                    <td>{s.phase ? <Link to={`/prozesse/${s.phase.processId}`}>{s.name}</Link> : s.name}</td>
                    <td>{s.planningRegionName}</td>
                    <td>{s.phase ? `${s.phase.phaseNumber ?? '–'} von 6: ${s.phase.phaseTitle ?? ''}` : 'kein Prozess'}</td>
                    <td>{s.phase ? `${s.phase.statusLabel}${s.phase.overdue ? ', überfällig' : ''}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Sozialraumbudget: zugewiesen und ausgegeben</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Sozialraum / Maßnahme</th>
                  <th scope="col">Budget</th>
                  <th scope="col">Zugewiesen</th>
                  <th scope="col">Ausgegeben</th>
                </tr>
              </thead>
              <tbody>
                {r.spaces.flatMap((s) => [
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{s.budget ? formatEuro(s.budget.amountCents) : 'nicht festgelegt'}</td>
                    <td>{s.budget ? formatEuro(s.budget.allocatedCents) : '–'}</td>
                    <td>{s.budget ? formatEuro(s.budget.spentCents) : '–'}</td>
                  </tr>,
                  ...(s.budget?.allocations ?? []).map((a, i) => (
                    <tr key={`${s.id}-${i}`}>
                      <td className="indent">{a.title}</td>
                      <td />
                      <td>{formatEuro(a.allocatedCents)}</td>
                      <td>{formatEuro(a.spentCents)}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
            <h2>Interviews mit den Vertragspartnern</h2>
            <p>
              {r.interviews.cycleNumber === null
                ? 'Bis zum Ende des Jahres wurde kein Interviewzyklus begonnen.'
                : `Zyklus ${r.interviews.cycleNumber}: ${r.interviews.done} von ${r.interviews.total - r.interviews.withdrawn} Interviews geführt (Rücklaufquote ${percent(r.interviews.responseRate)}; ${r.interviews.withdrawn} zurückgezogen).`}
            </p>
            <h2>Sozialindex: Rangfolge und Veränderung</h2>
            {r.index ? (
              <>
                <p>
                  Methode Version {r.index.methodVersion}; 100 = Durchschnitt des Landkreises, höher = mehr Bedarf; Rang 1 von{' '}
                  {r.index.spacesRanked} = höchster Bedarf.
                </p>
                <BarChart
                  label={`Sozialindex ${r.year}`}
                  rows={r.spaces
                    .filter((s) => s.index)
                    .sort((a, b) => a.index!.rank - b.index!.rank)
                    .map((s) => ({
                      label: `${s.index!.rank}. ${s.name}`,
                      value: s.index!.combinedIndex - 100,
                      text: formatNumber(s.index!.combinedIndex),
                    }))}
                />
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Rang</th>
                      <th scope="col">Sozialraum</th>
                      <th scope="col">Index</th>
                      <th scope="col">Veränderung</th>
                      <th scope="col">Rang im Vorjahr</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.spaces
                      .filter((s) => s.index)
                      .sort((a, b) => a.index!.rank - b.index!.rank)
                      .map((s) => (
                        <tr key={s.id}>
                          <td>{s.index!.rank}</td>
                          <td>{s.name}</td>
                          <td>{formatNumber(s.index!.combinedIndex)}</td>
                          <td>{s.index!.change === null ? '–' : `${s.index!.change > 0 ? '+' : ''}${formatNumber(s.index!.change)}`}</td>
                          <td>{s.index!.previousRank ?? '–'}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p>Für dieses Jahr liegt kein Sozialindex vor.</p>
            )}
            <h2>Gefährdungseinschätzungen nach § 8a SGB VIII (anonymisiert)</h2>
            <p>
              Abgeschlossene Einschätzungen des Jahres; Zahlen unter 5 erscheinen als „&lt;5“ (und, wo sie sonst errechenbar wären, eine
              weitere Zahl).
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Ergebnis</th>
                  <th scope="col">Anzahl</th>
                </tr>
              </thead>
              <tbody>
                {r.riskAssessments.byResult.map((c) => (
                  <tr key={c.result}>
                    <td>{c.label}</td>
                    <td>{c.display}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Insgesamt</th>
                  <td>{r.riskAssessments.total.display}</td>
                </tr>
              </tbody>
            </table>
            <table>
              <thead>
                <tr>
                  <th scope="col">Sozialraum</th>
                  <th scope="col">Anzahl</th>
                </tr>
              </thead>
              <tbody>
                {r.spaces.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{s.riskAssessments.display}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Anteil fallunspezifischer Arbeit</h2>
            <p>
              {r.preventive
                ? `${percent(r.preventive.share)} der erfassten Zeit (Ziel ${percent(r.preventive.target)}).`
                : 'Für dieses Jahr wurde keine Arbeitszeit auf die Sozialräume erfasst.'}
            </p>
          </article>
        )}
      </Loaded>
    </>
  );
}
