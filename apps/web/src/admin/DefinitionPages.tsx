import { FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, client, FieldProblem, Schemas, unwrap } from '../api';
import {
  describeError,
  ErrorBox,
  fieldDomId,
  formatDate,
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
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { DateField } from '../shared/forms';
import { isoDateOf } from '../shared/german';
import { ROLE_LABELS } from '../auth/session';
import { useConfirm } from '../shared/confirm';
import { describePointer, isObject, ITEM_LABELS, Json, labelOf, showValue } from './specLabels';
import { placeProblems, setAt, SpecEditor } from './SpecEditor';

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
  const [confirm, dialog] = useConfirm();
  const published = versions.data?.items.find((v) => v.status === 'published');
  const retire = async (version: number, status: string) => {
    const ok = await confirm({
      title: `Version ${version} außer Kraft setzen?`,
      body:
        status === 'published' ? (
          <p>
            Version {version} ist die veröffentlichte Version. Danach starten neue Prozesse erst wieder, wenn eine andere Version
            veröffentlicht ist. Laufende Prozesse bleiben auf ihrer Version. Das lässt sich nicht rückgängig machen.
          </p>
        ) : (
          <p>Der Entwurf Version {version} wird verworfen und kann nicht mehr bearbeitet oder veröffentlicht werden.</p>
        ),
      confirmLabel: 'Außer Kraft setzen',
      danger: true,
    });
    if (!ok) return;
    try {
      await unwrap(
        client.POST('/definitions/{key}/versions/{version}/retire', { params: { path: { key: key as DefinitionKey, version } } }),
      );
      setError(null);
      versions.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };
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
      {dialog}
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
                        {v.status !== 'retired' && (
                          <>
                            {' '}
                            <button type="button" className="secondary" onClick={() => retire(v.version, v.status)}>
                              Außer Kraft setzen<span className="visually-hidden"> (Version {v.version})</span>
                            </button>
                          </>
                        )}
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

const CHANGE: Record<string, string> = { added: 'neu', removed: 'entfällt', changed: 'geändert', unchanged: 'unverändert' };

/** A change's path in words: "/deliverables[boundaries]/required" → "Nachweis „boundaries“ › Pflicht". */
function describePath(path: string, titles: Map<string, string>): string {
  const words: string[] = [];
  for (const part of path.split('/').filter(Boolean)) {
    const m = /^(\w+)\[([^\]]+)\]$/.exec(part);
    if (m) words.push(`${ITEM_LABELS[m[1]] ?? labelOf(m[1])} „${titles.get(`${m[1]}:${m[2]}`) ?? m[2]}“`);
    else words.push(labelOf(part));
  }
  return words.join(' › ') || 'ganzer Eintrag';
}
const lastName = (path: string) => (path.split('/').pop() ?? '').replace(/\[.*$/, '');

/** Titles of every keyed entry of a spec, by "list:key", so that the diff can name them. */
function titlesOf(spec: Json, out = new Map<string, string>(), list = ''): Map<string, string> {
  if (Array.isArray(spec))
    spec.forEach((v) => {
      if (isObject(v) && typeof v.key === 'string') out.set(`${list}:${v.key}`, String(v.title ?? v.text ?? v.key));
      titlesOf(v, out, list);
    });
  else if (isObject(spec)) for (const [k, v] of Object.entries(spec)) titlesOf(v, out, k);
  return out;
}

type Diff = Schemas['DefinitionDiffDto'];

/** The diff side by side, one table per changed step, with German labels and values. */
export function ReadableDiff({ diff, titles, from, to }: { diff: Diff; titles: Map<string, string>; from: number; to: number }) {
  const changed = diff.steps.filter((s) => s.change !== 'unchanged');
  if (changed.length === 0 && diff.fields.length === 0) return <p>Keine Unterschiede.</p>;
  const table = (caption: string, rows: Array<{ label: string; name: string; from: Json; to: Json }>, key: string) => (
    <table className="diff" key={key}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Angabe</th>
          <th scope="col">Version {from}</th>
          <th scope="col">Version {to}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <th scope="row">{r.label}</th>
            <td className={r.from === undefined ? 'muted' : 'diff-from'}>{showValue(r.name, r.from)}</td>
            <td className={r.to === undefined ? 'muted' : 'diff-to'}>{showValue(r.name, r.to)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="diff-list">
      {changed.map((s) => {
        const title = `${ITEM_LABELS[s.collection] ?? labelOf(s.collection)} „${titles.get(`${s.collection}:${s.key}`) ?? s.key}“: ${CHANGE[s.change]}`;
        const moved = s.fromIndex !== undefined && s.toIndex !== undefined && s.fromIndex !== s.toIndex;
        const rows = [
          ...(s.change === 'added'
            ? [{ label: 'Eintrag', name: s.collection, from: undefined, to: titles.get(`${s.collection}:${s.key}`) ?? s.key }]
            : []),
          ...(s.change === 'removed'
            ? [{ label: 'Eintrag', name: s.collection, from: titles.get(`${s.collection}:${s.key}`) ?? s.key, to: undefined }]
            : []),
          ...(moved ? [{ label: 'Position', name: 'position', from: s.fromIndex! + 1, to: s.toIndex! + 1 }] : []),
          ...s.fields.map((f) => ({ label: describePath(f.path, titles), name: lastName(f.path), from: f.from, to: f.to })),
        ];
        return table(title, rows, `${s.collection}-${s.key}`);
      })}
      {diff.fields.length > 0 &&
        table(
          'Weitere Angaben',
          diff.fields.map((f) => ({ label: describePath(f.path, titles), name: lastName(f.path), from: f.from, to: f.to })),
          'fields',
        )}
    </div>
  );
}

const getVersion = (key: string, version: number) =>
  unwrap(client.GET('/definitions/{key}/versions/{version}', { params: { path: { key: key as DefinitionKey, version } } }));

function DiffSection({ definitionKey, versions }: { definitionKey: string; versions: number[] }) {
  const sorted = [...versions].sort((a, b) => a - b);
  const [from, setFrom] = useState(String(sorted[sorted.length - 2]));
  const [to, setTo] = useState(String(sorted[sorted.length - 1]));
  const [shown, setShown] = useState<{ diff: Diff; titles: Map<string, string>; from: number; to: number } | null>(null);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const [diff, a, b] = await Promise.all([
        unwrap(
          client.GET('/definitions/{key}/diff', {
            params: { path: { key: definitionKey as DefinitionKey }, query: { from: Number(from), to: Number(to) } },
          }),
        ),
        getVersion(definitionKey, Number(from)),
        getVersion(definitionKey, Number(to)),
      ]);
      setShown({ diff, titles: titlesOf(b.spec, titlesOf(a.spec)), from: Number(from), to: Number(to) });
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const options = sorted.map((v) => ({ value: String(v), label: `Version ${v}` }));
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">Versionen vergleichen</h2>
      <form onSubmit={submit} className="filters" noValidate>
        <FormErrors error={error} />
        <SelectField label="Von" pointer="/from" value={from} onChange={setFrom} options={options} errors={at('/from')} />
        <SelectField label="Nach" pointer="/to" value={to} onChange={setTo} options={options} errors={at('/to')} />
        <button type="submit">Vergleichen</button>
      </form>
      <div role="status" aria-live="polite">
        {shown && <ReadableDiff {...shown} />}
      </div>
    </section>
  );
}

type Preview = Schemas['MigrationPreviewDto'];

const signedDays = (ms: number | null) => {
  if (ms === null) return '';
  const days = Math.round(ms / 86_400_000);
  return days === 0 ? ' (gleicher Tag)' : ` (${days > 0 ? '+' : '−'}${Math.abs(days)} ${Math.abs(days) === 1 ? 'Tag' : 'Tage'})`;
};

/** What a migration means, per process: its social space or case file number, due dates that move, what does not fit. */
export function PreviewDetails({ preview, titles, limit = 30 }: { preview: Preview; titles: Map<string, string>; limit?: number }) {
  const step = (key: string) => titles.get(`phases:${key}`) ?? titles.get(`steps:${key}`) ?? titles.get(`approvalStages:${key}`) ?? key;
  const name = (i: Preview['instances'][number]) => i.subjectLabel ?? 'Prozess ohne Bezeichnung';
  const compatible = preview.instances.filter((i) => i.compatible);
  const incompatible = preview.instances.filter((i) => !i.compatible);
  if (preview.instances.length === 0) return <p>Kein laufender Prozess läuft mit einer älteren Version.</p>;
  return (
    // Scrollable when long: focusable, so that keyboard users can scroll it (WCAG 2.1.1).
    <div className="preview-details" tabIndex={0} role="region" aria-label="Betroffene Prozesse">
      <p>
        {preview.summary.running} {preview.summary.running === 1 ? 'laufender Prozess läuft' : 'laufende Prozesse laufen'} mit einer älteren
        Version: {preview.summary.compatible} umstellbar ({preview.summary.affected} davon mit Änderungen), {preview.summary.incompatible}{' '}
        nicht umstellbar.
      </p>
      {compatible.length > 0 && (
        <>
          <h3>Umstellbar</h3>
          <ul>
            {compatible.slice(0, limit).map((i) => (
              <li key={i.processId}>
                <strong>{name(i)}</strong> (Version {i.fromVersion}
                {i.currentStep ? `, jetzt in „${step(i.currentStep)}“` : ''})
                {i.dueDateChanges.length === 0 && i.addedSteps.length === 0 && i.removedSteps.length === 0 && ': keine Fristen ändern sich'}
                {(i.dueDateChanges.length > 0 || i.addedSteps.length > 0 || i.removedSteps.length > 0) && (
                  <ul>
                    {i.dueDateChanges.map((c) => (
                      <li key={c.step}>
                        Frist „{step(c.step)}“: {c.from ? formatDate(c.from) : 'bisher keine'} → {formatDate(c.to)}
                        {signedDays(c.deltaMs)}
                        {c.projected ? ', voraussichtlich' : ''}
                      </li>
                    ))}
                    {i.addedSteps.map((k) => (
                      <li key={`+${k}`}>neu: „{step(k)}“</li>
                    ))}
                    {i.removedSteps.map((k) => (
                      <li key={`-${k}`}>entfällt: „{step(k)}“</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {compatible.length > limit && <p>… und {compatible.length - limit} weitere.</p>}
        </>
      )}
      {incompatible.length > 0 && (
        <>
          <h3>Nicht umstellbar (bleiben bei ihrer Version)</h3>
          <ul>
            {incompatible.slice(0, limit).map((i) => (
              <li key={i.processId}>
                <strong>{name(i)}</strong> (Version {i.fromVersion}): {i.reason ?? 'passt nicht zur neuen Version'}
              </li>
            ))}
          </ul>
          {incompatible.length > limit && <p>… und {incompatible.length - limit} weitere.</p>}
        </>
      )}
    </div>
  );
}

const loadPreview = (key: string, version: number) =>
  Promise.all([
    unwrap(
      client.GET('/definitions/{key}/migrations/preview', {
        params: { path: { key: key as DefinitionKey }, query: { toVersion: version } },
      }),
    ),
    getVersion(key, version),
  ]);

function MigrationSection({ definitionKey, versions }: { definitionKey: string; versions: DefinitionVersion[] }) {
  const published = versions.find((v) => v.status === 'published');
  const [toVersion, setToVersion] = useState(published ? String(published.version) : '');
  const [preview, setPreview] = useState<{ preview: Preview; titles: Map<string, string> } | null>(null);
  const [outcome, setOutcome] = useState<Schemas['MigrationOutcomeDto'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, dialog] = useConfirm();
  const { error, setError, at } = useProblems();
  const load = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    try {
      const [p, target] = await loadPreview(definitionKey, Number(toVersion));
      setPreview({ preview: p, titles: titlesOf(target.spec) });
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const apply = async () => {
    if (!preview) return;
    const { summary } = preview.preview;
    const ok = await confirm({
      title: `${summary.compatible} ${summary.compatible === 1 ? 'Prozess' : 'Prozesse'} auf Version ${preview.preview.toVersion} umstellen?`,
      body: (
        <>
          <p>Die umstellbaren Prozesse laufen danach mit Version {preview.preview.toVersion}; das lässt sich nicht rückgängig machen.</p>
          <PreviewDetails preview={preview.preview} titles={preview.titles} limit={20} />
        </>
      ),
      confirmLabel: `${summary.compatible} umstellen`,
      danger: true,
    });
    if (!ok) return;
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
      <h2 id="migration">Laufende Prozesse umstellen</h2>
      <form onSubmit={load} className="filters" noValidate>
        <FormErrors error={error} />
        <SelectField
          label="Zielversion"
          pointer="/toVersion"
          value={toVersion}
          onChange={setToVersion}
          options={versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${STATUS[v.status]})` }))}
          errors={at('/toVersion')}
        />
        <button type="submit">Vorschau</button>
      </form>
      {preview && (
        <div role="status">
          <PreviewDetails preview={preview.preview} titles={preview.titles} />
          {preview.preview.summary.compatible > 0 && preview.preview.toStatus === 'published' && (
            <button type="button" onClick={apply} disabled={busy}>
              {preview.preview.summary.compatible} {preview.preview.summary.compatible === 1 ? 'Prozess' : 'Prozesse'} auf Version{' '}
              {preview.preview.toVersion} umstellen …
            </button>
          )}
        </div>
      )}
      {outcome && (
        <p role="status" className="alert alert-ok">
          Umgestellt: {outcome.migrated.length}; nicht umstellbar: {outcome.incompatible.length}; fehlgeschlagen: {outcome.failed.length}.
        </p>
      )}
      {dialog}
    </section>
  );
}

/** The draft editor: edit the structure, check, save and publish; problems appear at the field they concern. */
export function DraftEditorPage() {
  const { key = '', version = '' } = useParams();
  const loaded = useLoad(() => getVersion(key, Number(version)), [key, version]);
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
              <fieldset disabled className="spec-readonly">
                <legend className="visually-hidden">Inhalt der Version {definition.version}</legend>
                <SpecEditor spec={definition.spec} problems={new Map()} onChange={() => undefined} />
              </fieldset>
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
  const [confirm, dialog] = useConfirm();
  const summary = useRef<HTMLDivElement>(null);
  const placed = useMemo(() => placeProblems(spec, problems), [spec, problems]);
  const path = { key: definition.key, version: definition.version };

  const run = async (action: () => Promise<string | null>) => {
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
      setTimeout(() => summary.current?.focus());
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
      const [preview, target] = await loadPreview(definition.key, definition.version);
      const ok = await confirm({
        title: `Version ${definition.version} veröffentlichen?`,
        body: (
          <>
            <p>
              Neue Prozesse starten danach mit Version {definition.version}; die bisher veröffentlichte Version tritt außer Kraft. Laufende
              Prozesse bleiben bei ihrer Version, bis Sie sie umstellen. Beim Umstellen würde sich ändern:
            </p>
            <PreviewDetails preview={preview} titles={titlesOf(target.spec)} limit={20} />
          </>
        ),
        confirmLabel: 'Veröffentlichen',
      });
      if (!ok) return 'Nicht veröffentlicht; der Entwurf ist gespeichert.';
      await unwrap(client.POST('/definitions/{key}/versions/{version}/publish', { params: { path } }));
      void navigate(`/definitionen/${definition.key}`);
      return 'Veröffentlicht.';
    });
  const change = (pointer: string, value: Json) => setSpec((s: Json) => setAt(s, pointer.split('/').slice(1), value));

  return (
    <form onSubmit={submit} noValidate>
      {failure && (
        <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={summary}>
          <strong>
            {problems.length
              ? `Die Definition hat ${problems.length} ${problems.length === 1 ? 'Problem' : 'Probleme'}; sie sind bei den Feldern markiert.`
              : describeError(failure)}
          </strong>
          {problems.length > 0 && (
            <ul>
              {[...placed].map(([at, messages]) =>
                messages.map((m, i) => (
                  <li key={`${at}-${i}`}>
                    {at ? (
                      <a
                        href={`#${fieldDomId(at)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          const el = document.getElementById(fieldDomId(at));
                          el?.scrollIntoView({ block: 'center' });
                          el?.focus();
                        }}
                      >
                        {describePointer(spec, at)}: {m}
                      </a>
                    ) : (
                      m
                    )}
                  </li>
                )),
              )}
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
      <SpecEditor spec={spec} problems={placed} onChange={change} />
      <div className="actions">
        <button type="button" className="secondary" onClick={check} disabled={busy}>
          Prüfen
        </button>
        <SubmitButton busy={busy}>Entwurf speichern</SubmitButton>
        <button type="button" onClick={publish} disabled={busy}>
          Veröffentlichen …
        </button>
      </div>
      {dialog}
    </form>
  );
}

const AUDIT_FILTERS = ['actorId', 'resourceType', 'action', 'outcome', 'from', 'to'] as const;

/** German names of what the audit log records (anything unknown is shown as recorded). */
const RESOURCE_LABELS: Record<string, string> = {
  'audit-log': 'Audit-Log',
  'budget-allocation': 'Budgetzuweisung',
  case: 'Fall',
  'case-break-glass': 'Notfallzugriff auf Fall',
  'case-note': 'Aktenvermerk',
  'case-transfer': 'Fallübergabe',
  consultation: 'Fallberatung',
  'consultation-packet': 'Beratungspaket',
  'contract-partner': 'Vertragspartner',
  'cooperation-agreement': 'Kooperationsvereinbarung',
  'interview-cycle': 'Interviewzyklus',
  'interview-schedule': 'Interviewplan',
  'partner-interview': 'Partnerinterview',
  'process-instance': 'Prozess',
  'retention-schedule': 'Löschfristen',
  'sozialraum-budget': 'Sozialraumbudget',
  'sozialraum-process': 'Sozialraumprozess',
  statistics: 'Statistik',
  substitution: 'Vertretung',
  task: 'Aufgaben',
  team: 'Team',
  'time-entry': 'Zeiterfassung',
  user: 'Benutzer',
  'workflow-definition': 'Workflow-Definition',
  'workflow-payload': 'Workflow-Daten',
};
const ACTION_LABELS: Record<string, string> = {
  create: 'angelegt',
  update: 'geändert',
  read: 'gelesen',
  list: 'Liste abgerufen',
  delete: 'gelöscht',
  close: 'abgeschlossen',
  reopen: 'wieder eröffnet',
  pause: 'pausiert',
  unpause: 'fortgesetzt',
  cancel: 'abgebrochen',
  withdraw: 'zurückgezogen',
  trigger: 'ausgelöst',
  transfer: 'übergeben',
  terminate: 'beendet',
  submit: 'zur Freigabe gegeben',
  revise: 'überarbeitet',
  decide: 'entschieden',
  migrate: 'umgestellt',
  publish: 'veröffentlicht',
  'create-draft': 'Entwurf angelegt',
  preview: 'Vorschau',
  export: 'exportiert',
  deactivate: 'deaktiviert',
  reactivate: 'reaktiviert',
  provision: 'bereitgestellt',
  'break-glass': 'Notfallzugriff',
  anonymise: 'anonymisiert',
  'legal-hold': 'Löschsperre gesetzt',
  'read-file': 'Fallakte gelesen',
  'read-history': 'Verlauf gelesen',
  'read-notes': 'Vermerke gelesen',
  'read-documents': 'Dokumente gelesen',
  'download-document': 'Dokument heruntergeladen',
  'upload-document': 'Dokument hochgeladen',
  'read-versions': 'Versionen gelesen',
  'read-version': 'Version gelesen',
  'read-decisions': 'Entscheidungen gelesen',
  'read-consents': 'Einwilligungen gelesen',
  'read-follow-ups': 'Wiedervorlagen gelesen',
  'read-transfers': 'Übergaben gelesen',
  'add-consent': 'Einwilligung erfasst',
  'revoke-consent': 'Einwilligung widerrufen',
  'add-confided': 'Anvertrautes erfasst',
  'release-confided': 'Anvertrautes freigegeben',
  'packet-release': 'Paket freigegeben',
  release: 'freigegeben',
  invite: 'eingeladen',
  recommend: 'Empfehlung abgegeben',
  'record-outcome': 'Ergebnis dokumentiert',
  'record-answers': 'Antworten erfasst',
  'record-spending': 'Ausgabe gebucht',
  allocate: 'Zuweisung gebucht',
  reverse: 'storniert',
  'set-budget': 'Budget festgelegt',
  'set-team': 'Team geändert',
  plan: 'geplant',
  schedule: 'terminiert',
  'extend-deadline': 'Frist verlängert',
  intake: 'aufgenommen',
  classify: 'eingeordnet',
  'risk-assessment': '§ 8a-Einschätzung erfasst',
  'immediate-protection': 'Sofortschutz erfasst',
  'help-plan': 'Hilfeplan erfasst',
  'help-plan-review': 'Hilfeplan überprüft',
  'add-follow-up': 'Wiedervorlage gesetzt',
  'follow-up-done': 'Wiedervorlage erledigt',
  'move-follow-up': 'Wiedervorlage verschoben',
  'request-consultation': 'Fallberatung beantragt',
  'add-partner': 'Partner hinzugefügt',
  exit: 'Austritt erfasst',
  summary: 'Übersicht abgerufen',
  end: 'beendet',
  open: 'geöffnet',
  decode: 'entschlüsselt',
};
const OUTCOMES = [
  { value: 'allowed', label: 'erlaubt' },
  { value: 'denied', label: 'verweigert' },
  { value: 'failed', label: 'fehlgeschlagen' },
];
const labelled = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'));
const dayAfter = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** The audit log, newest first: filters by person, thing, action, outcome and period; problems at their fields. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState(
    () => Object.fromEntries(AUDIT_FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<(typeof AUDIT_FILTERS)[number], string>,
  );
  const offset = Number(params.get('offset') ?? 0);
  const users = useLoad(() => unwrap(client.GET('/staff/users', { params: { query: { limit: 200 } } })), []);
  const nameOf = (id: string) => users.data?.items.find((u) => u.id === id)?.displayName;
  const log = useLoad(() => {
    const query: Record<string, string> = {};
    for (const f of AUDIT_FILTERS) {
      const v = params.get(f);
      if (!v) continue;
      // Dates are typed as TT.MM.JJJJ; "bis" includes the day.
      query[f] = f === 'from' ? isoDateOf(v) : f === 'to' ? dayAfter(isoDateOf(v)) : v;
    }
    return unwrap(client.GET('/audit', { params: { query: { ...query, limit: 50, offset } } }));
  }, [params.toString()]);
  const set = (k: (typeof AUDIT_FILTERS)[number]) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const errors = log.error?.errors ?? [];
  const at = (pointer: string) => errors.filter((p) => p.pointer === pointer).map((p) => p.message);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams(Object.entries(form).filter(([, v]) => v)));
  };
  const userOptions = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.id})` }));
  if (form.actorId && !userOptions.some((o) => o.value === form.actorId)) userOptions.push({ value: form.actorId, label: form.actorId });
  return (
    <>
      <PageTitle>Audit-Log</PageTitle>
      <form onSubmit={submit} className="filters" noValidate aria-label="Filter">
        <SelectField
          label="Wer"
          pointer="/actorId"
          value={form.actorId}
          onChange={set('actorId')}
          placeholder="Alle"
          options={userOptions}
          errors={at('/actorId')}
        />
        <SelectField
          label="Bereich"
          pointer="/resourceType"
          value={form.resourceType}
          onChange={set('resourceType')}
          placeholder="Alle"
          options={labelled(RESOURCE_LABELS)}
          errors={at('/resourceType')}
        />
        <SelectField
          label="Aktion"
          pointer="/action"
          value={form.action}
          onChange={set('action')}
          placeholder="Alle"
          options={labelled(ACTION_LABELS)}
          errors={at('/action')}
        />
        <SelectField
          label="Ergebnis"
          pointer="/outcome"
          value={form.outcome}
          onChange={set('outcome')}
          placeholder="Alle"
          options={OUTCOMES}
          errors={at('/outcome')}
        />
        <DateField label="Von" pointer="/from" value={form.from} onChange={set('from')} errors={at('/from')} />
        <DateField label="Bis (einschließlich)" pointer="/to" value={form.to} onChange={set('to')} errors={at('/to')} />
        <button type="submit">Filtern</button>
      </form>
      {log.error ? (
        errors.length ? (
          <FormErrors error={log.error} />
        ) : (
          <ErrorBox error={log.error} />
        )
      ) : (
        <Loaded state={log}>
          {(page) => (
            <DataTable
              caption={`${page.total} Einträge`}
              rows={page.items}
              rowKey={(e) => String(e.id)}
              empty="Keine Einträge für diese Auswahl."
              columns={[
                { key: 'at', header: 'Zeit', render: (e) => formatDateTime(e.occurredAt) },
                {
                  key: 'who',
                  header: 'Wer',
                  render: (e) => (
                    <>
                      {nameOf(e.actorId) ?? e.actorId}{' '}
                      <span className="muted">({e.actorRoles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(', ')})</span>
                    </>
                  ),
                },
                {
                  key: 'what',
                  header: 'Was',
                  render: (e) => (
                    <>
                      {RESOURCE_LABELS[e.resourceType] ?? e.resourceType} {ACTION_LABELS[e.action] ?? e.action}
                      {e.resourceId && <code> {e.resourceId.slice(0, 8)}</code>}
                    </>
                  ),
                },
                { key: 'purpose', header: 'Zweck', render: (e) => e.purpose },
                {
                  key: 'outcome',
                  header: 'Ergebnis',
                  render: (e) =>
                    e.outcome === 'denied' ? (
                      <strong>verweigert</strong>
                    ) : (
                      (OUTCOMES.find((o) => o.value === e.outcome)?.label ?? e.outcome)
                    ),
                },
              ]}
              paging={{
                total: page.total,
                limit: page.limit ?? 50,
                offset: page.offset ?? 0,
                onChange: (o) => {
                  const next = new URLSearchParams(params);
                  next.set('offset', String(o));
                  setParams(next);
                },
              }}
            />
          )}
        </Loaded>
      )}
    </>
  );
}
