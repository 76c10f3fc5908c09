import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { ProcessMeetings } from '../gremien/ProcessMeetings';
import { ProfileLink } from './ProfileLink';
import {
  DeadlineBadge,
  fieldDomId,
  formatDate,
  formatDateTime,
  FormErrors,
  Loaded,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  useLoad,
  useProblems,
} from '../shared/ui';
import { DateField } from '../shared/forms';
import { isoDateOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { usePlanningRegions } from '../shared/reference';
import { useMe } from '../auth/session';
import { PageTitle } from '../shared/Page';
import { AnalysisQuestion, DeliverableContext, DeliverableForm, DeliverableSpec, Goal, Measure } from './DeliverableForms';
import { BudgetSection } from './BudgetSection';
import { useColleagues } from '../shared/people';

export type PlanningRegion = Schemas['PlanningRegionDto'];
type PhaseDeadline = Schemas['PhaseDeadlineDto'];
type DeadlineStatus = PhaseDeadline['status'];
type ProcessView = Schemas['SozialraumProcessDetailDto'];
type StepState = ProcessView['process']['steps'][number];
type Member = Schemas['SozialraumMemberDto'];
type Municipality = Schemas['MunicipalityDto'];
type Partner = Schemas['ContractPartnerDto'];
type History = Schemas['SozialraumHistoryEntryDto'];

const STATUS_OPTIONS = [
  { value: 'overdue', label: 'Überfällig' },
  { value: 'due_soon', label: 'Bald fällig (14 Tage)' },
  { value: 'on_track', label: 'Im Plan' },
  { value: 'paused', label: 'Pausiert' },
];

/** The phase-deadline board: every social-space process of the caller's regions, overdue first. */
export function BoardPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('planregion') ?? '';
  const status = params.get('status') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const me = useMe();
  const allRegions = usePlanningRegions();
  // A coordinator is offered the regions they coordinate; others (admins) all.
  const mine = me.planningRegionIds ?? [];
  const regions = {
    ...allRegions,
    data: allRegions.data && { items: allRegions.data.items.filter((r) => mine.length === 0 || mine.includes(r.id)) },
  };
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
  if (regions.data && regions.data.items.length === 0)
    return (
      <>
        <PageTitle>Phasenfristen der Sozialräume</PageTitle>
        <p>Ihnen ist keine Planregion zugeordnet. Bitte wenden Sie sich an die Administration.</p>
      </>
    );
  return (
    <>
      <PageTitle>Phasenfristen der Sozialräume</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter">
        <SelectField
          label="Planregion"
          value={region}
          placeholder={(regions.data?.items.length ?? 0) > 1 ? 'Alle meine Planregionen' : 'Meine Planregion'}
          options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v) => set({ planregion: v })}
        />
        <SelectField label="Stand" value={status} placeholder="Alle" options={STATUS_OPTIONS} onChange={(v) => set({ status: v })} />
      </form>
      <Loaded state={board}>
        {(page) => (
          <>
            <dl className="facts" aria-label="Ampel der Phasenfristen">
              {(
                [
                  ['overdue', 'Überfällig', page.counts.overdue],
                  ['due_soon', 'Bald fällig', page.counts.dueSoon],
                  ['on_track', 'Im Plan', page.counts.onTrack],
                  ['paused', 'Pausiert', page.counts.paused],
                ] as const
              ).map(([key, label, count]) => (
                <div key={key}>
                  <dt>
                    <DeadlineBadge status={key} />
                    <span className="visually-hidden">{label}</span>
                  </dt>
                  <dd>{count}</dd>
                </div>
              ))}
            </dl>
            {page.items.length === 0 ? (
              <p>Keine laufenden Prozesse für diese Auswahl.</p>
            ) : (
              <>
                <p role="status">{page.total} Prozesse, überfällige zuerst, pausierte am Ende.</p>
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
                        <td>{d.processStatus === 'paused' ? 'ruht' : formatDate(d.dueAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={(o) => set({ offset: String(o) })} />
              </>
            )}
          </>
        )}
      </Loaded>
      {regions.data && <StartProcess regions={regions.data.items} />}
    </>
  );
}

