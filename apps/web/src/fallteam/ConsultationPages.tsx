// The Fallteam moderator's pages: the overview of sessions and open Fallteam steps, and one
// consultation with scheduling, invitations, the advisers' recommendations, the outcome and cancellation.
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import {
  CheckboxGroup,
  DeadlineBadge,
  ErrorBox,
  fieldDomId,
  formatDate,
  FormErrors,
  lines,
  Loaded,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { DateField, DateTimeField, RepeatableRows } from '../shared/forms';
import { germanDateOf, isoDateOf, isoDateTimeOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { useDraft } from '../shared/drafts';
import { useColleagues } from '../shared/people';
import { DraftNotice } from '../shared/DraftNotice';
import { CONSULTATION_PHASES, PARTICIPANT_ROLES } from './labels';
import { SessionCalendar } from './SessionCalendar';
import { formatWhen, StepList } from './steps';

type Consultation = Schemas['ConsultationDto'];
type Session = Schemas['BookedFallteamSessionDto'];
type Adviser = Schemas['AdviserDto'];

const CONSULTATION_TASKS = [
  'consultation_schedule',
  'consultation_invite',
  'consultation_release',
  'consultation_outcome',
] as const satisfies ReadonlyArray<Schemas['TaskDto']['kind']>;

const useSessions = () => useLoad(() => unwrap(client.GET('/fallteam-sessions', { params: { query: { limit: 100, offset: 0 } } })), []);
const useAdvisers = () => useLoad(() => unwrap(client.GET('/staff/advisers', { params: { query: { limit: 100, offset: 0 } } })), []);

const sessionLabel = (s: Session) => `${formatWhen(s.startsAt)}, ${s.place} (${s.booked} von ${s.capacity} Plätzen belegt)`;

/** Creates a Fallteam session moderated by the caller; problems at `/startsAt`, `/place`, `/capacity`. */
async function createSession(form: { start: { date: string; time: string }; place: string; capacity: string }, moderatorId: string) {
  const capacity = /^\d+$/.test(form.capacity.trim()) ? Number(form.capacity) : (form.capacity as unknown as number);
  return unwrap(
    client.POST('/fallteam-sessions', {
      body: { startsAt: isoDateTimeOf(form.start.date, form.start.time), place: form.place, capacity, moderatorId },
    }),
  );
}

const EMPTY_SESSION = { start: { date: '', time: '' }, place: '', capacity: '4' };

function SessionFields({
  form,
  onChange,
  at,
}: {
  form: typeof EMPTY_SESSION;
  onChange: (f: typeof EMPTY_SESSION) => void;
  at: (pointer: string) => string[];
}) {
  return (
    <>
      <DateTimeField
        label="Beginn der Sitzung"
        pointer="/startsAt"
        value={form.start}
        onChange={(start) => onChange({ ...form, start })}
        errors={at('/startsAt')}
        required
      />
      <TextField
        label="Ort"
        pointer="/place"
        value={form.place}
        onChange={(place) => onChange({ ...form, place })}
        errors={at('/place')}
        required
      />
      <TextField
        label="Plätze (Beratungen je Sitzung)"
        pointer="/capacity"
        value={form.capacity}
        onChange={(capacity) => onChange({ ...form, capacity })}
        errors={at('/capacity')}
        required
      />
    </>
  );
}

/** Overview for the moderator: Fallteam steps waiting, the sessions ahead, a new session. */
export function FallteamOverviewPage() {
  const me = useMe();
  const tasks = useLoad(() => unwrap(client.GET('/me/tasks', { params: { query: { kind: [...CONSULTATION_TASKS], limit: 100 } } })), []);
  const sessions = useSessions();
  const colleagues = useColleagues();
  const moderatorName = (id: string) => (id === me.sub ? 'Sie' : colleagues.nameOf(id));
  const [form, setForm] = useState(EMPTY_SESSION);
  const planOn = (day: string) => {
    setForm((f) => ({ ...f, start: { ...f.start, date: germanDateOf(day) } }));
    const field = document.getElementById(fieldDomId('/startsAt'));
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const { error, setError, at } = useProblems();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setCreated(null);
    try {
      const session = await createSession(form, me.sub);
      setError(null);
      setForm(EMPTY_SESSION);
      setCreated(`Die Sitzung am ${formatWhen(session.startsAt)} in ${session.place} wurde angelegt.`);
      sessions.reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Erweitertes Fallteam</PageTitle>
      <section aria-labelledby="open-steps">
        <h2 id="open-steps">Offene Schritte meiner Beratungen</h2>
        {tasks.error && <ErrorBox error={tasks.error} />}
        <DataTable
          caption="Offene Schritte meiner Fallteam-Beratungen"
          captionHidden
          rows={tasks.data?.items}
          loading={tasks.loading}
          rowKey={(t) => t.id}
          empty="Zurzeit wartet kein Fallteam-Schritt auf Sie."
          initialSort={{ key: 'due', direction: 'asc' }}
          columns={[
            { key: 'title', header: 'Aufgabe', render: (t) => <Link to={t.link}>{t.title}</Link>, sortValue: (t) => t.title },
            { key: 'subject', header: 'Fall (Pseudonym)', render: (t) => t.subject.label, sortValue: (t) => t.subject.label },
            { key: 'due', header: 'Fällig', render: (t) => formatDate(t.dueAt), sortValue: (t) => t.dueAt ?? '' },
            {
              key: 'state',
              header: 'Stand',
              render: (t) => <DeadlineBadge status={t.overdue ? 'overdue' : 'on_track'} />,
              sortValue: (t) => (t.overdue ? 0 : 1),
            },
          ]}
        />
      </section>
      <section aria-labelledby="calendar">
        <h2 id="calendar">Sitzungskalender</h2>
        {sessions.error && <ErrorBox error={sessions.error} />}
        <SessionCalendar sessions={sessions.data?.items ?? []} moderatorName={moderatorName} onPlan={planOn} />
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">Kommende Sitzungen als Liste</h2>
        <DataTable
          caption="Kommende Fallteam-Sitzungen"
          captionHidden
          rows={sessions.data?.items}
          loading={sessions.loading}
          rowKey={(s) => s.id}
          empty="Es ist keine Sitzung geplant."
          initialSort={{ key: 'startsAt', direction: 'asc' }}
          columns={[
            { key: 'startsAt', header: 'Beginn', render: (s) => formatWhen(s.startsAt), sortValue: (s) => s.startsAt },
            { key: 'place', header: 'Ort', render: (s) => s.place, sortValue: (s) => s.place },
            {
              key: 'booked',
              header: 'Belegt',
              numeric: true,
              render: (s) => `${s.booked} von ${s.capacity}`,
              sortValue: (s) => s.capacity - s.booked,
            },
            {
              key: 'moderator',
              header: 'Moderation',
              render: (s) => moderatorName(s.moderatorId),
              sortValue: (s) => moderatorName(s.moderatorId),
            },
          ]}
        />
      </section>
      <section aria-labelledby="new-session">
        <h2 id="new-session">Neue Sitzung anlegen</h2>
        <form onSubmit={submit} noValidate>
          <FormErrors error={error} />
          {created && <p role="status">{created}</p>}
          <p className="hint">Sie moderieren die Sitzung.</p>
          <SessionFields form={form} onChange={setForm} at={at} />
          <SubmitButton busy={busy}>Sitzung anlegen</SubmitButton>
        </form>
      </section>
    </>
  );
}

/** One consultation for the staff of its case: schedule, invite, see recommendations, record the outcome, cancel. */
export function ConsultationPage() {
  const { id } = useParams();
  const consultation = useLoad(() => unwrap(client.GET('/consultations/{id}', { params: { path: { id: id! } } })), [id]);
  const advisers = useAdvisers();
  const colleagues = useColleagues();
  const names = new Map((advisers.data?.items ?? []).map((a) => [a.id, a.displayName] as const));
  // Advisers by their directory, Jugendamt staff by theirs; an unknown id stays as it is.
  const nameOf = (userId: string) => names.get(userId) ?? colleagues.nameOf(userId);
  return (
    <Loaded state={consultation}>
      {(c) => {
        const open = c.phase === 'requested' || c.phase === 'scheduled';
        return (
          <>
            <PageTitle>{`Fallteam-Beratung ${c.pseudonym}`}</PageTitle>
            <p>
              <Link to={`/faelle/${c.caseId}`}>Zur Fallakte {c.pseudonym}</Link>
            </p>
            <dl className="facts">
              <dt>Stand</dt>
              <dd>{CONSULTATION_PHASES[c.phase] ?? c.phase}</dd>
              <dt>Sitzung</dt>
              <dd>{c.sessionAt ? formatWhen(c.sessionAt) : 'noch nicht terminiert'}</dd>
              {c.followUpAt && (
                <>
                  <dt>Wiedervorlage</dt>
                  <dd>{formatDate(c.followUpAt)}</dd>
                </>
              )}
            </dl>
            <h2>Schritte und Fristen</h2>
            <StepList steps={c.steps} label="Schritte der Beratung" />
            <h2>Fragen an das Fallteam</h2>
            <ul>
              {c.questions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ul>
            {open && <Schedule consultation={c} onChange={consultation.reload} />}
            {c.phase === 'scheduled' && (
              <Invitations consultation={c} advisers={advisers.data?.items ?? []} nameOf={nameOf} onChange={consultation.reload} />
            )}
            {c.adviserRecommendations.length > 0 && <Recommendations consultation={c} nameOf={nameOf} />}
            {c.phase === 'scheduled' && !c.outcome && <OutcomeForm consultation={c} nameOf={nameOf} onChange={consultation.reload} />}
            {c.outcome && <OutcomeView outcome={c.outcome} nameOf={nameOf} />}
            {open && <Cancel consultation={c} onChange={consultation.reload} />}
          </>
        );
      }}
    </Loaded>
  );
}

/** Books the consultation into a session: one of the sessions ahead, or a new one. */
function Schedule({ consultation, onChange }: { consultation: Consultation; onChange: () => void }) {
  const me = useMe();
  const sessions = useSessions();
  const [sessionId, setSessionId] = useState('');
  const [form, setForm] = useState(EMPTY_SESSION);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, setError, at } = useProblems();
  const choices = (sessions.data?.items ?? []).filter((s) => s.booked < s.capacity || s.id === consultation.sessionId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(null);
    try {
      const target = sessionId || (await createSession(form, me.sub)).id;
      const scheduled = await unwrap(
        client.POST('/consultations/{id}/schedule', { params: { path: { id: consultation.id } }, body: { sessionId: target } }),
      );
      setError(null);
      setSessionId('');
      setForm(EMPTY_SESSION);
      setDone(`Die Beratung ist für den ${formatWhen(scheduled.sessionAt)} terminiert.`);
      sessions.reload();
      onChange();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const fields = (
    <form onSubmit={submit} noValidate>
      <FormErrors error={error} />
      <SelectField
        label="Sitzung"
        pointer="/sessionId"
        value={sessionId}
        onChange={setSessionId}
        placeholder="Neue Sitzung anlegen"
        options={choices.map((s) => ({ value: s.id, label: sessionLabel(s) }))}
        errors={at('/sessionId')}
        hint="Eine der kommenden Sitzungen mit freien Plätzen, oder eine neue Sitzung, die Sie moderieren."
      />
      {!sessionId && <SessionFields form={form} onChange={setForm} at={at} />}
      <SubmitButton busy={busy}>Beratung terminieren</SubmitButton>
    </form>
  );

  return (
    <section aria-labelledby="schedule">
      <h2 id="schedule">{consultation.sessionAt ? 'Termin' : 'Termin festlegen'}</h2>
      {done && <p role="status">{done}</p>}
      {consultation.sessionAt ? (
        <details open={!!error}>
          <summary>In eine andere Sitzung verlegen</summary>
          {fields}
        </details>
      ) : (
        fields
      )}
    </section>
  );
}

/** Invites known advisers; lists who is invited, their access window and whether they recommended. */
function Invitations({
  consultation,
  advisers,
  nameOf,
  onChange,
}: {
  consultation: Consultation;
  advisers: Adviser[];
  nameOf: (id: string) => string;
  onChange: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const [confirm, dialog] = useConfirm();
  const invited = new Set(consultation.invitations.map((i) => i.adviserId));
  const options = advisers
    .filter((a) => !invited.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.displayName}${a.organisation ? ` (${a.organisation})` : ''}` }));
  const recommended = new Map(consultation.adviserRecommendations.map((r) => [r.adviserId, r.createdAt] as const));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      chosen.length > 0 &&
      !(await confirm({
        title: 'Externe Beratungen einladen?',
        body: (
          <p>
            {chosen.map(nameOf).join(', ')} {chosen.length === 1 ? 'erhält' : 'erhalten'} Zugang zum pseudonymisierten Paket der Beratung{' '}
            {consultation.pseudonym}, sobald es freigegeben ist, bis zum Ende des Zugangsfensters.
          </p>
        ),
        confirmLabel: 'Einladen',
      }))
    )
      return;
    setBusy(true);
    try {
      await unwrap(
        client.POST('/consultations/{id}/invitations', { params: { path: { id: consultation.id } }, body: { adviserIds: chosen } }),
      );
      setError(null);
      setChosen([]);
      onChange();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="invitations">
      <h2 id="invitations">Eingeladene externe Beratungen</h2>
      {dialog}
      <DataTable
        caption="Eingeladene externe Beratungen"
        captionHidden
        rows={consultation.invitations}
        rowKey={(i) => i.adviserId}
        empty="Noch niemand eingeladen."
        columns={[
          { key: 'name', header: 'Beratung', render: (i) => nameOf(i.adviserId), sortValue: (i) => nameOf(i.adviserId) },
          { key: 'window', header: 'Zugang', render: (i) => `${formatDate(i.opensAt)} bis ${formatDate(i.closesAt)}` },
          {
            key: 'state',
            header: 'Stand',
            render: (i) =>
              recommended.has(i.adviserId)
                ? `Empfehlung abgegeben am ${formatDate(recommended.get(i.adviserId))}`
                : i.closedAt
                  ? `Zugang beendet am ${formatDate(i.closedAt)}`
                  : 'eingeladen, noch keine Empfehlung',
          },
        ]}
      />
      <form onSubmit={submit} noValidate>
        <h3>Einladen</h3>
        <FormErrors error={error} />
        {options.length === 0 ? (
          <p>Alle bekannten externen Beratungen sind bereits eingeladen.</p>
        ) : (
          <>
            <div id={fieldDomId('/adviserIds')} data-pointer="/adviserIds" data-label="Externe Beratungen" tabIndex={-1}>
              <CheckboxGroup legend="Externe Beratungen" options={options} value={chosen} onChange={setChosen} errors={at('/adviserIds')} />
            </div>
            <SubmitButton busy={busy}>Ausgewählte einladen</SubmitButton>
          </>
        )}
      </form>
    </section>
  );
}

function Recommendations({ consultation, nameOf }: { consultation: Consultation; nameOf: (id: string) => string }) {
  return (
    <section aria-labelledby="recommendations">
      <h2 id="recommendations">Empfehlungen der externen Beratungen</h2>
      <p className="hint">Die Empfehlungen beraten nur; das Jugendamt entscheidet.</p>
      {consultation.adviserRecommendations.map((r) => (
        <article key={r.id} className="card">
          <h3>
            {nameOf(r.adviserId)}, {formatWhen(r.createdAt)}
          </h3>
          <p>{r.text}</p>
          {r.suggestedHelp.length > 0 && (
            <>
              <h4>Vorgeschlagene Hilfen</h4>
              <ul>
                {r.suggestedHelp.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ul>
            </>
          )}
          {r.risks.length > 0 && (
            <>
              <h4>Gesehene Risiken</h4>
              <ul>
                {r.risks.map((h, i) => (
                  <li key={i}>{h}</li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </section>
  );
}

type ParticipantRow = { role: string; userId: string };
const OTHER_PERSON = '__andere';

/** The outcome as the API takes it: participants (at least two professionals), the team's advice, the decision, the help setting. */
function OutcomeForm({
  consultation,
  nameOf,
  onChange,
}: {
  consultation: Consultation;
  nameOf: (id: string) => string;
  onChange: () => void;
}) {
  const me = useMe();
  const team = useLoad(() => unwrap(client.GET('/cases/{id}', { params: { path: { id: consultation.caseId } } })), [consultation.caseId]);
  const empty = {
    participants: [
      { role: 'professional', userId: me.sub },
      { role: 'professional', userId: '' },
    ] as ParticipantRow[],
    recommendations: '',
    answered: consultation.adviserRecommendations.map((r) => r.id),
    decision: '',
    helpSetting: '',
    followUpOn: '',
  };
  const draft = useDraft(me.sub, `fallteam-ergebnis:${consultation.id}`, empty);
  const form = draft.value;
  const [others, setOthers] = useState<Record<number, boolean>>({});
  const [busy, setBusy] = useState(false);
  const { error, setError, at, only } = useProblems();
  const [confirm, dialog] = useConfirm();
  const set =
    <K extends keyof typeof empty>(key: K) =>
    (value: (typeof empty)[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const colleagues = useColleagues();
  // The case team first, then the office's other caseworkers and coordinators.
  const professionals = [
    ...new Set([
      me.sub,
      ...(team.data ? [team.data.responsibleCaseworkerId, ...team.data.assignedCaseworkerIds] : []),
      ...colleagues.items.filter((u) => u.roles.includes('caseworker') || u.roles.includes('coordinator')).map((u) => u.id),
    ]),
  ].map((id) => ({ value: id, label: id === me.sub ? `${me.displayName} (Sie)` : colleagues.nameOf(id) }));
  const invited = consultation.invitations.map((i) => ({ value: i.adviserId, label: nameOf(i.adviserId) }));
  const notYet = consultation.sessionAt && Date.parse(consultation.sessionAt) > Date.now();
  // A Jugendhilfedienst case takes the outcome into its own process and plans what follows there.
  const plansFollowUp = team.data?.retentionRule.definitionKey !== 'jugendhilfedienst-case';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: 'Ergebnis dokumentieren?',
      body: (
        <p>
          Das Ergebnis der Beratung {consultation.pseudonym} wird gespeichert und kann danach nicht mehr geändert werden. Der Zugang der
          externen Beratungen zum Paket endet sofort; eine Wiedervorlage wird gesetzt.
        </p>
      ),
      confirmLabel: 'Ergebnis speichern',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      await unwrap(
        client.POST('/consultations/{id}/outcome', {
          params: { path: { id: consultation.id } },
          body: {
            participants: form.participants.map((p) => ({
              role: p.role as Schemas['ParticipantDto']['role'],
              ...(p.role === 'family' ? {} : { userId: p.userId.trim() }),
            })),
            recommendations: lines(form.recommendations),
            recommendationIds: form.answered,
            decision: form.decision,
            helpSetting: form.helpSetting,
            ...(plansFollowUp && form.followUpOn.trim() ? { followUpOn: isoDateOf(form.followUpOn) } : {}),
          },
        }),
      );
      draft.clear();
      setError(null);
      onChange();
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">Ergebnis dokumentieren</h2>
      {dialog}
      {notYet && (
        <p className="hint">Das Ergebnis kann ab Beginn der Sitzung am {formatWhen(consultation.sessionAt)} gespeichert werden.</p>
      )}
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(empty)} />
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <RepeatableRows
          legend="Teilnehmende"
          pointer="/participants"
          hint="Mindestens zwei Fachkräfte des Jugendamts; externe Beratungen zählen nicht mit. Familienmitglieder werden gezählt, nicht genannt."
          rows={form.participants}
          onChange={set('participants')}
          newRow={() => ({ role: 'professional', userId: '' })}
          rowLegend={(_, i) => `Teilnehmende*r ${i + 1}`}
          addLabel="Teilnehmende*n hinzufügen"
          errors={only('/participants')}
          min={1}
        >
          {(row, update, i) => {
            const pointer = `/participants/${i}/userId`;
            const choosing = row.role === 'professional' && !others[i];
            return (
              <>
                <SelectField
                  label="Rolle"
                  pointer={`/participants/${i}/role`}
                  value={row.role}
                  onChange={(role) => update({ role, userId: role === 'professional' ? me.sub : '' })}
                  options={PARTICIPANT_ROLES}
                  errors={at(`/participants/${i}/role`)}
                  required
                />
                {row.role === 'adviser' && (
                  <SelectField
                    label="Externe Beratung"
                    pointer={pointer}
                    value={row.userId}
                    onChange={(userId) => update({ userId })}
                    placeholder="Bitte wählen"
                    options={invited}
                    errors={at(pointer)}
                    required
                  />
                )}
                {choosing && (
                  <SelectField
                    label="Fachkraft"
                    pointer={pointer}
                    value={row.userId}
                    onChange={(userId) => {
                      if (userId === OTHER_PERSON) {
                        setOthers((o) => ({ ...o, [i]: true }));
                        update({ userId: '' });
                      } else update({ userId });
                    }}
                    placeholder="Bitte wählen"
                    options={[...professionals, { value: OTHER_PERSON, label: 'Andere Fachkraft (Benutzerkennung eingeben)' }]}
                    errors={at(pointer)}
                    required
                  />
                )}
                {(row.role === 'other' || (row.role === 'professional' && others[i])) && (
                  <TextField
                    label="Benutzerkennung"
                    pointer={pointer}
                    hint="z. B. demo-coordinator"
                    value={row.userId}
                    onChange={(userId) => update({ userId })}
                    errors={at(pointer)}
                    required
                  />
                )}
              </>
            );
          }}
        </RepeatableRows>
        {consultation.adviserRecommendations.length > 0 && (
          <div
            id={fieldDomId('/recommendationIds')}
            data-pointer="/recommendationIds"
            data-label="Berücksichtigte Empfehlungen"
            tabIndex={-1}
          >
            <CheckboxGroup
              legend="Berücksichtigte Empfehlungen der externen Beratungen"
              options={consultation.adviserRecommendations.map((r) => ({
                value: r.id,
                label: `${nameOf(r.adviserId)}: ${r.text.length > 80 ? `${r.text.slice(0, 80)} …` : r.text}`,
              }))}
              value={form.answered}
              onChange={set('answered')}
              errors={at('/recommendationIds')}
            />
          </div>
        )}
        <TextField
          label="Empfehlungen des Fallteams"
          pointer="/recommendations"
          hint="Eine je Zeile. Sie beraten nur; das Jugendamt entscheidet."
          multiline
          value={form.recommendations}
          onChange={set('recommendations')}
          errors={at('/recommendations')}
        />
        <TextField
          label="Entscheidung des Jugendamts"
          pointer="/decision"
          multiline
          value={form.decision}
          onChange={set('decision')}
          errors={at('/decision')}
          required
        />
        <TextField
          label="Hilfesetting (mit Ressourcen des Sozialraums)"
          pointer="/helpSetting"
          multiline
          value={form.helpSetting}
          onChange={set('helpSetting')}
          errors={at('/helpSetting')}
          required
        />
        {plansFollowUp && (
          <DateField
            label="Wiedervorlage am (optional)"
            pointer="/followUpOn"
            hint="TT.MM.JJJJ, nach heute und höchstens ein Jahr voraus; leer gelassen gilt die Frist der Prozessdefinition"
            value={form.followUpOn}
            onChange={set('followUpOn')}
            errors={at('/followUpOn')}
          />
        )}
        <SubmitButton busy={busy}>Ergebnis speichern</SubmitButton>
      </form>
    </section>
  );
}

function OutcomeView({ outcome, nameOf }: { outcome: NonNullable<Consultation['outcome']>; nameOf: (id: string) => string }) {
  const label = (role: string) => PARTICIPANT_ROLES.find((r) => r.value === role)?.label ?? role;
  return (
    <section aria-labelledby="outcome-view">
      <h2 id="outcome-view">Ergebnis</h2>
      <h3>Teilnehmende</h3>
      <ul>
        {outcome.participants.map((p, i) => (
          <li key={i}>
            {label(p.role)}
            {p.userId ? `: ${nameOf(p.userId)}` : ''}
          </li>
        ))}
      </ul>
      {outcome.recommendations.length > 0 && (
        <>
          <h3>Empfehlungen des Fallteams</h3>
          <ul>
            {outcome.recommendations.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      )}
      <h3>Entscheidung des Jugendamts</h3>
      <p>{outcome.decision}</p>
      <h3>Hilfesetting</h3>
      <p>{outcome.helpSetting}</p>
    </section>
  );
}

function Cancel({ consultation, onChange }: { consultation: Consultation; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const [confirm, dialog] = useConfirm();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: 'Beratung absagen?',
      body: (
        <p>
          Die Fallteam-Beratung {consultation.pseudonym} wird abgesagt
          {consultation.sessionAt ? ` und aus der Sitzung am ${formatWhen(consultation.sessionAt)} genommen` : ''}. Eingeladene externe
          Beratungen verlieren den Zugang. Das lässt sich nicht rückgängig machen; für eine neue Beratung ist eine neue Anfrage nötig.
        </p>
      ),
      confirmLabel: 'Beratung absagen',
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    try {
      await unwrap(
        client.POST('/consultations/{id}/cancel', {
          params: { path: { id: consultation.id } },
          body: reason.trim() ? { reason } : {},
        }),
      );
      setError(null);
      onChange();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="cancel">
      <h2 id="cancel">Beratung absagen</h2>
      {dialog}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <TextField label="Grund der Absage" pointer="/reason" value={reason} onChange={setReason} errors={at('/reason')} />
        <button type="submit" className="danger" disabled={busy}>
          Beratung absagen
        </button>
      </form>
    </section>
  );
}
