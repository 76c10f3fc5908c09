import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, client, unwrap } from '../api';
import { useMe } from '../auth/session';
import {
  ErrorBox,
  formatDate,
  formatDateTime,
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
import { ATTENDANCE_LABELS, KIND_LABELS, Meeting, MINUTES_LABELS, PROCESS_STATUS_LABELS, REF_LABELS, refLink } from './labels';
import { DateTimeField } from '../shared/forms';
import { germanDateTimeOf, isoDateTimeOf } from '../shared/german';
import { PageTitle } from '../shared/Page';

type AttendanceStatus = Meeting['attendance'][number]['status'];
type TaskRow = { title: string; assigneeId: string; dueOn: string };

/** A meeting: agenda, attendance, the minutes (editor while a draft), their submission and the approval of the previous minutes. */
export function MeetingPage() {
  const { id } = useParams();
  const meeting = useLoad(() => unwrap(client.GET('/meetings/{id}', { params: { path: { id: id! } } })), [id]);
  const committee = useLoad(
    () =>
      meeting.data
        ? unwrap(client.GET('/committees/{id}', { params: { path: { id: meeting.data.committee.id } } }))
        : Promise.resolve(null),
    [meeting.data?.committee.id],
  );
  return (
    <Loaded state={meeting}>
      {(m) => {
        const members = committee.data?.members ?? [];
        return (
          <>
            <PageTitle>{`${m.committee.name}: Sitzung am ${formatDate(m.startsAt)}`}</PageTitle>
            <dl className="facts">
              <dt>Gremium</dt>
              <dd>
                <Link to={`/gremien/${m.committee.id}`}>
                  {KIND_LABELS[m.committee.kind]} – {m.committee.name}
                </Link>
              </dd>
              <dt>Beginn</dt>
              <dd>{formatDateTime(m.startsAt)}</dd>
              <dt>Ort</dt>
              <dd>{m.place}</dd>
              {m.sozialraumProcessId && (
                <>
                  <dt>Sozialraumprozess</dt>
                  <dd>
                    <Link to={`/prozesse/${m.sozialraumProcessId}`}>Phase 6: Umsetzung sichern</Link>
                  </dd>
                </>
              )}
            </dl>
            <section aria-labelledby="agenda">
              <h2 id="agenda">Tagesordnung</h2>
              {m.agenda.length === 0 ? (
                <p>Keine Tagesordnung.</p>
              ) : (
                <ol>
                  {m.agenda.map((a, i) => (
                    <li key={i}>
                      {a.title}
                      {a.ref && (
                        <>
                          {' '}
                          (<Link to={refLink(a.ref)}>{`${REF_LABELS[a.ref.kind]}${a.ref.label ? `: ${a.ref.label}` : ''}`}</Link>)
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            {m.canEdit && <EditMeeting meeting={m} reload={meeting.reload} />}
            <ApprovePrevious meeting={m} reload={meeting.reload} />
            <Attendance meeting={m} members={members} reload={meeting.reload} />
            <MinutesSection meeting={m} members={members} reload={meeting.reload} />
          </>
        );
      }}
    </Loaded>
  );
}

function Attendance({ meeting, members, reload }: { meeting: Meeting; members: Array<{ id: string; name: string }>; reload: () => void }) {
  const recorded = new Map(meeting.attendance.map((a) => [a.memberId, a.status]));
  const [values, setValues] = useState<Record<string, AttendanceStatus | ''>>({});
  const [saved, setSaved] = useState(false);
  const { error, setError } = useProblems();
  const [busy, setBusy] = useState(false);
  const valueOf = (memberId: string) => values[memberId] ?? recorded.get(memberId) ?? '';
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const entries = members.flatMap((m) => (valueOf(m.id) ? [{ memberId: m.id, status: valueOf(m.id) as AttendanceStatus }] : []));
      await unwrap(client.PUT('/meetings/{id}/attendance', { params: { path: { id: meeting.id } }, body: { entries } }));
      setError(null);
      setSaved(true);
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const options = (Object.keys(ATTENDANCE_LABELS) as AttendanceStatus[]).map((s) => ({ value: s, label: ATTENDANCE_LABELS[s] }));
  return (
    <section aria-labelledby="attendance">
      <h2 id="attendance">Anwesenheit</h2>
      {!meeting.canEdit ? (
        meeting.attendance.length === 0 ? (
          <p>Noch nicht erfasst.</p>
        ) : (
          <ul>{members.map((m) => recorded.get(m.id) && <li key={m.id}>{`${m.name}: ${ATTENDANCE_LABELS[recorded.get(m.id)!]}`}</li>)}</ul>
        )
      ) : (
        <form onSubmit={save} noValidate>
          <FormErrors error={error} fieldPointers={[]} />
          {saved && (
            <p className="alert alert-ok" role="status">
              Die Anwesenheit ist gespeichert.
            </p>
          )}
          {members.map((m) => (
            <SelectField
              key={m.id}
              label={m.name}
              value={valueOf(m.id)}
              placeholder="Nicht erfasst"
              options={options}
              onChange={(v) => setValues({ ...values, [m.id]: v as AttendanceStatus })}
            />
          ))}
          <SubmitButton busy={busy}>Anwesenheit speichern</SubmitButton>
        </form>
      )}
    </section>
  );
}

function MinutesSection({
  meeting,
  members,
  reload,
}: {
  meeting: Meeting;
  members: Array<{ id: string; name: string; kind: string; userId: string | null }>;
  reload: () => void;
}) {
  const minutes = meeting.minutes;
  const editable = meeting.canEdit && (!minutes || minutes.status === 'draft');
  return (
    <section aria-labelledby="minutes">
      <h2 id="minutes">Protokoll</h2>
      <p>
        Stand: <strong>{minutes ? MINUTES_LABELS[minutes.status] : 'Noch kein Protokoll'}</strong>
        {minutes?.approvedInMeetingId && (
          <>
            {' '}
            – genehmigt am {formatDate(minutes.approvedAt)} in der{' '}
            <Link to={`/gremien/sitzungen/${minutes.approvedInMeetingId}`}>folgenden Sitzung</Link>
          </>
        )}
      </p>
      {editable ? (
        <MinutesEditor meeting={meeting} members={members} reload={reload} />
      ) : minutes ? (
        <MinutesView meeting={meeting} reload={reload} />
      ) : (
        <p>Das Protokoll schreibt die Koordination nach Beginn der Sitzung.</p>
      )}
    </section>
  );
}

function MinutesView({ meeting, reload }: { meeting: Meeting; reload: () => void }) {
  const me = useMe();
  const minutes = meeting.minutes!;
  const [error, setError] = useState<ApiError | null>(null);
  const done = async (taskId: string) => {
    try {
      await unwrap(client.POST('/meeting-tasks/{id}/done', { params: { path: { id: taskId } } }));
      setError(null);
      reload();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const active = minutes.status !== 'draft';
  return (
    <>
      {error && <ErrorBox error={error} />}
      <h3>Verlauf</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{minutes.summary || '–'}</p>
      <h3>Beschlüsse</h3>
      {minutes.decisions.length === 0 ? (
        <p>Keine Beschlüsse.</p>
      ) : (
        <ol>
          {minutes.decisions.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ol>
      )}
      <h3>Aufgaben</h3>
      {minutes.tasks.length === 0 ? (
        <p>Keine Aufgaben.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Aufgaben aus dem Protokoll</caption>
          <thead>
            <tr>
              <th scope="col">Aufgabe</th>
              <th scope="col">Zuständig</th>
              <th scope="col">Frist</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {minutes.tasks.map((t) => (
              <tr key={t.id}>
                <td>{t.title}</td>
                <td>{t.assigneeName}</td>
                <td>{formatDate(t.dueOn)}</td>
                <td>
                  {t.doneAt ? (
                    `Erledigt am ${formatDate(t.doneAt)}`
                  ) : active && (meeting.canEdit || t.assigneeId === me.sub) ? (
                    <button type="button" onClick={() => done(t.id)} aria-label={`Erledigt: ${t.title}`}>
                      Erledigt
                    </button>
                  ) : (
                    'Offen'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function MinutesEditor({
  meeting,
  members,
  reload,
}: {
  meeting: Meeting;
  members: Array<{ name: string; kind: string; userId: string | null }>;
  reload: () => void;
}) {
  const minutes = meeting.minutes;
  const [summary, setSummary] = useState(minutes?.summary ?? '');
  const [decisions, setDecisions] = useState((minutes?.decisions ?? []).join('\n'));
  const [tasks, setTasks] = useState<TaskRow[]>(
    (minutes?.tasks ?? []).map((t) => ({ title: t.title, assigneeId: t.assigneeId, dueOn: t.dueOn })),
  );
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const people = members.filter((m) => m.kind === 'user' && m.userId).map((m) => ({ value: m.userId!, label: m.name }));
  const setTask = (i: number, change: Partial<TaskRow>) => setTasks(tasks.map((t, j) => (j === i ? { ...t, ...change } : t)));

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    try {
      await unwrap(
        client.PUT('/meetings/{id}/minutes', {
          params: { path: { id: meeting.id } },
          body: { summary, decisions: lines(decisions), tasks },
        }),
      );
      setError(null);
      setMessage('Der Entwurf ist gespeichert.');
      reload();
      return true;
    } catch (err) {
      setError(toApiError(err));
      setMessage(null);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    if (!(await save())) {
      setConfirming(false);
      return;
    }
    try {
      await unwrap(client.POST('/meetings/{id}/minutes/submit', { params: { path: { id: meeting.id } } }));
      setConfirming(false);
      reload();
    } catch (err) {
      setError(toApiError(err));
      setConfirming(false);
    }
  };
  return (
    <form onSubmit={save} noValidate aria-label="Protokoll bearbeiten">
      <FormErrors error={error} fieldPointers={['/summary', '/decisions', '/tasks']} />
      {message && (
        <p className="alert alert-ok" role="status">
          {message}
        </p>
      )}
      <TextField label="Verlauf und Ergebnisse" multiline rows={5} value={summary} onChange={setSummary} errors={at('/summary')} />
      <TextField
        label="Beschlüsse"
        hint="Ein Beschluss je Zeile"
        multiline
        rows={3}
        value={decisions}
        onChange={setDecisions}
        errors={at('/decisions')}
      />
      <fieldset>
        <legend>Aufgaben</legend>
        {tasks.length === 0 && <p className="muted">Noch keine Aufgaben.</p>}
        {tasks.map((t, i) => (
          <div key={i} className="task-row">
            <TextField
              label={`Aufgabe ${i + 1}`}
              value={t.title}
              onChange={(v) => setTask(i, { title: v })}
              errors={at(`/tasks/${i}/title`)}
            />
            <SelectField
              label={`Zuständig für Aufgabe ${i + 1}`}
              value={t.assigneeId}
              placeholder="Bitte wählen"
              options={people}
              onChange={(v) => setTask(i, { assigneeId: v })}
              errors={at(`/tasks/${i}/assigneeId`)}
            />
            <TextField
              label={`Frist für Aufgabe ${i + 1}`}
              type="date"
              value={t.dueOn}
              onChange={(v) => setTask(i, { dueOn: v })}
              errors={at(`/tasks/${i}/dueOn`)}
            />
            <button type="button" className="link-button" onClick={() => setTasks(tasks.filter((_, j) => j !== i))}>
              Aufgabe {i + 1} entfernen
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setTasks([...tasks, { title: '', assigneeId: '', dueOn: '' }])}>
          Aufgabe hinzufügen
        </button>
      </fieldset>
      <div className="actions">
        <SubmitButton busy={busy}>Entwurf speichern</SubmitButton>
        {!confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            Protokoll versenden …
          </button>
        )}
      </div>
      {confirming && (
        <div className="alert" role="alertdialog" aria-labelledby="confirm-submit">
          <p id="confirm-submit">
            Nach dem Versand kann das Protokoll nicht mehr geändert werden. Die Aufgaben erscheinen bei den zuständigen Personen unter
            „Meine Aufgaben“, mit Erinnerung zur Frist. Jetzt versenden?
          </p>
          <div className="actions">
            <button type="button" onClick={submit}>
              Ja, Protokoll versenden
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Abbrechen
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

function ApprovePrevious({ meeting, reload }: { meeting: Meeting; reload: () => void }) {
  const previous = meeting.previousMeeting;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!previous) return null;
  const approve = async () => {
    try {
      await unwrap(
        client.POST('/meetings/{id}/minutes/approve', { params: { path: { id: previous.id } }, body: { atMeetingId: meeting.id } }),
      );
      setConfirming(false);
      setError(null);
      reload();
    } catch (err) {
      setError(toApiError(err));
      setConfirming(false);
    }
  };
  return (
    <section aria-labelledby="previous">
      <h2 id="previous">Protokoll der vorigen Sitzung</h2>
      <p>
        <Link to={`/gremien/sitzungen/${previous.id}`}>Sitzung am {formatDate(previous.startsAt)}</Link>:{' '}
        {previous.minutesStatus ? MINUTES_LABELS[previous.minutesStatus] : 'noch kein Protokoll'}
      </p>
      {error && <ErrorBox error={error} />}
      {meeting.canEdit && previous.minutesStatus === 'submitted' && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          Protokoll in dieser Sitzung genehmigen …
        </button>
      )}
      {confirming && (
        <div className="alert" role="alertdialog" aria-labelledby="confirm-approve">
          <p id="confirm-approve">Die Mitglieder haben das Protokoll der vorigen Sitzung in dieser Sitzung genehmigt?</p>
          <div className="actions">
            <button type="button" onClick={approve}>
              Ja, Protokoll genehmigen
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              Abbrechen
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Date, place and, for a Sozialraumkonferenz, the social-space process (phase 6) the meeting belongs to; the agenda stays. */
function EditMeeting({ meeting, reload }: { meeting: Meeting; reload: () => void }) {
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [form, setForm] = useState({
    startsAt: germanDateTimeOf(meeting.startsAt),
    place: meeting.place,
    processId: meeting.sozialraumProcessId ?? '',
  });
  const spaceId = meeting.committee.socialSpaceId;
  const processes = useLoad(
    () => (spaceId ? unwrap(client.GET('/sozialraum-processes', { params: { query: { limit: 200 } } })) : Promise.resolve(null)),
    [spaceId],
  );
  const options = (processes.data?.items ?? [])
    .filter((p) => p.socialSpaceId === spaceId)
    .map((p) => ({
      value: p.id,
      label: `${String(p.summary.title ?? 'Sozialraumprozess')} (${PROCESS_STATUS_LABELS[p.status] ?? p.status})`,
    }));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const startsAt = isoDateTimeOf(form.startsAt.date, form.startsAt.time);
      await unwrap(
        client.PUT('/meetings/{id}', {
          params: { path: { id: meeting.id } },
          body: { startsAt, place: form.place, sozialraumProcessId: form.processId || null },
        }),
      );
      setError(null);
      setSaved(true);
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>Sitzung bearbeiten</summary>
      <form onSubmit={save} noValidate aria-label="Sitzung bearbeiten">
        <FormErrors error={error} fieldPointers={['/startsAt', '/place', '/sozialraumProcessId']} />
        {saved && (
          <p className="alert alert-ok" role="status">
            Die Sitzung ist gespeichert.
          </p>
        )}
        <DateTimeField
          label="Beginn"
          value={form.startsAt}
          onChange={(v) => setForm({ ...form, startsAt: v })}
          errors={at('/startsAt')}
          pointer="/startsAt"
        />
        <TextField label="Ort" value={form.place} onChange={(v) => setForm({ ...form, place: v })} errors={at('/place')} pointer="/place" />
        {spaceId && (
          <SelectField
            label="Sozialraumprozess (Phase 6)"
            value={form.processId}
            placeholder="Nicht verknüpft"
            options={options}
            onChange={(v) => setForm({ ...form, processId: v })}
            errors={at('/sozialraumProcessId')}
          />
        )}
        <SubmitButton busy={busy}>Sitzung speichern</SubmitButton>
      </form>
    </details>
  );
}