/** Starts a process for a social space that has none running (also after a cancelled or completed run). */
function StartProcess({ regions }: { regions: PlanningRegion[] }) {
  const navigate = useNavigate();
  const [space, setSpace] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const active = useLoad(async () => {
    const [running, paused] = await Promise.all(
      (['running', 'paused'] as const).map((status) =>
        unwrap(client.GET('/sozialraum-processes', { params: { query: { status, limit: 200 } } })),
      ),
    );
    return new Set([...running.items, ...paused.items].map((p) => p.socialSpaceId));
  }, []);
  const options = regions.flatMap((r) =>
    r.socialSpaces.filter((s) => !active.data?.has(s.id)).map((s) => ({ value: s.id, label: `${s.name} (${r.name})` })),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const started = await unwrap(client.POST('/sozialraum-processes', { body: { socialSpaceId: space } }));
      void navigate(`/prozesse/${started.id}`);
    } catch (err) {
      setError(err as never);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-process">
      <h2 id="start-process">Prozess für einen Sozialraum starten</h2>
      <p className="hint">Angeboten werden die Sozialräume Ihrer Planregionen ohne laufenden oder pausierten Prozess.</p>
      <FormErrors error={error} />
      <SelectField
        label="Sozialraum"
        pointer="/socialSpaceId"
        value={space}
        placeholder="Bitte wählen"
        options={options}
        onChange={setSpace}
        errors={at('/socialSpaceId')}
        required
      />
      <SubmitButton busy={busy}>Prozess starten</SubmitButton>
    </form>
  );
}

/** The part of the Sozialraum definition's spec this page reads (the API serves specs as JSON documents). */
interface SozialraumSpec {
  phases: Array<{ key: string; title: string; deliverables: DeliverableSpec[] }>;
  analysisQuestions?: AnalysisQuestion[];
}

const STEP_STATUS: Record<string, string> = { pending: 'offen', active: 'aktiv', completed: 'abgeschlossen' };
const PROCESS_STATUS: Record<string, string> = {
  running: 'läuft',
  paused: 'pausiert',
  completed: 'abgeschlossen',
  cancelled: 'abgebrochen',
};
const MEMBER_KIND: Record<string, string> = { user: 'Person', contract_partner: 'Vertragspartner', municipality: 'Kommune' };

/** The reference lists a process page names things from: municipalities and partners of its social space, colleagues. */
function useProcessReference(socialSpaceId: string | null) {
  const municipalities = useLoad(
    () =>
      socialSpaceId
        ? unwrap(client.GET('/municipalities', { params: { query: { socialSpaceId } } }))
        : Promise.resolve({ items: [] as Municipality[] }),
    [socialSpaceId],
  );
  const partners = useLoad(
    () =>
      socialSpaceId
        ? unwrap(client.GET('/contract-partners', { params: { query: { socialSpaceId, active: true, limit: 200 } } }))
        : Promise.resolve({ items: [] as Partner[], total: 0, limit: 0, offset: 0 }),
    [socialSpaceId],
  );
  const colleagues = useColleagues();
  const m = municipalities.data?.items ?? [];
  const p = partners.data?.items ?? [];
  const nameOfMember = (kind: string, refId: string) =>
    kind === 'municipality'
      ? (m.find((x) => x.id === refId)?.name ?? refId)
      : kind === 'contract_partner'
        ? (p.find((x) => x.id === refId)?.name ?? refId)
        : colleagues.nameOf(refId);
  return { municipalities: m, partners: p, colleagues, nameOfMember };
}

