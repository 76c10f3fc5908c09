import { FormEvent, useState } from 'react';
import { ApiError, client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { DataTable } from '../shared/DataTable';
import { DraftNotice } from '../shared/DraftNotice';
import { useDraft } from '../shared/drafts';
import { DateField } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import { ErrorBox, formatDate, FormErrors, SubmitButton, TextField, toApiError, useLoad, useProblems } from '../shared/ui';
import type { CaseAreaProps } from './types';

type FollowUp = Schemas['CaseFollowUpDto'];

/** Own follow-ups (Wiedervorlagen) on the case: set one with a date, mark it done (its reminder goes). */
export function CaseFollowUps({ file, reload }: CaseAreaProps) {
  const me = useMe();
  const followUps = useLoad(() => unwrap(client.GET('/cases/{id}/follow-ups', { params: { path: { id: file.id } } })), [file.id]);
  const empty = { dueOn: '', text: '' };
  const draft = useDraft(me.sub, `wiedervorlage:${file.id}`, empty);
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [doneError, setDoneError] = useState<ApiError | null>(null);
  const [moving, setMoving] = useState<FollowUp | null>(null);
  const { error, setError, at } = useProblems();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const created = await unwrap(
        client.POST('/cases/{id}/follow-ups', {
          params: { path: { id: file.id } },
          body: { dueOn: isoDateOf(form.dueOn), text: form.text },
        }),
      );
      setError(null);
      draft.discard(empty);
      setSaved(`Die Wiedervorlage am ${germanDateOf(created.dueOn)} wurde gesetzt.`);
      followUps.reload();
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const done = async (followUp: FollowUp) => {
    try {
      await unwrap(client.POST('/cases/{id}/follow-ups/{followUpId}/done', { params: { path: { id: file.id, followUpId: followUp.id } } }));
      setDoneError(null);
      setSaved(`Die Wiedervorlage vom ${germanDateOf(followUp.dueOn)} ist erledigt.`);
      followUps.reload();
      reload();
    } catch (err) {
      setDoneError(toApiError(err));
    }
  };

  return (
    <section aria-labelledby="follow-ups">
      <h2 id="follow-ups">Wiedervorlagen</h2>
      <p className="hint">Ihre eigenen Wiedervorlagen zu diesem Fall; am Tag der Wiedervorlage erhalten Sie eine Erinnerung.</p>
      {saved && (
        <p role="status" className="alert alert-ok">
          {saved}
        </p>
      )}
      {doneError && <ErrorBox error={doneError} />}
      {followUps.error ? (
        <ErrorBox error={followUps.error} />
      ) : (
        <DataTable
          caption="Wiedervorlagen zu diesem Fall"
          captionHidden
          columns={[
            { key: 'dueOn', header: 'Fällig am', render: (f) => germanDateOf(f.dueOn), sortValue: (f) => f.dueOn },
            { key: 'text', header: 'Worum es geht', render: (f) => f.text ?? '–' },
            {
              key: 'state',
              header: 'Stand',
              render: (f) =>
                f.doneAt ? (
                  `erledigt am ${formatDate(f.doneAt)}`
                ) : file.status === 'open' && f.userId === me.sub ? (
                  <>
                    offen{' '}
                    <button type="button" className="secondary" onClick={() => done(f)}>
                      Als erledigt markieren<span className="visually-hidden"> (Wiedervorlage am {germanDateOf(f.dueOn)})</span>
                    </button>{' '}
                    <button
                      type="button"
                      className="secondary"
                      aria-expanded={moving?.id === f.id}
                      aria-controls="follow-up-move"
                      onClick={() => (setSaved(null), setMoving(f))}
                    >
                      Datum ändern<span className="visually-hidden"> (Wiedervorlage am {germanDateOf(f.dueOn)})</span>
                    </button>
                  </>
                ) : (
                  'offen'
                ),
            },
          ]}
          rows={followUps.data?.items}
          rowKey={(f) => f.id}
          loading={followUps.loading}
          initialSort={{ key: 'dueOn', direction: 'asc' }}
          empty="Keine Wiedervorlagen."
        />
      )}
      {moving && file.status === 'open' && (
        <MoveFollowUpForm
          key={moving.id}
          caseId={file.id}
          followUp={moving}
          onCancel={() => setMoving(null)}
          onMoved={(moved) => {
            setMoving(null);
            setSaved(`Die Wiedervorlage ist auf den ${germanDateOf(moved.dueOn)} verschoben.`);
            followUps.reload();
            reload();
          }}
        />
      )}
      {/* One of the two forms at a time: both name their date `/dueOn`, and a field's id follows its pointer (the draft stays). */}
      {file.status === 'open' && !moving && (
        <form onSubmit={submit} noValidate aria-labelledby="follow-up-form">
          <h3 id="follow-up-form">Wiedervorlage setzen</h3>
          <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(empty)} />
          <FormErrors error={error} />
          <DateField
            label="Wiedervorlage am"
            pointer="/dueOn"
            hint="TT.MM.JJJJ, heute oder später"
            value={form.dueOn}
            onChange={(dueOn) => draft.setValue((f) => ({ ...f, dueOn }))}
            errors={at('/dueOn')}
            required
          />
          <TextField
            label="Worum es geht"
            pointer="/text"
            multiline
            rows={2}
            value={form.text}
            onChange={(text) => draft.setValue((f) => ({ ...f, text }))}
            errors={at('/text')}
            required
          />
          <SubmitButton busy={busy}>Wiedervorlage setzen</SubmitButton>
        </form>
      )}
    </section>
  );
}

/** Another date for one's own open follow-up (today or later); the reminder moves with it. */
function MoveFollowUpForm({
  caseId,
  followUp,
  onCancel,
  onMoved,
}: {
  caseId: string;
  followUp: FollowUp;
  onCancel: () => void;
  onMoved: (moved: FollowUp) => void;
}) {
  const [dueOn, setDueOn] = useState(germanDateOf(followUp.dueOn));
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const moved = await unwrap(
        client.PATCH('/cases/{id}/follow-ups/{followUpId}', {
          params: { path: { id: caseId, followUpId: followUp.id } },
          body: { dueOn: isoDateOf(dueOn) },
        }),
      );
      setError(null);
      onMoved(moved);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form id="follow-up-move" onSubmit={submit} noValidate aria-labelledby="follow-up-move-title">
      <h3 id="follow-up-move-title">Wiedervorlage vom {germanDateOf(followUp.dueOn)} verschieben</h3>
      {followUp.text && <p>{followUp.text}</p>}
      <FormErrors error={error} />
      <DateField
        label="Neues Datum"
        pointer="/dueOn"
        hint="TT.MM.JJJJ, heute oder später"
        value={dueOn}
        onChange={setDueOn}
        errors={at('/dueOn')}
        required
      />
      <div className="actions">
        <SubmitButton busy={busy}>Verschieben</SubmitButton>{' '}
        <button type="button" className="secondary" onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </form>
  );
}
