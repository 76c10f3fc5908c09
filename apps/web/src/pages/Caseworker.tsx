import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, Page } from '../api';
import { pageForLink } from '../App';
import { useMe } from '../session';
import {
  CheckboxGroup,
  ErrorBox,
  formatDate,
  formatDateTime,
  FormErrors,
  lines,
  Loaded,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../ui';
import { usePlanningRegions } from './Coordinator';

export const ZONES = [
  { value: 'service', label: 'Leistungsbereich' },
  { value: 'unclear', label: 'Graubereich' },
  { value: 'endangerment', label: 'Gefährdungsbereich' },
];
export const zoneLabel = (zone: string) => ZONES.find((z) => z.value === zone)?.label ?? zone;

interface CaseSummary {
  id: string;
  pseudonym: string;
  zone: string;
  socialSpaceId: string;
  familyName: string;
  createdAt: string;
}

function useSocialSpaceNames() {
  const regions = usePlanningRegions();
  const names = new Map((regions.data?.items ?? []).flatMap((r) => r.socialSpaces.map((s) => [s.id, s.name] as const)));
  return { regions, names };
}

export function CasesPage() {
  const [offset, setOffset] = useState(0);
  const cases = useLoad(() => api<Page<CaseSummary>>(`/cases?limit=50&offset=${offset}`), [offset]);
  const { names } = useSocialSpaceNames();
  return (
    <>
      <h1 tabIndex={-1}>Meine Fälle</h1>
      <p>
        <Link to="/faelle/neu" className="button">
          Neuen Fall anlegen
        </Link>
      </p>
      <Loaded state={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Sie haben noch keine Fälle.</p>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Pseudonym</th>
                    <th scope="col">Familie</th>
                    <th scope="col">Bereich</th>
                    <th scope="col">Sozialraum</th>
                    <th scope="col">Angelegt</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/faelle/${c.id}`}>{c.pseudonym}</Link>
                      </td>
                      <td>{c.familyName}</td>
                      <td>{zoneLabel(c.zone)}</td>
                      <td>{names.get(c.socialSpaceId) ?? '–'}</td>
                      <td>{formatDate(c.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

const EMPTY_CASE = {
  socialSpaceId: '',
  zone: '',
  familyName: '',
  givenNames: '',
  birthDates: '',
  address: '',
  familyMembers: '',
  will: '',
  goals: '',
  person: '',
  surroundings: '',
  socialSpace: '',
  confided: '',
};

const CASE_POINTERS = [
  '/socialSpaceId',
  '/zone',
  '/personal/familyName',
  '/personal/givenNames',
  '/personal/birthDates',
  '/personal/address',
  '/personal/familyMembers',
  '/will',
  '/goals',
  '/resources/person',
  '/resources/surroundings',
  '/resources/socialSpace',
  '/confided',
];

/** Opening a case: personal data is sealed by the server; what was typed stays on an error. */
export function NewCasePage() {
  const me = useMe();
  const navigate = useNavigate();
  const { regions } = useSocialSpaceNames();
  const [form, setForm] = useState(EMPTY_CASE);
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const set = (key: keyof typeof EMPTY_CASE) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces).filter((s) => me.socialSpaceIds.includes(s.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api<{ id: string }>('/cases', {
        method: 'POST',
        body: {
          socialSpaceId: form.socialSpaceId,
          zone: form.zone,
          personal: {
            familyName: form.familyName,
            givenNames: form.givenNames
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean),
            birthDates: lines(form.birthDates),
            address: form.address,
            familyMembers: lines(form.familyMembers).map((l) => {
              const [relation, ...name] = l.split(':');
              return name.length ? { relation: relation.trim(), name: name.join(':').trim() } : { relation: '', name: l };
            }),
          },
          will: form.will,
          goals: lines(form.goals),
          resources: { person: lines(form.person), surroundings: lines(form.surroundings), socialSpace: lines(form.socialSpace) },
          confided: lines(form.confided).map((text) => ({ text })),
        },
      });
      void navigate(`/faelle/${created.id}`);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>Neuen Fall anlegen</h1>
      <p>Personenbezogene Angaben werden verschlüsselt gespeichert. Der Fall erhält ein Pseudonym für das Fallteam.</p>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={CASE_POINTERS} />
        <fieldset>
          <legend>Zuordnung</legend>
          <SelectField
            label="Sozialraum"
            value={form.socialSpaceId}
            onChange={set('socialSpaceId')}
            placeholder="Bitte wählen"
            options={spaces.map((s) => ({ value: s.id, label: s.name }))}
            errors={at('/socialSpaceId')}
            required
          />
          <SelectField
            label="Bereich"
            value={form.zone}
            onChange={set('zone')}
            placeholder="Bitte wählen"
            options={ZONES}
            errors={at('/zone')}
            required
          />
        </fieldset>
        <fieldset>
          <legend>Familie</legend>
          <TextField
            label="Familienname"
            value={form.familyName}
            onChange={set('familyName')}
            errors={at('/personal/familyName')}
            required
          />
          <TextField
            label="Vornamen"
            hint="Mehrere durch Komma trennen."
            value={form.givenNames}
            onChange={set('givenNames')}
            errors={at('/personal/givenNames')}
          />
          <TextField
            label="Geburtsdaten"
            hint="Eines je Zeile, im Format JJJJ-MM-TT (z. B. 2014-02-03)."
            multiline
            value={form.birthDates}
            onChange={set('birthDates')}
            errors={at('/personal/birthDates')}
          />
          <TextField label="Anschrift" value={form.address} onChange={set('address')} errors={at('/personal/address')} required />
          <TextField
            label="Familienmitglieder"
            hint="Eines je Zeile: Beziehung: Name (z. B. Großmutter: Hildegard M.)."
            multiline
            value={form.familyMembers}
            onChange={set('familyMembers')}
            errors={at('/personal/familyMembers')}
          />
        </fieldset>
        <fieldset>
          <legend>Fallvorstellung</legend>
          <TextField
            label="Wille der Familie (in ihren Worten)"
            multiline
            rows={4}
            value={form.will}
            onChange={set('will')}
            errors={at('/will')}
            required
          />
          <TextField label="Ziele" hint="Eines je Zeile." multiline value={form.goals} onChange={set('goals')} errors={at('/goals')} />
          <TextField
            label="Ressourcen der Person"
            hint="Eine je Zeile."
            multiline
            value={form.person}
            onChange={set('person')}
            errors={at('/resources/person')}
          />
          <TextField
            label="Ressourcen des Umfelds"
            hint="Eine je Zeile."
            multiline
            value={form.surroundings}
            onChange={set('surroundings')}
            errors={at('/resources/surroundings')}
          />
          <TextField
            label="Ressourcen des Sozialraums"
            hint="Eine je Zeile."
            multiline
            value={form.socialSpace}
            onChange={set('socialSpace')}
            errors={at('/resources/socialSpace')}
          />
          <TextField
            label="Anvertraute Angaben (§ 65 SGB VIII)"
            hint="Eine je Zeile. Sie verlassen den Fall nie ohne Einwilligung."
            multiline
            value={form.confided}
            onChange={set('confided')}
            errors={at('/confided')}
          />
        </fieldset>
        <SubmitButton busy={busy}>Fall anlegen</SubmitButton>
      </form>
    </>
  );
}

interface CaseFile {
  id: string;
  pseudonym: string;
  zone: string;
  deletionDate: string | null;
  retentionRule: { afterClosure: string; afterClosureWithoutHelp: string | null };
  personal: {
    familyName: string;
    givenNames: string[];
    birthDates: string[];
    address: string;
    familyMembers: Array<{ relation: string; name: string }>;
  };
  will: string;
  goals: string[];
  resources: { person: string[]; surroundings: string[]; socialSpace: string[] };
  confided: Array<{ id: string; text: string }>;
  createdAt: string;
  version: number;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedReason: string | null;
  consultations: Array<{
    id: string;
    phase: string | null;
    requestedAt: string;
    packetRelease: { releasedAt: string; stale: boolean; staleFields: string[] } | null;
  }>;
  history: Array<{ version: number; action: string; fields: string[]; reason: string | null; actorId: string; occurredAt: string }>;
}
interface PacketPreview {
  packet: { will: string; goals: string[]; questions: string[] };
  warnings: Array<{ pointer: string; kind: string; message: string }>;
  release: { releasedAt: string; stale: boolean; staleFields: string[] } | null;
}
const HISTORY_ACTIONS: Record<string, string> = {
  create: 'Fallaufnahme',
  update: 'Änderung',
  close: 'Abschluss',
  reopen: 'Wiedereröffnung',
  'packet-release': 'Paketfreigabe',
};
interface Consent {
  id: string;
  version: number;
  givenBy: string;
  purpose: string;
  fields: string[];
  form: string;
  givenAt: string;
  revokedAt: string | null;
}

const RELEASABLE = [
  { value: 'familyName', label: 'Familienname' },
  { value: 'givenNames', label: 'Vornamen' },
  { value: 'birthDates', label: 'Geburtsdaten' },
  { value: 'address', label: 'Anschrift' },
  { value: 'familyMembers', label: 'Familienmitglieder' },
];
const CONSENT_FORMS = [
  { value: 'written', label: 'schriftlich' },
  { value: 'oral_documented', label: 'mündlich, dokumentiert' },
  { value: 'electronic', label: 'elektronisch' },
];

/** A case file for its caseworker; anyone else gets a clear refusal from the API and here. */
export function CasePage() {
  const { id } = useParams();
  const file = useLoad(() => api<CaseFile>(`/cases/${id}/file`), [id]);
  if (file.error?.status === 403 || file.error?.status === 404) {
    return (
      <>
        <h1 tabIndex={-1}>Kein Zugriff auf diese Fallakte</h1>
        <div className="alert alert-error" role="alert">
          {file.error.status === 403
            ? 'Sie haben keinen Zugriff auf Fallakten. Fallakten sehen nur die zuständigen Fachkräfte; externe Beratungen erhalten ausschließlich die pseudonymisierten Unterlagen der Beratungen, zu denen sie eingeladen sind.'
            : 'Diese Fallakte gibt es nicht, oder sie gehört nicht zu Ihren Fällen.'}
        </div>
        <p>
          <Link to="/">Zur Startseite</Link>
        </p>
      </>
    );
  }
  return (
    <Loaded state={file}>
      {(c) => (
        <>
          <h1 tabIndex={-1}>Fall {c.pseudonym}</h1>
          <dl className="facts">
            <dt>Familie</dt>
            <dd>
              {c.personal.familyName}
              {c.personal.givenNames.length ? ` (${c.personal.givenNames.join(', ')})` : ''}
            </dd>
            <dt>Bereich</dt>
            <dd>{zoneLabel(c.zone)}</dd>
            <dt>Anschrift</dt>
            <dd>{c.personal.address}</dd>
            <dt>Stand</dt>
            <dd>
              {c.status === 'closed'
                ? `abgeschlossen am ${formatDate(c.closedAt)}${c.closedReason ? ` (${c.closedReason})` : ''}`
                : 'offen'}
            </dd>
            <dt>Löschdatum</dt>
            <dd>
              {c.deletionDate
                ? formatDate(c.deletionDate)
                : `wird bei Abschluss berechnet (Abschluss + ${c.retentionRule.afterClosure}${
                    c.retentionRule.afterClosureWithoutHelp ? `, ohne Hilfe + ${c.retentionRule.afterClosureWithoutHelp}` : ''
                  })`}
            </dd>
          </dl>
          <h2>Wille der Familie</h2>
          <blockquote>{c.will}</blockquote>
          {c.goals.length > 0 && (
            <>
              <h2>Ziele</h2>
              <ul>
                {c.goals.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
            </>
          )}
          <Consents caseId={c.id} />
          <ConsultationRequest caseId={c.id} onRequested={file.reload} />
          {c.consultations.length > 0 && <PacketReleases consultations={c.consultations} onChange={file.reload} />}
          <CaseClosure caseId={c.id} status={c.status} onChange={file.reload} />
          <section aria-labelledby="history">
            <h2 id="history">Verlauf</h2>
            <ul>
              {c.history.map((h) => (
                <li key={`${h.version}-${h.action}-${h.occurredAt}`}>
                  {formatDateTime(h.occurredAt)}: {HISTORY_ACTIONS[h.action] ?? h.action}
                  {h.fields.length > 0 ? ` (${h.fields.join(', ')})` : ''}
                  {h.reason ? ` – ${h.reason}` : ''}, {h.actorId}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Loaded>
  );
}

function Consents({ caseId }: { caseId: string }) {
  const consents = useLoad(() => api<{ items: Consent[] }>(`/cases/${caseId}/consents`), [caseId]);
  const empty = { givenBy: '', purpose: 'fallteam', form: 'written', givenAt: new Date().toISOString().slice(0, 10) };
  const [form, setForm] = useState(empty);
  const [fields, setFields] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, setError, at } = useProblems();
  const set = (key: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await api(`/cases/${caseId}/consents`, { method: 'POST', body: { ...form, fields } });
      setError(null);
      setForm(empty);
      setFields([]);
      setSaved(true);
      consents.reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (consentId: string) => {
    await api(`/cases/${caseId}/consents/${consentId}/revoke`, { method: 'POST' });
    consents.reload();
  };

  return (
    <section aria-labelledby="consents">
      <h2 id="consents">Einwilligungen (Schweigepflichtentbindung)</h2>
      <Loaded state={consents}>
        {(d) =>
          d.items.length === 0 ? (
            <p>Keine Einwilligung erfasst: das Fallteam sieht nur das Pseudonym.</p>
          ) : (
            <ul>
              {d.items.map((c) => (
                <li key={c.id}>
                  Version {c.version}: {c.givenBy}, Zweck „{c.purpose}“, gibt frei:{' '}
                  {c.fields.map((f) => RELEASABLE.find((r) => r.value === f)?.label ?? f).join(', ')} (
                  {CONSENT_FORMS.find((f) => f.value === c.form)?.label ?? c.form}, {formatDate(c.givenAt)}){' '}
                  {c.revokedAt ? (
                    <strong>widerrufen am {formatDate(c.revokedAt)}</strong>
                  ) : (
                    <button type="button" className="secondary" onClick={() => revoke(c.id)}>
                      Widerruf erfassen
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <form onSubmit={submit} noValidate aria-labelledby="consent-form">
        <h3 id="consent-form">Einwilligung erfassen</h3>
        <FormErrors error={error} fieldPointers={['/givenBy', '/purpose', '/fields', '/form', '/givenAt']} />
        {saved && <p role="status">Die Einwilligung wurde gespeichert.</p>}
        <TextField
          label="Erteilt von"
          hint="z. B. Mutter (sorgeberechtigt)"
          value={form.givenBy}
          onChange={set('givenBy')}
          errors={at('/givenBy')}
          required
        />
        <TextField
          label="Zweck"
          value={form.purpose}
          onChange={set('purpose')}
          errors={at('/purpose')}
          hint="„fallteam“ gibt die Angaben für das erweiterte Fallteam frei."
          required
        />
        <CheckboxGroup legend="Freigegebene Angaben" options={RELEASABLE} value={fields} onChange={setFields} errors={at('/fields')} />
        <SelectField label="Form" value={form.form} onChange={set('form')} options={CONSENT_FORMS} errors={at('/form')} required />
        <TextField label="Erteilt am" type="date" value={form.givenAt} onChange={set('givenAt')} errors={at('/givenAt')} required />
        <SubmitButton busy={busy}>Einwilligung speichern</SubmitButton>
      </form>
    </section>
  );
}

/** Packet release: the caseworker checks the packet as advisers would see it (with warnings) and releases it. */
function PacketReleases({ consultations, onChange }: { consultations: CaseFile['consultations']; onChange: () => void }) {
  const [preview, setPreview] = useState<{ id: string; data: PacketPreview } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const show = (id: string) => run(async () => setPreview({ id, data: await api<PacketPreview>(`/consultations/${id}/packet-preview`) }));
  const release = (id: string) =>
    run(async () => {
      setPreview({ id, data: await api<PacketPreview>(`/consultations/${id}/packet-release`, { method: 'POST' }) });
      onChange();
    });
  return (
    <section aria-labelledby="packets">
      <h2 id="packets">Beratungspakete</h2>
      {error && <ErrorBox error={error} />}
      <ul>
        {consultations.map((c) => (
          <li key={c.id}>
            Beratung vom {formatDate(c.requestedAt)}: {c.phase ? (PHASE[c.phase] ?? c.phase) : 'Stand unbekannt'};{' '}
            {c.packetRelease
              ? `Paket freigegeben am ${formatDateTime(c.packetRelease.releasedAt)}${c.packetRelease.stale ? ` – veraltet (${c.packetRelease.staleFields.join(', ')})` : ''}`
              : 'Paket noch nicht freigegeben'}{' '}
            <button type="button" className="secondary" onClick={() => show(c.id)}>
              Vorschau<span className="visually-hidden"> des Pakets der Beratung vom {formatDate(c.requestedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
      {preview && (
        <div role="status">
          <h3>Vorschau: so sehen die externen Beratungen das Paket</h3>
          {preview.data.warnings.length > 0 && (
            <ul className="alert alert-error">
              {preview.data.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
          <blockquote>{preview.data.packet.will}</blockquote>
          <button type="button" onClick={() => release(preview.id)}>
            Paket freigeben
          </button>
        </div>
      )}
    </section>
  );
}

/** Closing a case with a reason, and reopening it within the retention period. */
function CaseClosure({ caseId, status, onChange }: { caseId: string; status: 'open' | 'closed'; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const closing = status === 'open';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api(`/cases/${caseId}/${closing ? 'close' : 'reopen'}`, { method: 'POST', body: { reason } });
      setError(null);
      setReason('');
      onChange();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="closure">
      <h2 id="closure">{closing ? 'Fall abschließen' : 'Fall wieder öffnen'}</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/reason']} />
        <TextField
          label={closing ? 'Begründung des Abschlusses' : 'Begründung der Wiedereröffnung'}
          hint={closing ? 'Das Löschdatum ergibt sich aus der Aufbewahrungsregel; danach ist der Fall schreibgeschützt.' : undefined}
          value={reason}
          onChange={setReason}
          errors={at('/reason')}
          required
        />
        <SubmitButton busy={busy}>{closing ? 'Fall abschließen' : 'Fall wieder öffnen'}</SubmitButton>
      </form>
    </section>
  );
}

interface ConsultationState {
  id: string;
  pseudonym: string;
  phase: string;
  steps: Array<{ key: string; title: string; status: string; dueAt?: string }>;
}
const PHASE: Record<string, string> = {
  requested: 'angefragt',
  scheduled: 'terminiert',
  outcome_recorded: 'beraten',
  closed: 'abgeschlossen',
  cancelled: 'abgesagt',
};

function ConsultationRequest({ caseId, onRequested }: { caseId: string; onRequested: () => void }) {
  const [questions, setQuestions] = useState('');
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState<ConsultationState[]>([]);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await api<ConsultationState>(`/cases/${caseId}/consultations`, {
        method: 'POST',
        body: { questions: lines(questions) },
      });
      setError(null);
      setQuestions('');
      setRequested((r) => [...r, created]);
      onRequested();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="fallteam">
      <h2 id="fallteam">Erweitertes Fallteam</h2>
      {requested.length > 0 && (
        // A live region around the list, so the list keeps its list semantics for screen readers.
        <div role="status">
          <ul>
            {requested.map((c) => (
              <li key={c.id}>
                Fallteam-Beratung für {c.pseudonym} {PHASE[c.phase] ?? c.phase}
                {c.steps[0]?.dueAt ? `; nächster Schritt „${c.steps[0].title}“ bis ${formatDate(c.steps[0].dueAt)}` : ''}.
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/questions']} />
        <TextField
          label="Fragen an das Fallteam"
          hint="Eine Frage je Zeile."
          multiline
          rows={4}
          value={questions}
          onChange={setQuestions}
          errors={at('/questions')}
          required
        />
        <SubmitButton busy={busy}>Fallteam-Beratung anfragen</SubmitButton>
      </form>
    </section>
  );
}

interface NotificationItem {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The in-app inbox of reminders and escalations. */
export function InboxPage() {
  const [offset, setOffset] = useState(0);
  const inbox = useLoad(() => api<Page<NotificationItem>>(`/me/notifications?limit=50&offset=${offset}`), [offset]);
  const [error, setError] = useState<ApiError | null>(null);
  const markRead = async (id: string) => {
    try {
      await api(`/me/notifications/${id}/read`, { method: 'POST' });
      inbox.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>Posteingang</h1>
      {error && <ErrorBox error={error} />}
      <Loaded state={inbox}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine Nachrichten.</p>
          ) : (
            <>
              <ul className="inbox">
                {page.items.map((n) => {
                  const to = pageForLink(n.link);
                  return (
                    <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                      <h2 className="h3">
                        {!n.readAt && <span className="badge badge-due_soon">neu</span>} {to ? <Link to={to}>{n.title}</Link> : n.title}
                      </h2>
                      <p>{n.body}</p>
                      <p className="muted">
                        {formatDateTime(n.createdAt)}{' '}
                        {!n.readAt && (
                          <button type="button" className="secondary" onClick={() => markRead(n.id)}>
                            Als gelesen markieren<span className="visually-hidden">: {n.title}</span>
                          </button>
                        )}
                      </p>
                    </li>
                  );
                })}
              </ul>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

interface FollowUp {
  id: string;
  subject: string;
  template: string;
  /** When the thing is due (each thing once, however many reminders it has). */
  dueAt: string;
  nextReminderAt: string;
  title: string;
  body: string;
  link: string | null;
}

/** Wiedervorlagen and deadlines still ahead, earliest first. */
export function FollowUpsPage() {
  const upcoming = useLoad(() => api<Page<FollowUp>>('/me/follow-ups?limit=100'), []);
  return (
    <>
      <h1 tabIndex={-1}>Wiedervorlagen und Fristen</h1>
      <Loaded state={upcoming}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine anstehenden Wiedervorlagen.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Fällig am</th>
                  <th scope="col">Art</th>
                  <th scope="col">Worum es geht</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((f) => {
                  const to = pageForLink(f.link);
                  return (
                    <tr key={f.subject}>
                      <td>{formatDate(f.dueAt)}</td>
                      <td>{f.template === 'follow-up-due' ? 'Wiedervorlage' : 'Erinnerung'}</td>
                      <td>{to ? <Link to={to}>{f.body}</Link> : f.body}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
