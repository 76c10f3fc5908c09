// The structural editor of a workflow definition: lists of phases, steps, deliverables, questions and
// approval stages can be added to, removed from and reordered; durations are typed in German units;
// roles and other enumerations are chosen from lists; each problem appears at its field in German.
import { ReactNode, useRef } from 'react';
import { DurationField } from '../shared/forms';
import { fieldDomId, SelectField, TextField } from '../shared/ui';
import { DURATION_FIELDS, enumOptions, isDurationList, isObject, ITEM_LABELS, itemName, Json, keyOf, labelOf, newItem } from './specLabels';

/** Every pointer the editor renders a control (or group) for, so that each problem finds its place. */
export function renderedPointers(value: Json, pointer: string, out: string[] = []): string[] {
  out.push(pointer);
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) renderedPointers(v, `${pointer}/${k}`, out);
    if (['phases', 'steps', 'approvalStages'].includes(pointer.split('/').slice(-2)[0]) && !('escalationRole' in value))
      out.push(`${pointer}/escalationRole`);
  } else if (Array.isArray(value) && (value.some((v) => v && typeof v === 'object') || isDurationList(pointer.split('/').pop() ?? '')))
    value.forEach((v, i) => renderedPointers(v, `${pointer}/${i}`, out));
  return out;
}

/** Each problem at the deepest rendered control its pointer falls under ('' = the whole definition). */
export function placeProblems(spec: Json, problems: Array<{ pointer: string; message: string }>): Map<string, string[]> {
  const pointers = renderedPointers(spec, '').sort((a, b) => b.length - a.length);
  const placed = new Map<string, string[]>();
  for (const p of problems) {
    const at = pointers.find((r) => p.pointer === r || p.pointer.startsWith(`${r}/`)) ?? '';
    placed.set(at, [...(placed.get(at) ?? []), p.message]);
  }
  return placed;
}

export function setAt(value: Json, path: string[], next: Json): Json {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? setAt(v, rest, next) : v));
  const obj = isObject(value) ? value : {};
  if (rest.length === 0 && next === undefined) {
    const { [head]: _removed, ...others } = obj;
    return others;
  }
  return { ...obj, [head]: setAt(obj[head], rest, next) };
}

const NUMBER_FIELDS = new Set([
  'quorum',
  'minProfessionals',
  'annualBudgetCents',
  'riskAssessmentMinProfessionals',
  'preventiveShareTarget',
  'minItems',
  'maxItems',
  'maxLength',
]);

type NodeProps = {
  name: string;
  /** The list the object of this field belongs to ("deliverables", "questions" …). */
  list?: string;
  value: Json;
  pointer: string;
  problems: Map<string, string[]>;
  onChange: (pointer: string, value: Json) => void;
};

/** The spec's top level: one group per part. */
export function SpecEditor(props: { spec: Json; problems: Map<string, string[]>; onChange: (pointer: string, value: Json) => void }) {
  if (!isObject(props.spec)) return null;
  return (
    <>
      {Object.entries(props.spec).map(([k, v]) => (
        <SpecNode key={k} name={k} value={v} pointer={`/${k}`} problems={props.problems} onChange={props.onChange} />
      ))}
    </>
  );
}

