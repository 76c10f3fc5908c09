import { FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, client, FieldProblem, Schemas, unwrap } from '../api';
import {
  ErrorBox,
  formatDate,
  formatDateTime,
  FormErrors,
  Loaded,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';
import { PageTitle } from '../shared/Page';

const DEFINITION_TITLES: Record<string, string> = {
  'sozialraum-development': 'Sozialraumentwicklung (sechs Phasen)',
  'fallteam-consultation': 'Erweitertes Fallteam',
  'partner-interview-cycle': 'Partnerinterviews (zweijährlich)',
  'cooperation-agreement': 'Kooperationsvereinbarung',
  'jugendhilfedienst-case': 'Jugendhilfedienst-Fall',
};
const STATUS: Record<string, string> = { draft: 'Entwurf', published: 'veröffentlicht', retired: 'außer Kraft' };

type DefinitionVersion = Schemas['DefinitionVersionDto'];
type DefinitionKey = DefinitionVersion['key'];

export function DefinitionsPage() {
  const list = useLoad(() => unwrap(client.GET('/definitions')), []);
  return (
    <>
      <PageTitle>Workflow-Definitionen</PageTitle>
      <Loaded state={list}>
        {({ items }) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Prozess</th>
                <th scope="col">Veröffentlicht</th>
                <th scope="col">Entwurf</th>
                <th scope="col">Neueste Version</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.key}>
                  <td>
                    <Link to={`/definitionen/${d.key}`}>{DEFINITION_TITLES[d.key] ?? d.key}</Link>
                  </td>
                  <td>{d.publishedVersion ?? '–'}</td>
                  <td>{d.draftVersion ?? '–'}</td>
                  <td>{d.latestVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}

/** Versions of one definition; new draft, diff and migration of running instances. */
export function DefinitionPage() {
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const versions = useLoad(
    () => unwrap(client.GET('/definitions/{key}/versions', { params: { path: { key: key as DefinitionKey } } })),
    [key],
  );
  const [error, setError] = useState<ApiError | null>(null);
  const published = versions.data?.items.find((v) => v.status === 'published');
  const newDraft = async () => {
    try {
      const draft = await unwrap(
        client.POST('/definitions/{key}/drafts', {
          params: { path: { key: key as DefinitionKey } },
          body: published ? { fromVersion: published.version } : {},
        }),
      );
      void navigate(`/definitionen/${key}/versionen/${draft.version}`);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <>
      <PageTitle>{DEFINITION_TITLES[key] ?? key}</PageTitle>
      {error && <ErrorBox error={error} />}
      <Loaded state={versions}>
        {({ items }) => (
          <>
            <section aria-labelledby="versions">
              <h2 id="versions">Versionen</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Status</th>
                    <th scope="col">Änderungsnotiz</th>
                    <th scope="col">Angelegt</th>
                    <th scope="col">Aktion</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((v) => (
                    <tr key={v.version}>
                      <td>{v.version}</td>
                      <td>{STATUS[v.status] ?? v.status}</td>
                      <td>{v.changeNote ?? '–'}</td>
                      <td>{formatDate(v.createdAt)}</td>
                      <td>
                        <Link to={`/definitionen/${key}/versionen/${v.version}`}>
                          {v.status === 'draft' ? 'Bearbeiten' : 'Ansehen'}
                          <span className="visually-hidden"> Version {v.version}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {!items.some((v) => v.status === 'draft') && (
                <button type="button" onClick={newDraft}>
                  Neuen Entwurf anlegen{published ? ` (aus Version ${published.version})` : ''}
                </button>
              )}
            </section>
            {items.length > 1 && <DiffSection definitionKey={key} versions={items.map((v) => v.version)} />}
            <MigrationSection definitionKey={key} versions={items} />
          </>
        )}
      </Loaded>
    </>
  );
}

const CHANGE: Record<string, string> = { added: 'hinzugefügt', removed: 'entfernt', changed: 'geändert', unchanged: 'unverändert' };
const show = (v: Json) => (v === undefined ? '–' : JSON.stringify(v));

function DiffSection({ definitionKey, versions }: { definitionKey: string; versions: number[] }) {
  const sorted = [...versions].sort((a, b) => a - b);
  const [from, setFrom] = useState(String(sorted[sorted.length - 2]));
  const [to, setTo] = useState(String(sorted[sorted.length - 1]));
  const [diff, setDiff] = useState<Schemas['DefinitionDiffDto'] | null>(null);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setDiff(
        await unwrap(
          client.GET('/definitions/{key}/diff', {
            params: { path: { key: definitionKey as DefinitionKey }, query: { from: Number(from), to: Number(to) } },
          }),
        ),
      );
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const options = sorted.map((v) => ({ value: String(v), label: `Version ${v}` }));
  const changed = diff?.steps.filter((s) => s.change !== 'unchanged') ?? [];
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">Versionen vergleichen</h2>
      <form onSubmit={submit} className="filters" noValidate>
        <FormErrors error={error} fieldPointers={['/from', '/to']} />
        <SelectField label="Von" value={from} onChange={setFrom} options={options} errors={at('/from')} />
        <SelectField label="Nach" value={to} onChange={setTo} options={options} errors={at('/to')} />
        <button type="submit">Vergleichen</button>
      </form>
      {diff && (
        <div role="status" aria-live="polite">
          {changed.length === 0 && diff.fields.length === 0 ? (
            <p>Keine Unterschiede.</p>
          ) : (
            <table className="diff">
              <caption>
                Unterschiede von Version {from} zu Version {to}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Schritt</th>
                  <th scope="col">Änderung</th>
                  <th scope="col">Feld</th>
                  <th scope="col">Vorher</th>
                  <th scope="col">Nachher</th>
                </tr>
              </thead>
              <tbody>
                {changed.flatMap((s) =>
                  (s.fields.length ? s.fields : [{ path: '', from: undefined, to: undefined }]).map((f, i) => (
                    <tr key={`${s.collection}-${s.key}-${i}`}>
                      <td>
                        {s.collection} „{s.key}“
                      </td>
                      <td>{CHANGE[s.change]}</td>
                      <td>
                        <code>{f.path || '–'}</code>
                      </td>
                      <td>{show(f.from)}</td>
                      <td>{show(f.to)}</td>
                    </tr>
                  )),
                )}
                {diff.fields.map((f, i) => (
                  <tr key={`f-${i}`}>
                    <td>–</td>
                    <td>geändert</td>
                    <td>
                      <code>{f.path}</code>
                    </td>
                    <td>{show(f.from)}</td>
                    <td>{show(f.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function MigrationSection({ definitionKey, versions }: { definitionKey: string; versions: DefinitionVersion[] }) {
  const published = versions.find((v) => v.status === 'published');
  const [toVersion, setToVersion] = useState(published ? String(published.version) : '');
  const [preview, setPreview] = useState<Schemas['MigrationPreviewDto'] | null>(null);
  const [outcome, setOutcome] = useState<Schemas['MigrationOutcomeDto'] | null>(null);
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const load = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    try {
      setPreview(
        await unwrap(
          client.GET('/definitions/{key}/migrations/preview', {
            params: { path: { key: definitionKey as DefinitionKey }, query: { toVersion: Number(toVersion) } },
          }),
        ),
      );
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const apply = async () => {
    setBusy(true);
    try {
      setOutcome(
        await unwrap(
          client.POST('/definitions/{key}/migrations', {
            params: { path: { key: definitionKey as DefinitionKey } },
            body: { toVersion: Number(toVersion) },
          }),
        ),
      );
      setPreview(null);
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="migration">
      <h2 id="migration">Laufende Instanzen umstellen</h2>
      <form onSubmit={load} className="filters" noValidate>
        <FormErrors error={error} fieldPointers={['/toVersion']} />
        <SelectField
          label="Zielversion"
          value={toVersion}
          onChange={setToVersion}
          options={versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${STATUS[v.status]})` }))}
          errors={at('/toVersion')}
        />
        <button type="submit">Vorschau</button>
      </form>
      {preview && (
        <div>
          <p role="status">
            {preview.summary.running} laufende Instanzen, davon {preview.summary.compatible} umstellbar, {preview.summary.incompatible}{' '}
            nicht umstellbar, {preview.summary.affected} mit Änderungen.
          </p>
          {preview.instances.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">Instanz</th>
                  <th scope="col">Von Version</th>
                  <th scope="col">Umstellbar</th>
                  <th scope="col">Änderungen</th>
                </tr>
              </thead>
              <tbody>
                {preview.instances.map((i) => (
                  <tr key={i.processId}>
                    <td>
                      <code>{i.processId.slice(0, 8)}</code>
                    </td>
                    <td>{i.fromVersion}</td>
                    <td>{i.compatible ? 'ja' : `nein: ${i.reason ?? ''}`}</td>
                    <td>
                      {i.dueDateChanges.length} Fristen verschoben, {i.addedSteps.length} Schritte neu, {i.removedSteps.length} entfallen
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.summary.compatible > 0 && (
            <button type="button" onClick={apply} disabled={busy}>
              {preview.summary.compatible} Instanzen auf Version {preview.toVersion} umstellen
            </button>
          )}
        </div>
      )}
      {outcome && (
        <p role="status">
          Umgestellt: {outcome.migrated.length}; nicht umstellbar: {outcome.incompatible.length}; fehlgeschlagen: {outcome.failed.length}.
        </p>
      )}
    </section>
  );
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => !!v && typeof v === 'object' && !Array.isArray(v);
const isPrimitiveList = (v: Json[]) => v.every((x) => !x || typeof x !== 'object');

const FIELD_LABELS: Record<string, string> = {
  key: 'Schlüssel',
  title: 'Titel',
  text: 'Text',
  type: 'Typ',
  duration: 'Dauer (ISO 8601, z. B. P30D)',
  reminderOffsets: 'Erinnerungen vor Fälligkeit (ISO 8601, eine je Zeile)',
  escalationRole: 'Eskalation an Rolle',
  deliverables: 'Nachweise',
  required: 'Pflicht',
  checklist: 'Checkliste (ein Punkt je Zeile)',
  phases: 'Phasen',
  steps: 'Schritte',
  constraints: 'Einschränkungen',
  analysisQuestions: 'Leitfragen der Sozialraumanalyse',
  conferenceInterval: 'Abstand der Sozialraumkonferenzen (ISO 8601)',
  conferenceReminderOffsets: 'Erinnerungen vor Konferenzen (eine je Zeile)',
  measureReviewInterval: 'Abstand der Maßnahmenprüfung (ISO 8601)',
  annualBudgetCents: 'Jährliches Sozialraumbudget (Cent)',
  minProfessionals: 'Mindestzahl Fachkräfte',
  packetOpensBefore: 'Fallvorstellung für Beratende offen ab … vor der Sitzung (ISO 8601)',
  packetClosesAfter: 'Fallvorstellung für Beratende offen bis … nach der Sitzung (ISO 8601)',
  followUpAfter: 'Wiedervorlage nach (ISO 8601)',
  consentPurposes: 'Zwecke von Einwilligungen (einer je Zeile)',
  retentionAfterClosure: 'Aufbewahrung nach Abschluss (ISO 8601)',
  retentionAfterClosureWithoutHelp: 'Aufbewahrung nach Abschluss ohne Hilfe (ISO 8601)',
  approvalStages: 'Freigabestufen',
  quorum: 'Quorum',
  parties: 'Parteien',
  whenPresent: 'Stimmt nur zu, wenn Vertragspartei',
};
const labelOf = (key: string) => FIELD_LABELS[key] ?? key;

/** Every pointer the editor renders a control (or fieldset) for, so that each problem finds its place. */
function renderedPointers(value: Json, pointer: string, out: string[] = []): string[] {
  out.push(pointer);
  if (isObject(value)) for (const [k, v] of Object.entries(value)) renderedPointers(v, `${pointer}/${k}`, out);
  else if (Array.isArray(value) && !isPrimitiveList(value)) value.forEach((v, i) => renderedPointers(v, `${pointer}/${i}`, out));
  return out;
}

/** Places each problem at the deepest rendered control its pointer falls under ('' = the whole spec). */
function placeProblems(spec: Json, problems: FieldProblem[]): Map<string, string[]> {
  const pointers = renderedPointers(spec, '').sort((a, b) => b.length - a.length);
  const placed = new Map<string, string[]>();
  for (const p of problems) {
    const at = pointers.find((r) => p.pointer === r || p.pointer.startsWith(`${r}/`)) ?? '';
    placed.set(at, [...(placed.get(at) ?? []), p.message]);
  }
  return placed;
}

function setAt(value: Json, path: string[], next: Json): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? setAt(v, rest, next) : v));
  const obj = isObject(value) ? value : {};
  return { ...obj, [head]: setAt(obj[head], rest, next) };
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? (
    <p className="field-error" id={id}>
      {messages.join(' · ')}
    </p>
  ) : null;
}

const domId = (pointer: string) => `spec${pointer.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A generic form over any spec: objects become fieldsets, lists of text become textareas, values inputs. */
function SpecNode({
  name,
  value,
  pointer,
  problems,
  onChange,
}: {
  name: string;
  value: Json;
  pointer: string;
  problems: Map<string, string[]>;
  onChange: (pointer: string, value: Json) => void;
}) {
  const id = domId(pointer);
  const messages = problems.get(pointer);
  const invalid = messages?.length ? true : undefined;
  const describedBy = invalid ? `${id}-error` : undefined;
  if (isObject(value) || (Array.isArray(value) && !isPrimitiveList(value))) {
    const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
    const itemName = (k: string, v: Json) =>
      Array.isArray(value) ? `${labelOf(name)} ${Number(k) + 1}${isObject(v) && typeof v.title === 'string' ? `: ${v.title}` : ''}` : k;
    return (
      <fieldset className={`spec-group${invalid ? ' field-invalid' : ''}`} aria-describedby={describedBy} data-pointer={pointer}>
        <legend>{labelOf(name)}</legend>
        <FieldError id={`${id}-error`} messages={messages} />
        {entries.map(([k, v]) => (
          <SpecNode key={k} name={itemName(k, v)} value={v} pointer={`${pointer}/${k}`} problems={problems} onChange={onChange} />
        ))}
      </fieldset>
    );
  }
  const label = (
    <label htmlFor={id}>
      {labelOf(name)} <span className="muted">({pointer})</span>
    </label>
  );
  if (Array.isArray(value)) {
    const numeric = value.length > 0 && value.every((v) => typeof v === 'number');
    return (
      <div className={`field${invalid ? ' field-invalid' : ''}`}>
        {label}
        <textarea
          id={id}
          name={pointer}
          rows={Math.max(2, value.length + 1)}
          value={value.map((v) => String(v ?? '')).join('\n')}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) =>
            onChange(
              pointer,
              e.target.value
                .split('\n')
                .filter((l, i, all) => l !== '' || i < all.length - 1)
                .map((l) => (numeric && l.trim() !== '' && !Number.isNaN(Number(l)) ? Number(l) : l)),
            )
          }
        />
        <FieldError id={`${id}-error`} messages={messages} />
      </div>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <div className={`field${invalid ? ' field-invalid' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            id={id}
            name={pointer}
            checked={value}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange(pointer, e.target.checked)}
          />{' '}
          {labelOf(name)}
        </label>
        <FieldError id={`${id}-error`} messages={messages} />
      </div>
    );
  }
  const numeric = typeof value === 'number';
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      {label}
      <input
        id={id}
        name={pointer}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        value={value === null || value === undefined ? '' : String(value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        // A number field keeps what was typed even when it is not a number: the server says what is wrong.
        onChange={(e) =>
          onChange(
            pointer,
            numeric && e.target.value.trim() !== '' && !Number.isNaN(Number(e.target.value)) ? Number(e.target.value) : e.target.value,
          )
        }
      />
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}

/** The draft editor: edit, check, save and publish; problems appear at the field they concern. */
export function DraftEditorPage() {
  const { key = '', version = '' } = useParams();
  const loaded = useLoad(
    () =>
      unwrap(
        client.GET('/definitions/{key}/versions/{version}', { params: { path: { key: key as DefinitionKey, version: Number(version) } } }),
      ),
    [key, version],
  );
  return (
    <Loaded state={loaded}>
      {(definition) => (
        <>
          <PageTitle>{`${DEFINITION_TITLES[key] ?? key}, Version ${definition.version} (${STATUS[definition.status]})`}</PageTitle>
          <p>
            <Link to={`/definitionen/${key}`}>Zurück zu den Versionen</Link>
          </p>
          {definition.status === 'draft' ? (
            <DraftForm definition={definition} />
          ) : (
            <>
              <p>Nur Entwürfe können bearbeitet werden. Legen Sie einen neuen Entwurf an, um etwas zu ändern.</p>
              <pre className="spec">{JSON.stringify(definition.spec, null, 2)}</pre>
            </>
          )}
        </>
      )}
    </Loaded>
  );
}

function DraftForm({ definition }: { definition: Schemas['DefinitionDto'] }) {
  const navigate = useNavigate();
  const [spec, setSpec] = useState<Json>(definition.spec);
  const [changeNote, setChangeNote] = useState(definition.changeNote ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const placed = useMemo(() => placeProblems(spec, problems), [spec, problems]);
  const path = { key: definition.key, version: definition.version };

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      const done = await action();
      setProblems([]);
      setFailure(null);
      setMessage(done);
    } catch (err) {
      const error = toApiError(err);
      // Pointers of a saved spec start at /spec; the editor's start at the spec itself.
      setProblems(error.errors.map((p) => ({ ...p, pointer: p.pointer.replace(/^\/spec(?=\/|$)/, '') })));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    unwrap(
      client.PUT('/definitions/{key}/versions/{version}', {
        params: { path },
        body: { spec: spec as Schemas['UpdateDraftDto']['spec'], ...(changeNote ? { changeNote } : {}) },
      }),
    );
  const check = () =>
    run(async () => {
      const result = await unwrap(
        client.POST('/definitions/{key}/validate', { params: { path }, body: { spec: spec as Schemas['ValidateSpecDto']['spec'] } }),
      );
      if (!result.valid)
        throw new ApiError({ status: 400, detail: `Die Definition hat ${result.problems.length} Problem(e).`, errors: result.problems });
      return 'Die Definition ist gültig.';
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await save();
      return 'Der Entwurf wurde gespeichert.';
    });
  };
  const publish = () =>
    void run(async () => {
      await save();
      await unwrap(client.POST('/definitions/{key}/versions/{version}/publish', { params: { path } }));
      void navigate(`/definitionen/${definition.key}`);
      return 'Veröffentlicht.';
    });
  const rootProblems = placed.get('') ?? [];

  return (
    <form onSubmit={submit} noValidate>
      {failure && (
        <div className="alert alert-error" role="alert">
          <strong>
            {problems.length ? `Die Definition hat ${problems.length} Problem(e); sie sind bei den Feldern markiert.` : failure.message}
          </strong>
          {rootProblems.length > 0 && (
            <ul>
              {rootProblems.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {message && (
        <p className="alert alert-ok" role="status">
          {message}
        </p>
      )}
      <TextField label="Änderungsnotiz" value={changeNote} onChange={setChangeNote} />
      <SpecNode
        name="Definition"
        value={spec}
        pointer=""
        problems={new Map([...placed].filter(([k]) => k !== ''))}
        onChange={(pointer, value) => setSpec((s: Json) => setAt(s, pointer.split('/').slice(1), value))}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={check} disabled={busy}>
          Prüfen
        </button>
        <SubmitButton busy={busy}>Entwurf speichern</SubmitButton>
        <button type="button" onClick={publish} disabled={busy}>
          Veröffentlichen
        </button>
      </div>
    </form>
  );
}

const AUDIT_FILTERS = ['actorId', 'resourceType', 'action', 'outcome', 'from', 'to'] as const;

/** The audit log, newest first; the filter's problems appear at its fields. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(
    () => Object.fromEntries(AUDIT_FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof AUDIT_FILTERS)[number], string>,
  );
  const offset = Number(params.get('offset') ?? 0);
  const active = Object.fromEntries(AUDIT_FILTERS.map((f) => [f, params.get(f) ?? '']));
  const log = useLoad(
    () =>
      unwrap(
        client.GET('/audit', {
          params: {
            query: { ...(Object.fromEntries(Object.entries(active).filter(([, v]) => v)) as Record<string, string>), limit: 50, offset },
          },
        }),
      ),
    [params.toString()],
  );
  const set = (k: (typeof AUDIT_FILTERS)[number]) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const errors = log.error?.errors ?? [];
  const at = (pointer: string) => errors.filter((p) => p.pointer === pointer).map((p) => p.message);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams(Object.entries(form).filter(([, v]) => v)));
  };
  return (
    <>
      <PageTitle>Audit-Log</PageTitle>
      <form onSubmit={submit} className="filters" noValidate aria-label="Filter">
        <TextField label="Wer (Kennung)" value={form.actorId} onChange={set('actorId')} errors={at('/actorId')} />
        <TextField
          label="Ressource"
          hint="z. B. case, consultation-packet"
          value={form.resourceType}
          onChange={set('resourceType')}
          errors={at('/resourceType')}
        />
        <TextField label="Aktion" value={form.action} onChange={set('action')} errors={at('/action')} />
        <SelectField
          label="Ergebnis"
          value={form.outcome}
          onChange={set('outcome')}
          placeholder="Alle"
          options={[
            { value: 'allowed', label: 'erlaubt' },
            { value: 'denied', label: 'verweigert' },
            { value: 'failed', label: 'fehlgeschlagen' },
          ]}
          errors={at('/outcome')}
        />
        <TextField label="Von" hint="JJJJ-MM-TT" value={form.from} onChange={set('from')} errors={at('/from')} />
        <TextField label="Bis (ausschließlich)" hint="JJJJ-MM-TT" value={form.to} onChange={set('to')} errors={at('/to')} />
        <button type="submit">Filtern</button>
      </form>
      {log.error ? (
        errors.length ? (
          <FormErrors error={log.error} fieldPointers={AUDIT_FILTERS.map((f) => `/${f}`)} />
        ) : (
          <ErrorBox error={log.error} />
        )
      ) : (
        <Loaded state={log}>
          {(page) => (
            <>
              <p role="status">{page.total} Einträge</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Zeit</th>
                    <th scope="col">Wer</th>
                    <th scope="col">Aktion</th>
                    <th scope="col">Ressource</th>
                    <th scope="col">Zweck</th>
                    <th scope="col">Ergebnis</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.occurredAt)}</td>
                      <td>
                        {e.actorId} <span className="muted">({e.actorRoles.join(', ')})</span>
                      </td>
                      <td>{e.action}</td>
                      <td>
                        {e.resourceType}
                        {e.resourceId && <code> {e.resourceId.slice(0, 8)}</code>}
                      </td>
                      <td>{e.purpose}</td>
                      <td>{e.outcome === 'denied' ? <strong>verweigert</strong> : e.outcome === 'allowed' ? 'erlaubt' : e.outcome}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                total={page.total}
                limit={page.limit ?? 50}
                offset={page.offset ?? 0}
                onChange={(o) => {
                  const next = new URLSearchParams(params);
                  next.set('offset', String(o));
                  setParams(next);
                }}
              />
            </>
          )}
        </Loaded>
      )}
    </>
  );
}
