import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { useConfirm } from '../shared/confirm';
import { DataTable } from '../shared/DataTable';
import { DraftNotice } from '../shared/DraftNotice';
import { useDraft } from '../shared/drafts';
import { DateField } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import {
  CheckboxGroup,
  ErrorBox,
  formatDate,
  FormErrors,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useProblems,
} from '../shared/ui';
import type { ApiError } from '../api';
import type { CaseAreaProps } from './types';

export const RELEASABLE = [
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
/** The purposes of the seed definition (`consentPurposes` of `fallteam-consultation`); the server checks them exactly. */
const PURPOSES = [
  { value: 'fallteam', label: 'Erweitertes Fallteam' },
  { value: 'help-planning', label: 'Hilfeplanung' },
  { value: 'exchange-with-provider', label: 'Austausch mit dem Leistungserbringer' },
  { value: 'exchange-with-school', label: 'Austausch mit der Schule' },
  { value: 'exchange-with-health-service', label: 'Austausch mit dem Gesundheitsdienst' },
];
const purposeLabel = (purpose: string) => PURPOSES.find((p) => p.value === purpose)?.label ?? purpose;

type Consent = Schemas['ConsentRecordDto'];

const today = () => germanDateOf(new Date().toISOString());

/** Consents (Schweigepflichtentbindungen): who gave which release for which purpose; revocable, with a confirmation. */
export function CaseConsents({ file, reload }: CaseAreaProps) {
  const me = useMe();
  const empty = { givenBy: '', purpose: 'fallteam', form: 'written', givenAt: today(), fields: [] as string[] };
  const draft = useDraft(me.sub, `einwilligung:${file.id}`, empty);
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const { error, setError, at } = useProblems();
  const [confirm, dialog] = useConfirm();
  const open = file.status === 'open';
  const set =
    <K extends keyof typeof empty>(key: K) =>
    (value: (typeof empty)[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      await unwrap(
        client.POST('/cases/{id}/consents', {
          params: { path: { id: file.id } },
          body: { ...form, form: form.form as Schemas['ConsentDto']['form'], givenAt: isoDateOf(form.givenAt) },
        }),
      );
      setError(null);
      draft.discard(empty);
      setSaved('Die Einwilligung wurde gespeichert.');
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (consent: Consent) => {
    const ok = await confirm({
      title: 'Widerruf der Einwilligung erfassen?',
      body: (
        <p>
          Die Einwilligung von {consent.givenBy} (Version {consent.version}, Zweck „{purposeLabel(consent.purpose)}“) gilt ab heute nicht
          mehr. Freigegebene Angaben ({consent.fields.map((f) => RELEASABLE.find((r) => r.value === f)?.label ?? f).join(', ') || 'keine'})
          sehen die externen Beratungen danach nicht mehr. Der Widerruf lässt sich nicht zurücknehmen.
        </p>
      ),
      confirmLabel: 'Ja, Widerruf erfassen',
      danger: true,
    });
    if (!ok) return;
    try {
      await unwrap(client.POST('/cases/{id}/consents/{consentId}/revoke', { params: { path: { id: file.id, consentId: consent.id } } }));
      setRevokeError(null);
      setSaved(`Der Widerruf der Einwilligung von ${consent.givenBy} wurde erfasst.`);
      reload();
    } catch (err) {
      setRevokeError(toApiError(err));
    }
  };

  return (
    <section aria-labelledby="consents">
      <h2 id="consents">Einwilligungen (Schweigepflichtentbindung)</h2>
      {dialog}
      {saved && (
        <p role="status" className="alert alert-ok">
          {saved}
        </p>
      )}
      {revokeError && <ErrorBox error={revokeError} />}
      <DataTable
        caption="Erfasste Einwilligungen"
        columns={[
          { key: 'version', header: 'Version', numeric: true, render: (c) => c.version, sortValue: (c) => c.version },
          { key: 'givenBy', header: 'Erteilt von', render: (c) => c.givenBy },
          { key: 'purpose', header: 'Zweck', render: (c) => `„${purposeLabel(c.purpose)}“` },
          {
            key: 'fields',
            header: 'Gibt frei',
            render: (c) => c.fields.map((f) => RELEASABLE.find((r) => r.value === f)?.label ?? f).join(', ') || 'nichts',
          },
          { key: 'form', header: 'Form', render: (c) => CONSENT_FORMS.find((f) => f.value === c.form)?.label ?? c.form },
          { key: 'givenAt', header: 'Erteilt am', render: (c) => formatDate(c.givenAt) },
          {
            key: 'state',
            header: 'Stand',
            render: (c) =>
              c.revokedAt ? (
                <strong>widerrufen am {formatDate(c.revokedAt)}</strong>
              ) : open ? (
                <>
                  gilt{' '}
                  <button type="button" className="secondary" onClick={() => revoke(c)}>
                    Widerruf erfassen
                    <span className="visually-hidden">
                      {' '}
                      für die Einwilligung von {c.givenBy}, Version {c.version}
                    </span>
                  </button>
                </>
              ) : (
                'gilt'
              ),
          },
        ]}
        rows={file.consents}
        rowKey={(c) => c.id}
        empty="Keine Einwilligung erfasst: das Fallteam sieht nur das Pseudonym."
      />
      {open && (
        <form onSubmit={submit} noValidate aria-labelledby="consent-form">
          <h3 id="consent-form">Einwilligung erfassen</h3>
          <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(empty)} />
          <FormErrors error={error} />
          <TextField
            label="Erteilt von"
            pointer="/givenBy"
            hint="z. B. Mutter (sorgeberechtigt)"
            value={form.givenBy}
            onChange={set('givenBy')}
            errors={at('/givenBy')}
            required
          />
          <SelectField
            label="Zweck"
            pointer="/purpose"
            value={form.purpose}
            onChange={set('purpose')}
            options={PURPOSES}
            errors={at('/purpose')}
            required
          />
          <CheckboxGroup
            legend="Freigegebene Angaben"
            options={RELEASABLE}
            value={form.fields}
            onChange={set('fields')}
            errors={at('/fields')}
          />
          <SelectField
            label="Form"
            pointer="/form"
            value={form.form}
            onChange={set('form')}
            options={CONSENT_FORMS}
            errors={at('/form')}
            required
          />
          <DateField
            label="Erteilt am"
            pointer="/givenAt"
            value={form.givenAt}
            onChange={set('givenAt')}
            errors={at('/givenAt')}
            required
          />
          <SubmitButton busy={busy}>Einwilligung speichern</SubmitButton>
        </form>
      )}
    </section>
  );
}
