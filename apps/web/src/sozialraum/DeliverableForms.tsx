// One form per deliverable type of the Sozialraum process (boundaries, analysis, events, goals,
// measures, monitoring; text for anything else). Each saves through the generated client and shows
// the server's German problems at the field they concern (pointers below /value).
import { DragEvent, FormEvent, ReactNode, useState } from 'react';
import { ApiError, client, Schemas, unwrap } from '../api';
import { CheckboxGroup, FormErrors, formatDate, formatEuro, SelectField, SubmitButton, TextField, useProblems } from '../shared/ui';
import { DateField, RepeatableRows } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import { centsOf, euroText } from './money';

type Municipality = Schemas['MunicipalityDto'];
type Partner = Schemas['ContractPartnerDto'];

export interface DeliverableSpec {
  key: string;
  title: string;
  type: string;
  required: boolean;
}
export interface AnalysisQuestion {
  key: string;
  text: string;
}

/** What a form needs beyond its own value: reference lists and what earlier phases hold. */
export interface DeliverableContext {
  processId: string;
  phaseKey: string;
  municipalities: Municipality[];
  partners: Partner[];
  analysisQuestions: AnalysisQuestion[];
  goals: Goal[];
  measures: Measure[];
  onSaved: () => void;
  /** Set in the active phase: the forms that can save their value and complete the phase in one step. */
  completion?: PhaseCompletionOffer;
}

/** "… speichern und Phase abschließen": the last required deliverable saved together with the phase's completion. */
export interface PhaseCompletionOffer {
  /** Whether the form of this deliverable offers it (a required one, all other required ones are there). */
  offers: (deliverableKey: string) => boolean;
  /** The button's words, e.g. „Speichern und Phase 1 abschließen“. */
  label: string;
  /** Asks the user; true to go on. */
  confirm: () => Promise<boolean>;
  onCompleted: () => void;
}

/** The completion's problems about the deliverable's value at the form's own pointers (below /value). */
function atFormPointers(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const errors = err.errors.map((p) =>
    p.pointer === '/deliverable/value' || p.pointer.startsWith('/deliverable/value/')
      ? { ...p, pointer: p.pointer.slice('/deliverable'.length) }
      : p,
  );
  return new ApiError({ ...err.problem, errors });
}

export const EVENT_KINDS = [
  { value: 'multiplikatorenveranstaltung', label: 'Multiplikatorenveranstaltung' },
  { value: 'gruendungsveranstaltung', label: 'Gründungsveranstaltung' },
  { value: 'workshop', label: 'Workshop' },
  { value: 'familienkonferenz_open_space', label: 'Familienkonferenz / Open Space' },
  { value: 'sozialraumkonferenz', label: 'Sozialraumkonferenz' },
];
const AGE_GROUPS = ['0-5', '6-11', '12-17', '18-26', '27-64', '65+'].map((g) => ({ value: g, label: `${g.replace('-', '–')} Jahre` }));
export const PERSPECTIVES = [
  { value: 'children_youth', label: 'Kinder und Jugendliche' },
  { value: 'parents', label: 'Eltern' },
  { value: 'professionals', label: 'Fachkräfte' },
  { value: 'community', label: 'Gemeinwesen' },
];
const MEASURE_STATUSES = [
  { value: 'planned', label: 'geplant' },
  { value: 'running', label: 'läuft' },
  { value: 'done', label: 'abgeschlossen' },
  { value: 'stopped', label: 'eingestellt' },
];

export interface Goal {
  key: string;
  title: string;
  rank: number;
  perspective: string;
  indicator: string;
}
export interface Measure {
  key: string;
  title: string;
  goalKey: string;
  ownerId: string;
  start: string;
  end: string;
  budgetCents: number;
}

