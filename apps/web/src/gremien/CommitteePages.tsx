import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { client, unwrap } from '../api';
import { usePlanningRegions } from '../shared/reference';
import { hasRole, useMe } from '../auth/session';
import {
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
import { Committee, CommitteeDetail, KIND_LABELS, MEMBER_KIND_LABELS, minutesLabel } from './labels';
import { DateTimeField } from '../shared/forms';
import { isoDateTimeOf } from '../shared/german';
import { PageTitle } from '../shared/Page';

const KIND_OPTIONS = (Object.keys(KIND_LABELS) as Array<Committee['kind']>).map((k) => ({ value: k, label: KIND_LABELS[k] }));

/** The committees the caller may see: those of their regions, the district's, and their own memberships. */
export function CommitteesPage() {
  const me = useMe();
  const [kind, setKind] = useState('');
  const committees = useLoad(
    () =>
      unwrap(client.GET('/committees', { params: { query: { kind: (kind || undefined) as Committee['kind'] | undefined, limit: 200 } } })),
    [kind],
  );
  return (
    <>
      <PageTitle>Gremien</PageTitle>
      <p className="muted">
        Sozialraumkonferenzen, Regionalteams, Fallteams und der Jugendhilfeausschuss mit ihren Sitzungen und Protokollen.
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter">
        <SelectField label="Art" value={kind} placeholder="Alle Arten" options={KIND_OPTIONS} onChange={setKind} />
      </form>
      <Loaded state={committees}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine Gremien.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Gremien</caption>
              <thead>
                <tr>
                  <th scope="col">Gremium</th>
                  <th scope="col">Art</th>
                  <th scope="col">Planregion / Sozialraum</th>
                  <th scope="col">Mitglieder</th>
                  <th scope="col">Nächste Sitzung</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/gremien/${c.id}`}>{c.name}</Link>
                    </td>
                    <td>{KIND_LABELS[c.kind]}</td>
                    <td>{c.socialSpaceName ?? c.planningRegionName ?? 'Landkreis'}</td>
                    <td>{c.memberCount}</td>
                    <td>{formatDateTime(c.nextMeetingAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {hasRole(me, 'coordinator') && <NewCommitteeForm />}
    </>
  );
}

function NewCommitteeForm() {
  const navigate = useNavigate();
  const regions = usePlanningRegions();
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ kind: 'sozialraumkonferenz' as Committee['kind'], name: '', planningRegionId: '', socialSpaceId: '' });
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces.map((s) => ({ value: s.id, label: `${s.name} (${r.code})` })));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/committees', {
          body: {
            kind: form.kind,
            name: form.name,
            planningRegionId: form.kind === 'regionalteam' || form.kind === 'fallteam' ? form.planningRegionId || undefined : undefined,
            socialSpaceId: form.kind === 'sozialraumkonferenz' ? form.socialSpaceId || undefined : undefined,
          },
        }),
      );
      void navigate(`/gremien/${created.id}`);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-committee">
      <h2 id="new-committee">Gremium anlegen</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/kind', '/name', '/planningRegionId', '/socialSpaceId']} />
        <SelectField
          label="Art"
          required
          value={form.kind}
          options={KIND_OPTIONS}
          onChange={(v) => setForm({ ...form, kind: v as Committee['kind'] })}
          errors={at('/kind')}
        />
        <TextField label="Name" required value={form.name} onChange={(v) => setForm({ ...form, name: v })} errors={at('/name')} />
        {form.kind === 'sozialraumkonferenz' && (
          <SelectField
            label="Sozialraum"
            required
            value={form.socialSpaceId}
            placeholder="Bitte wählen"
            options={spaces}
            onChange={(v) => setForm({ ...form, socialSpaceId: v })}
            errors={at('/socialSpaceId')}
          />
        )}
        {(form.kind === 'regionalteam' || form.kind === 'fallteam') && (
          <SelectField
            label="Planregion"
            required
            value={form.planningRegionId}
            placeholder="Bitte wählen"
            options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            onChange={(v) => setForm({ ...form, planningRegionId: v })}
            errors={at('/planningRegionId')}
          />
        )}
        <SubmitButton busy={busy}>Gremium anlegen</SubmitButton>
      </form>
    </section>
  );
}

/** A committee with its members and meetings; the coordination adds members and plans meetings. */
export function CommitteePage() {
  const { id } = useParams();
  const committee = useLoad(() => unwrap(client.GET('/committees/{id}', { params: { path: { id: id! } } })), [id]);
  return (
    <Loaded state={committee}>
      {(c) => (
        <>
          <PageTitle>{c.name}</PageTitle>
          <dl className="facts">
            <dt>Art</dt>
            <dd>{KIND_LABELS[c.kind]}</dd>
            <dt>Zuständig</dt>
            <dd>{c.socialSpaceName ?? c.planningRegionName ?? 'Landkreis'}</dd>
          </dl>
          <Members committee={c} reload={committee.reload} />
          <Meetings committee={c} reload={committee.reload} />
        </>
      )}
    </Loaded>
  );
}

function Members({ committee, reload }: { committee: CommitteeDetail; reload: () => void }) {
  const [removeError, setRemoveError] = useState<string | null>(null);
  const remove = async (memberId: string) => {
    try {
      await unwrap(client.DELETE('/committees/{id}/members/{memberId}', { params: { path: { id: committee.id, memberId } } }));
      reload();
    } catch (err) {
      setRemoveError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="members">
      <h2 id="members">Mitglieder</h2>
      {removeError && (
        <p className="alert alert-error" role="alert">
          {removeError}
        </p>
      )}
      {committee.members.length === 0 ? (
        <p>Noch keine Mitglieder.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Mitglieder</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Art</th>
              <th scope="col">Organisation</th>
              <th scope="col">Funktion</th>
              {committee.canEdit && <th scope="col">Aktion</th>}
            </tr>
          </thead>
          <tbody>
            {committee.members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{MEMBER_KIND_LABELS[m.kind]}</td>
                <td>{m.organisation ?? '–'}</td>
                <td>{m.function ?? '–'}</td>
                {committee.canEdit && (
                  <td>
                    <button type="button" className="link-button" onClick={() => remove(m.id)} aria-label={`${m.name} austragen`}>
                      Austragen
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {committee.canEdit && <AddMemberForm committeeId={committee.id} reload={reload} />}
    </section>
  );
}

function AddMemberForm({ committeeId, reload }: { committeeId: string; reload: () => void }) {
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({
    kind: 'user' as 'user' | 'external' | 'contract_partner',
    userId: '',
    contractPartnerId: '',
    name: '',
    organisation: '',
    function: '',
  });
  const partners = useLoad(() => unwrap(client.GET('/contract-partners', { params: { query: { limit: 200 } } })), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(
        client.POST('/committees/{id}/members', {
          params: { path: { id: committeeId } },
          body: {
            kind: form.kind,
            userId: form.kind === 'user' ? form.userId || undefined : undefined,
            contractPartnerId: form.kind === 'contract_partner' ? form.contractPartnerId || undefined : undefined,
            name: form.kind === 'external' ? form.name || undefined : undefined,
            organisation: form.organisation || undefined,
            function: form.function || undefined,
          },
        }),
      );
      setError(null);
      setForm({ ...form, userId: '', contractPartnerId: '', name: '', organisation: '', function: '' });
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-member">
      <h3 id="add-member">Mitglied aufnehmen</h3>
      <FormErrors error={error} fieldPointers={['/kind', '/userId', '/contractPartnerId', '/name', '/organisation', '/function']} />
      <SelectField
        label="Art des Mitglieds"
        value={form.kind}
        options={(Object.keys(MEMBER_KIND_LABELS) as Array<keyof typeof MEMBER_KIND_LABELS>).map((k) => ({
          value: k,
          label: MEMBER_KIND_LABELS[k],
        }))}
        onChange={(v) => setForm({ ...form, kind: v as typeof form.kind })}
      />
      {form.kind === 'user' && (
        <TextField
          label="Kennung der Person"
          hint="Die Anmeldekennung aus dem Personal, z. B. demo-caseworker"
          value={form.userId}
          onChange={(v) => setForm({ ...form, userId: v })}
          errors={at('/userId')}
        />
      )}
      {form.kind === 'external' && (
        <TextField label="Name der Person" value={form.name} onChange={(v) => setForm({ ...form, name: v })} errors={at('/name')} />
      )}
      {form.kind === 'contract_partner' && (
        <SelectField
          label="Vertragspartner"
          value={form.contractPartnerId}
          placeholder="Bitte wählen"
          options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => setForm({ ...form, contractPartnerId: v })}
          errors={at('/contractPartnerId')}
        />
      )}
      {form.kind !== 'contract_partner' && (
        <TextField
          label="Organisation"
          value={form.organisation}
          onChange={(v) => setForm({ ...form, organisation: v })}
          errors={at('/organisation')}
        />
      )}
      <TextField
        label="Funktion im Gremium"
        value={form.function}
        onChange={(v) => setForm({ ...form, function: v })}
        errors={at('/function')}
      />
      <SubmitButton busy={busy}>Aufnehmen</SubmitButton>
    </form>
  );
}

function Meetings({ committee, reload }: { committee: CommitteeDetail; reload: () => void }) {
  return (
    <section aria-labelledby="meetings">
      <h2 id="meetings">Sitzungen</h2>
      {committee.meetings.length === 0 ? (
        <p>Noch keine Sitzungen.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Sitzungen</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Ort</th>
              <th scope="col">Protokoll</th>
              <th scope="col">Offene Aufgaben</th>
            </tr>
          </thead>
          <tbody>
            {committee.meetings.map((m) => (
              <tr key={m.id}>
                <td>
                  <Link to={`/gremien/sitzungen/${m.id}`}>Sitzung am {formatDateTime(m.startsAt)}</Link>
                </td>
                <td>{m.place}</td>
                <td>{minutesLabel(m.minutesStatus)}</td>
                <td>{m.openTasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {committee.canEdit && <NewMeetingForm committeeId={committee.id} reload={reload} />}
    </section>
  );
}

function NewMeetingForm({ committeeId, reload }: { committeeId: string; reload: () => void }) {
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ startsAt: { date: '', time: '' }, place: '', agenda: '' });
  const [created, setCreated] = useState<{ id: string; startsAt: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setCreated(null);
    try {
      const startsAt = isoDateTimeOf(form.startsAt.date, form.startsAt.time);
      const meeting = await unwrap(
        client.POST('/committees/{id}/meetings', {
          params: { path: { id: committeeId } },
          body: { startsAt, place: form.place, agenda: lines(form.agenda).map((title) => ({ title })) },
        }),
      );
      setError(null);
      setForm({ startsAt: { date: '', time: '' }, place: '', agenda: '' });
      setCreated({ id: meeting.id, startsAt: meeting.startsAt });
      reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-meeting">
      <h3 id="new-meeting">Sitzung anlegen</h3>
      <FormErrors error={error} fieldPointers={['/startsAt', '/place', '/agenda']} />
      {created && (
        <p className="alert alert-ok" role="status">
          Die Sitzung ist angelegt: <Link to={`/gremien/sitzungen/${created.id}`}>Sitzung am {formatDateTime(created.startsAt)}</Link>
        </p>
      )}
      <DateTimeField
        label="Beginn"
        required
        value={form.startsAt}
        onChange={(v) => setForm({ ...form, startsAt: v })}
        errors={at('/startsAt')}
        pointer="/startsAt"
      />
      <TextField
        label="Ort"
        required
        value={form.place}
        onChange={(v) => setForm({ ...form, place: v })}
        errors={at('/place')}
        pointer="/place"
      />
      <TextField
        label="Tagesordnung"
        hint="Ein Punkt je Zeile"
        multiline
        rows={4}
        value={form.agenda}
        onChange={(v) => setForm({ ...form, agenda: v })}
        errors={at('/agenda')}
        pointer="/agenda"
      />
      <SubmitButton busy={busy}>Sitzung anlegen</SubmitButton>
    </form>
  );
}
