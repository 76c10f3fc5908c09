// Time entries of the caller, week by week: add and delete entries, totals per kind, and the own
// preventive share (fallunspezifische Arbeit) against the definition's target as a small chart.
import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { ErrorBox, formatDate, FormErrors, SelectField, SubmitButton, TextField, toApiError, useLoad, useProblems } from '../shared/ui';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { DateField, RadioGroup } from '../shared/forms';
import { isoDateOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { usePlanningRegions } from '../shared/reference';
import { labelOf, TIME_KINDS } from './labels';

type Entry = Schemas['TimeEntryResponseDto'];

const DAY = 86_400_000;
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
/** The Monday of the week of an ISO date. */
function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return isoOf(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY));
}
const plusDays = (iso: string, days: number) => isoOf(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY));
const todayIso = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const germanToday = () =>
  new Date().toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

/** "90" minutes → "1:30 Std." */
export const hoursOf = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')} Std.`;

const EMPTY = () => ({ date: germanToday(), start: '', hours: '', minutes: '', kind: '', socialSpaceId: '', caseId: '', note: '' });

export function TimeEntriesPage() {
  const me = useMe();
  const [week, setWeek] = useState(() => mondayOf(todayIso()));
  const to = plusDays(week, 6);
  const entries = useLoad(() => unwrap(client.GET('/time-entries', { params: { query: { from: week, to } } })), [week]);
  const report = useLoad(
    () => unwrap(client.GET('/time-entries/report', { params: { query: { from: week, to, groupBy: 'person' } } })),
    [week],
  );
  const regions = usePlanningRegions();
  const cases = useLoad(() => unwrap(client.GET('/cases', { params: { query: { limit: 100, offset: 0 } } })), []);
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces).filter((s) => me.socialSpaceIds.includes(s.id));
  const spaceName = new Map(spaces.map((s) => [s.id, s.name] as const));
  const reachable = (cases.data?.items ?? []).filter((c) => c.access);
  const pseudonym = new Map(reachable.map((c) => [c.id, c.pseudonym] as const));
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { error, setError, at } = useProblems();
  const [removeError, setRemoveError] = useState<ReturnType<typeof toApiError> | null>(null);
  const [confirm, dialog] = useConfirm();
  const set = (key: keyof ReturnType<typeof EMPTY>) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const items = entries.data?.items ?? [];
  const total = (kind?: string) => items.filter((e) => !kind || e.kind === kind).reduce((sum, e) => sum + e.minutes, 0);
  const mine = report.data?.items.find((r) => r.key === me.sub);
  const target = report.data?.target ?? 0.1;
  const share = mine?.preventiveShare ?? (total() ? total('preventive') / total() : 0);

  const reload = () => {
    entries.reload();
    report.reload();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    const hours = form.hours.trim() ? Number(form.hours.replace(',', '.')) : 0;
    const minutes = Math.round(hours * 60) + (form.minutes.trim() ? Number(form.minutes) : 0);
    try {
      const entry = await unwrap(
        client.POST('/time-entries', {
          body: {
            date: isoDateOf(form.date),
            minutes: Number.isNaN(minutes) ? (`${form.hours}:${form.minutes}` as unknown as number) : minutes,
            ...(form.start ? { start: form.start } : {}),
            kind: form.kind as Entry['kind'],
            ...(form.kind === 'preventive' ? { socialSpaceId: form.socialSpaceId } : {}),
            ...(form.kind === 'case' ? { caseId: form.caseId } : {}),
            ...(form.kind !== 'case' && form.note.trim() ? { note: form.note } : {}),
          },
        }),
      );
      setError(null);
      setSaved(`${hoursOf(entry.minutes)} ${labelOf(TIME_KINDS, entry.kind)} am ${formatDate(entry.date)} erfasst.`);
      setForm((f) => ({ ...EMPTY(), date: f.date }));
      const entryWeek = mondayOf(entry.date);
      if (entryWeek !== week) setWeek(entryWeek);
      else reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (entry: Entry) => {
    const ok = await confirm({
      title: 'Eintrag löschen?',
      body: (
        <p>
          Der Eintrag vom {formatDate(entry.date)} ({hoursOf(entry.minutes)}, {labelOf(TIME_KINDS, entry.kind)}) wird gelöscht.
        </p>
      ),
      confirmLabel: 'Eintrag löschen',
      danger: true,
    });
    if (!ok) return;
    try {
      await unwrap(client.DELETE('/time-entries/{id}', { params: { path: { id: entry.id } } }));
      setRemoveError(null);
      reload();
    } catch (err) {
      setRemoveError(toApiError(err));
    }
  };

  return (
    <>
      <PageTitle>Zeiterfassung</PageTitle>
      {dialog}
      <nav className="pager" aria-label="Woche">
        <button type="button" className="secondary" onClick={() => setWeek(plusDays(week, -7))}>
          Vorige Woche
        </button>
        <span>
          Woche vom {formatDate(week)} bis {formatDate(to)}
        </span>
        <button type="button" className="secondary" onClick={() => setWeek(plusDays(week, 7))}>
          Nächste Woche
        </button>
      </nav>
      {entries.error && <ErrorBox error={entries.error} />}
      {removeError && <ErrorBox error={removeError} />}
      <DataTable
        caption="Erfasste Zeiten dieser Woche"
        rows={entries.data?.items}
        loading={entries.loading}
        rowKey={(e) => e.id}
        empty="In dieser Woche ist nichts erfasst."
        initialSort={{ key: 'date', direction: 'asc' }}
        columns={[
          { key: 'date', header: 'Datum', render: (e) => formatDate(e.date), sortValue: (e) => `${e.date} ${e.start ?? ''}` },
          { key: 'start', header: 'Beginn', render: (e) => e.start ?? '–' },
          { key: 'minutes', header: 'Dauer', numeric: true, render: (e) => hoursOf(e.minutes), sortValue: (e) => e.minutes },
          { key: 'kind', header: 'Art', render: (e) => labelOf(TIME_KINDS, e.kind), sortValue: (e) => e.kind },
          {
            key: 'about',
            header: 'Bezug',
            render: (e) =>
              e.caseId
                ? `Fall ${pseudonym.get(e.caseId) ?? ''}`.trim()
                : e.socialSpaceId
                  ? (spaceName.get(e.socialSpaceId) ?? 'Sozialraum')
                  : (e.note ?? '–'),
          },
          {
            key: 'actions',
            header: 'Aktion',
            render: (e) => (
              <button type="button" className="secondary" onClick={() => void remove(e)}>
                Löschen<span className="visually-hidden"> (Eintrag vom {formatDate(e.date)})</span>
              </button>
            ),
          },
        ]}
      />
      <section aria-labelledby="totals">
        <h2 id="totals">Summen der Woche</h2>
        <dl className="facts">
          {TIME_KINDS.map((k) => (
            <div key={k.value}>
              <dt>{k.label}</dt>
              <dd>{hoursOf(total(k.value))}</dd>
            </div>
          ))}
          <div>
            <dt>Gesamt</dt>
            <dd>{hoursOf(total())}</dd>
          </div>
        </dl>
        <h3>Anteil fallunspezifischer Arbeit</h3>
        <figure style={{ margin: '0 0 1rem' }}>
          {/* Scale 0–50 %: the target (10 %) sits visibly inside; the text below says the same in words. */}
          <div aria-hidden="true" style={{ position: 'relative', height: '1.25rem', maxWidth: '24rem', border: '1px solid #595959' }}>
            <div style={{ height: '100%', width: `${Math.min(100, Math.round(share * 200))}%`, background: '#1d5a8c' }} />
            <div
              style={{
                position: 'absolute',
                top: '-0.25rem',
                bottom: '-0.25rem',
                left: `${Math.round(target * 200)}%`,
                borderLeft: '3px solid #b00020',
              }}
            />
          </div>
          <figcaption>
            Ihr Anteil: {(share * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} % · Ziel:{' '}
            {(target * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %{' '}
            {total() === 0 ? '(noch nichts erfasst)' : share >= target ? '– Ziel erreicht' : '– Ziel noch nicht erreicht'}
            {mine && mine.shortfallMinutes > 0 ? ` (es fehlen ${hoursOf(mine.shortfallMinutes)})` : ''}
          </figcaption>
        </figure>
      </section>
      <section aria-labelledby="new-entry">
        <h2 id="new-entry">Zeit erfassen</h2>
        <form onSubmit={submit} noValidate>
          <FormErrors error={error} />
          {saved && <p role="status">{saved}</p>}
          <DateField label="Datum" pointer="/date" value={form.date} onChange={set('date')} errors={at('/date')} required />
          <TextField
            label="Beginn (optional)"
            pointer="/start"
            type="time"
            value={form.start}
            onChange={set('start')}
            errors={at('/start')}
          />
          <fieldset className="field">
            <legend>Dauer</legend>
            <span className="input-row">
              <TextField label="Stunden" pointer="/minutes" value={form.hours} onChange={set('hours')} errors={at('/minutes')} />
              <TextField label="Minuten" value={form.minutes} onChange={set('minutes')} />
            </span>
          </fieldset>
          <RadioGroup
            label="Art"
            pointer="/kind"
            value={form.kind}
            onChange={set('kind')}
            options={TIME_KINDS}
            errors={at('/kind')}
            required
          />
          {form.kind === 'preventive' && (
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
          )}
          {form.kind === 'case' && (
            <SelectField
              label="Fall"
              pointer="/caseId"
              value={form.caseId}
              onChange={set('caseId')}
              placeholder="Bitte wählen"
              options={reachable.map((c) => ({ value: c.id, label: c.pseudonym }))}
              errors={at('/caseId')}
              required
            />
          )}
          {form.kind !== 'case' && (
            <TextField
              label="Notiz"
              pointer="/note"
              hint="z. B. Sozialraumkonferenz Teltow"
              value={form.note}
              onChange={set('note')}
              errors={at('/note')}
            />
          )}
          <SubmitButton busy={busy}>Zeit erfassen</SubmitButton>
        </form>
      </section>
    </>
  );
}