/** PUTs a deliverable; problems stay until the next attempt, typed values are kept. */
function useSave(ctx: DeliverableContext, deliverableKey: string) {
  const problems = useProblems();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const save = async (value: unknown, message = 'Gespeichert.') => {
    setBusy(true);
    setSaved('');
    try {
      await unwrap(
        client.PUT('/sozialraum-processes/{id}/phases/{phaseKey}/deliverables/{deliverableKey}', {
          params: { path: { id: ctx.processId, phaseKey: ctx.phaseKey, deliverableKey } },
          body: { value: value as Record<string, never> },
        }),
      );
      problems.setError(null);
      setSaved(message);
      ctx.onSaved();
      return true;
    } catch (err) {
      problems.setError(err as never);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const completion = ctx.completion?.offers(deliverableKey) ? ctx.completion : undefined;
  /** Saves the value and completes the phase in one change; nothing is saved when the completion is refused. */
  const saveAndComplete = async (value: unknown) => {
    if (!completion || !(await completion.confirm())) return false;
    setBusy(true);
    setSaved('');
    try {
      await unwrap(
        client.POST('/sozialraum-processes/{id}/phases/{phaseKey}/complete', {
          params: { path: { id: ctx.processId, phaseKey: ctx.phaseKey } },
          body: { deliverable: { key: deliverableKey, value: value as Record<string, never> } },
        }),
      );
      problems.setError(null);
      completion.onCompleted();
      return true;
    } catch (err) {
      problems.setError(atFormPointers(err) as never);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { ...problems, busy, saved, save, completion, saveAndComplete };
}

function Saved({ text }: { text: string }) {
  return text ? <p role="status">{text}</p> : null;
}

/** „Speichern und Phase N abschließen“ beside a form's own save, where the phase can be completed with its value. */
function SaveAndComplete({ s, value }: { s: ReturnType<typeof useSave>; value: () => unknown }) {
  return s.completion ? (
    <button type="button" className="secondary" disabled={s.busy} onClick={() => void s.saveAndComplete(value())}>
      {s.completion.label}
    </button>
  ) : null;
}

/** The form for one deliverable, by its type. */
export function DeliverableForm({ spec, value, ctx }: { spec: DeliverableSpec; value: unknown; ctx: DeliverableContext }) {
  switch (spec.type) {
    case 'boundaries':
      return <BoundariesForm spec={spec} value={value as BoundariesValue | undefined} ctx={ctx} />;
    case 'analysis':
      return <AnalysisForm spec={spec} value={value as AnalysisValue | undefined} ctx={ctx} />;
    case 'events':
      return <EventsForm spec={spec} value={value as EventValue[] | undefined} ctx={ctx} />;
    case 'goals':
      return <GoalsForm spec={spec} value={value as Goal[] | undefined} ctx={ctx} />;
    case 'measures':
      return <MeasuresForm spec={spec} value={value as Measure[] | undefined} ctx={ctx} />;
    case 'monitoring':
      return <MonitoringForm spec={spec} value={value as MonitoringValue | undefined} ctx={ctx} />;
    default:
      return <TextForm spec={spec} value={value} ctx={ctx} />;
  }
}

/** A deliverable's form: saves `value()`; where the phase can be completed with it, also offers that. */
function FormFrame(props: {
  spec: DeliverableSpec;
  s: ReturnType<typeof useSave>;
  value: () => unknown;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { s } = props;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.save(props.value());
  };
  return (
    <form onSubmit={submit} noValidate aria-label={props.spec.title}>
      <FormErrors error={s.error} />
      <Saved text={s.saved} />
      {props.children}
      <SubmitButton busy={s.busy}>{props.submitLabel ?? `${props.spec.title} speichern`}</SubmitButton>
      <SaveAndComplete s={s} value={props.value} />
    </form>
  );
}

interface BoundariesValue {
  description: string;
  municipalityIds: string[];
  notes?: string;
}

function BoundariesForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: BoundariesValue; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [description, setDescription] = useState(value?.description ?? '');
  const [ids, setIds] = useState<string[]>(value?.municipalityIds ?? []);
  const [notes, setNotes] = useState(value?.notes ?? '');
  return (
    <FormFrame
      spec={spec}
      s={s}
      value={() => ({ description, municipalityIds: ids, ...(notes.trim() ? { notes } : {}) })}
      submitLabel="Abgrenzung speichern"
    >
      <div data-pointer="/value/municipalityIds" id="feld-value-municipalityIds" data-label="Kommunen des Sozialraums" tabIndex={-1}>
        <CheckboxGroup
          legend="Kommunen des Sozialraums"
          options={ctx.municipalities.map((m) => ({ value: m.id, label: `${m.name} (${m.kind === 'stadt' ? 'Stadt' : 'Gemeinde'})` }))}
          value={ids}
          onChange={setIds}
          errors={s.at('/value/municipalityIds')}
        />
      </div>
      <TextField
        label="Beschreibung und Abgrenzung"
        pointer="/value/description"
        value={description}
        onChange={setDescription}
        errors={s.at('/value/description')}
        multiline
        rows={5}
        required
      />
      <TextField label="Anmerkungen" pointer="/value/notes" value={notes} onChange={setNotes} errors={s.at('/value/notes')} multiline />
    </FormFrame>
  );
}

interface AnalysisValue {
  profileYear?: number;
  answers: Array<{ questionKey: string; answer: string }>;
}

/** The Sozialraumanalyse: each guideline question saved on its own (a draft that grows). */
function AnalysisForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: AnalysisValue; ctx: DeliverableContext }) {
  const answered = new Map((value?.answers ?? []).map((a) => [a.questionKey, a.answer]));
  const open = ctx.analysisQuestions.filter((q) => !answered.has(q.key));
  // With the profile year set and one question open, that question's answer can complete the phase.
  const last = value?.profileYear !== undefined && open.length === 1 ? open[0].key : undefined;
  return (
    <div>
      <p>
        {answered.size} von {ctx.analysisQuestions.length} Leitfragen beantwortet
        {value?.profileYear ? `, Sozialraumprofil ${value.profileYear}` : ', Jahr des Sozialraumprofils noch offen'}.
      </p>
      <ProfileYearForm spec={spec} value={value?.profileYear} ctx={ctx} />
      {ctx.analysisQuestions.map((q, i) => (
        <QuestionForm key={q.key} spec={spec} index={i} question={q} answer={answered.get(q.key)} last={q.key === last} ctx={ctx} />
      ))}
    </div>
  );
}

function ProfileYearForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: number; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [year, setYear] = useState(value ? String(value) : String(new Date().getFullYear() - 1));
  return (
    <form
      noValidate
      aria-label="Jahr des Sozialraumprofils"
      onSubmit={(e) => {
        e.preventDefault();
        void s.save(
          { profileYear: /^\d+$/.test(year) ? Number(year) : year, answers: [] },
          'Das Jahr des Sozialraumprofils ist gespeichert.',
        );
      }}
    >
      <FormErrors error={s.error} />
      <Saved text={s.saved} />
      <TextField
        label="Jahr des Sozialraumprofils"
        pointer="/value/profileYear"
        value={year}
        onChange={setYear}
        errors={s.at('/value/profileYear')}
        hint="Die Analyse bezieht sich auf die Daten dieses Jahres."
      />
      <SubmitButton busy={s.busy}>Jahr speichern</SubmitButton>
    </form>
  );
}

