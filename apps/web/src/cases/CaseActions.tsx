// Closing and re-opening a case, and the legal hold: each with a reason and a confirmation that
// names the case and what will happen (the deletion date that follows from the retention rule).
import { FormEvent, useState } from 'react';
import { ApiError, client, unwrap } from '../api';
import { useConfirm } from '../shared/confirm';
import { RadioGroup } from '../shared/forms';
import { germanDateOf, germanDuration } from '../shared/german';
import { FormErrors, SubmitButton, TextField, toApiError, useProblems } from '../shared/ui';
import type { CaseAreaProps, CaseFile } from './types';

/** Today plus an ISO duration ("P5Y"), as the server derives the deletion date (a UTC day). */
export function dayAfter(period: string, from = new Date()): string | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(period);
  if (!m) return null;
  const [years, months, weeks, days] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0));
  const date = new Date(from);
  date.setUTCFullYear(date.getUTCFullYear() + years, date.getUTCMonth() + months, date.getUTCDate() + weeks * 7 + days);
  return date.toISOString().slice(0, 10);
}

/** A reason is checked before the confirmation, so the dialog never asks about a request that cannot succeed. */
const missingReason = (message: string) => new ApiError({ status: 400, detail: message, errors: [{ pointer: '/reason', message }] });

/** The period of the retention rule that will apply at closure. */
function periodFor(file: CaseFile, withHelp: boolean): string {
  const rule = file.retentionRule;
  return !withHelp && rule.afterClosureWithoutHelp ? rule.afterClosureWithoutHelp : rule.afterClosure;
}

/**
 * The actions on the whole case, one form at a time (each asks for a reason): close or re-open,
 * set or lift the legal hold.
 */
export function CaseActions(props: CaseAreaProps) {
  const [open, setOpen] = useState<'closure' | 'hold' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const finish = (text: string) => {
    setOpen(null);
    setMessage(text);
  };
  const { file } = props;
  const closureLabel = file.status === 'open' ? 'Fall abschließen …' : 'Fall wieder öffnen …';
  const holdLabel = file.legalHold ? 'Sperrvermerk aufheben …' : 'Sperrvermerk setzen …';
  return (
    <section aria-labelledby="case-actions">
      <h2 id="case-actions">Abschluss und Aufbewahrung</h2>
      <p>
        {file.legalHold
          ? 'Ein Sperrvermerk ist gesetzt: die Akte wird auch nach dem Löschdatum nicht gelöscht.'
          : 'Kein Sperrvermerk: die Akte wird nach dem Löschdatum gelöscht.'}
      </p>
      {message && (
        <p role="status" className="alert alert-ok">
          {message}
        </p>
      )}
      <div className="actions">
        {(file.status === 'open' || file.kind === 'fallteam') && (
          <button
            type="button"
            className="secondary"
            aria-expanded={open === 'closure'}
            onClick={() => {
              setMessage(null);
              setOpen(open === 'closure' ? null : 'closure');
            }}
          >
            {closureLabel}
          </button>
        )}
        <button
          type="button"
          className="secondary"
          aria-expanded={open === 'hold'}
          onClick={() => {
            setMessage(null);
            setOpen(open === 'hold' ? null : 'hold');
          }}
        >
          {holdLabel}
        </button>
      </div>
      {file.status === 'closed' && file.kind === 'jugendhilfedienst' && (
        <p>
          Ein abgeschlossener Jugendhilfedienst-Fall wird nicht wieder geöffnet: sein Prozess ist beendet. Bitte nehmen Sie den Fall neu
          auf.
        </p>
      )}
      {open === 'closure' && <CaseClosure {...props} onDone={finish} />}
      {open === 'hold' && <LegalHold {...props} onDone={finish} />}
    </section>
  );
}

