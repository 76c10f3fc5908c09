import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, client, Schemas, unwrap } from '../api';
import { FormErrors, SubmitButton, TextField, toApiError, useProblems } from '../shared/ui';
import { PageTitle } from '../shared/Page';

const EXAMPLE = 'Indikator;Sozialraum;Kommune;Wert\nsgb2-kinder;SR01;;12,5\narbeitslosenquote;SR12;KOM12;4,8';

type RowProblem = ApiError['errors'][number] & { params?: { line?: number; column?: string } };

/** The problem without the „Zeile 3, Spalte „Wert“: “ the table already shows in its own columns. */
const withoutPlace = (message: string) => message.replace(/^Zeile \d+(, Spalte „[^“]*“)?: /, '');

/** Import of a year's indicator values from a CSV file; the problems are listed by line and column, nothing is stored then. */
export function ImportPage() {
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Schemas['ImportResultDto'] | null>(null);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await unwrap(client.POST('/indicators/imports/{year}', { params: { path: { year } }, body: { csv } })));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const rowProblems: RowProblem[] = error?.errors.filter((p) => p.pointer === '/csv') ?? [];
  // The file's problems have their table below; the summary names the rest (the year, a refusal).
  const otherProblems = error && rowProblems.length > 0 ? error.errors.filter((p) => p.pointer !== '/csv') : null;
  const summary =
    error && otherProblems ? (otherProblems.length > 0 ? new ApiError({ ...error.problem, errors: otherProblems }) : null) : error;
  // Without a summary, the focus goes to the table of problems (as it goes to the summary otherwise).
  const rowAlert = useRef<HTMLDivElement>(null);
  const focusRows = rowProblems.length > 0 && !summary;
  useEffect(() => {
    if (focusRows) rowAlert.current?.focus();
  }, [error, focusRows]);
  return (
    <>
      <PageTitle>Indikatoren importieren</PageTitle>
      <p>
        CSV im deutschen Format: Semikolon als Trennzeichen, Dezimalkomma, Kopfzeile <code>Indikator;Sozialraum;Kommune;Wert</code>.
        Sozialraum und Kommune mit Code (z. B. SR01, KOM12) oder Namen. Der Import ersetzt alle Werte des Jahres in Ihren Planregionen –
        vollständig oder gar nicht.
      </p>
      <p>Beispiel:</p>
      <pre className="csv-example">{EXAMPLE}</pre>
      <form onSubmit={submit} noValidate>
        <FormErrors error={summary} fieldPointers={['/csv', '/year']} />
        <TextField label="Jahr" value={year} onChange={setYear} errors={at('/year')} pointer="/year" required />
        <div className="field">
          <label htmlFor="csv-file">Datei wählen</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? '')}
          />
        </div>
        <TextField
          label="Inhalt der Datei"
          hint="Füllt sich beim Wählen der Datei; Sie können den Inhalt auch hier einfügen und korrigieren."
          value={csv}
          onChange={setCsv}
          multiline
          rows={10}
          required
          pointer="/csv"
          errors={rowProblems.length > 0 ? ['Die Datei hat fehlerhafte Zeilen; sie sind unten aufgeführt.'] : undefined}
        />
        {rowProblems.length > 0 && (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={rowAlert}>
            <strong>{error?.message}</strong>
            <table>
              <caption>Fehlerhafte Zeilen der Datei</caption>
              <thead>
                <tr>
                  <th scope="col">Zeile</th>
                  <th scope="col">Spalte</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {rowProblems.map((p, i) => (
                  <tr key={i}>
                    <td>{p.params?.line ?? '–'}</td>
                    <td>{p.params?.column ?? '–'}</td>
                    <td>{withoutPlace(p.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {result && (
          <>
            <p role="status" className="alert alert-ok">
              {result.imported} Werte für {result.year} übernommen; {result.replaced} bisherige Werte ersetzt. Der Sozialindex wurde neu
              berechnet.
            </p>
            <p>
              <Link to="/sozialraeume">Zur Sozialraumkarte</Link> · <Link to="/sozialindex">Zur Rangfolge</Link>
            </p>
          </>
        )}
        <SubmitButton busy={busy}>Importieren</SubmitButton>
      </form>
    </>
  );
}