function QuestionForm(props: {
  spec: DeliverableSpec;
  index: number;
  question: AnalysisQuestion;
  answer?: string;
  /** The only question still open (profile year set): it offers to complete the phase with the answer. */
  last: boolean;
  ctx: DeliverableContext;
}) {
  const s = useSave(props.ctx, props.spec.key);
  const [answer, setAnswer] = useState(props.answer ?? '');
  const value = () => ({ answers: [{ questionKey: props.question.key, answer }] });
  const label = `Leitfrage ${props.index + 1}: ${props.question.text}`;
  return (
    <form
      noValidate
      aria-label={`Leitfrage ${props.index + 1}`}
      onSubmit={(e) => {
        e.preventDefault();
        void s.save(value(), `Antwort auf Leitfrage ${props.index + 1} gespeichert.`);
      }}
    >
      <FormErrors error={s.error} />
      <Saved text={s.saved} />
      <TextField
        label={label}
        pointer={`/value/answers/0/answer#${props.question.key}`}
        value={answer}
        onChange={setAnswer}
        errors={s.at('/value/answers/0/answer')}
        hint={props.answer !== undefined ? 'Bereits beantwortet; eine neue Antwort ersetzt die gespeicherte.' : undefined}
        multiline
      />
      <SubmitButton busy={s.busy}>{`Antwort ${props.index + 1} speichern`}</SubmitButton>
      {props.last && <SaveAndComplete s={s} value={value} />}
    </form>
  );
}

