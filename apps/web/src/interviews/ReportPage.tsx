// The feedback report of an interview cycle: response rate, per target perspective and question
// the distribution as bars (SVG, with the same numbers in a table), mean, change against the
// previous cycle, free texts; CSV download with German headers.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { currentToken } from '../auth/auth';
import { ErrorBox, formatDate, Loaded, toApiError, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';
import { SCALE_LABELS } from './InterviewPage';

type QuestionReport = Schemas['QuestionReportDto'];

const percent = (share: number) => `${(share * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;
const signed = (n: number, unit = '') =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toLocaleString('de-DE', { maximumFractionDigits: 2 })}${unit}`;

function answerLabel(q: QuestionReport, value: string): string {
  if (q.type === 'scale' && /^[1-5]$/.test(value)) return SCALE_LABELS[Number(value) - 1];
  if (q.type === 'yes_no') return value === 'true' ? 'Ja' : value === 'false' ? 'Nein' : value;
  return value;
}

export function ReportPage() {
  const { cycleId } = useParams();
  const report = useLoad(() => unwrap(client.GET('/interview-cycles/{id}/report', { params: { path: { id: cycleId! } } })), [cycleId]);
  return (
    <>
      <PageTitle>Rückmeldebericht der Partnerinterviews</PageTitle>
      <p>
        <Link to="/interviews">Zurück zum Interviewzyklus</Link>
      </p>
      <Loaded state={report}>
        {(r) => (
          <>
            <p>
              Zyklus {r.cycle.number}, begonnen am {formatDate(r.cycle.startedAt)}, Fragebogen {r.cycle.questionnaireVersion}.{' '}
              {r.final
                ? `Endgültig (Zyklus abgeschlossen am ${formatDate(r.cycle.completedAt)}).`
                : 'Vorläufig: Der Zyklus läuft noch, die Zahlen können sich ändern.'}
            </p>
            <dl className="facts" aria-label="Rücklauf">
              <div>
                <dt>Rücklaufquote</dt>
                <dd>
                  {percent(r.responseRate)}
                  {r.change && ` (${signed(r.change.responseRate * 100, ' Prozentpunkte')} gegenüber Zyklus ${r.previous?.number ?? ''})`}
                </dd>
              </div>
              <div>
                <dt>Geführt</dt>
                <dd>
                  {r.partners.done} von {r.partners.total - r.partners.withdrawn}
                </dd>
              </div>
              <div>
                <dt>Zurückgezogen</dt>
                <dd>{r.partners.withdrawn}</dd>
              </div>
              <div>
                <dt>Nicht beantwortet</dt>
                <dd>{r.partners.notAnswered}</dd>
              </div>
            </dl>
            <CsvDownload cycleId={r.cycle.id} number={r.cycle.number} />
            {r.perspectives.map((p) => (
              <section key={p.perspective} aria-labelledby={`perspective-${p.perspective}`}>
                <h2 id={`perspective-${p.perspective}`}>{p.title}</h2>
                {p.questions.map((q) => (
                  <QuestionSection key={q.key} question={q} />
                ))}
              </section>
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}

function QuestionSection({ question: q }: { question: QuestionReport }) {
  const captionId = `question-${q.key}`;
  return (
    <section aria-labelledby={captionId} className="deliverable">
      <h3 id={captionId}>{q.text}</h3>
      <p>
        {q.answered} Antworten
        {q.mean !== null && `, Mittelwert ${q.mean.toLocaleString('de-DE', { maximumFractionDigits: 2 })}`}
        {q.change?.mean !== null && q.change?.mean !== undefined && ` (${signed(q.change.mean)} gegenüber dem vorigen Zyklus)`}
      </p>
      {q.type !== 'free_text' && q.distribution.length > 0 && (
        <>
          <DistributionChart question={q} />
          <table>
            <caption className="visually-hidden">{`Verteilung der Antworten: ${q.text}`}</caption>
            <thead>
              <tr>
                <th scope="col">Antwort</th>
                <th scope="col" className="numeric">
                  Anzahl
                </th>
                <th scope="col" className="numeric">
                  Anteil
                </th>
                {q.previous && (
                  <th scope="col" className="numeric">
                    Anteil im vorigen Zyklus
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {q.distribution.map((d) => (
                <tr key={d.value}>
                  <td>{answerLabel(q, d.value)}</td>
                  <td className="numeric">{d.count}</td>
                  <td className="numeric">{percent(d.share)}</td>
                  {q.previous && (
                    <td className="numeric">{percent(q.previous.distribution.find((x) => x.value === d.value)?.share ?? 0)}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {q.type === 'free_text' &&
        (q.texts.length ? (
          <ul>
            {q.texts.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        ) : (
          <p>Keine Freitextantworten.</p>
        ))}
    </section>
  );
}

/** Horizontal bars of the answer shares (and the previous cycle's, in grey). */
function DistributionChart({ question: q }: { question: QuestionReport }) {
  const row = q.previous ? 30 : 20;
  const labelWidth = 170;
  const width = 600;
  const scale = (share: number) => (width - labelWidth - 70) * share;
  return (
    <svg
      viewBox={`0 0 ${width} ${q.distribution.length * row + 4}`}
      width="100%"
      className="bar-chart"
      role="img"
      aria-label={`Verteilung der Antworten als Balken: ${q.text}; die Zahlen stehen in der Tabelle darunter`}
    >
      {q.distribution.map((d, i) => {
        const previous = q.previous?.distribution.find((x) => x.value === d.value)?.share;
        return (
          <g key={d.value} transform={`translate(0, ${i * row})`}>
            <text x={0} y={13} className="chart-label">
              {answerLabel(q, d.value)}
            </text>
            <rect x={labelWidth} y={2} width={Math.max(1, scale(d.share))} height={12} className="bar-allocated" />
            <text x={labelWidth + Math.max(1, scale(d.share)) + 4} y={13} className="chart-value">
              {percent(d.share)}
            </text>
            {previous !== undefined && (
              <rect x={labelWidth} y={16} width={Math.max(1, scale(previous))} height={8} className="bar-previous" />
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
function CsvDownload({ cycleId, number }: { cycleId: string; number: number }) {
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const download = async () => {
    try {
      const response = await fetch(`/interview-cycles/${cycleId}/report?format=csv`, {
        headers: { authorization: `Bearer ${currentToken() ?? ''}`, accept: 'text/csv' },
      });
      if (!response.ok) throw new Error('Der Bericht konnte nicht heruntergeladen werden.');
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `rueckmeldebericht-zyklus-${number}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <div>
      <a
        href={`/interview-cycles/${cycleId}/report?format=csv`}
        onClick={(e) => {
          e.preventDefault();
          void download();
        }}
      >
        Bericht als CSV herunterladen (Tabellenkalkulation)
      </a>
      {error && <ErrorBox error={error} />}
    </div>
  );
}
