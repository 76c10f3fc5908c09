import { FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { ProcessMeetings } from '../gremien/ProcessMeetings';
import { ProfileLink } from './ProfileLink';
import {
  DeadlineBadge,
  formatDate,
  formatDateTime,
  formatEuro,
  FormErrors,
  Loaded,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  useLoad,
  useProblems,
} from '../shared/ui';
import { usePlanningRegions } from '../shared/reference';
import { PageTitle } from '../shared/Page';

export type PlanningRegion = Schemas['PlanningRegionDto'];
type PhaseDeadline = Schemas['PhaseDeadlineDto'];
type DeadlineStatus = PhaseDeadline['status'];
type ProcessView = Schemas['SozialraumProcessDetailDto'];
type StepState = ProcessView['process']['steps'][number];

const STATUS_OPTIONS = [
  { value: 'overdue', label: 'Überfällig' },
  { value: 'due_soon', label: 'Bald fällig (14 Tage)' },
  { value: 'on_track', label: 'Im Plan' },
  { value: 'paused', label: 'Pausiert' },
];

/** The phase-deadline board: every social-space process, overdue first. */
export function BoardPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('planregion') ?? '';
  const status = params.get('status') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const regions = usePlanningRegions();
  const board = useLoad(
    () =>
      unwrap(
        client.GET('/dashboard/phase-deadlines', {
          params: {
            query: {
              planningRegionId: region || undefined,
              status: (status || undefined) as DeadlineStatus | undefined,
              limit: 50,
              offset,
            },
          },
        }),
      ),
    [region, status, offset],
  );
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  return (
    <>
      <PageTitle>Phasenfristen der Sozialräume</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter">
        <SelectField
          label="Planregion"
          value={region}
          placeholder="Alle Planregionen"
          options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v) => set({ planregion: v })}
        />
        <SelectField label="Stand" value={status} placeholder="Alle" options={STATUS_OPTIONS} onChange={(v) => set({ status: v })} />
      </form>
      <Loaded state={board}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine laufenden Prozesse für diese Auswahl.</p>
          ) : (
            <>
              <p role="status">
                {page.total} Prozesse, überfällige zuerst. Überfällig: {page.counts.overdue}, bald fällig: {page.counts.dueSoon}, im Plan:{' '}
                {page.counts.onTrack}, pausiert: {page.counts.paused}.
              </p>
              <table>
                <caption className="visually-hidden">Sozialraumprozesse mit aktueller Phase und Frist</caption>
                <thead>
                  <tr>
                    <th scope="col">Stand</th>
                    <th scope="col">Sozialraum</th>
                    <th scope="col">Planregion</th>
                    <th scope="col">Aktuelle Phase</th>
                    <th scope="col">Fällig am</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((d) => (
                    <tr key={d.processId}>
                      <td>
                        <DeadlineBadge status={d.status} daysLeft={d.daysLeft} pausedSince={d.pausedSince} />
                      </td>
                      <td>
                        <Link to={`/prozesse/${d.processId}`}>{d.socialSpaceName}</Link>
                        {d.processStatus === 'paused' && <span className="muted"> (pausiert)</span>}
                      </td>
                      <td>{d.planningRegionName}</td>
                      <td>
                        {d.phaseNumber}. {d.phaseTitle}
                      </td>
                      <td>{formatDate(d.dueAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={(o) => set({ offset: String(o) })} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** The part of the Sozialraum definition's spec this page reads (the API serves specs as JSON documents). */
interface SozialraumSpec {
  phases: Array<{ key: string; title: string; deliverables: Array<{ key: string; title: string; required: boolean }> }>;
}

const STEP_STATUS: Record<string, string> = { pending: 'offen', active: 'aktiv', completed: 'abgeschlossen' };
const MEMBER_KIND: Record<string, string> = { user: 'Person', contract_partner: 'Vertragspartner', municipality: 'Kommune' };

/** One social-space process: phases, deliverables, members, budget and history. */
export function ProcessPage() {
  const { id } = useParams();
  const view = useLoad(() => unwrap(client.GET('/sozialraum-processes/{id}', { params: { path: { id: id! } } })), [id]);
  return (
    <Loaded state={view}>
      {({ process, state }) => (
        <>
          <PageTitle>{`Sozialraumprozess: ${String(process.summary.title ?? 'Sozialraum')}`}</PageTitle>
          <p>
            Status: <strong>{process.status === 'running' ? 'läuft' : process.status}</strong> · Definition Version{' '}
            {process.definitionVersion}
          </p>
          <Phases
            processId={process.id}
            version={process.definitionVersion}
            steps={process.steps}
            deliverables={state?.deliverables ?? {}}
            current={process.currentStep}
            onChange={view.reload}
          />
          <section aria-labelledby="members">
            <h2 id="members">Lokale Verantwortungsgemeinschaft</h2>
            {state?.members.length ? (
              <ul>
                {state.members.map((m) => (
                  <li key={m.id}>
                    {m.function} ({MEMBER_KIND[m.kind] ?? m.kind})
                  </li>
                ))}
              </ul>
            ) : (
              <p>Noch keine Mitglieder eingetragen.</p>
            )}
          </section>
          <ProcessMeetings processId={process.id} />
          {process.socialSpaceId && <ProfileLink socialSpaceId={process.socialSpaceId} deliverables={state?.deliverables ?? {}} />}
          {process.socialSpaceId && <BudgetSection socialSpaceId={process.socialSpaceId} />}
          <HistorySection processId={process.id} revision={process.revision} />
        </>
      )}
    </Loaded>
  );
}

function Phases(props: {
  processId: string;
  version: number;
  steps: StepState[];
  deliverables: Record<string, Record<string, unknown>>;
  current: string | null;
  onChange: () => void;
}) {
  const definition = useLoad(
    () =>
      unwrap(
        client.GET('/definitions/{key}/versions/{version}', {
          params: { path: { key: 'sozialraum-development', version: props.version } },
        }),
      ),
    [props.version],
  );
  const phaseSpec = (key: string) => (definition.data?.spec as SozialraumSpec | undefined)?.phases.find((p) => p.key === key);
  return (
    <section aria-labelledby="phases">
      <h2 id="phases">Phasen</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Nr.</th>
            <th scope="col">Phase</th>
            <th scope="col">Status</th>
            <th scope="col">Fällig</th>
            <th scope="col">Nachweise</th>
          </tr>
        </thead>
        <tbody>
          {props.steps.map((s, i) => {
            const due = s.extendedTo && (!s.dueAt || s.extendedTo > s.dueAt) ? s.extendedTo : s.dueAt;
            return (
              <tr key={s.key} aria-current={s.key === props.current ? 'step' : undefined}>
                <td>{i + 1}</td>
                <td>{s.title}</td>
                <td>
                  {STEP_STATUS[s.status] ?? s.status}
                  {s.overdue && <span className="badge badge-overdue"> überfällig</span>}
                </td>
                <td>
                  {formatDate(due)}
                  {s.extendedTo && <span className="muted"> (verlängert)</span>}
                </td>
                <td>
                  <ul className="compact">
                    {(phaseSpec(s.key)?.deliverables ?? []).map((d) => {
                      const present = props.deliverables[s.key]?.[d.key] !== undefined;
                      return (
                        <li key={d.key}>
                          {d.title}: {present ? 'vorhanden' : d.required ? 'fehlt (Pflicht)' : 'fehlt'}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.current && <ExtensionForm processId={props.processId} phaseKey={props.current} onDone={props.onChange} />}
    </section>
  );
}

function ExtensionForm({ processId, phaseKey, onDone }: { processId: string; phaseKey: string; onDone: () => void }) {
  const [dueAt, setDueAt] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(false);
    try {
      await unwrap(
        client.POST('/sozialraum-processes/{id}/phases/{phaseKey}/extension', {
          params: { path: { id: processId, phaseKey } },
          body: { dueAt: dueAt ? new Date(`${dueAt}T12:00:00`).toISOString() : '', reason },
        }),
      );
      setError(null);
      setDone(true);
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="extend">
      <h3 id="extend">Frist der aktuellen Phase verlängern</h3>
      <FormErrors error={error} fieldPointers={['/dueAt', '/reason']} />
      {done && <p role="status">Die Frist wurde verlängert.</p>}
      <TextField label="Neue Frist" type="date" value={dueAt} onChange={setDueAt} errors={at('/dueAt')} required />
      <TextField label="Begründung" value={reason} onChange={setReason} errors={at('/reason')} multiline required />
      <SubmitButton busy={busy}>Frist verlängern</SubmitButton>
    </form>
  );
}

function BudgetSection({ socialSpaceId }: { socialSpaceId: string }) {
  const year = new Date().getFullYear();
  const budget = useLoad(
    () => unwrap(client.GET('/sozialraum-budgets/{socialSpaceId}/{year}', { params: { path: { socialSpaceId, year } } })),
    [socialSpaceId, year],
  );
  return (
    <section aria-labelledby="budget">
      <h2 id="budget">Sozialraumbudget {year}</h2>
      <Loaded state={budget}>
        {(b) => (
          <dl className="facts">
            <dt>Budget</dt>
            <dd>{formatEuro(b.amountCents)}</dd>
            <dt>Zugewiesen</dt>
            <dd>{formatEuro(b.allocatedCents)}</dd>
            <dt>Verfügbar</dt>
            <dd>{formatEuro(b.availableCents)}</dd>
          </dl>
        )}
      </Loaded>
    </section>
  );
}

const EVENT_KIND: Record<string, string> = {
  started: 'Gestartet',
  phase_completed: 'Phase abgeschlossen',
  deliverable_set: 'Nachweis erfasst',
  due_date_extended: 'Frist verlängert',
  member_added: 'Mitglied aufgenommen',
  member_removed: 'Mitglied entfernt',
  paused: 'Pausiert',
  resumed: 'Fortgesetzt',
  cancelled: 'Abgebrochen',
  definition_migrated: 'Auf neue Definition umgestellt',
  phase_overdue: 'Phase überfällig (eskaliert)',
  conference_due: 'Sozialraumkonferenz fällig',
  measure_review_due: 'Maßnahmenprüfung fällig',
};

function HistorySection({ processId, revision }: { processId: string; revision: number }) {
  const history = useLoad(
    () => unwrap(client.GET('/sozialraum-processes/{id}/history', { params: { path: { id: processId }, query: { limit: 200 } } })),
    [processId, revision],
  );
  return (
    <section aria-labelledby="history">
      <h2 id="history">Verlauf</h2>
      <Loaded state={history}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Noch keine Einträge.</p>
          ) : (
            <ol className="history">
              {page.items.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time> – {EVENT_KIND[e.kind] ?? e.kind}
                  {e.actorId && <span className="muted"> ({e.actorId})</span>}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