interface EventValue {
  kind: string;
  date: string;
  participants: number;
  ageGroups: string[];
  notes?: string;
}
type EventRow = { kind: string; date: string; participants: string; ageGroups: string[]; notes: string };

function EventsForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: EventValue[]; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [rows, setRows] = useState<EventRow[]>(
    (value ?? []).map((e) => ({ ...e, date: germanDateOf(e.date), participants: String(e.participants), notes: e.notes ?? '' })),
  );
  const toValue = () =>
    rows.map((r) => ({
      kind: r.kind,
      date: isoDateOf(r.date),
      participants: /^\d+$/.test(r.participants.trim()) ? Number(r.participants) : r.participants,
      ageGroups: r.ageGroups,
      ...(r.notes.trim() ? { notes: r.notes } : {}),
    }));
  return (
    <FormFrame spec={spec} s={s} value={toValue} submitLabel="Veranstaltungen speichern">
      <RepeatableRows
        legend="Beteiligungsveranstaltungen"
        pointer="/value"
        errors={s.only('/value')}
        rows={rows}
        onChange={setRows}
        newRow={() => ({ kind: 'workshop', date: '', participants: '', ageGroups: [], notes: '' })}
        rowLegend={(_r, i) => `Veranstaltung ${i + 1}`}
        addLabel="Veranstaltung hinzufügen"
      >
        {(row, update, i) => (
          <>
            <SelectField
              label="Art"
              pointer={`/value/${i}/kind`}
              value={row.kind}
              options={EVENT_KINDS}
              onChange={(kind) => update({ kind })}
              errors={s.at(`/value/${i}/kind`)}
            />
            <DateField
              label="Datum"
              pointer={`/value/${i}/date`}
              value={row.date}
              onChange={(date) => update({ date })}
              errors={s.at(`/value/${i}/date`)}
              required
            />
            <TextField
              label="Teilnehmende (Anzahl)"
              pointer={`/value/${i}/participants`}
              value={row.participants}
              onChange={(participants) => update({ participants })}
              errors={s.at(`/value/${i}/participants`)}
              required
            />
            <div data-pointer={`/value/${i}/ageGroups`} id={`feld-value-${i}-ageGroups`} data-label="Altersgruppen" tabIndex={-1}>
              <CheckboxGroup
                legend="Altersgruppen"
                options={AGE_GROUPS}
                value={row.ageGroups}
                onChange={(ageGroups) => update({ ageGroups })}
                errors={s.at(`/value/${i}/ageGroups`)}
              />
            </div>
            <TextField
              label="Ergebnis"
              pointer={`/value/${i}/notes`}
              value={row.notes}
              onChange={(notes) => update({ notes })}
              errors={s.at(`/value/${i}/notes`)}
              multiline
            />
          </>
        )}
      </RepeatableRows>
    </FormFrame>
  );
}