/** One social-space process: phases with their deliverable forms, members, budget and history. */
export function ProcessPage() {
  const { id } = useParams();
  const view = useLoad(() => unwrap(client.GET('/sozialraum-processes/{id}', { params: { path: { id: id! } } })), [id]);
  const reference = useProcessReference(view.data?.process.socialSpaceId ?? null);
  return (
    <Loaded state={view}>
      {({ process, state }) => {
        const spec = state?.definition.spec as SozialraumSpec | undefined;
        const phaseSpec = (key: string) => spec?.phases.find((p) => p.key === key);
        const goals = (state?.deliverables.goals?.goals as Goal[] | undefined) ?? [];
        const measures = (state?.deliverables.measures?.measures as Measure[] | undefined) ?? [];
        const current = process.steps.find((s) => s.key === process.currentStep);
        return (
          <>
            <PageTitle>{`Sozialraumprozess: ${String(process.summary.title ?? 'Sozialraum')}`}</PageTitle>
            <p>
              Status: <strong>{PROCESS_STATUS[process.status] ?? process.status}</strong>
              {process.status === 'paused' && state?.pausedAt && ` seit ${formatDate(state.pausedAt)}`} · Definition Version{' '}
              {process.definitionVersion}
              {state && ` · verantwortlich: ${reference.colleagues.nameOf(state.coordinatorId)}`}
            </p>
            {state?.cancelReason && <p>Abgebrochen: {state.cancelReason}</p>}
            <Phases steps={process.steps} deliverables={state?.deliverables ?? {}} current={process.currentStep} phaseSpec={phaseSpec} />
            {current && spec && (process.status === 'running' || process.status === 'paused') && (
              <CurrentPhase
                key={current.key}
                processId={process.id}
                phase={current}
                number={process.steps.indexOf(current) + 1}
                paused={process.status === 'paused'}
                spec={phaseSpec(current.key)}
                values={state?.deliverables[current.key] ?? {}}
                ctx={{
                  processId: process.id,
                  phaseKey: current.key,
                  municipalities: reference.municipalities,
                  partners: reference.partners,
                  analysisQuestions: spec.analysisQuestions ?? [],
                  goals,
                  measures,
                  onSaved: view.reload,
                }}
                onChange={view.reload}
              />
            )}
            {(process.status === 'running' || process.status === 'paused') && (
              <Lifecycle processId={process.id} title={String(process.summary.title ?? '')} status={process.status} onDone={view.reload} />
            )}
            <Members
              processId={process.id}
              members={state?.members ?? []}
              editable={process.status === 'running' || process.status === 'paused'}
              reference={reference}
              onChange={view.reload}
            />
            <ProcessMeetings processId={process.id} />
            {process.socialSpaceId && <ProfileLink socialSpaceId={process.socialSpaceId} deliverables={state?.deliverables ?? {}} />}
            {process.socialSpaceId && <BudgetSection socialSpaceId={process.socialSpaceId} processId={process.id} measures={measures} />}
            <HistorySection
              processId={process.id}
              revision={process.revision}
              phaseSpec={phaseSpec}
              nameOf={reference.colleagues.nameOf}
              members={state?.members ?? []}
              nameOfMember={reference.nameOfMember}
            />
          </>
        );
      }}
    </Loaded>
  );
}

