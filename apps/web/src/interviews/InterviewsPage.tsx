import { useState } from 'react';
import { Link } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { formatDate, formatDateTime, Loaded, SelectField, TextField, useLoad, useProblems, FormErrors } from '../shared/ui';
import { DataTable } from '../shared/DataTable';
import { useConfirm } from '../shared/confirm';
import { PageTitle } from '../shared/Page';
import { useColleagues } from '../shared/people';

export type PlanningRegion = Schemas['PlanningRegionDto'];
type PartnerInterview = Schemas['PartnerInterviewDto'];

export const INTERVIEW_STATUS: Record<string, string> = {
  open: 'offen',
  planned: 'geplant',
  overdue: 'überfällig',
  done: 'erledigt',
  withdrawn: 'zurückgezogen',
  failed: 'fehlgeschlagen',
};

export function InterviewBadge({ status }: { status: string }) {
  return <span className={`badge badge-interview-${status}`}>{INTERVIEW_STATUS[status] ?? status}</span>;
}

/** The interview cycle's progress with every contract partner, overdue first. */
export function InterviewsPage() {
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const cycle = useLoad(() => unwrap(client.GET('/interview-cycles/current')), []);
  const colleagues = useColleagues();
  const progress = useLoad(
    () =>
      cycle.data
        ? unwrap(
            client.GET('/interview-cycles/{id}/progress', {
              params: {
                path: { id: cycle.data.id },
                query: { status: (status || undefined) as PartnerInterview['status'] | undefined, limit: 50, offset },
              },
            }),
          )
        : new Promise<Schemas['InterviewProgressPageDto']>(() => undefined),
    [cycle.data?.id, status, offset],
  );
  const needle = search.trim().toLowerCase();
  return (
    <>
      <PageTitle>Partnerinterviews</PageTitle>
      {cycle.error?.status === 404 ? (
        <p>Zurzeit läuft kein Interviewzyklus.</p>
      ) : (
        <Loaded state={cycle}>
          {(c) => (
            <>
              <p>
                Zyklus {c.number}, begonnen am {formatDate(c.startedAt)}
                {c.status === 'completed' ? `, abgeschlossen am ${formatDate(c.completedAt)}` : ''}. Fragebogen {c.questionnaireVersion}.{' '}
                <Link to={`/interviews/${c.id}/bericht`}>Rückmeldebericht des Zyklus</Link>
              </p>
              <dl className="facts" aria-label="Stand des Zyklus">
                {(['total', 'open', 'planned', 'overdue', 'done', 'withdrawn', 'failed'] as const).map((k) => (
                  <div key={k}>
                    <dt>{k === 'total' ? 'Vertragspartner' : INTERVIEW_STATUS[k]}</dt>
                    <dd>{c.counts[k] ?? 0}</dd>
                  </div>
                ))}
              </dl>
              <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
                <SelectField
                  label="Stand filtern"
                  value={status}
                  placeholder="Alle"
                  options={Object.entries(INTERVIEW_STATUS).map(([value, label]) => ({ value, label }))}
                  onChange={(v) => {
                    setStatus(v);
                    setOffset(0);
                  }}
                />
                <TextField label="Vertragspartner suchen" value={search} onChange={setSearch} hint="Teil des Namens, auf dieser Seite" />
              </form>
              <DataTable<PartnerInterview>
                caption="Interviews mit den Vertragspartnern, überfällige zuerst"
                rows={progress.data?.items.filter((i) => !needle || i.partnerName.toLowerCase().includes(needle))}
                loading={progress.loading}
                rowKey={(i) => i.id}
                empty="Keine Interviews für diese Auswahl."
                columns={[
                  {
                    key: 'partner',
                    header: 'Vertragspartner',
                    sortValue: (i) => i.partnerName,
                    render: (i) => <Link to={`/interviews/${c.id}/${i.partnerId}`}>{i.partnerName}</Link>,
                  },
                  { key: 'status', header: 'Stand', render: (i) => <InterviewBadge status={i.status} /> },
                  { key: 'planned', header: 'Termin', sortValue: (i) => i.plannedAt, render: (i) => formatDateTime(i.plannedAt) },
                  {
                    key: 'interviewer',
                    header: 'Interviewer:in',
                    render: (i) => (i.interviewerId ? colleagues.nameOf(i.interviewerId) : '–'),
                  },
                  { key: 'due', header: 'Fällig', sortValue: (i) => i.dueAt, render: (i) => formatDate(i.dueAt) },
                ]}
                paging={
                  progress.data
                    ? { total: progress.data.total, limit: progress.data.limit, offset: progress.data.offset, onChange: setOffset }
                    : undefined
                }
              />
              <ScheduleSection />
            </>
          )}
        </Loaded>
      )}
    </>
  );
}

/** The two-yearly schedule: next cycles, pause/resume, start a cycle now. */
function ScheduleSection() {
  const schedule = useLoad(() => unwrap(client.GET('/interview-cycles/schedule')), []);
  const [confirm, dialog] = useConfirm();
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const { error, setError } = useProblems();
  const act = async (action: 'pause' | 'unpause' | 'trigger') => {
    const texts = {
      pause: ['Zeitplan anhalten?', 'Es beginnen keine neuen Interviewzyklen, bis der Zeitplan fortgesetzt wird.', 'Anhalten'],
      unpause: ['Zeitplan fortsetzen?', 'Die nächsten Interviewzyklen beginnen wieder zu ihrem Termin.', 'Fortsetzen'],
      trigger: [
        'Jetzt einen Zyklus starten?',
        'Ein neuer Interviewzyklus mit allen aktiven Vertragspartnern beginnt sofort.',
        'Zyklus starten',
      ],
    }[action];
    if (!(await confirm({ title: texts[0], body: <p>{texts[1]}</p>, confirmLabel: texts[2] }))) return;
    try {
      if (action === 'pause') await unwrap(client.POST('/interview-cycles/schedule/pause', { body: note ? { note } : {} }));
      else if (action === 'unpause') await unwrap(client.POST('/interview-cycles/schedule/unpause', { body: note ? { note } : {} }));
      else await unwrap(client.POST('/interview-cycles/schedule/trigger', { body: {} }));
      setError(null);
      setDone(
        action === 'trigger'
          ? 'Ein neuer Zyklus wurde gestartet.'
          : action === 'pause'
            ? 'Der Zeitplan ist angehalten.'
            : 'Der Zeitplan läuft wieder.',
      );
      schedule.reload();
    } catch (err) {
      setError(err as never);
    }
  };
  if (schedule.error?.status === 404) return null;
  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">Zeitplan der Interviewzyklen</h2>
      {dialog}
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <Loaded state={schedule}>
        {(s) => (
          <>
            <p>
              {s.paused ? 'Angehalten' : 'Aktiv'}
              {s.note ? ` (${s.note})` : ''}. Nächste Zyklen: {s.nextCycles.map((d) => formatDate(d)).join(', ') || '–'}.
            </p>
            <TextField label="Notiz zum Anhalten oder Fortsetzen" value={note} onChange={setNote} />
            <div className="actions">
              <button type="button" className="secondary" onClick={() => void act(s.paused ? 'unpause' : 'pause')}>
                {s.paused ? 'Zeitplan fortsetzen' : 'Zeitplan anhalten'}
              </button>
              <button type="button" className="secondary" onClick={() => void act('trigger')}>
                Zyklus jetzt starten
              </button>
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}