function SpecNode({ name, list, value, pointer, problems, onChange }: NodeProps) {
  const errors = problems.get(pointer);
  const set = (v: Json) => onChange(pointer, v);
  if (Array.isArray(value) && (ITEM_LABELS[name] || value.some((v) => isObject(v))))
    return <ObjectList name={name} items={value} pointer={pointer} problems={problems} onChange={onChange} />;
  if (isObject(value))
    return (
      <fieldset className="spec-group" id={fieldDomId(pointer)} data-pointer={pointer} data-label={labelOf(name)} tabIndex={-1}>
        <legend>{labelOf(name)}</legend>
        <GroupErrors pointer={pointer} errors={errors} />
        <ObjectFields list={name} value={value} pointer={pointer} problems={problems} onChange={onChange} />
      </fieldset>
    );
  if (isDurationList(name) && Array.isArray(value))
    return <DurationList name={name} items={value} pointer={pointer} problems={problems} onChange={onChange} />;
  if (Array.isArray(value))
    return (
      <TextField
        label={labelOf(name)}
        hint="Ein Eintrag je Zeile"
        multiline
        rows={Math.max(2, value.length + 1)}
        pointer={pointer}
        value={value.map((v) => String(v ?? '')).join('\n')}
        errors={errors}
        onChange={(text) => set(text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1))}
      />
    );
  if (DURATION_FIELDS.has(name))
    return <DurationField label={labelOf(name)} pointer={pointer} value={String(value ?? '')} errors={errors} onChange={set} />;
  const options = enumOptions(name, list);
  if (options && (typeof value === 'string' || value === undefined))
    return (
      <SelectField
        label={labelOf(name)}
        pointer={pointer}
        value={String(value ?? '')}
        options={options}
        placeholder={name === 'escalationRole' ? 'keine Eskalation' : undefined}
        errors={errors}
        onChange={(v) => set(v === '' ? undefined : v)}
      />
    );
  if (typeof value === 'boolean')
    return (
      <div className={`field${errors?.length ? ' field-invalid' : ''}`}>
        <label className="check">
          <input
            type="checkbox"
            id={fieldDomId(pointer)}
            data-pointer={pointer}
            data-label={labelOf(name)}
            checked={value}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? `${fieldDomId(pointer)}-error` : undefined}
            onChange={(e) => set(e.target.checked)}
          />{' '}
          {labelOf(name)}
        </label>
        {errors?.length ? (
          <p className="field-error" id={`${fieldDomId(pointer)}-error`}>
            {errors.join(' · ')}
          </p>
        ) : null}
      </div>
    );
  const numeric = typeof value === 'number' || NUMBER_FIELDS.has(name);
  return (
    <TextField
      label={labelOf(name)}
      pointer={pointer}
      multiline={typeof value === 'string' && value.length > 80}
      value={value === null || value === undefined ? '' : numeric ? String(value).replace('.', ',') : String(value)}
      errors={errors}
      // A number keeps what was typed even when it is not a number: the check says what is wrong.
      onChange={(v) => {
        const number = Number(v.trim().replace(',', '.'));
        set(numeric && v.trim() !== '' && !Number.isNaN(number) && !v.trim().endsWith(',') ? number : v);
      }}
    />
  );
}

function GroupErrors({ pointer, errors }: { pointer: string; errors?: string[] }) {
  return errors?.length ? (
    <p className="field-error" id={`${fieldDomId(pointer)}-error`}>
      {errors.join(' · ')}
    </p>
  ) : null;
}

/** The fields of one object; the title also fills an empty key (or one still derived from the title). */
function ObjectFields({
  list,
  value,
  pointer,
  problems,
  onChange,
}: Omit<NodeProps, 'name' | 'value'> & { list: string; value: Record<string, Json> }) {
  const entries = Object.entries(value);
  const withRole = ['phases', 'steps', 'approvalStages'].includes(list) && !('escalationRole' in value);
  const change = (p: string, v: Json) => {
    if (p === `${pointer}/title` && typeof v === 'string' && 'key' in value) {
      const key = String(value.key ?? '');
      if (key === '' || key === keyOf(String(value.title ?? ''))) {
        onChange(pointer, { ...value, title: v, key: keyOf(v) });
        return;
      }
    }
    onChange(p, v);
  };
  return (
    <>
      {entries.map(([k, v]) => (
        <SpecNode key={k} name={k} list={list} value={v} pointer={`${pointer}/${k}`} problems={problems} onChange={change} />
      ))}
      {withRole && (
        <SpecNode
          name="escalationRole"
          list={list}
          value={undefined}
          pointer={`${pointer}/escalationRole`}
          problems={problems}
          onChange={change}
        />
      )}
    </>
  );
}

