// One partner interview: plan it (date, interviewer), record the answers with a form generated
// from the questionnaire version of the cycle's definition, correct them with a reason, see history.
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import {
  CheckboxGroup,
  formatDate,
  formatDateTime,
  FormErrors,
  Loaded,
  SelectField,
  SubmitButton,
  TextField,
  useLoad,
  useProblems,
} from '../shared/ui';
import { DateField, DateTimeField, RadioGroup } from '../shared/forms';
import { germanDateOf, germanDateTimeOf, isoDateOf, isoDateTimeOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { PageTitle } from '../shared/Page';
import { useColleagues } from '../shared/people';
import { InterviewBadge } from './InterviewsPage';

type Detail = Schemas['InterviewDetailDto'];
type AnswerValue = number | boolean | string | string[];

export interface Question {
  key: string;
  text: string;
  type: 'scale' | 'yes_no' | 'single_choice' | 'multiple_choice' | 'free_text';
  required: boolean;
  options?: string[];
}
export interface Questionnaire {
  version: string;
  sections: Array<{ key: string; title: string; perspective: string; questions: Question[] }>;
}

/** The words of the five scale points (1 = worst, 5 = best). */
export const SCALE_LABELS = ['1 – sehr schlecht', '2 – eher schlecht', '3 – teils, teils', '4 – eher gut', '5 – sehr gut'];

const EVENT_KIND: Record<string, string> = {
  interview_opened: 'Interview eröffnet',
  interview_planned: 'Geplant',
  interview_replanned: 'Neu geplant',
  answers_recorded: 'Antworten erfasst',
  answers_corrected: 'Antworten korrigiert',
  interview_withdrawn: 'Zurückgezogen',
  interview_overdue: 'Überfällig (eskaliert)',
  closed_by_cycle: 'Mit dem Zyklus geschlossen',
};

/** The questionnaire a cycle runs with (from the definition version the cycle pinned). */
export function useQuestionnaire(cycleId: string) {
  return useLoad(async () => {
    const cycle = await unwrap(client.GET('/interview-cycles/{id}', { params: { path: { id: cycleId } } }));
    const definition = await unwrap(
      client.GET('/definitions/{key}/versions/{version}', {
        params: { path: { key: 'partner-interview-cycle', version: cycle.definitionVersion } },
      }),
    );
    return { cycle, questionnaire: (definition.spec as { questionnaire: Questionnaire }).questionnaire };
  }, [cycleId]);
}

export function InterviewPage() {
  const { cycleId, partnerId } = useParams();
  const interview = useLoad(
    () =>
      unwrap(client.GET('/interview-cycles/{id}/interviews/{partnerId}', { params: { path: { id: cycleId!, partnerId: partnerId! } } })),
    [cycleId, partnerId],
  );
  const questionnaire = useQuestionnaire(cycleId!);
  const colleagues = useColleagues();
  return (
    <Loaded state={interview}>
      {(i) => (
        <>
          <PageTitle>{`Interview mit ${i.partnerName}`}</PageTitle>
          <p>
            <Link to="/interviews">Zurück zum Interviewzyklus</Link>
          </p>
          <dl className="facts">
            <div>
              <dt>Stand</dt>
              <dd>
                <InterviewBadge status={i.status} />
              </dd>
            </div>
            <div>
              <dt>Termin</dt>
              <dd>{formatDateTime(i.plannedAt)}</dd>
            </div>
            <div>
              <dt>Interviewer:in</dt>
              <dd>{i.interviewerId ? colleagues.nameOf(i.interviewerId) : '–'}</dd>
            </div>
            <div>
              <dt>Fällig</dt>
              <dd>{formatDate(i.dueAt)}</dd>
            </div>
            <div>
              <dt>Geführt am</dt>
              <dd>{formatDate(i.conductedOn)}</dd>
            </div>
            <div>
              <dt>Antwortversion</dt>
              <dd>{i.answersVersion ?? '–'}</dd>
            </div>
          </dl>
          {(i.status === 'open' || i.status === 'planned' || i.status === 'overdue') && (
            <PlanForm key={`plan-${i.updatedAt}`} interview={i} colleagues={colleagues.items} onDone={interview.reload} />
          )}
          {i.plannedAt && i.status !== 'withdrawn' && i.status !== 'failed' && (
            <Loaded state={questionnaire}>
              {(q) => (
                <AnswersForm key={`answers-${i.updatedAt}`} interview={i} questionnaire={q.questionnaire} onDone={interview.reload} />
              )}
            </Loaded>
          )}
          {(i.status === 'open' || i.status === 'planned' || i.status === 'overdue') && (
            <WithdrawForm interview={i} onDone={interview.reload} />
          )}
          <section aria-labelledby="interview-history">
            <h2 id="interview-history">Verlauf</h2>
            {i.history.length === 0 ? (
              <p>Noch keine Einträge.</p>
            ) : (
              <ol className="history">
                {i.history.map((e, n) => (
                  <li key={n}>
                    <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time> – {EVENT_KIND[e.kind] ?? e.kind}
                    {typeof e.details.reason === 'string' && `: ${e.details.reason}`}
                    {e.actorId && <span className="muted"> ({colleagues.nameOf(e.actorId)})</span>}
                  </li>
                ))}
              </ol>
            )}
            {i.answerVersions.length > 1 && (
              <>
                <h3>Frühere Antwortversionen</h3>
                <ul>
                  {i.answerVersions.map((v) => (
                    <li key={v.version}>
                      Version {v.version}, erfasst am {formatDateTime(v.recordedAt)} von {colleagues.nameOf(v.recordedBy)}
                      {v.reason ? ` – Grund: ${v.reason}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}

function PlanForm(props: { interview: Detail; colleagues: Array<{ id: string; displayName: string }>; onDone: () => void }) {
  const [at, setAt] = useState(germanDateTimeOf(props.interview.plannedAt));
  const [interviewer, setInterviewer] = useState(props.interview.interviewerId ?? '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const problems = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(
        client.PUT('/interview-cycles/{id}/interviews/{partnerId}/plan', {
          params: { path: { id: props.interview.cycleId, partnerId: props.interview.partnerId } },
          body: { plannedAt: isoDateTimeOf(at.date, at.time), interviewerId: interviewer },
        }),
      );
      problems.setError(null);
      setDone('Das Interview ist geplant.');
      props.onDone();
    } catch (err) {
      problems.setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="plan">
      <h2 id="plan">{props.interview.plannedAt ? 'Termin ändern' : 'Interview planen'}</h2>
      <FormErrors error={problems.error} />
      {done && <p role="status">{done}</p>}
      <DateTimeField label="Termin" pointer="/plannedAt" value={at} onChange={setAt} errors={problems.at('/plannedAt')} required />
      <SelectField
        label="Interviewer:in"
        pointer="/interviewerId"
        value={interviewer}
        placeholder="Bitte wählen"
        options={props.colleagues.map((u) => ({ value: u.id, label: u.displayName }))}
        onChange={setInterviewer}
        errors={problems.at('/interviewerId')}
        required
      />
      <SubmitButton busy={busy}>{props.interview.plannedAt ? 'Termin ändern' : 'Interview planen'}</SubmitButton>
    </form>
  );
}

/** Answers as the form holds them: text for scales, choices and free texts; lists for multiple choice. */
type Draft = Record<string, string | string[]>;

function draftOf(answers: Detail['answers']): Draft {
  const draft: Draft = {};
  for (const a of answers ?? []) {
    const v = a.value as AnswerValue;
    draft[a.questionKey] = Array.isArray(v) ? v : typeof v === 'boolean' ? (v ? 'ja' : 'nein') : String(v);
  }
  return draft;
}

function valueOf(q: Question, draft: Draft): AnswerValue | undefined {
  const v = draft[q.key];
  if (v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)) return undefined;
  if (q.type === 'scale') return Number(v);
  if (q.type === 'yes_no') return v === 'ja';
  return v;
}

function AnswersForm(props: { interview: Detail; questionnaire: Questionnaire; onDone: () => void }) {
  const correcting = props.interview.status === 'done';
  const [draft, setDraft] = useState<Draft>(draftOf(props.interview.answers));
  const [conductedOn, setConductedOn] = useState(germanDateOf(props.interview.conductedOn ?? props.interview.plannedAt));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const problems = useProblems();
  const questions = props.questionnaire.sections.flatMap((s) => s.questions);
  // The server points at /answers/<index of the sent answer>; map that back to the question.
  const sent = questions.filter((q) => valueOf(q, draft) !== undefined);
  const errorsOf = (q: Question) => {
    const index = sent.indexOf(q);
    const own = problems.error?.errors.filter((p) => (p as { params?: { questionKey?: string } }).params?.questionKey === q.key) ?? [];
    return [...(index >= 0 ? problems.at(`/answers/${index}`) : []), ...own.map((p) => p.message)];
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone('');
    try {
      await unwrap(
        client.PUT('/interview-cycles/{id}/interviews/{partnerId}/answers', {
          params: { path: { id: props.interview.cycleId, partnerId: props.interview.partnerId } },
          body: {
            answers: sent.map((q) => ({ questionKey: q.key, value: valueOf(q, draft) as unknown as Record<string, never> })),
            ...(conductedOn.trim() ? { conductedOn: isoDateOf(conductedOn) } : {}),
            ...(correcting ? { reason } : {}),
          },
        }),
      );
      problems.setError(null);
      setDone(correcting ? 'Die Korrektur ist gespeichert; die frühere Version bleibt erhalten.' : 'Die Antworten sind gespeichert.');
      props.onDone();
    } catch (err) {
      problems.setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  const set = (key: string, value: string | string[]) => setDraft({ ...draft, [key]: value });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="answers">
      <h2 id="answers">{correcting ? 'Antworten korrigieren' : 'Antworten erfassen'}</h2>
      <p className="hint">Fragebogen {props.questionnaire.version}. Skalen: 1 = sehr schlecht bis 5 = sehr gut.</p>
      <FormErrors error={problems.error} />
      {done && <p role="status">{done}</p>}
      <DateField
        label="Interview geführt am"
        pointer="/conductedOn"
        value={conductedOn}
        onChange={setConductedOn}
        errors={problems.at('/conductedOn')}
      />
      {props.questionnaire.sections.map((section) => (
        <fieldset key={section.key} className="repeatable-row">
          <legend>{section.title}</legend>
          {section.questions.map((q) => {
            const common = { label: q.text, required: q.required, errors: errorsOf(q) };
            const value = draft[q.key];
            switch (q.type) {
              case 'scale':
                return (
                  <RadioGroup
                    key={q.key}
                    {...common}
                    value={typeof value === 'string' ? value : ''}
                    options={SCALE_LABELS.map((label, n) => ({ value: String(n + 1), label }))}
                    onChange={(v) => set(q.key, v)}
                  />
                );
              case 'yes_no':
                return (
                  <RadioGroup
                    key={q.key}
                    {...common}
                    value={typeof value === 'string' ? value : ''}
                    options={[
                      { value: 'ja', label: 'Ja' },
                      { value: 'nein', label: 'Nein' },
                    ]}
                    onChange={(v) => set(q.key, v)}
                  />
                );
              case 'single_choice':
                return (
                  <RadioGroup
                    key={q.key}
                    {...common}
                    value={typeof value === 'string' ? value : ''}
                    options={(q.options ?? []).map((o) => ({ value: o, label: o }))}
                    onChange={(v) => set(q.key, v)}
                  />
                );
              case 'multiple_choice':
                return (
                  <CheckboxGroup
                    key={q.key}
                    legend={q.required ? `${q.text} (Pflichtfeld)` : q.text}
                    errors={common.errors}
                    value={Array.isArray(value) ? value : []}
                    options={(q.options ?? []).map((o) => ({ value: o, label: o }))}
                    onChange={(v) => set(q.key, v)}
                  />
                );
              default:
                return (
                  <TextField
                    key={q.key}
                    {...common}
                    value={typeof value === 'string' ? value : ''}
                    onChange={(v) => set(q.key, v)}
                    multiline
                  />
                );
            }
          })}
        </fieldset>
      ))}
      {correcting && (
        <TextField
          label="Grund der Korrektur"
          pointer="/reason"
          value={reason}
          onChange={setReason}
          errors={problems.at('/reason')}
          hint="Jede Version bleibt erhalten; der Bericht zählt die neueste."
          required
          multiline
        />
      )}
      <SubmitButton busy={busy}>{correcting ? 'Korrektur speichern' : 'Antworten speichern'}</SubmitButton>
    </form>
  );
}

function WithdrawForm({ interview, onDone }: { interview: Detail; onDone: () => void }) {
  const [confirm, dialog] = useConfirm();
  const [reason, setReason] = useState('');
  const problems = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      !(await confirm({
        title: 'Interview zurückziehen?',
        body: <p>{`Das Interview mit ${interview.partnerName} wird in diesem Zyklus nicht geführt und zählt nicht zur Rücklaufquote.`}</p>,
        confirmLabel: 'Zurückziehen',
        danger: true,
      }))
    )
      return;
    try {
      await unwrap(
        client.POST('/interview-cycles/{id}/interviews/{partnerId}/withdraw', {
          params: { path: { id: interview.cycleId, partnerId: interview.partnerId } },
          body: { reason },
        }),
      );
      problems.setError(null);
      onDone();
    } catch (err) {
      problems.setError(err as never);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="withdraw">
      <h2 id="withdraw">Interview zurückziehen</h2>
      {dialog}
      <FormErrors error={problems.error} />
      <TextField label="Grund des Rückzugs" value={reason} onChange={setReason} errors={problems.at('/reason')} multiline required />
      <button type="submit" className="danger">
        Interview zurückziehen
      </button>
    </form>
  );
}
