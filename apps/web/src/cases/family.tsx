// Family members as repeatable rows (relation from the list, name, birth date, household): the
// same rows for opening a case and for editing it.
import type { ReactNode } from 'react';
import { Schemas } from '../api';
import { familyMemberDtoRelationValues } from '../api/schema.gen';
import { SelectField, TextField } from '../shared/ui';
import { DateField, RepeatableRows } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';

export type FamilyMember = Schemas['CreateCaseDto']['personal']['familyMembers'][number];
type Relation = FamilyMember['relation'];
/** The relations the API accepts, generated from its OpenAPI document. */
const RELATIONS: readonly Relation[] = familyMemberDtoRelationValues;
export const RELATION_OPTIONS = RELATIONS.map((r) => ({ value: r, label: r === 'andere' ? 'andere Beziehung' : r }));

export type FamilyRow = { relation: string; relationOther: string; name: string; birthDate: string; livesInHousehold: boolean };
export const EMPTY_MEMBER: FamilyRow = { relation: '', relationOther: '', name: '', birthDate: '', livesInHousehold: true };

/** A family row as the API takes it: dates converted, "other" only with the relation "andere". */
export function familyMember(row: FamilyRow): FamilyMember {
  return {
    relation: row.relation as Relation,
    ...(row.relation === 'andere' ? { relationOther: row.relationOther } : {}),
    name: row.name,
    ...(row.birthDate.trim() ? { birthDate: isoDateOf(row.birthDate) } : {}),
    livesInHousehold: row.livesInHousehold,
  };
}

/** A stored family member as a row of the form (dates as TT.MM.JJJJ). */
export function familyRowOf(member: FamilyMember): FamilyRow {
  return {
    relation: member.relation,
    relationOther: member.relationOther ?? '',
    name: member.name,
    birthDate: germanDateOf(member.birthDate ?? null),
    livesInHousehold: member.livesInHousehold ?? false,
  };
}

/** How a family member's relation reads ("Großmutter", or the words typed for „andere“). */
export const relationLabel = (member: FamilyMember) =>
  member.relation === 'andere' ? (member.relationOther ?? 'andere Beziehung') : member.relation;

/** The repeatable rows of family members, with each problem at its field. */
export function FamilyMemberRows(props: {
  rows: FamilyRow[];
  onChange: (rows: FamilyRow[]) => void;
  at: (pointer: string) => string[];
  only: (pointer: string) => string[];
}) {
  const { at } = props;
  return (
    <RepeatableRows
      legend="Familienmitglieder"
      pointer="/personal/familyMembers"
      hint="Wer gehört zur Familie? Beziehung aus der Liste, bei „andere Beziehung“ in eigenen Worten."
      rows={props.rows}
      onChange={props.onChange}
      newRow={() => ({ ...EMPTY_MEMBER })}
      rowLegend={(m, i) => `Familienmitglied ${i + 1}${m.name ? ` (${m.name})` : ''}`}
      addLabel="Familienmitglied hinzufügen"
      errors={props.only('/personal/familyMembers')}
    >
      {(member, update, i) => (
        <>
          <SelectField
            label="Beziehung"
            pointer={`/personal/familyMembers/${i}/relation`}
            value={member.relation}
            onChange={(relation) => update({ relation })}
            placeholder="Bitte wählen"
            options={RELATION_OPTIONS}
            errors={at(`/personal/familyMembers/${i}/relation`)}
            required
          />
          {member.relation === 'andere' && (
            <TextField
              label="Beziehung in eigenen Worten"
              pointer={`/personal/familyMembers/${i}/relationOther`}
              value={member.relationOther}
              onChange={(relationOther) => update({ relationOther })}
              errors={at(`/personal/familyMembers/${i}/relationOther`)}
              required
            />
          )}
          <TextField
            label="Name"
            pointer={`/personal/familyMembers/${i}/name`}
            value={member.name}
            onChange={(name) => update({ name })}
            errors={at(`/personal/familyMembers/${i}/name`)}
            required
          />
          <DateField
            label="Geburtsdatum (falls bekannt)"
            pointer={`/personal/familyMembers/${i}/birthDate`}
            value={member.birthDate}
            onChange={(birthDate) => update({ birthDate })}
            errors={at(`/personal/familyMembers/${i}/birthDate`)}
          />
          <label className="check">
            <input type="checkbox" checked={member.livesInHousehold} onChange={(e) => update({ livesInHousehold: e.target.checked })} />{' '}
            Lebt im Haushalt
          </label>
        </>
      )}
    </RepeatableRows>
  );
}