/** A key for a new goal or measure that the list does not use yet. */
const nextKey = (prefix: string, used: string[]) => {
  let n = used.length + 1;
  while (used.includes(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
};

/** Ranked goals: the order is the priority; move with the buttons (keyboard) or by dragging. */
function GoalsForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: Goal[]; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [goals, setGoals] = useState<Goal[]>([...(value ?? [])].sort((a, b) => a.rank - b.rank));
  const [dragged, setDragged] = useState<number | null>(null);
  const [moved, setMoved] = useState('');
  const move = (from: number, to: number) => {
    if (to < 0 || to >= goals.length || from === to) return;
    const next = [...goals];
    const [goal] = next.splice(from, 1);
    next.splice(to, 0, goal);
    setGoals(next);
    setMoved(`„${goal.title || `Ziel ${from + 1}`}“ hat jetzt Priorität ${to + 1}.`);
  };
  const update = (i: number, patch: Partial<Goal>) => setGoals(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () =>
    setGoals([
      ...goals,
      {
        key: nextKey(
          'ziel',
          goals.map((g) => g.key),
        ),
        title: '',
        rank: goals.length + 1,
        perspective: 'children_youth',
        indicator: '',
      },
    ]);
  return (
    <FormFrame spec={spec} s={s} value={() => goals.map((g, i) => ({ ...g, rank: i + 1 }))} submitLabel="Ziele speichern">
      <p className="hint">Die Reihenfolge ist die Priorität: oben das wichtigste Ziel. Verschieben mit den Knöpfen oder per Ziehen.</p>
      <p role="status" className="visually-hidden">
        {moved}
      </p>
      {s.only('/value').length > 0 && <p className="field-error">{s.only('/value').join(' · ')}</p>}
      <ol className="ranked" data-pointer="/value" id="feld-value" data-label="Ziele" tabIndex={-1}>
        {goals.map((g, i) => (
          <li
            key={g.key}
            draggable
            className={dragged === i ? 'dragging' : undefined}
            onDragStart={(e: DragEvent) => {
              setDragged(i);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragOver={(e: DragEvent) => e.preventDefault()}
            onDrop={(e: DragEvent) => {
              e.preventDefault();
              if (dragged !== null) move(dragged, i);
              setDragged(null);
            }}
            onDragEnd={() => setDragged(null)}
          >
            <fieldset className="repeatable-row">
              <legend>
                Priorität {i + 1}: {g.title || 'neues Ziel'}
              </legend>
              <TextField
                label="Ziel"
                pointer={`/value/${i}/title`}
                value={g.title}
                onChange={(title) => update(i, { title })}
                errors={s.at(`/value/${i}/title`)}
                required
              />
              <SelectField
                label="Zielperspektive"
                pointer={`/value/${i}/perspective`}
                value={g.perspective}
                options={PERSPECTIVES}
                onChange={(perspective) => update(i, { perspective })}
                errors={s.at(`/value/${i}/perspective`)}
              />
              <TextField
                label="Woran wir die Zielerreichung erkennen (Indikator)"
                pointer={`/value/${i}/indicator`}
                value={g.indicator}
                onChange={(indicator) => update(i, { indicator })}
                errors={s.at(`/value/${i}/indicator`)}
                required
              />
              {(s.at(`/value/${i}/rank`).length > 0 || s.at(`/value/${i}/key`).length > 0) && (
                <p className="field-error">{[...s.at(`/value/${i}/rank`), ...s.at(`/value/${i}/key`)].join(' · ')}</p>
              )}
              <div className="actions">
                <button type="button" className="secondary" disabled={i === 0} onClick={() => move(i, i - 1)}>
                  {`Ziel ${i + 1} nach oben`}
                </button>
                <button type="button" className="secondary" disabled={i === goals.length - 1} onClick={() => move(i, i + 1)}>
                  {`Ziel ${i + 1} nach unten`}
                </button>
                <button type="button" className="secondary" onClick={() => setGoals(goals.filter((_, j) => j !== i))}>
                  {`Ziel ${i + 1} entfernen`}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={add}>
        Ziel hinzufügen
      </button>
    </FormFrame>
  );
}

type MeasureRow = { key: string; title: string; goalKey: string; ownerId: string; start: string; end: string; budget: string };

function MeasuresForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: Measure[]; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [rows, setRows] = useState<MeasureRow[]>(
    (value ?? []).map((m) => ({ ...m, start: germanDateOf(m.start), end: germanDateOf(m.end), budget: euroText(m.budgetCents) })),
  );
  const owners = [
    ...ctx.partners.map((p) => ({ value: p.id, label: `${p.name} (Vertragspartner)` })),
    ...ctx.municipalities.map((m) => ({ value: m.id, label: `${m.name} (Kommune)` })),
  ];
  const toValue = () =>
    rows.map((r) => ({
      key: r.key,
      title: r.title,
      goalKey: r.goalKey,
      ownerId: r.ownerId,
      start: isoDateOf(r.start),
      end: isoDateOf(r.end),
      budgetCents: centsOf(r.budget || '0') ?? r.budget,
    }));
  return (
    <FormFrame spec={spec} s={s} value={toValue} submitLabel="Maßnahmen speichern">
      {ctx.goals.length === 0 && <p>Es sind noch keine Ziele festgelegt (Phase 4); jede Maßnahme gehört zu einem Ziel.</p>}
      <RepeatableRows
        legend="Maßnahmen"
        pointer="/value"
        errors={s.only('/value')}
        rows={rows}
        onChange={setRows}
        newRow={() => ({
          key: nextKey(
            'massnahme',
            rows.map((r) => r.key),
          ),
          title: '',
          goalKey: ctx.goals[0]?.key ?? '',
          ownerId: '',
          start: '',
          end: '',
          budget: '',
        })}
        rowLegend={(r, i) => `Maßnahme ${i + 1}${r.title ? `: ${r.title}` : ''}`}
        addLabel="Maßnahme hinzufügen"
      >
        {(row, update, i) => (
          <>
            <TextField
              label="Maßnahme"
              pointer={`/value/${i}/title`}
              value={row.title}
              onChange={(title) => update({ title })}
              errors={[...s.at(`/value/${i}/title`), ...s.at(`/value/${i}/key`)]}
              required
            />
            <SelectField
              label="Ziel"
              pointer={`/value/${i}/goalKey`}
              value={row.goalKey}
              placeholder="Bitte wählen"
              options={ctx.goals.map((g) => ({ value: g.key, label: `${g.rank}. ${g.title}` }))}
              onChange={(goalKey) => update({ goalKey })}
              errors={s.at(`/value/${i}/goalKey`)}
              required
            />
            <SelectField
              label="Verantwortlich (Organisation)"
              pointer={`/value/${i}/ownerId`}
              value={row.ownerId}
              placeholder="Bitte wählen"
              options={owners}
              onChange={(ownerId) => update({ ownerId })}
              errors={s.at(`/value/${i}/ownerId`)}
              required
            />
            <DateField
              label="Beginn"
              pointer={`/value/${i}/start`}
              value={row.start}
              onChange={(start) => update({ start })}
              errors={s.at(`/value/${i}/start`)}
              required
            />
            <DateField
              label="Ende"
              pointer={`/value/${i}/end`}
              value={row.end}
              onChange={(end) => update({ end })}
              errors={s.at(`/value/${i}/end`)}
              required
            />
            <TextField
              label="Budget aus dem Sozialraumbudget (Euro)"
              pointer={`/value/${i}/budgetCents`}
              value={row.budget}
              onChange={(budget) => update({ budget })}
              errors={s.at(`/value/${i}/budgetCents`)}
              hint="z. B. 1.500,00"
            />
          </>
        )}
      </RepeatableRows>
    </FormFrame>
  );
}

interface MonitoringValue {
  measures: Array<{ measureKey: string; status: string; note?: string }>;
  conferences: Array<{ date: string; participants: number; notes?: string }>;
}

function MonitoringForm({ spec, value, ctx }: { spec: DeliverableSpec; value?: MonitoringValue; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [measures, setMeasures] = useState(
    ctx.measures.map((m) => {
      const saved = value?.measures.find((x) => x.measureKey === m.key);
      return { measureKey: m.key, status: saved?.status ?? 'planned', note: saved?.note ?? '' };
    }),
  );
  const [conferences, setConferences] = useState(
    (value?.conferences ?? []).map((c) => ({ date: germanDateOf(c.date), participants: String(c.participants), notes: c.notes ?? '' })),
  );
  const toValue = () => ({
    measures: measures.map((m) => ({ measureKey: m.measureKey, status: m.status, ...(m.note.trim() ? { note: m.note } : {}) })),
    conferences: conferences.map((c) => ({
      date: isoDateOf(c.date),
      participants: /^\d+$/.test(c.participants.trim()) ? Number(c.participants) : c.participants,
      ...(c.notes.trim() ? { notes: c.notes } : {}),
    })),
  });
  return (
    <FormFrame spec={spec} s={s} value={toValue} submitLabel="Monitoring speichern">
      <h4>Stand der Maßnahmen</h4>
      {measures.length === 0 && <p>Es sind keine Maßnahmen geplant.</p>}
      {measures.map((m, i) => {
        const measure = ctx.measures.find((x) => x.key === m.measureKey);
        const set = (patch: Partial<typeof m>) => setMeasures(measures.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <fieldset key={m.measureKey} className="repeatable-row">
            <legend>
              {measure?.title ?? m.measureKey} ({formatDate(measure?.start)} – {formatDate(measure?.end)},{' '}
              {formatEuro(measure?.budgetCents ?? 0)})
            </legend>
            <SelectField
              label="Stand"
              pointer={`/value/measures/${i}/status`}
              value={m.status}
              options={MEASURE_STATUSES}
              onChange={(status) => set({ status })}
              errors={[...s.at(`/value/measures/${i}/status`), ...s.at(`/value/measures/${i}/measureKey`)]}
            />
            <TextField
              label="Anmerkung"
              pointer={`/value/measures/${i}/note`}
              value={m.note}
              onChange={(note) => set({ note })}
              errors={s.at(`/value/measures/${i}/note`)}
              multiline
            />
          </fieldset>
        );
      })}
      <RepeatableRows
        legend="Sozialraumkonferenzen"
        pointer="/value/conferences"
        errors={s.only('/value/conferences')}
        rows={conferences}
        onChange={setConferences}
        newRow={() => ({ date: '', participants: '', notes: '' })}
        rowLegend={(_r, i) => `Sozialraumkonferenz ${i + 1}`}
        addLabel="Sozialraumkonferenz hinzufügen"
      >
        {(row, update, i) => (
          <>
            <DateField
              label="Datum"
              pointer={`/value/conferences/${i}/date`}
              value={row.date}
              onChange={(date) => update({ date })}
              errors={s.at(`/value/conferences/${i}/date`)}
              required
            />
            <TextField
              label="Teilnehmende (Anzahl)"
              pointer={`/value/conferences/${i}/participants`}
              value={row.participants}
              onChange={(participants) => update({ participants })}
              errors={s.at(`/value/conferences/${i}/participants`)}
              required
            />
            <TextField
              label="Ergebnis"
              pointer={`/value/conferences/${i}/notes`}
              value={row.notes}
              onChange={(notes) => update({ notes })}
              errors={s.at(`/value/conferences/${i}/notes`)}
              multiline
            />
          </>
        )}
      </RepeatableRows>
    </FormFrame>
  );
}

function TextForm({ spec, value, ctx }: { spec: DeliverableSpec; value: unknown; ctx: DeliverableContext }) {
  const s = useSave(ctx, spec.key);
  const [text, setText] = useState(typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value));
  return (
    <FormFrame spec={spec} s={s} value={() => text}>
      <TextField label={spec.title} pointer="/value" value={text} onChange={setText} errors={s.at('/value')} multiline />
    </FormFrame>
  );
}