function CaseClosure({ file, reload, onDone }: CaseAreaProps & { onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [withHelp, setWithHelp] = useState(file.consultations.some((c) => c.outcomeRecorded) ? 'yes' : 'no');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const [confirm, dialog] = useConfirm();
  const closing = file.status === 'open';
  const fallteam = file.kind === 'fallteam';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError(missingReason(closing ? 'Bitte begründen Sie den Abschluss.' : 'Bitte begründen Sie die Wiedereröffnung.'));
      return;
    }
    const help = withHelp === 'yes';
    const deletion = closing ? dayAfter(periodFor(file, help)) : null;
    const ok = await confirm(
      closing
        ? {
            title: `Fall ${file.pseudonym} abschließen?`,
            body: (
              <>
                <p>
                  Der Fall {file.pseudonym} wird abgeschlossen und ist danach schreibgeschützt: keine Änderungen, Einwilligungen, Beratungen
                  oder Wiedervorlagen mehr.
                </p>
                <p>
                  Löschdatum nach der Aufbewahrungsregel: <strong>{deletion ? germanDateOf(deletion) : 'unbekannt'}</strong> (Abschluss +{' '}
                  {germanDuration(periodFor(file, help))}
                  {fallteam ? (help ? ', mit Hilfe' : ', ohne Hilfe') : ''}).
                </p>
              </>
            ),
            confirmLabel: 'Ja, Fall abschließen',
            danger: true,
          }
        : {
            title: `Fall ${file.pseudonym} wieder öffnen?`,
            body: (
              <p>
                Der Fall {file.pseudonym} wird wieder geöffnet und kann bearbeitet werden; das Löschdatum
                {file.deletionDate ? ` ${germanDateOf(file.deletionDate)}` : ''} entfällt.
              </p>
            ),
            confirmLabel: 'Ja, Fall wieder öffnen',
          },
    );
    if (!ok) return;
    setBusy(true);
    try {
      const result = await unwrap(
        closing
          ? client.POST('/cases/{id}/close', {
              params: { path: { id: file.id } },
              body: { reason, ...(fallteam ? { withHelp: help } : {}) },
            })
          : client.POST('/cases/{id}/reopen', { params: { path: { id: file.id } }, body: { reason } }),
      );
      setError(null);
      setReason('');
      onDone(
        closing
          ? `Der Fall wurde abgeschlossen. Löschdatum: ${germanDateOf(result.deletionDate) || 'wird berechnet'}.`
          : 'Der Fall wurde wieder geöffnet.',
      );
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="closure">
      <h3 id="closure">{closing ? 'Fall abschließen' : 'Fall wieder öffnen'}</h3>
      {dialog}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <TextField
          label={closing ? 'Begründung des Abschlusses' : 'Begründung der Wiedereröffnung'}
          pointer="/reason"
          multiline
          rows={2}
          hint={
            closing
              ? 'Das Löschdatum ergibt sich aus der Aufbewahrungsregel; danach ist der Fall schreibgeschützt.'
              : 'Das Löschdatum entfällt, solange der Fall offen ist.'
          }
          value={reason}
          onChange={setReason}
          errors={at('/reason')}
          required
        />
        {closing && fallteam && (
          <RadioGroup
            label="Wurde eine Hilfe gewährt?"
            pointer="/withHelp"
            hint="Bestimmt die Aufbewahrungsfrist."
            value={withHelp}
            onChange={setWithHelp}
            options={[
              { value: 'yes', label: `ja (Aufbewahrung ${germanDuration(file.retentionRule.afterClosure)})` },
              {
                value: 'no',
                label: `nein (Aufbewahrung ${germanDuration(file.retentionRule.afterClosureWithoutHelp ?? file.retentionRule.afterClosure)})`,
              },
            ]}
            errors={at('/withHelp')}
          />
        )}
        <SubmitButton busy={busy}>{closing ? 'Fall abschließen' : 'Fall wieder öffnen'}</SubmitButton>
      </form>
    </section>
  );
}

/** The legal hold (Sperrvermerk): the file is kept beyond its deletion date, e.g. for a court case. */
function LegalHold({ file, reload, onDone }: CaseAreaProps & { onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const [confirm, dialog] = useConfirm();
  const hold = !file.legalHold;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError(missingReason('Bitte geben Sie eine Begründung für den Sperrvermerk an (mindestens 3 Zeichen).'));
      return;
    }
    const ok = await confirm(
      hold
        ? {
            title: `Sperrvermerk für Fall ${file.pseudonym} setzen?`,
            body: (
              <p>
                Die Akte {file.pseudonym} wird auch nach ihrem Löschdatum
                {file.deletionDate ? ` (${germanDateOf(file.deletionDate)})` : ''} nicht gelöscht, bis der Sperrvermerk aufgehoben wird.
              </p>
            ),
            confirmLabel: 'Ja, Sperrvermerk setzen',
          }
        : {
            title: `Sperrvermerk für Fall ${file.pseudonym} aufheben?`,
            body: (
              <p>
                Die Akte {file.pseudonym} wird wieder nach der Aufbewahrungsregel gelöscht
                {file.deletionDate ? `, am ${germanDateOf(file.deletionDate)} oder beim nächsten Löschlauf danach` : ' (nach Abschluss)'}.
              </p>
            ),
            confirmLabel: 'Ja, Sperrvermerk aufheben',
            danger: true,
          },
    );
    if (!ok) return;
    setBusy(true);
    try {
      await unwrap(client.PUT('/cases/{id}/legal-hold', { params: { path: { id: file.id } }, body: { hold, reason } }));
      setError(null);
      setReason('');
      onDone(hold ? 'Der Sperrvermerk wurde gesetzt.' : 'Der Sperrvermerk wurde aufgehoben.');
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="legal-hold">
      <h3 id="legal-hold">{hold ? 'Sperrvermerk setzen' : 'Sperrvermerk aufheben'}</h3>
      {dialog}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <TextField
          label={hold ? 'Begründung des Sperrvermerks' : 'Begründung der Aufhebung'}
          pointer="/reason"
          hint={hold ? 'z. B. laufendes Gerichtsverfahren' : undefined}
          value={reason}
          onChange={setReason}
          errors={at('/reason')}
          required
        />
        <SubmitButton busy={busy}>{hold ? 'Sperrvermerk setzen' : 'Sperrvermerk aufheben'}</SubmitButton>
      </form>
    </section>
  );
}