/** The children's birth dates as rows of TT.MM.JJJJ dates. */
export function BirthDateRows(props: {
  rows: string[];
  onChange: (rows: string[]) => void;
  at: (p: string) => string[];
  only: (p: string) => string[];
}) {
  return (
    <RepeatableRows
      legend="Geburtsdaten der Kinder"
      pointer="/personal/birthDates"
      rows={props.rows}
      onChange={props.onChange}
      newRow={() => ''}
      rowLegend={(_, i) => `Kind ${i + 1}`}
      addLabel="Weiteres Kind hinzufügen"
      errors={props.only('/personal/birthDates')}
    >
      {(date, _update, i) => (
        <DateField
          label={`Geburtsdatum Kind ${i + 1}`}
          pointer={`/personal/birthDates/${i}`}
          value={date}
          onChange={(text) => props.onChange(props.rows.map((d, j) => (j === i ? text : d)))}
          errors={props.at(`/personal/birthDates/${i}`)}
        />
      )}
    </RepeatableRows>
  );
}

/** The fields a case form shares between opening and editing a case (typed text, converted at submit). */
export type CaseFieldsForm = {
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
type Setter<F> = <K extends keyof F>(key: K) => (value: F[K]) => void;
type Problems = { at: (pointer: string) => string[]; only: (pointer: string) => string[] };

/** The family: name, given names, the children's birth dates, address and family members as rows. */
export function CaseFamilyFields<F extends CaseFieldsForm>({ form, set, at, only }: { form: F; set: Setter<F> } & Problems) {
  const field = set as unknown as Setter<CaseFieldsForm>;
  return (
    <fieldset>
      <legend>Familie</legend>
      <TextField
        label="Familienname"
        pointer="/personal/familyName"
        value={form.familyName}
        onChange={field('familyName')}
        errors={at('/personal/familyName')}
        required
      />
      <TextField
        label="Vornamen"
        pointer="/personal/givenNames"
        hint="Mehrere durch Komma trennen."
        value={form.givenNames}
        onChange={field('givenNames')}
        errors={at('/personal/givenNames')}
      />
      <BirthDateRows rows={form.birthDates} onChange={field('birthDates')} at={at} only={only} />
      <TextField
        label="Anschrift"
        pointer="/personal/address"
        value={form.address}
        onChange={field('address')}
        errors={at('/personal/address')}
        required
      />
      <FamilyMemberRows rows={form.familyMembers} onChange={field('familyMembers')} at={at} only={only} />
    </fieldset>
  );
}

/** The case as the Fallteam reads it: the family's will in their words, goals and resources (one per line). */
export function CaseStoryFields<F extends CaseFieldsForm>({
  form,
  set,
  at,
  children,
}: {
  form: F;
  set: Setter<F>;
  at: Problems['at'];
  children?: ReactNode;
}) {
  const field = set as unknown as Setter<CaseFieldsForm>;
  const list = (key: 'goals' | 'person' | 'surroundings' | 'socialSpace', label: string, pointer: string, hint: string) => (
    <TextField label={label} pointer={pointer} hint={hint} multiline value={form[key]} onChange={field(key)} errors={at(pointer)} />
  );
  return (
    <fieldset>
      <legend>Fallvorstellung</legend>
      <TextField
        label="Wille der Familie (in ihren Worten)"
        pointer="/will"
        multiline
        rows={4}
        value={form.will}
        onChange={field('will')}
        errors={at('/will')}
        required
      />
      {list('goals', 'Ziele', '/goals', 'Eines je Zeile.')}
      {list('person', 'Ressourcen der Person', '/resources/person', 'Eine je Zeile.')}
      {list('surroundings', 'Ressourcen des Umfelds', '/resources/surroundings', 'Eine je Zeile.')}
      {list('socialSpace', 'Ressourcen des Sozialraums', '/resources/socialSpace', 'Eine je Zeile.')}
      {children}
    </fieldset>
  );
}
