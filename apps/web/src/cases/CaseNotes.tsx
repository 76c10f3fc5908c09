import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { DraftNotice } from '../shared/DraftNotice';
import { useDraft } from '../shared/drafts';
import { DateField } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import {
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
import type { CaseAreaProps } from './types';

type Note = Schemas['CaseNoteDto'];
const NOTE_KINDS = [
  { value: 'conversation', label: 'Gespräch' },
  { value: 'phone_call', label: 'Telefonat' },
  { value: 'home_visit', label: 'Hausbesuch' },
  { value: 'memo', label: 'Vermerk' },
];
const PAGE_SIZE = 20;
const today = () => germanDateOf(new Date().toISOString());

/** Notes (Aktenvermerke): append-only; a mistake is answered by a correction entry that names the note it corrects. */
export function CaseNotes({ file }: CaseAreaProps) {
  const me = useMe();
  const [offset, setOffset] = useState(0);
  const notes = useLoad(
    () => unwrap(client.GET('/cases/{id}/notes', { params: { path: { id: file.id }, query: { limit: PAGE_SIZE, offset } } })),
    [file.id, offset],
  );
  const empty = { kind: '', occurredOn: today(), text: '', correctsNoteId: '' };
  const draft = useDraft(me.sub, `notiz:${file.id}`, empty);
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { error, setError, at } = useProblems();
  const set = (key: keyof typeof empty) => (value: string) => draft.setValue((f) => ({ ...f, [key]: value }));
  const byId = new Map((notes.data?.items ?? []).map((n) => [n.id, n]));
  const describe = (note: Note | undefined) => (note ? `${note.kindLabel} vom ${germanDateOf(note.occurredOn)}` : 'einem älteren Vermerk');
  const corrected = form.correctsNoteId ? byId.get(form.correctsNoteId) : undefined;

  const correct = (note: Note) => {
    draft.setValue((f) => ({ ...f, correctsNoteId: note.id, kind: f.kind || note.kind }));
    setSaved(null);
    setTimeout(() => document.getElementById('feld-text')?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      await unwrap(
        client.POST('/cases/{id}/notes', {
          params: { path: { id: file.id } },
          body: {
            kind: form.kind as Note['kind'],
            text: form.text,
            ...(form.occurredOn.trim() ? { occurredOn: isoDateOf(form.occurredOn) } : {}),
            ...(form.correctsNoteId ? { correctsNoteId: form.correctsNoteId } : {}),
          },
        }),
      );
      setError(null);
      setSaved(form.correctsNoteId ? 'Die Korrektur wurde gespeichert.' : 'Der Vermerk wurde gespeichert.');
      draft.discard(empty);
      setOffset(0);
      notes.reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="notes">
      <h2 id="notes">Notizen (Aktenvermerke)</h2>
      <p className="hint">Vermerke werden nicht geändert oder gelöscht; einen Fehler berichtigt ein Korrekturvermerk.</p>
      {saved && (
        <p role="status" className="alert alert-ok">
          {saved}
        </p>
      )}
      {file.status === 'open' ? (
        <form onSubmit={submit} noValidate aria-labelledby="note-form">
          <h3 id="note-form">{form.correctsNoteId ? 'Korrektur erfassen' : 'Vermerk erfassen'}</h3>
          <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(empty)} />
          {form.correctsNoteId && (
            <p className="alert alert-info">
              Korrektur zu {describe(corrected)}.{' '}
              <button type="button" className="link-button" onClick={() => draft.setValue((f) => ({ ...f, correctsNoteId: '' }))}>
                Keine Korrektur, neuer Vermerk
              </button>
            </p>
          )}
          <FormErrors error={error} />
          <SelectField
            label="Art"
            pointer="/kind"
            value={form.kind}
            onChange={set('kind')}
            placeholder="Bitte wählen"
            options={NOTE_KINDS}
            errors={at('/kind')}
            required
          />
          <DateField
            label="Datum"
            pointer="/occurredOn"
            hint="Tag des Gesprächs, Telefonats oder Hausbesuchs (TT.MM.JJJJ); nicht in der Zukunft"
            value={form.occurredOn}
            onChange={set('occurredOn')}
            errors={at('/occurredOn')}
          />
          <TextField
            label="Text"
            pointer="/text"
            multiline
            rows={5}
            value={form.text}
            onChange={set('text')}
            errors={at('/text')}
            required
          />
          <SubmitButton busy={busy}>{form.correctsNoteId ? 'Korrektur speichern' : 'Vermerk speichern'}</SubmitButton>
        </form>
      ) : (
        <p>Der Fall ist abgeschlossen: Vermerke erfasst nur noch die Leitung.</p>
      )}
      <h3>Erfasste Vermerke</h3>
      <Loaded state={notes}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Noch keine Vermerke.</p>
          ) : (
            <>
              <ol className="notes">
                {page.items.map((n) => (
                  <li key={n.id} className={n.correctedByNoteIds.length ? 'corrected' : undefined}>
                    <p className="note-head">
                      <strong>
                        {n.kindLabel} vom {germanDateOf(n.occurredOn)}
                      </strong>{' '}
                      <span className="muted">
                        erfasst {formatDateTime(n.createdAt)} von {n.authorId === me.sub ? `Ihnen (${me.displayName})` : n.authorId}
                      </span>
                    </p>
                    {n.correctsNoteId && <p className="muted">Korrektur zu {describe(byId.get(n.correctsNoteId))}</p>}
                    <p className="note-text">{n.text}</p>
                    {n.correctedByNoteIds.length > 0 && (
                      <p>
                        <strong>Berichtigt</strong> durch {n.correctedByNoteIds.map((c) => describe(byId.get(c))).join(', ')}
                      </p>
                    )}
                    {file.status === 'open' && (
                      <button type="button" className="secondary" onClick={() => correct(n)}>
                        Korrektur erfassen<span className="visually-hidden"> zu {describe(n)}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ol>
              <Pager total={page.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}
