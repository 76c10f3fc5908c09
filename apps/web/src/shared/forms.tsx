// Inputs people in a German office know: TT.MM.JJJJ dates, times, German durations, repeatable rows.
// Each keeps what was typed; conversion to the API's ISO values happens at submit (see german.ts).
import { ReactNode, useRef, useState } from 'react';
import { describedBy, FieldShell, useFieldId } from './ui';
import { DURATION_UNITS, DurationUnit, isoDurationOf, parseGermanDate, splitDuration } from './german';

/** The same words as the server's problem for a date it cannot read. */
const DATE_MESSAGE = 'Bitte ein gültiges Datum angeben (TT.MM.JJJJ).';

type FieldProps = { label: string; errors?: string[]; hint?: string; required?: boolean; pointer?: string };

const invalid = (errors?: string[]) => (errors?.length ? true : undefined);

/** A date typed as TT.MM.JJJJ (the value is the typed text; convert with `isoDateOf` when sending). */
export function DateField(props: FieldProps & { value: string; onChange: (text: string) => void }) {
  const id = useFieldId(props.pointer);
  const hint = props.hint ?? 'Format TT.MM.JJJJ, z. B. 03.02.2014';
  // Checked on leaving the field, so a wrong date is named at once and at its own row.
  const [left, setLeft] = useState(false);
  const unreadable = left && props.value.trim() !== '' && !parseGermanDate(props.value) && !/^\d{4}-\d{2}-\d{2}$/.test(props.value.trim());
  const errors = [...(unreadable ? [DATE_MESSAGE] : []), ...(props.errors ?? []).filter((e) => !unreadable || e !== DATE_MESSAGE)];
  return (
    <FieldShell id={id} {...props} errors={errors} hint={hint}>
      <input
        id={id}
        className="input-date"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="TT.MM.JJJJ"
        data-pointer={props.pointer}
        data-label={props.label}
        value={props.value}
        aria-invalid={invalid(errors)}
        aria-required={props.required || undefined}
        aria-describedby={describedBy(id, hint, errors)}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={() => setLeft(true)}
      />
    </FieldShell>
  );
}

/** A date (TT.MM.JJJJ) and a time of day; convert with `isoDateTimeOf(date, time)` when sending. */
export function DateTimeField(
  props: FieldProps & { value: { date: string; time: string }; onChange: (value: { date: string; time: string }) => void },
) {
  const id = useFieldId(props.pointer);
  const hint = props.hint ?? 'Datum als TT.MM.JJJJ, Uhrzeit als SS:MM (deutsche Zeit)';
  return (
    <FieldShell id={id} {...props} hint={hint}>
      <span className="input-row">
        <input
          id={id}
          className="input-date"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="TT.MM.JJJJ"
          data-pointer={props.pointer}
          data-label={props.label}
          value={props.value.date}
          aria-invalid={invalid(props.errors)}
          aria-required={props.required || undefined}
          aria-describedby={describedBy(id, hint, props.errors)}
          onChange={(e) => props.onChange({ ...props.value, date: e.target.value })}
        />
        <input
          type="time"
          aria-label={`${props.label} (Uhrzeit)`}
          value={props.value.time}
          aria-invalid={invalid(props.errors)}
          onChange={(e) => props.onChange({ ...props.value, time: e.target.value })}
        />
      </span>
    </FieldShell>
  );
}

/** A duration as amount and German unit ("3 Monate"); the value is the ISO duration ("P3M"). */
export function DurationField(props: FieldProps & { value: string; onChange: (iso: string) => void }) {
  const id = useFieldId(props.pointer);
  const { amount, unit } = splitDuration(props.value);
  const typed = /^P\d+[DWMY]$/.test(props.value) || props.value === '' ? amount : props.value;
  return (
    <FieldShell id={id} {...props}>
      <span className="input-row">
        <input
          id={id}
          className="input-number"
          type="text"
          inputMode="numeric"
          data-pointer={props.pointer}
          data-label={props.label}
          value={typed}
          aria-invalid={invalid(props.errors)}
          aria-required={props.required || undefined}
          aria-describedby={describedBy(id, props.hint, props.errors)}
          onChange={(e) => props.onChange(isoDurationOf(e.target.value, unit))}
        />
        <select
          aria-label={`${props.label} (Einheit)`}
          value={unit}
          onChange={(e) => props.onChange(isoDurationOf(typed, e.target.value as DurationUnit))}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.many}
            </option>
          ))}
        </select>
      </span>
    </FieldShell>
  );
}

/** Radio buttons for a small enumeration (a scale, a choice of three). */
export function RadioGroup(
  props: FieldProps & { value: string; onChange: (value: string) => void; options: Array<{ value: string; label: string }> },
) {
  const id = useFieldId(props.pointer);
  const errors = props.errors ?? [];
  return (
    <fieldset
      className={`field radio-group${errors.length ? ' field-invalid' : ''}`}
      id={id}
      data-pointer={props.pointer}
      data-label={props.label}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.hint, errors)}
    >
      <legend>
        {props.label}
        {props.required && <span className="required"> (Pflichtfeld)</span>}
      </legend>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.options.map((o) => (
        <label key={o.value} className="check">
          <input type="radio" name={id} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />{' '}
          {o.label}
        </label>
      ))}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' · ')}
        </p>
      )}
    </fieldset>
  );
}

/**
 * Repeatable rows (family members, participants, goals …): each row a group with its own legend
 * and a remove button; "add" appends a row and moves focus into it.
 */
export function RepeatableRows<T>(props: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  newRow: () => T;
  rowLegend: (row: T, index: number) => string;
  addLabel: string;
  errors?: string[];
  pointer?: string;
  hint?: string;
  /** Fewest rows (the remove button disappears at this count). */
  min?: number;
  children: (row: T, update: (patch: Partial<T>) => void, index: number) => ReactNode;
}) {
  const id = useFieldId(props.pointer);
  const list = useRef<HTMLDivElement>(null);
  const errors = props.errors ?? [];
  const update = (index: number) => (patch: Partial<T>) =>
    props.onChange(props.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () => {
    props.onChange([...props.rows, props.newRow()]);
    // After React has rendered the new row: focus its first input.
    setTimeout(() =>
      list.current
        ?.querySelector<HTMLElement>('fieldset.repeatable-row:last-of-type input, fieldset.repeatable-row:last-of-type select')
        ?.focus(),
    );
  };
  const remove = (index: number) => props.onChange(props.rows.filter((_, i) => i !== index));
  return (
    <fieldset
      className={`field repeatable${errors.length ? ' field-invalid' : ''}`}
      id={id}
      data-pointer={props.pointer}
      data-label={props.legend}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.hint, errors)}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <div ref={list}>
        {props.rows.map((row, index) => (
          <fieldset className="repeatable-row" key={index}>
            <legend>{props.rowLegend(row, index)}</legend>
            {props.children(row, update(index), index)}
            {props.rows.length > (props.min ?? 0) && (
              <button type="button" className="secondary" onClick={() => remove(index)}>
                {props.rowLegend(row, index)} entfernen
              </button>
            )}
          </fieldset>
        ))}
      </div>
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' · ')}
        </p>
      )}
      <button type="button" className="secondary" onClick={add}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}
