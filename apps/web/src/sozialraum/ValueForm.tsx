import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { FormErrors, SelectField, SubmitButton, TextField, toApiError, useProblems } from '../shared/ui';

/** Enters one indicator value of the profile's space (or one of its municipalities) by hand; the index of the year is recomputed. */
export function ValueForm({ profile, onDone }: { profile: Schemas['SpaceProfileDto']; onDone: () => void }) {
  const [key, setKey] = useState(profile.indicators[0]?.key ?? '');
  const [municipalityId, setMunicipalityId] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, setError, at } = useProblems();
  const indicator = profile.indicators.find((i) => i.key === key);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    try {
      await unwrap(
        client.PUT('/indicators/{key}/values/{year}', {
          params: { path: { key, year: String(profile.year) } },
          body: {
            ...(indicator?.level === 'municipality' ? { municipalityId } : { socialSpaceId: profile.socialSpace.id }),
            // German input: decimal comma, thousands points.
            value: Number(value.replace(/\./g, '').replace(',', '.')),
          },
        }),
      );
      setSaved(true);
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <h2>Wert von Hand erfassen ({profile.year})</h2>
      <FormErrors error={error} fieldPointers={['/value', '/municipalityId', '/socialSpaceId']} />
      {saved && <p role="status">Der Wert wurde gespeichert; der Sozialindex {profile.year} wurde neu berechnet.</p>}
      <SelectField
        label="Indikator"
        value={key}
        onChange={setKey}
        options={profile.indicators.map((i) => ({ value: i.key, label: i.name }))}
      />
      {indicator?.level === 'municipality' && (
        <SelectField
          label="Kommune"
          value={municipalityId}
          onChange={setMunicipalityId}
          placeholder="Bitte wählen"
          errors={at('/municipalityId')}
          options={indicator.municipalities.map((m) => ({ value: m.id, label: m.name }))}
        />
      )}
      <TextField
        label={`Wert (${indicator?.unit ?? ''})`}
        hint="Dezimalkomma, z. B. 12,5"
        value={value}
        onChange={setValue}
        errors={at('/value')}
        required
      />
      <SubmitButton busy={busy}>Wert speichern</SubmitButton>
    </form>
  );
}
