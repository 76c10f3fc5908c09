// Editing a case file: the form starts from the file as loaded and remembers its version; the save
// names that version (If-Match). When someone else saved in between, the server refuses (412) and
// nothing is stored: the form keeps what was typed and offers the current version.
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { DraftNotice } from '../shared/DraftNotice';
import { useDraft } from '../shared/drafts';
import { germanDateOf, isoDateOf } from '../shared/german';
import { ZONES } from '../shared/labels';
import { formatDateTime, FormErrors, lines, SelectField, SubmitButton, toApiError, useProblems } from '../shared/ui';
import { CaseFamilyFields, CaseStoryFields, familyMember, familyRowOf, FamilyRow } from './family';
import { fieldLabel } from './labels';
import type { CaseAreaProps, CaseFile } from './types';

type EditForm = {
  version: number;
  zone: string;
  familyName: string;
  givenNames: string;
  birthDates: string[];
  address: string;
  familyMembers: FamilyRow[];
  will: string;
  goals: string;
  person: string;
  surroundings: string;
  socialSpace: string;
};

/** The form as the file stands: lists one per line, dates as TT.MM.JJJJ. */
export function formOf(file: CaseFile): EditForm {
  return {
    version: file.version,
    zone: file.zone ?? '',
    familyName: file.personal.familyName,
    givenNames: file.personal.givenNames.join(', '),
    birthDates: file.personal.birthDates.map((d) => germanDateOf(d)),
    address: file.personal.address,
    familyMembers: file.personal.familyMembers.map(familyRowOf),
    will: file.will,
    goals: file.goals.join('\n'),
    person: file.resources.person.join('\n'),
    surroundings: file.resources.surroundings.join('\n'),
    socialSpace: file.resources.socialSpace.join('\n'),
  };
}

type Conflict = { current: CaseFile; changes: CaseFile['history'] };

export function CaseEditForm({ file, reload }: CaseAreaProps) {
  const me = useMe();
  const navigate = useNavigate();
  const draft = useDraft<EditForm>(me.sub, `fall-bearbeiten:${file.id}`, () => formOf(file));
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error, setError, at, only } = useProblems();
  const set =
    <K extends keyof EditForm>(key: K) =>
    (value: EditForm[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const fallteam = file.kind === 'fallteam';

  if (file.status === 'closed')
    return (
      <>
        <h2>Fall bearbeiten</h2>
        <p className="alert alert-info">Der Fall ist abgeschlossen und schreibgeschützt. Öffnen Sie ihn wieder, um ihn zu ändern.</p>
      </>
    );

  const loadCurrent = () => unwrap(client.GET('/cases/{id}/file', { params: { path: { id: file.id } } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      await unwrap(
        client.PATCH('/cases/{id}', {
          params: { path: { id: file.id }, header: { 'If-Match': `"${form.version}"` } },
          body: {
            ...(fallteam && form.zone ? { zone: form.zone as NonNullable<Schemas['UpdateCaseDto']['zone']> } : {}),
            personal: {
              familyName: form.familyName,
              givenNames: form.givenNames
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean),
              birthDates: form.birthDates.filter((d) => d.trim()).map(isoDateOf),
              address: form.address,
              familyMembers: form.familyMembers.map(familyMember),
            },
            will: form.will,
            goals: lines(form.goals),
            resources: { person: lines(form.person), surroundings: lines(form.surroundings), socialSpace: lines(form.socialSpace) },
          },
        }),
      );
      draft.clear();
      setConflict(null);
      reload();
      void navigate(`/faelle/${file.id}`, { state: { saved: true } });
    } catch (err) {
      const problem = toApiError(err);
      if (problem.status === 412) {
        setError(null);
        // What changed in between, from the history (field names only), so the person can decide.
        const current = await loadCurrent().catch(() => null);
        if (current) setConflict({ current, changes: current.history.filter((h) => h.version > form.version) });
        else setError(problem);
      } else {
        setConflict(null);
        setError(problem);
      }
      setBusy(false);
    }
  };

  /** Drop what was typed and start from the current version. */
  const takeCurrent = () => {
    if (!conflict) return;
    draft.setValue(formOf(conflict.current));
    setConflict(null);
    setNotice(`Die aktuelle Fassung (Version ${conflict.current.version}) wurde geladen; Ihre Eingaben wurden verworfen.`);
    reload();
  };
  /** Keep what was typed and save it over the current version (after checking it). */
  const keepMine = () => {
    if (!conflict) return;
    draft.setValue((f) => ({ ...f, version: conflict.current.version }));
    setConflict(null);
    setNotice(
      `Ihre Eingaben beziehen sich jetzt auf die aktuelle Fassung (Version ${conflict.current.version}). Bitte prüfen Sie sie und speichern Sie erneut; sie ersetzen dann die inzwischen gespeicherten Angaben.`,
    );
    reload();
  };

  return (
    <>
      <h2>Fall bearbeiten</h2>
      <p className="hint">Sie bearbeiten Version {form.version} der Fallakte. Die Historie nennt später die geänderten Angaben.</p>
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(formOf(file))} />
      {conflict && (
        <div className="alert alert-error" role="alert">
          <strong>Der Fall wurde inzwischen geändert; nichts wurde gespeichert.</strong>
          <p>
            Sie haben Version {form.version} bearbeitet, aktuell ist Version {conflict.current.version}. Ihre Eingaben sind unten erhalten.
          </p>
          {conflict.changes.length > 0 && (
            <ul>
              {conflict.changes.map((h) => (
                <li key={`${h.version}-${h.action}`}>
                  Version {h.version}, {formatDateTime(h.occurredAt)}, {h.actorId === me.sub ? 'von Ihnen' : `von ${h.actorId}`}:{' '}
                  {h.fields.map(fieldLabel).join(', ') || 'ohne geänderte Angaben'}
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" onClick={takeCurrent}>
              Aktuelle Fassung laden
            </button>
            <button type="button" className="secondary" onClick={keepMine}>
              Meine Eingaben behalten und erneut prüfen
            </button>
          </div>
        </div>
      )}
      {notice && (
        <p role="status" className="alert alert-info">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        {fallteam ? (
          <SelectField
            label="Bereich"
            pointer="/zone"
            value={form.zone}
            onChange={set('zone')}
            options={ZONES}
            errors={at('/zone')}
            required
          />
        ) : (
          <p>Der Bereich eines Jugendhilfedienst-Falls ändert sich nur durch seine Einstufung.</p>
        )}
        <CaseFamilyFields form={form} set={set} at={at} only={only} />
        <CaseStoryFields form={form} set={set} at={at} />
        <div className="actions">
          <SubmitButton busy={busy}>Änderungen speichern</SubmitButton>
          <Link to={`/faelle/${file.id}`} onClick={() => draft.discard(formOf(file))}>
            Abbrechen und Eingaben verwerfen
          </Link>
        </div>
      </form>
    </>
  );
}