function Phases(props: {
  steps: StepState[];
  deliverables: Record<string, Record<string, unknown>>;
  current: string | null;
  phaseSpec: (key: string) => SozialraumSpec['phases'][number] | undefined;
}) {
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
                    {(props.phaseSpec(s.key)?.deliverables ?? []).map((d) => {
                      const present = props.deliverables[s.key]?.[d.key] !== undefined;
                      const text = `${d.title}: ${present ? 'vorhanden' : d.required ? 'fehlt (Pflicht)' : 'fehlt'}`;
                      return (
                        <li key={d.key}>
                          {s.key === props.current ? <a href={`#${fieldDomId(`/deliverables/${d.key}`)}`}>{text}</a> : text}
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
    </section>
  );
}

/** The active phase: a form per deliverable, its completion and the extension of its deadline. */
function CurrentPhase(props: {
  processId: string;
  phase: StepState;
  number: number;
  paused: boolean;
  spec: SozialraumSpec['phases'][number] | undefined;
  values: Record<string, unknown>;
  ctx: DeliverableContext;
  onChange: () => void;
}) {
  const [confirm, dialog] = useConfirm();
  const { error, setError } = useProblems();
  const [busy, setBusy] = useState(false);
  const askToComplete = (withValue = false) =>
    confirm({
      title: `Phase ${props.number} abschließen?`,
      body: (
        <p>
          {withValue ? 'Ihre Eingaben werden gespeichert, die' : 'Die'} Phase „{props.phase.title}“ wird abgeschlossen und die nächste Phase
          beginnt. Die Nachweise dieser Phase lassen sich danach nicht mehr ändern.
        </p>
      ),
      confirmLabel: `Phase ${props.number} abschließen`,
    });
  const required = (props.spec?.deliverables ?? []).filter((d) => d.required);
  // The last required deliverable's form can save and complete in one step.
  const ctx: DeliverableContext = {
    ...props.ctx,
    completion: props.paused
      ? undefined
      : {
          offers: (key) => required.some((d) => d.key === key) && required.every((d) => d.key === key || props.values[d.key] !== undefined),
          label: `Speichern und Phase ${props.number} abschließen`,
          confirm: () => askToComplete(true),
          onCompleted: props.onChange,
        },
  };
  const complete = async () => {
    if (!(await askToComplete())) return;
    setBusy(true);
    try {
      await unwrap(
        client.POST('/sozialraum-processes/{id}/phases/{phaseKey}/complete', {
          params: { path: { id: props.processId, phaseKey: props.phase.key } },
        }),
      );
      setError(null);
      props.onChange();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="current-phase">
      <h2 id="current-phase">
        Aktuelle Phase {props.number}: {props.phase.title}
      </h2>
      {dialog}
      {props.paused && <p>Der Prozess ist pausiert; Nachweise und Abschluss sind erst nach dem Fortsetzen möglich.</p>}
      {(props.spec?.deliverables ?? []).map((d) => (
        <section
          key={d.key}
          id={fieldDomId(`/deliverables/${d.key}`)}
          data-pointer={`/deliverables/${d.key}`}
          data-label={d.title}
          tabIndex={-1}
          aria-labelledby={`nachweis-${d.key}`}
          className="deliverable"
        >
          <h3 id={`nachweis-${d.key}`}>
            {d.title}
            {d.required ? ' (Pflicht)' : ''}
          </h3>
          <DeliverableForm spec={d} value={props.values[d.key]} ctx={ctx} />
        </section>
      ))}
      <h3>Phase abschließen</h3>
      <FormErrors error={error} />
      <button type="button" disabled={busy} onClick={() => void complete()}>
        {`Phase ${props.number} abschließen`}
      </button>
      <ExtensionForm processId={props.processId} phaseKey={props.phase.key} onDone={props.onChange} />
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
      const iso = isoDateOf(dueAt);
      await unwrap(
        client.POST('/sozialraum-processes/{id}/phases/{phaseKey}/extension', {
          params: { path: { id: processId, phaseKey } },
          body: { dueAt: /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`).toISOString() : iso, reason },
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
      <FormErrors error={error} />
      {done && <p role="status">Die Frist wurde verlängert.</p>}
      <DateField label="Neue Frist" pointer="/dueAt" value={dueAt} onChange={setDueAt} errors={at('/dueAt')} required />
      <TextField label="Begründung" pointer="/reason" value={reason} onChange={setReason} errors={at('/reason')} multiline required />
      <SubmitButton busy={busy}>Frist verlängern</SubmitButton>
    </form>
  );
}

/** Pause, resume and cancel, each after a confirmation naming what happens. */
function Lifecycle(props: { processId: string; title: string; status: 'running' | 'paused'; onDone: () => void }) {
  const [confirm, dialog] = useConfirm();
  const [reason, setReason] = useState('');
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const run = async (action: 'pause' | 'resume' | 'cancel') => {
    const texts = {
      pause: {
        title: 'Prozess pausieren?',
        body: `Der Prozess für ${props.title} wird pausiert. Die Frist der aktuellen Phase ruht, bis er fortgesetzt wird.`,
        label: 'Pausieren',
      },
      resume: {
        title: 'Prozess fortsetzen?',
        body: `Der Prozess für ${props.title} läuft weiter; die Frist verschiebt sich um die Dauer der Pause.`,
        label: 'Fortsetzen',
      },
      cancel: {
        title: 'Prozess abbrechen?',
        body: `Der Prozess für ${props.title} wird endgültig abgebrochen; Erinnerungen entfallen. Das lässt sich nicht rückgängig machen – für den Sozialraum kann danach ein neuer Prozess gestartet werden.`,
        label: 'Endgültig abbrechen',
      },
    }[action];
    if (!(await confirm({ title: texts.title, body: <p>{texts.body}</p>, confirmLabel: texts.label, danger: action === 'cancel' }))) return;
    setBusy(true);
    try {
      const path = { params: { path: { id: props.processId } }, body: reason.trim() ? { reason } : {} };
      if (action === 'pause') await unwrap(client.POST('/sozialraum-processes/{id}/pause', path));
      else if (action === 'resume') await unwrap(client.POST('/sozialraum-processes/{id}/resume', path));
      else await unwrap(client.POST('/sozialraum-processes/{id}/cancel', path));
      setError(null);
      setReason('');
      props.onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="lifecycle">
      <h2 id="lifecycle">Prozess pausieren, fortsetzen oder abbrechen</h2>
      {dialog}
      <FormErrors error={error} />
      <TextField label="Anlass für Pause oder Abbruch (optional)" value={reason} onChange={setReason} errors={at('/reason')} multiline />
      <div className="actions">
        {props.status === 'running' ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void run('pause')}>
            Prozess pausieren
          </button>
        ) : (
          <button type="button" className="secondary" disabled={busy} onClick={() => void run('resume')}>
            Prozess fortsetzen
          </button>
        )}
        <button type="button" className="danger" disabled={busy} onClick={() => void run('cancel')}>
          Prozess abbrechen
        </button>
      </div>
    </section>
  );
}

/** The lokale Verantwortungsgemeinschaft: partners, municipalities and people with their function. */
function Members(props: {
  processId: string;
  members: Member[];
  editable: boolean;
  reference: ReturnType<typeof useProcessReference>;
  onChange: () => void;
}) {
  const [confirm, dialog] = useConfirm();
  const [kind, setKind] = useState<Member['kind']>('contract_partner');
  const [refId, setRefId] = useState('');
  const [fn, setFn] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const options =
    kind === 'contract_partner'
      ? props.reference.partners.map((p) => ({ value: p.id, label: p.name }))
      : kind === 'municipality'
        ? props.reference.municipalities.map((m) => ({ value: m.id, label: m.name }))
        : props.reference.colleagues.items.map((u) => ({ value: u.id, label: u.displayName }));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone('');
    try {
      await unwrap(
        client.POST('/sozialraum-processes/{id}/members', {
          params: { path: { id: props.processId } },
          body: { kind, refId, function: fn },
        }),
      );
      setError(null);
      setDone(`${props.reference.nameOfMember(kind, refId)} gehört jetzt zur Verantwortungsgemeinschaft.`);
      setRefId('');
      setFn('');
      props.onChange();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (m: Member) => {
    const name = props.reference.nameOfMember(m.kind, m.refId);
    if (
      !(await confirm({
        title: 'Mitglied entfernen?',
        body: <p>{`${name} (${m.function}) wird aus der lokalen Verantwortungsgemeinschaft entfernt.`}</p>,
        confirmLabel: 'Entfernen',
        danger: true,
      }))
    )
      return;
    try {
      await unwrap(
        client.DELETE('/sozialraum-processes/{id}/members/{memberId}', { params: { path: { id: props.processId, memberId: m.id } } }),
      );
      setError(null);
      setDone(`${name} wurde entfernt.`);
      props.onChange();
    } catch (err) {
      setError(err as never);
    }
  };
  return (
    <section aria-labelledby="members">
      <h2 id="members">Lokale Verantwortungsgemeinschaft</h2>
      {dialog}
      {done && <p role="status">{done}</p>}
      {props.members.length ? (
        <ul className="members">
          {props.members.map((m) => (
            <li key={m.id}>
              {props.reference.nameOfMember(m.kind, m.refId)} – {m.function} ({MEMBER_KIND[m.kind] ?? m.kind}){' '}
              {props.editable && (
                <button type="button" className="link-button" onClick={() => void remove(m)}>
                  {`${props.reference.nameOfMember(m.kind, m.refId)} entfernen`}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Noch keine Mitglieder eingetragen.</p>
      )}
      {props.editable && (
        <form onSubmit={add} noValidate aria-labelledby="add-member">
          <h3 id="add-member">Mitglied aufnehmen</h3>
          <FormErrors error={error} />
          <SelectField
            label="Art des Mitglieds"
            pointer="/kind"
            value={kind}
            options={Object.entries(MEMBER_KIND).map(([value, label]) => ({ value, label }))}
            onChange={(v) => {
              setKind(v as Member['kind']);
              setRefId('');
            }}
            errors={at('/kind')}
          />
          <SelectField
            label="Mitglied"
            pointer="/refId"
            value={refId}
            placeholder="Bitte wählen"
            options={options}
            onChange={setRefId}
            errors={at('/refId')}
            required
          />
          <TextField
            label="Funktion"
            pointer="/function"
            value={fn}
            onChange={setFn}
            errors={at('/function')}
            hint="z. B. Schulsozialarbeit"
            required
          />
          <SubmitButton busy={busy}>Mitglied aufnehmen</SubmitButton>
        </form>
      )}
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

function HistorySection(props: {
  processId: string;
  revision: number;
  phaseSpec: (key: string) => SozialraumSpec['phases'][number] | undefined;
  nameOf: (id: string | null | undefined) => string;
  members: Member[];
  nameOfMember: (kind: string, refId: string) => string;
}) {
  const history = useLoad(
    () => unwrap(client.GET('/sozialraum-processes/{id}/history', { params: { path: { id: props.processId }, query: { limit: 200 } } })),
    [props.processId, props.revision],
  );
  const detail = (e: History): string => {
    const d = e.details as Record<string, string | null | undefined>;
    const phase = d.phaseKey ? props.phaseSpec(d.phaseKey) : undefined;
    const deliverable = () => phase?.deliverables.find((x) => x.key === d.deliverableKey)?.title ?? d.deliverableKey ?? '';
    switch (e.kind) {
      case 'phase_completed':
        // A completion that brought the phase's last deliverable names it.
        return `${phase ? `: ${phase.title}` : ''}${d.deliverableKey ? ` (mit Nachweis „${deliverable()}“)` : ''}`;
      case 'phase_overdue':
        return phase ? `: ${phase.title}` : '';
      case 'deliverable_set':
        return `: ${deliverable()}`;
      case 'due_date_extended':
        return `: bis ${formatDate(d.to)}${d.reason ? ` – ${d.reason}` : ''}`;
      case 'member_added':
        return d.kind && d.refId ? `: ${props.nameOfMember(d.kind, d.refId)}` : '';
      case 'member_removed':
        return '';
      case 'paused':
      case 'cancelled':
        return d.reason ? `: ${d.reason}` : '';
      default:
        return '';
    }
  };
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
                  {detail(e)}
                  {e.actorId && <span className="muted"> ({props.nameOf(e.actorId)})</span>}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}