/** A list of entries (phases, deliverables, questions …): add, remove, move up and down. */
function ObjectList({ name, items, pointer, problems, onChange }: Omit<NodeProps, 'value'> & { items: Json[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const singular = ITEM_LABELS[name] ?? 'Eintrag';
  const errors = problems.get(pointer);
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(pointer, next);
    // Focus follows the moved entry, so that keyboard users can move it again.
    setTimeout(() =>
      ref.current
        ?.querySelector<HTMLElement>(`:scope > [data-entry="${to}"] > .entry-actions button[data-move="${to < from ? 'up' : 'down'}"]`)
        ?.focus(),
    );
  };
  const add = () => {
    onChange(pointer, [...items, newItem(name)]);
    setTimeout(() =>
      ref.current
        ?.querySelector<HTMLElement>(`:scope > [data-entry="${items.length}"] input, :scope > [data-entry="${items.length}"] textarea`)
        ?.focus(),
    );
  };
  return (
    <fieldset className="spec-group spec-list" id={fieldDomId(pointer)} data-pointer={pointer} data-label={labelOf(name)} tabIndex={-1}>
      <legend>{labelOf(name)}</legend>
      <GroupErrors pointer={pointer} errors={errors} />
      <div ref={ref}>
        {items.map((item, index) => {
          const title = itemName(name, index, item);
          const itemPointer = `${pointer}/${index}`;
          return (
            <fieldset
              key={index}
              className="spec-group spec-entry"
              data-entry={index}
              id={fieldDomId(itemPointer)}
              data-pointer={itemPointer}
              tabIndex={-1}
            >
              <legend>{title}</legend>
              <GroupErrors pointer={itemPointer} errors={problems.get(itemPointer)} />
              {isObject(item) ? (
                <ObjectFields list={name} value={item} pointer={itemPointer} problems={problems} onChange={onChange} />
              ) : (
                <SpecNode name={name} value={item} pointer={itemPointer} problems={problems} onChange={onChange} />
              )}
              <div className="entry-actions">
                <EntryButton data-move="up" disabled={index === 0} onClick={() => move(index, index - 1)} what={title}>
                  Nach oben
                </EntryButton>
                <EntryButton data-move="down" disabled={index === items.length - 1} onClick={() => move(index, index + 1)} what={title}>
                  Nach unten
                </EntryButton>
                <EntryButton
                  onClick={() =>
                    onChange(
                      pointer,
                      items.filter((_, i) => i !== index),
                    )
                  }
                  what={title}
                >
                  Entfernen
                </EntryButton>
              </div>
            </fieldset>
          );
        })}
      </div>
      <button type="button" className="secondary" onClick={add}>
        {singular} hinzufügen<span className="visually-hidden"> ({labelOf(name)})</span>
      </button>
    </fieldset>
  );
}

function EntryButton({
  what,
  children,
  ...rest
}: {
  what: string;
  children: ReactNode;
  disabled?: boolean;
  onClick: () => void;
  'data-move'?: string;
}) {
  return (
    <button type="button" className="secondary" {...rest}>
      {children}
      <span className="visually-hidden">: {what}</span>
    </button>
  );
}

/** Reminder offsets: one duration per row, added and removed. */
function DurationList({ name, items, pointer, problems, onChange }: Omit<NodeProps, 'value'> & { items: Json[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const errors = problems.get(pointer);
  return (
    <fieldset className="spec-group" id={fieldDomId(pointer)} data-pointer={pointer} data-label={labelOf(name)} tabIndex={-1}>
      <legend>{labelOf(name)}</legend>
      <GroupErrors pointer={pointer} errors={errors} />
      <div ref={ref}>
        {items.length === 0 && <p className="hint">Keine Erinnerungen.</p>}
        {items.map((item, index) => (
          <div className="input-row" key={index} data-entry={index}>
            <DurationField
              label={`Erinnerung ${index + 1} vor Fälligkeit`}
              pointer={`${pointer}/${index}`}
              value={String(item ?? '')}
              errors={problems.get(`${pointer}/${index}`)}
              onChange={(v) => onChange(`${pointer}/${index}`, v)}
            />
            <button
              type="button"
              className="secondary"
              onClick={() =>
                onChange(
                  pointer,
                  items.filter((_, i) => i !== index),
                )
              }
            >
              Entfernen<span className="visually-hidden">: Erinnerung {index + 1}</span>
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onChange(pointer, [...items, 'P7D']);
          setTimeout(() => ref.current?.querySelector<HTMLElement>(`[data-entry="${items.length}"] input`)?.focus());
        }}
      >
        Erinnerung hinzufügen<span className="visually-hidden"> ({labelOf(name)})</span>
      </button>
    </fieldset>
  );
}
