// The Sozialraumbudget of a process's social space: the year's amount (prefilled from the
// definition), allocations to measures or initiatives, reversals, spending, and a bar chart of
// allocated / spent / available per allocation with the same numbers as a table.
import { FormEvent, useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { formatDate, formatEuro, FormErrors, Loaded, SelectField, SubmitButton, TextField, useLoad, useProblems } from '../shared/ui';
import { DateField, RadioGroup } from '../shared/forms';
import { isoDateOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { centsOf, euroText } from './money';
import { allocationRows, AllocationRow } from './ledger';
import type { Measure } from './DeliverableForms';

type Budget = Schemas['BudgetDto'];

const toCents = (text: string): number => centsOf(text) ?? (text as unknown as number);

export function BudgetSection({ socialSpaceId, processId, measures }: { socialSpaceId: string; processId: string; measures: Measure[] }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const budget = useLoad(
    () => unwrap(client.GET('/sozialraum-budgets/{socialSpaceId}/{year}', { params: { path: { socialSpaceId, year } } })),
    [socialSpaceId, year],
  );
  return (
    <section aria-labelledby="budget">
      <h2 id="budget">Sozialraumbudget {year}</h2>
      <SelectField
        label="Haushaltsjahr"
        value={String(year)}
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
        onChange={(v) => setYear(Number(v))}
      />
      <Loaded state={budget}>
        {(b) => (
          <>
            <dl className="facts">
              <div>
                <dt>Budget</dt>
                <dd>{b.isSet ? formatEuro(b.amountCents) : 'nicht festgelegt'}</dd>
              </div>
              <div>
                <dt>Zugewiesen</dt>
                <dd>{formatEuro(b.allocatedCents)}</dd>
              </div>
              <div>
                <dt>Ausgegeben</dt>
                <dd>{formatEuro(b.spentCents)}</dd>
              </div>
              <div>
                <dt>Verfügbar</dt>
                <dd>{formatEuro(b.availableCents)}</dd>
              </div>
            </dl>
            <AmountForm key={year} budget={b} onDone={budget.reload} />
            {b.isSet && (
              <>
                <Ledger budget={b} measures={measures} />
                <BudgetChart rows={allocationRows(b)} year={year} />
                <MonthlySpending budget={b} />
                <AllocationForm budget={b} processId={processId} measures={measures} onDone={budget.reload} />
                <SpendingForm budget={b} onDone={budget.reload} />
                <ReversalForm budget={b} onDone={budget.reload} />
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

const path = (b: Budget) => ({ socialSpaceId: b.socialSpaceId, year: b.year });

function AmountForm({ budget, onDone }: { budget: Budget; onDone: () => void }) {
  const [amount, setAmount] = useState(euroText(budget.isSet ? budget.amountCents : (budget.defaultAmountCents ?? 0)));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(
        client.PUT('/sozialraum-budgets/{socialSpaceId}/{year}', {
          params: { path: path(budget) },
          body: { amountCents: toCents(amount) },
        }),
      );
      setError(null);
      setDone(`Das Budget ${budget.year} ist festgelegt.`);
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`budget-amount-${budget.year}`}>
      <h3 id={`budget-amount-${budget.year}`}>{budget.isSet ? `Budget ${budget.year} ändern` : `Budget ${budget.year} festlegen`}</h3>
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <TextField
        label={`Betrag für ${budget.year} (Euro)`}
        pointer="/amountCents"
        value={amount}
        onChange={setAmount}
        errors={at('/amountCents')}
        hint={
          budget.defaultAmountCents !== null
            ? `Vorgabe der Definition: ${formatEuro(budget.defaultAmountCents)} im Jahr; nicht weniger als bereits zugewiesen.`
            : undefined
        }
      />
      <SubmitButton busy={busy}>{budget.isSet ? 'Betrag ändern' : 'Budget festlegen'}</SubmitButton>
    </form>
  );
}

function Ledger({ budget, measures }: { budget: Budget; measures: Measure[] }) {
  const rows = allocationRows(budget);
  if (rows.length === 0) return <p>Noch keine Zuweisungen in {budget.year}.</p>;
  return (
    <table>
      <caption>Zuweisungen {budget.year}</caption>
      <thead>
        <tr>
          <th scope="col">Zuweisung</th>
          <th scope="col">Art</th>
          <th scope="col">Gebucht am</th>
          <th scope="col" className="numeric">
            Zugewiesen
          </th>
          <th scope="col" className="numeric">
            Ausgegeben
          </th>
          <th scope="col">Stand</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.allocation.id}>
            <td>
              {r.allocation.title}
              {r.allocation.measureKey && (
                <span className="muted">
                  {' '}
                  ({measures.find((m) => m.key === r.allocation.measureKey)?.title ?? r.allocation.measureKey})
                </span>
              )}
            </td>
            <td>{r.allocation.kind === 'measure' ? 'Maßnahme' : 'Initiative'}</td>
            <td>{formatDate(r.allocation.createdAt)}</td>
            <td className="numeric">{formatEuro(r.allocatedCents)}</td>
            <td className="numeric">{formatEuro(r.spentCents)}</td>
            <td>
              {r.reversed ? `storniert: ${budget.allocations.find((x) => x.reversesId === r.allocation.id)?.reason ?? ''}` : 'gebucht'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Horizontal bars per allocation: allocated, spent, available; the table above carries the same numbers. */
export function BudgetChart({ rows, year }: { rows: AllocationRow[]; year: number }) {
  if (rows.length === 0) return null;
  const max = Math.max(1, ...rows.map((r) => r.allocatedCents), ...rows.map((r) => r.spentCents));
  const bar = 14;
  const group = bar * 3 + 22;
  const labelWidth = 190;
  const width = 640;
  const scale = (cents: number) => ((width - labelWidth - 100) * cents) / max;
  const series = [
    { key: 'allocatedCents', label: 'Zugewiesen', className: 'bar-allocated' },
    { key: 'spentCents', label: 'Ausgegeben', className: 'bar-spent' },
    { key: 'availableCents', label: 'Verfügbar', className: 'bar-available' },
  ] as const;
  return (
    <figure className="chart">
      <figcaption id={`budget-chart-${year}`}>
        Zugewiesen, ausgegeben und verfügbar je Zuweisung {year} (die Zahlen stehen auch in der Tabelle „Zuweisungen {year}“)
      </figcaption>
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <svg width="12" height="12">
              <rect width="12" height="12" className={s.className} />
            </svg>{' '}
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${width} ${rows.length * group + 4}`}
        width="100%"
        role="img"
        aria-labelledby={`budget-chart-${year}`}
        className="bar-chart"
      >
        {rows.map((r, i) => (
          <g key={r.allocation.id} transform={`translate(0, ${i * group})`}>
            <text x={0} y={bar * 1.5 + 4} className="chart-label">
              {r.allocation.title.length > 26 ? `${r.allocation.title.slice(0, 25)}…` : r.allocation.title}
            </text>
            {series.map((s, j) => (
              <g key={s.key}>
                <rect x={labelWidth} y={j * bar} width={Math.max(1, scale(r[s.key]))} height={bar - 2} className={s.className} />
                <text x={labelWidth + Math.max(1, scale(r[s.key])) + 4} y={j * bar + bar - 4} className="chart-value">
                  {formatEuro(r[s.key])}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}

function AllocationForm(props: { budget: Budget; processId: string; measures: Measure[]; onDone: () => void }) {
  const [kind, setKind] = useState<'measure' | 'initiative'>(props.measures.length ? 'measure' : 'initiative');
  const [measureKey, setMeasureKey] = useState('');
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone('');
    try {
      await unwrap(
        client.POST('/sozialraum-budgets/{socialSpaceId}/{year}/allocations', {
          params: { path: path(props.budget) },
          body: {
            kind,
            title,
            amountCents: toCents(amount),
            ...(kind === 'measure' ? { processId: props.processId, measureKey } : {}),
          },
        }),
      );
      setError(null);
      setDone(`${title}: ${amount} € zugewiesen.`);
      setTitle('');
      setAmount('');
      props.onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="allocate">
      <h3 id="allocate">Zuweisung buchen</h3>
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <RadioGroup
        label="Art der Zuweisung"
        value={kind}
        options={[
          { value: 'measure', label: 'Maßnahme dieses Prozesses' },
          { value: 'initiative', label: 'Kleine Initiative von Bewohner:innen' },
        ]}
        onChange={(v) => setKind(v as 'measure' | 'initiative')}
        errors={at('/kind')}
      />
      {kind === 'measure' && (
        <SelectField
          label="Maßnahme"
          pointer="/measureKey"
          value={measureKey}
          placeholder={props.measures.length ? 'Bitte wählen' : 'Noch keine Maßnahmen geplant (Phase 5)'}
          options={props.measures.map((m) => ({ value: m.key, label: `${m.title} (geplant: ${formatEuro(m.budgetCents)})` }))}
          onChange={(v) => {
            setMeasureKey(v);
            const m = props.measures.find((x) => x.key === v);
            if (m && !title) setTitle(m.title);
            if (m && !amount) setAmount(euroText(m.budgetCents));
          }}
          errors={[...at('/measureKey'), ...at('/processId')]}
          required
        />
      )}
      <TextField label="Bezeichnung" pointer="/title" value={title} onChange={setTitle} errors={at('/title')} required />
      <TextField label="Betrag (Euro)" value={amount} onChange={setAmount} errors={at('/amountCents')} hint="z. B. 1.500,00" required />
      <SubmitButton busy={busy}>Zuweisung buchen</SubmitButton>
    </form>
  );
}

const bookable = (budget: Budget) => allocationRows(budget).filter((r) => !r.reversed);

function SpendingForm({ budget, onDone }: { budget: Budget; onDone: () => void }) {
  const [allocationId, setAllocationId] = useState('');
  const [amount, setAmount] = useState('');
  const [spentOn, setSpentOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const rows = bookable(budget);
  if (rows.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone('');
    try {
      await unwrap(
        client.POST('/sozialraum-budgets/{socialSpaceId}/{year}/allocations/{allocationId}/spendings', {
          params: { path: { ...path(budget), allocationId: allocationId || 'keine' } },
          body: { amountCents: toCents(amount), spentOn: isoDateOf(spentOn), ...(note.trim() ? { note } : {}) },
        }),
      );
      setError(null);
      setDone(`Ausgabe von ${amount} € gebucht.`);
      setAmount('');
      setNote('');
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="spend">
      <h3 id="spend">Ausgabe buchen</h3>
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <SelectField
        label="Zuweisung der Ausgabe"
        pointer="/allocationId"
        value={allocationId}
        placeholder="Bitte wählen"
        options={rows.map((r) => ({ value: r.allocation.id, label: `${r.allocation.title} (verfügbar ${formatEuro(r.availableCents)})` }))}
        onChange={setAllocationId}
        errors={at('/allocationId')}
        required
      />
      <TextField label="Ausgegebener Betrag (Euro)" value={amount} onChange={setAmount} errors={at('/amountCents')} required />
      <DateField label="Bezahlt am" pointer="/spentOn" value={spentOn} onChange={setSpentOn} errors={at('/spentOn')} required />
      <TextField label="Notiz" pointer="/note" value={note} onChange={setNote} errors={at('/note')} hint="z. B. Rechnungsnummer" />
      <SubmitButton busy={busy}>Ausgabe buchen</SubmitButton>
    </form>
  );
}

function ReversalForm({ budget, onDone }: { budget: Budget; onDone: () => void }) {
  const [confirm, dialog] = useConfirm();
  const [allocationId, setAllocationId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const rows = bookable(budget).filter((r) => r.availableCents > 0);
  if (rows.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const row = rows.find((r) => r.allocation.id === allocationId);
    if (
      row &&
      !(await confirm({
        title: 'Zuweisung stornieren?',
        body: (
          <p>
            Von „{row.allocation.title}“ werden {formatEuro(row.availableCents)} (der nicht ausgegebene Teil) zurückgebucht. Die Zuweisung
            bleibt im Buch; eine Stornierung lässt sich nicht zurücknehmen.
          </p>
        ),
        confirmLabel: 'Stornieren',
        danger: true,
      }))
    )
      return;
    setBusy(true);
    setDone('');
    try {
      await unwrap(
        client.POST('/sozialraum-budgets/{socialSpaceId}/{year}/allocations/{allocationId}/reversal', {
          params: { path: { ...path(budget), allocationId: allocationId || 'keine' } },
          body: { reason },
        }),
      );
      setError(null);
      setDone('Die Zuweisung wurde storniert.');
      setReason('');
      setAllocationId('');
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="reverse">
      <h3 id="reverse">Zuweisung stornieren</h3>
      {dialog}
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <SelectField
        label="Zu stornierende Zuweisung"
        pointer="/reversal/allocationId"
        value={allocationId}
        placeholder="Bitte wählen"
        options={rows.map((r) => ({ value: r.allocation.id, label: `${r.allocation.title} (${formatEuro(r.allocatedCents)})` }))}
        onChange={setAllocationId}
        required
      />
      <TextField label="Grund der Stornierung" value={reason} onChange={setReason} errors={at('/reason')} multiline required />
      <SubmitButton busy={busy}>Zuweisung stornieren</SubmitButton>
    </form>
  );
}

const MONTHS = ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'];

/** Spending per month of the year: bars, and the same numbers as a table. */
function MonthlySpending({ budget }: { budget: Budget }) {
  if (budget.spendings.length === 0) return null;
  const sums = MONTHS.map((_, m) =>
    budget.spendings
      .filter((s) => Number(s.spentOn.slice(5, 7)) === m + 1 && Number(s.spentOn.slice(0, 4)) === budget.year)
      .reduce((sum, s) => sum + s.amountCents, 0),
  );
  const max = Math.max(1, ...sums);
  const width = 600;
  const height = 140;
  const slot = width / 12;
  return (
    <figure className="chart">
      <figcaption id={`monthly-${budget.year}`}>Ausgaben je Monat {budget.year}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" role="img" aria-labelledby={`monthly-${budget.year}`} className="bar-chart">
        {sums.map((cents, m) => {
          const h = (height - 16) * (cents / max);
          return (
            <g key={m}>
              <rect x={m * slot + 6} y={height - h} width={slot - 12} height={Math.max(cents ? 1 : 0, h)} className="bar-spent" />
              <text x={m * slot + slot / 2} y={height + 14} textAnchor="middle" className="chart-label">
                {MONTHS[m]}
              </text>
            </g>
          );
        })}
      </svg>
      <table>
        <caption className="visually-hidden">{`Ausgaben je Monat ${budget.year} als Tabelle`}</caption>
        <thead>
          <tr>
            <th scope="col">Monat</th>
            <th scope="col" className="numeric">
              Ausgegeben
            </th>
          </tr>
        </thead>
        <tbody>
          {sums.map((cents, m) =>
            cents ? (
              <tr key={m}>
                <td>{MONTHS[m]}</td>
                <td className="numeric">{formatEuro(cents)}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </figure>
  );
}
