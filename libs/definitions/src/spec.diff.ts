type Json = unknown;

export interface FieldChange {
  /** Where, with keyed list entries addressed by key: `/phases[visions]/duration`. */
  path: string;
  from?: Json;
  to?: Json;
}

export interface StepDiff {
  collection: string;
  key: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Position in the old and the new version. */
  fromIndex?: number;
  toIndex?: number;
  fields: FieldChange[];
}

export interface SpecDiff {
  /** Step by step, for every keyed list at the top (phases, steps, approvalStages). */
  steps: StepDiff[];
  /** Every other change. */
  fields: FieldChange[];
}

const isKeyedList = (value: Json): value is Array<{ key: string }> =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((v) => v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string');

const isObject = (value: Json): value is Record<string, Json> => !!value && typeof value === 'object' && !Array.isArray(value);

function deepDiff(a: Json, b: Json, path: string, out: FieldChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (
    (isKeyedList(a) || (Array.isArray(a) && a.length === 0)) &&
    (isKeyedList(b) || (Array.isArray(b) && b.length === 0)) &&
    (isKeyedList(a) || isKeyedList(b))
  ) {
    const before = new Map((a as Array<{ key: string }>).map((v) => [v.key, v]));
    const after = new Map((b as Array<{ key: string }>).map((v) => [v.key, v]));
    for (const [key, value] of before) if (!after.has(key)) out.push({ path: `${path}[${key}]`, from: value });
    for (const [key, value] of after) {
      if (!before.has(key)) out.push({ path: `${path}[${key}]`, to: value });
      else deepDiff(before.get(key), value, `${path}[${key}]`, out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) deepDiff(a[key], b[key], `${path}/${key}`, out);
    return;
  }
  out.push({ path, from: a, to: b });
}

/** A structured diff of two specs: keyed steps matched by key, then field by field. */
export function diffSpecs(from: Record<string, Json>, to: Record<string, Json>): SpecDiff {
  const steps: StepDiff[] = [];
  const fields: FieldChange[] = [];
  for (const name of new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])) {
    const a = from?.[name];
    const b = to?.[name];
    if (isKeyedList(a) || isKeyedList(b)) {
      const before = isKeyedList(a) ? a : [];
      const after = isKeyedList(b) ? b : [];
      const keys = [...new Set([...before.map((s) => s.key), ...after.map((s) => s.key)])];
      for (const key of keys) {
        const fromIndex = before.findIndex((s) => s.key === key);
        const toIndex = after.findIndex((s) => s.key === key);
        const changes: FieldChange[] = [];
        if (fromIndex >= 0 && toIndex >= 0) deepDiff(before[fromIndex], after[toIndex], '', changes);
        steps.push({
          collection: name,
          key,
          change: fromIndex < 0 ? 'added' : toIndex < 0 ? 'removed' : changes.length > 0 || fromIndex !== toIndex ? 'changed' : 'unchanged',
          fromIndex: fromIndex >= 0 ? fromIndex : undefined,
          toIndex: toIndex >= 0 ? toIndex : undefined,
          fields: changes,
        });
      }
    } else {
      deepDiff(a, b, `/${name}`, fields);
    }
  }
  return { steps, fields };
}
