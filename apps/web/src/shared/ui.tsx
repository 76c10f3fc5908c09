import { MouseEvent, ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api';

export const formatDate = (value?: string | null) =>
  value
    ? new Date(value).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' })
    : '–';
export const formatDateTime = (value?: string | null) =>
  value ? new Date(value).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }) : '–';
export const formatEuro = (cents: number) => (cents / 100).toLocaleString('de-DE', { style: 'currency', currency: 'EUR' });

/** Loads data for a page; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const reload = useCallback(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error: toApiError(error), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(reload, [reload]);
  return { ...state, reload };
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ status: 0, detail: (error as Error)?.message ?? 'Unbekannter Fehler' });
}

/** German wording for refusals, so that nobody reads raw HTTP. */
export function describeError(error: ApiError): string {
  switch (error.status) {
    case 403:
      return `Kein Zugriff: Ihre Rolle erlaubt diese Seite nicht. (${error.message})`;
    case 404:
      return 'Nicht gefunden: Den Eintrag gibt es nicht, oder Sie dürfen ihn nicht sehen.';
    case 409:
      return `Konflikt: ${error.message}`;
    case 400:
      return `Die Angaben sind nicht gültig: ${error.message}`;
    case 0:
      return error.message;
    default:
      return `Fehler ${error.status}: ${error.message}`;
  }
}

/** Page-level status: loading, a clear refusal, or the content. */
export function Loaded<T>({
  state,
  children,
}: {
  state: { data?: T; error?: ApiError; loading: boolean };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === undefined) return <p role="status">Wird geladen …</p>;
  return <>{children(state.data)}</>;
}

export function ErrorBox({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div className="alert alert-error" role="alert">
      {title && <strong>{title} </strong>}
      {describeError(error)}
    </div>
  );
}

/**
 * A form's server problems: each field shows those at its JSON pointer (or below it), the summary
 * lists the rest. Typed values are never reset on an error.
 */
export function useProblems() {
  const [error, setError] = useState<ApiError | null>(null);
  const problems = error?.errors ?? [];
  const at = (pointer: string): string[] =>
    problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)).map((p) => p.message);
  /** Only the problems of this pointer itself (a list's own problem, not its rows'). */
  const only = (pointer: string): string[] => problems.filter((p) => p.pointer === pointer).map((p) => p.message);
  return { error, setError, at, only };
}

/** The input of this form that shows a problem: the field whose pointer is the problem's or its nearest parent. */
function fieldFor(form: ParentNode, pointer: string): HTMLElement | null {
  let best: HTMLElement | null = null;
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('[data-pointer]'))) {
    const at = el.dataset.pointer!;
    if ((pointer === at || pointer.startsWith(`${at}/`)) && (!best || at.length > best.dataset.pointer!.length)) best = el;
  }
  return best;
}

/**
 * The error summary at the top of a form (GOV.UK pattern): focused after a failed submit; lists
 * every problem, each linked to the field that shows it (by the field's `pointer`).
 */
export function FormErrors({ error }: { error: ApiError | null; fieldPointers?: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [targets, setTargets] = useState<Array<{ id: string; label: string } | null>>([]);
  useEffect(() => {
    if (!error) return;
    ref.current?.focus();
    setTargets(
      error.errors.map((p) => {
        const el = fieldFor(ref.current?.closest('form') ?? document, p.pointer);
        return el?.id ? { id: el.id, label: el.dataset.label ?? '' } : null;
      }),
    );
  }, [error]);
  if (!error) return null;
  const focus = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>{error.errors.length > 0 ? 'Bitte korrigieren Sie die markierten Angaben.' : describeError(error)}</strong>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((p, i) => {
            const target = targets[i];
            return (
              <li key={i}>
                {target ? (
                  <a href={`#${target.id}`} onClick={focus(target.id)}>
                    {target.label ? `${target.label}: ` : ''}
                    {p.message}
                  </a>
                ) : (
                  p.message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

type InputProps = {
  label: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  /** The JSON pointer of the request field: the error summary of the form links its problems to this input. */
  pointer?: string;
};

/** The DOM id of the input for a request field: stable, so pages and the error summary can link to it. */
export const fieldDomId = (pointer: string) => `feld${pointer.replace(/[^A-Za-z0-9]/g, '-')}`;

/**
 * The input's id: stable for a request field, generated otherwise. Two forms on one page that send
 * the same field (`/reason`) must not be open at once (the pages open such forms one at a time);
 * the error summary looks for its fields within its own form.
 */
export function useFieldId(pointer?: string): string {
  const generated = useId();
  return pointer ? fieldDomId(pointer) : generated;
}

export function FieldShell({ id, label, errors = [], hint, required, children }: InputProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> (Pflichtfeld)</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {errors.length > 0 && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' · ')}
        </p>
      )}
    </div>
  );
}

export const describedBy = (id: string, hint?: string, errors: string[] = []) =>
  [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: InputProps & { value: string; onChange: (v: string) => void; type?: string; multiline?: boolean; rows?: number; name?: string },
) {
  const id = useFieldId(props.pointer);
  const common = {
    id,
    name: props.name,
    'data-pointer': props.pointer,
    'data-label': props.label,
    value: props.value,
    'aria-invalid': props.errors?.length ? true : undefined,
    'aria-describedby': describedBy(id, props.hint, props.errors),
    'aria-required': props.required || undefined,
  };
  return (
    <FieldShell id={id} {...props}>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </FieldShell>
  );
}

export function SelectField(
  props: InputProps & {
    value: string;
    onChange: (v: string) => void;
    options: Array<{ value: string; label: string }>;
    placeholder?: string;
  },
) {
  const id = useFieldId(props.pointer);
  return (
    <FieldShell id={id} {...props}>
      <select
        id={id}
        data-pointer={props.pointer}
        data-label={props.label}
        value={props.value}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.errors)}
        aria-required={props.required || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup(props: {
  legend: string;
  errors?: string[];
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const id = useId();
  const errors = props.errors ?? [];
  return (
    <fieldset className={`field${errors.length ? ' field-invalid' : ''}`} aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={props.value.includes(o.value)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.value, o.value] : props.value.filter((v) => v !== o.value))}
          />{' '}
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

/** Lines of a textarea as a list (empty lines dropped). */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" disabled={busy} aria-busy={busy}>
      {busy ? 'Wird gesendet …' : children}
    </button>
  );
}

/** A traffic light that does not rely on colour alone: symbol and word as well. */
export function DeadlineBadge({
  status,
  daysLeft,
  pausedSince,
}: {
  status: 'overdue' | 'due_soon' | 'on_track' | 'paused';
  daysLeft?: number;
  pausedSince?: string | null;
}) {
  const text = { overdue: 'Überfällig', due_soon: 'Bald fällig', on_track: 'Im Plan', paused: 'Pausiert' }[status];
  const symbol = { overdue: '●', due_soon: '▲', on_track: '■', paused: '‖' }[status];
  const days =
    status === 'paused'
      ? pausedSince
        ? ` (seit ${new Date(pausedSince).toLocaleDateString('de-DE')})`
        : ''
      : daysLeft === undefined
        ? ''
        : daysLeft < 0
          ? ` (seit ${-daysLeft} Tagen)`
          : ` (noch ${daysLeft} Tage)`;
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{symbol} </span>
      {text}
      {days}
    </span>
  );
}

export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  if (total <= limit) return null;
  return (
    <nav className="pager" aria-label="Seiten">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        Zurück
      </button>
      <span>
        {offset + 1}–{Math.min(total, offset + limit)} von {total}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        Weiter
      </button>
    </nav>
  );
}
