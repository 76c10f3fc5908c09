import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { FormErrors, SubmitButton, TextField, toApiError, useProblems } from '../shared/ui';
import { PageTitle } from '../shared/Page';

const EXAMPLE = 'Indikator;Sozialraum;Kommune;Wert\nsgb2-kinder;SR01;;12,5\narbeitslosenquote;SR12;KOM12;4,8';

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
  const rowProblems = error?.errors.filter((p) => p.pointer === '/csv') ?? [];
  return (
    <>
      <PageTitle>Indikatoren importieren</PageTitle>
      <p>
        CSV im deutschen Format: Semikolon als Trennzeichen, Dezimalkomma, Kopfzeile <code>Indikator;Sozialraum;Kommune;Wert</code>.
        Sozialraum und Kommune mit Code (z. B. SR01, KOM12) oder Namen. Der Import ersetzt alle Werte des Jahres in Ihren Planregionen –
        vollständig oder gar nicht.
      </p>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/csv', '/year']} />
        <TextField label="Jahr" value={year} onChange={setYear} errors={at('/year')} required />
        <div className="field">
          <label htmlFor="csv-file">Datei wählen</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? '')}
          />
        </div>
        <TextField label="Inhalt der Datei" hint={`Beispiel:\n${EXAMPLE}`} value={csv} onChange={setCsv} multiline rows={10} required />
        {rowProblems.length > 0 && (
          <div className="alert alert-error" role="alert">
            <strong>{error?.message}</strong>
            <table>
              <caption>Fehlerhafte Zeilen</caption>
              <thead>
                <tr>
                  <th scope="col">Zeile</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {rowProblems.map((p, i) => (
                  <tr key={i}>
                    <td>{String((p as { params?: { line?: number } }).params?.line ?? '–')}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {result && (
          <p role="status" className="alert alert-ok">
            {result.imported} Werte für {result.year} übernommen; {result.replaced} bisherige Werte ersetzt. Der Sozialindex wurde neu
            berechnet.
          </p>
        )}
        <SubmitButton busy={busy}>Importieren</SubmitButton>
      </form>
    </>
  );
}
