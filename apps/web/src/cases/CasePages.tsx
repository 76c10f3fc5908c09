import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { FormErrors, lines, SelectField, SubmitButton, TextField, toApiError, useProblems } from '../shared/ui';
import { usePlanningRegions } from '../shared/reference';
import { ZONES } from '../shared/labels';
import { PageTitle } from '../shared/Page';
import { useDraft } from '../shared/drafts';
import { DraftNotice } from '../shared/DraftNotice';
import { isoDateOf } from '../shared/german';
import { CaseFamilyFields, CaseStoryFields, familyMember, FamilyRow } from './family';

/** The social spaces the caller may see, by id. */
export function useSocialSpaceNames() {
  const regions = usePlanningRegions();
  const names = new Map((regions.data?.items ?? []).flatMap((r) => r.socialSpaces.map((s) => [s.id, s.name] as const)));
  return { regions, names };
}

const EMPTY_CASE = {
  socialSpaceId: '',
  zone: '',
  familyName: '',
  givenNames: '',
  birthDates: [''] as string[],
  address: '',
  familyMembers: [] as FamilyRow[],
  will: '',
  goals: '',
  person: '',
  surroundings: '',
  socialSpace: '',
  confided: '',
};
type CaseForm = typeof EMPTY_CASE;

/** Opening a case: personal data is sealed by the server; what was typed stays on an error and survives an expired session. */
export function NewCasePage() {
  const me = useMe();
  const navigate = useNavigate();
  const { regions } = useSocialSpaceNames();
  const draft = useDraft(me.sub, 'fall-neu', EMPTY_CASE);
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const { error, setError, at, only } = useProblems();
  const set =
    <K extends keyof CaseForm>(key: K) =>
    (value: CaseForm[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces).filter((s) => me.socialSpaceIds.includes(s.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/cases', {
          body: {
            socialSpaceId: form.socialSpaceId,
            zone: form.zone as Schemas['CreateCaseDto']['zone'],
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
            confided: lines(form.confided).map((text) => ({ text })),
          },
        }),
      );
      draft.clear();
      void navigate(`/faelle/${created.id}`);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Neuen Fall anlegen</PageTitle>
      <p>Personenbezogene Angaben werden verschlüsselt gespeichert. Der Fall erhält ein Pseudonym für das Fallteam.</p>
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(EMPTY_CASE)} />
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <fieldset>
          <legend>Zuordnung</legend>
          <SelectField
            label="Sozialraum"
            pointer="/socialSpaceId"
            value={form.socialSpaceId}
            onChange={set('socialSpaceId')}
            placeholder="Bitte wählen"
            options={spaces.map((s) => ({ value: s.id, label: s.name }))}
            errors={at('/socialSpaceId')}
            required
          />
          <SelectField
            label="Bereich"
            pointer="/zone"
            value={form.zone}
            onChange={set('zone')}
            placeholder="Bitte wählen"
            options={ZONES}
            errors={at('/zone')}
            required
          />
        </fieldset>
        <CaseFamilyFields form={form} set={set} at={at} only={only} />
        <CaseStoryFields form={form} set={set} at={at}>
          <TextField
            label="Anvertraute Angaben (§ 65 SGB VIII)"
            pointer="/confided"
            hint="Eine je Zeile. Sie verlassen den Fall nie ohne Einwilligung."
            multiline
            value={form.confided}
            onChange={set('confided')}
            errors={at('/confided')}
          />
        </CaseStoryFields>
        <SubmitButton busy={busy}>Fall anlegen</SubmitButton>
      </form>
    </>
  );
}
