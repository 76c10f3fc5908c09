// Administration beside the definitions: failed reminders, the retention schedule, § 8a statistics.
import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { PageTitle } from '../shared/Page';
import { germanDateOf } from '../shared/german';
import { DataTable } from '../shared/DataTable';
import { useConfirm } from '../shared/confirm';
import {
  ErrorBox,
  formatDateTime,
  FormErrors,
  Loaded,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';

const CHANNELS: Record<string, string> = { in_app: 'Posteingang', email: 'E-Mail' };
const TEMPLATES: Record<string, string> = {
  'step-due': 'Frist eines Schritts',
  'step-overdue': 'Überfälliger Schritt (Eskalation)',
  'conference-due': 'Sozialraumkonferenz',
  'follow-up-due': 'Wiedervorlage',
  'decision-due': 'Entscheidung zu einer Vereinbarung',
  'agreement-rejected': 'Vereinbarung abgelehnt',
  'agreement-renewal-due': 'Verlängerung einer Vereinbarung',
  'case-break-glass': 'Notfallzugriff auf einen Fall',
  'case-transferred': 'Fallübergabe',
};
/** What a reminder is about, in words: its kind and the process or step it names (never a person). */
const reminderName = (r: Schemas['ReminderDto']) =>
  [TEMPLATES[r.template] ?? r.template, r.context.processTitle, r.context.stepTitle].filter((v) => typeof v === 'string' && v).join(': ');

/** Reminders that could not be delivered after every attempt, with the last error; each can be sent again. */
export function FailedRemindersPage() {
  const failed = useLoad(() => unwrap(client.GET('/reminders', { params: { query: { status: 'failed', limit: 100 } } })), []);
  const metrics = useLoad(() => unwrap(client.GET('/reminders/metrics')), []);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const retry = async (r: Schemas['ReminderDto']) => {
    try {
      await unwrap(client.POST('/reminders/{id}/retry', { params: { path: { id: r.id } } }));
      setMessage(`„${reminderName(r)}“ wird erneut zugestellt.`);
      setError(null);
      failed.reload();
      metrics.reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <>
      <PageTitle>Fehlgeschlagene Erinnerungen</PageTitle>
      <Loaded state={metrics}>
        {(m) => (
          <p role="status">
            Übersicht:{' '}
            {Object.entries(m.byStatus)
              .map(([k, v]) => `${REMINDER_STATUS[k] ?? k}: ${v}`)
              .join(' · ') || 'keine Zahlen'}
          </p>
        )}
      </Loaded>
      {message && (
        <p className="alert alert-ok" role="status">
          {message}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      <Loaded state={failed}>
        {(page) => (
          <DataTable
            caption={`${page.total} fehlgeschlagene Erinnerungen`}
            rows={page.items}
            rowKey={(r) => r.id}
            empty="Keine fehlgeschlagenen Erinnerungen."
            columns={[
              { key: 'due', header: 'Fällig', sortValue: (r) => r.dueAt, render: (r) => formatDateTime(r.dueAt) },
              { key: 'what', header: 'Erinnerung', render: (r) => reminderName(r) },
              { key: 'channels', header: 'Wege', render: (r) => r.channels.map((c) => CHANNELS[c] ?? c).join(', ') },
              { key: 'attempts', header: 'Versuche', numeric: true, render: (r) => r.attempts },
              { key: 'error', header: 'Letzter Fehler', render: (r) => r.lastError ?? '–' },
              {
                key: 'retry',
                header: 'Aktion',
                render: (r) => (
                  <button type="button" className="secondary" onClick={() => void retry(r)}>
                    Erneut senden<span className="visually-hidden">: {reminderName(r)}</span>
                  </button>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}
const REMINDER_STATUS: Record<string, string> = {
  scheduled: 'geplant',
  sent: 'versandt',
  cancelled: 'abgesagt',
  failed: 'fehlgeschlagen',
  late: 'verspätet',
};

/** The nightly retention run: its hour and batch size, a run on demand, the cases it anonymised. */
export function RetentionPage() {
  const schedule = useLoad(() => unwrap(client.GET('/retention/schedule')), []);
  const anonymised = useLoad(() => unwrap(client.GET('/retention/anonymised', { params: { query: { limit: 50 } } })), []);
  const holds = useLoad(() => unwrap(client.GET('/retention/legal-holds', { params: { query: { limit: 100 } } })), []);
  return (
    <>
      <PageTitle>Löschfristen</PageTitle>
      <p>
        Abgeschlossene Fälle werden nach Ablauf ihrer Aufbewahrungsfrist anonymisiert, außer sie stehen unter Löschsperre. Löschsperren
        setzt die fallführende Fachkraft am Fall.
      </p>
      <Loaded state={schedule}>{(s) => <ScheduleForm schedule={s} onChanged={schedule.reload} />}</Loaded>
      <section aria-labelledby="holds">
        <h2 id="holds">Löschsperren</h2>
        <Loaded state={holds}>
          {(page) => (
            <DataTable
              caption="Fälle unter Löschsperre"
              captionHidden
              rows={page.items}
              rowKey={(c) => c.caseId}
              empty="Kein Fall steht unter Löschsperre."
              columns={[
                { key: 'case', header: 'Aktenzeichen', sortValue: (c) => c.pseudonym, render: (c) => c.pseudonym },
                { key: 'since', header: 'Gesperrt seit', render: (c) => formatDateTime(c.legalHoldAt) },
                { key: 'by', header: 'Gesperrt von', render: (c) => c.legalHoldByName ?? c.legalHoldBy ?? '–' },
                {
                  key: 'deletion',
                  header: 'Löschdatum',
                  sortValue: (c) => c.deletionDate,
                  render: (c) => (
                    <>
                      {c.deletionDate ? germanDateOf(c.deletionDate) : 'Fall offen'}
                      {c.overdue && <strong> (abgelaufen, nur die Sperre hält den Fall)</strong>}
                    </>
                  ),
                },
              ]}
            />
          )}
        </Loaded>
      </section>
      <section aria-labelledby="anonymised">
        <h2 id="anonymised">Zuletzt anonymisierte Fälle</h2>
        <Loaded state={anonymised}>
          {(page) => (
            <DataTable
              caption="Anonymisierte Fälle"
              captionHidden
              rows={page.items}
              rowKey={(c) => c.caseId}
              empty="Noch keine anonymisierten Fälle."
              columns={[
                { key: 'at', header: 'Anonymisiert', render: (c) => formatDateTime(c.anonymisedAt) },
                { key: 'case', header: 'Fall', render: (c) => <code>{c.caseId.slice(0, 8)}</code> },
              ]}
            />
          )}
        </Loaded>
      </section>
    </>
  );
}

function ScheduleForm({ schedule, onChanged }: { schedule: Schemas['RetentionScheduleResponseDto']; onChanged: () => void }) {
  const [hour, setHour] = useState(String(schedule.hour));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirm, dialog] = useConfirm();
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(client.PUT('/retention/schedule', { body: { hour: Number(hour) } }));
      setMessage('Die Uhrzeit wurde gespeichert.');
      setError(null);
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const trigger = async () => {
    if (
      !(await confirm({
        title: 'Löschlauf jetzt starten?',
        body: (
          <p>
            Alle abgeschlossenen Fälle, deren Aufbewahrungsfrist abgelaufen ist und die nicht gesperrt sind, werden jetzt anonymisiert. Das
            lässt sich nicht rückgängig machen.
          </p>
        ),
        confirmLabel: 'Jetzt anonymisieren',
        danger: true,
      }))
    )
      return;
    try {
      await unwrap(client.POST('/retention/schedule/trigger'));
      setMessage('Der Löschlauf wurde gestartet.');
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">Zeitplan</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{schedule.paused ? 'pausiert' : 'aktiv'}</dd>
        <dt>Nächste Läufe</dt>
        <dd>{schedule.nextRuns.map((r) => formatDateTime(r)).join(', ') || '–'}</dd>
        <dt>Bisherige Läufe</dt>
        <dd>{schedule.runsStarted}</dd>
      </dl>
      {message && (
        <p className="alert alert-ok" role="status">
          {message}
        </p>
      )}
      <form onSubmit={submit} className="filters" noValidate>
        <FormErrors error={error} />
        <TextField
          label="Uhrzeit (volle Stunde, deutsche Zeit)"
          hint="0 bis 23"
          pointer="/hour"
          value={hour}
          onChange={setHour}
          errors={at('/hour')}
        />
        <SubmitButton busy={busy}>Speichern</SubmitButton>
      </form>
      <button type="button" className="danger" onClick={trigger}>
        Löschlauf jetzt starten …
      </button>
      {dialog}
    </section>
  );
}

const DIMENSIONS = [
  { value: 'result', label: 'Ergebnis' },
  { value: 'ageGroup', label: 'Altersgruppe' },
  { value: 'sex', label: 'Geschlecht' },
  { value: 'reportedBy', label: 'Meldende Stelle' },
];
const VALUE_LABELS: Record<string, string> = {
  acute: 'akute Kindeswohlgefährdung',
  latent: 'latente Kindeswohlgefährdung',
  help_needed: 'keine Gefährdung, aber Hilfebedarf',
  none: 'weder Gefährdung noch Hilfebedarf',
  male: 'männlich',
  female: 'weiblich',
  diverse: 'divers',
  unknown: 'unbekannt',
  police_court: 'Polizei/Gericht',
  school: 'Schule',
  kita: 'Kita',
};
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** A CSV cell: `;`-separated, quoted when needed, never starting a formula. */
const cell = (v: string | number | null) => {
  const text = v === null ? '' : String(v);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[;"\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** § 8a assessments per month, as aggregates (small counts suppressed by the server), with a CSV download. */
export function StatisticsPage() {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [dimension, setDimension] = useState('result');
  const [query, setQuery] = useState({ year: new Date().getFullYear(), dimension: 'result' });
  const summary = useLoad(
    () =>
      unwrap(
        client.GET('/statistics/risk-assessments/summary', {
          params: { query: { year: query.year, dimension: query.dimension as 'result' } },
        }),
      ),
    [query.year, query.dimension],
  );
  const dimensionLabel = DIMENSIONS.find((d) => d.value === query.dimension)?.label ?? query.dimension;
  const download = (s: Schemas['RiskAssessmentSummaryResponseDto']) => {
    const rows = [
      ['Jahr', 'Monat', dimensionLabel, 'Anzahl', 'Unterdrückt (kleine Zahl)'],
      ...s.cells.map((c) => [s.year, MONTHS[c.month - 1], VALUE_LABELS[c.value] ?? c.value, c.count, c.suppressed ? 'ja' : 'nein']),
    ];
    const csv = `\uFEFF${rows.map((r) => r.map((v) => cell(v as string | number | null)).join(';')).join('\r\n')}\r\n`;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `paragraph-8a-${s.year}-${query.dimension}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      <PageTitle>§ 8a-Statistik</PageTitle>
      <p>Zahlen der abgeschlossenen Gefährdungseinschätzungen je Monat. Zahlen unter 5 sind zum Schutz der Familien unterdrückt.</p>
      <form
        className="filters"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ year: Number(year), dimension });
        }}
      >
        <TextField
          label="Jahr"
          value={year}
          onChange={setYear}
          errors={summary.error?.errors.filter((p) => p.pointer === '/year').map((p) => p.message)}
        />
        <SelectField label="Merkmal" value={dimension} onChange={setDimension} options={DIMENSIONS} />
        <button type="submit">Anzeigen</button>
      </form>
      {summary.error ? (
        <ErrorBox error={summary.error} />
      ) : (
        <Loaded state={summary}>
          {(s) => (
            <>
              <DataTable
                caption={`§ 8a-Einschätzungen ${s.year} nach ${dimensionLabel}`}
                rows={s.cells}
                rowKey={(c) => `${c.month}-${c.value}`}
                empty="Keine Einschätzungen in diesem Jahr."
                columns={[
                  { key: 'month', header: 'Monat', sortValue: (c) => c.month, render: (c) => MONTHS[c.month - 1] },
                  { key: 'value', header: dimensionLabel, render: (c) => VALUE_LABELS[c.value] ?? c.value },
                  { key: 'count', header: 'Anzahl', numeric: true, render: (c) => (c.suppressed ? 'unter 5' : (c.count ?? '–')) },
                ]}
              />
              <button type="button" onClick={() => download(s)} disabled={s.cells.length === 0}>
                Als CSV herunterladen
              </button>
            </>
          )}
        </Loaded>
      )}
    </>
  );
}
