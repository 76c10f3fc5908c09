import { FormEvent, useState } from 'react';
import { ApiError, client, Schemas, unwrap } from '../api';
import { DataTable } from '../shared/DataTable';
import { ErrorBox, formatDate, formatDateTime, FormErrors, lines, SubmitButton, TextField, toApiError, useProblems } from '../shared/ui';
import { fieldLabel } from './labels';
import type { CaseAreaProps, CaseFile } from './types';

type PacketPreview = Schemas['PacketPreviewDto'];

export const PHASE: Record<string, string> = {
  requested: 'angefragt',
  scheduled: 'terminiert',
  outcome_recorded: 'beraten',
  closed: 'abgeschlossen',
  cancelled: 'abgesagt',
};

/** The Fallteam area: consultations with their state, packet preview and release, and a new request. */
export function CaseFallteam({ file, reload }: CaseAreaProps) {
  return (
    <>
      <h2>Erweitertes Fallteam</h2>
      <PacketReleases consultations={file.consultations} onChange={reload} />
      {file.status === 'open' && <ConsultationRequest caseId={file.id} onRequested={reload} />}
    </>
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
  const show = (id: string) =>
    run(async () => setPreview({ id, data: await unwrap(client.GET('/consultations/{id}/packet-preview', { params: { path: { id } } })) }));
  const release = (id: string) =>
    run(async () => {
      setPreview({ id, data: await unwrap(client.POST('/consultations/{id}/packet-release', { params: { path: { id } } })) });
      onChange();
    });
  return (
    <section aria-labelledby="packets">
      <h3 id="packets">Beratungen und Beratungspakete</h3>
      {error && <ErrorBox error={error} />}
      <DataTable
        caption="Fallteam-Beratungen dieses Falls"
        captionHidden
        columns={[
          { key: 'requestedAt', header: 'Angefragt am', render: (c) => formatDate(c.requestedAt), sortValue: (c) => c.requestedAt },
          { key: 'phase', header: 'Stand', render: (c) => (c.phase ? (PHASE[c.phase] ?? c.phase) : 'Stand unbekannt') },
          { key: 'outcome', header: 'Ergebnis', render: (c) => (c.outcomeRecorded ? 'erfasst' : 'noch keins') },
          {
            key: 'packet',
            header: 'Paket',
            render: (c) => (
              <>
                {c.packetRelease
                  ? `Paket freigegeben am ${formatDateTime(c.packetRelease.releasedAt)}${
                      c.packetRelease.stale ? ` – veraltet (${c.packetRelease.staleFields.map(fieldLabel).join(', ')})` : ''
                    }`
                  : 'Paket noch nicht freigegeben'}{' '}
                <button type="button" className="secondary" onClick={() => show(c.id)}>
                  Vorschau<span className="visually-hidden"> des Pakets der Beratung vom {formatDate(c.requestedAt)}</span>
                </button>
              </>
            ),
          },
        ]}
        rows={consultations}
        rowKey={(c) => c.id}
        empty="Noch keine Fallteam-Beratung angefragt."
      />
      {preview && (
        <div role="status">
          <h4>Vorschau: so sehen die externen Beratungen das Paket</h4>
          {preview.data.warnings.length > 0 && (
            <ul className="alert alert-error">
              {preview.data.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
          <h5>Wille der Familie</h5>
          <blockquote>{preview.data.packet.will}</blockquote>
          {preview.data.packet.goals.length > 0 && (
            <>
              <h5>Ziele</h5>
              <ul>
                {preview.data.packet.goals.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
            </>
          )}
          {preview.data.packet.questions.length > 0 && (
            <>
              <h5>Fragen an das Fallteam</h5>
              <ul>
                {preview.data.packet.questions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" onClick={() => release(preview.id)}>
            Paket freigeben
          </button>
        </div>
      )}
    </section>
  );
}

function ConsultationRequest({ caseId, onRequested }: { caseId: string; onRequested: () => void }) {
  const [questions, setQuestions] = useState('');
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState<Schemas['ConsultationDto'][]>([]);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/cases/{id}/consultations', { params: { path: { id: caseId } }, body: { questions: lines(questions) } }),
      );
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
    <section aria-labelledby="fallteam-request">
      <h3 id="fallteam-request">Fallteam-Beratung anfragen</h3>
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
        <FormErrors error={error} />
        <TextField
          label="Fragen an das Fallteam"
          pointer="/questions"
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
