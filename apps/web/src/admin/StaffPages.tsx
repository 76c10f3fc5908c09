import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { ROLE_LABELS } from '../auth/session';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { useConfirm } from '../shared/confirm';
import { usePlanningRegions } from '../shared/reference';
import {
  CheckboxGroup,
  ErrorBox,
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

type User = Schemas['StaffUserDto'];
type Team = Schemas['TeamDto'];
type RoleKey = User['roles'][number];

const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as RoleKey[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const TEAM_KINDS: Record<Team['kind'], string> = { asd_team: 'ASD-Team', regional_team: 'Regionalteam' };
const CASE_KINDS: Record<string, string> = { fallteam: 'Fallteam-Fall', jugendhilfedienst: 'Jugendhilfedienst-Fall' };

const useTeams = () => useLoad(() => unwrap(client.GET('/staff/teams', { params: { query: { limit: 100 } } })), []);

/** Users: who works with the system, their roles, regions and team. */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [role, setRole] = useState(params.get('role') ?? '');
  const offset = Number(params.get('offset') ?? 0);
  const users = useLoad(
    () =>
      unwrap(
        client.GET('/staff/users', {
          params: {
            query: {
              ...(params.get('search') ? { search: params.get('search')! } : {}),
              ...(params.get('role') ? { role: params.get('role') as RoleKey } : {}),
              limit: 50,
              offset,
            },
          },
        }),
      ),
    [params.toString()],
  );
  const teams = useTeams();
  const teamName = (id: string | null) => (id ? (teams.data?.items.find((t) => t.id === id)?.name ?? '–') : '–');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(new URLSearchParams(Object.entries({ search, role }).filter(([, v]) => v)));
  };
  return (
    <>
      <PageTitle>Benutzer</PageTitle>
      <p>
        <Link to="/benutzer/neu">Benutzer anlegen</Link> · <Link to="/teams">Teams</Link>
      </p>
      <form onSubmit={submit} className="filters" noValidate aria-label="Filter">
        <TextField label="Name oder Kennung" value={search} onChange={setSearch} />
        <SelectField label="Rolle" value={role} onChange={setRole} placeholder="Alle" options={ROLE_OPTIONS} />
        <button type="submit">Filtern</button>
      </form>
      <Loaded state={users}>
        {(page) => (
          <DataTable
            caption={`${page.total} Benutzer`}
            rows={page.items}
            rowKey={(u) => u.id}
            empty="Keine Benutzer gefunden."
            columns={[
              {
                key: 'name',
                header: 'Name',
                sortValue: (u) => u.displayName,
                render: (u) => <Link to={`/benutzer/${encodeURIComponent(u.id)}`}>{u.displayName}</Link>,
              },
              { key: 'id', header: 'Kennung', render: (u) => u.id },
              { key: 'roles', header: 'Rollen', render: (u) => u.roles.map((r) => ROLE_LABELS[r]).join(', ') },
              { key: 'team', header: 'Team', render: (u) => teamName(u.teamId) },
              { key: 'status', header: 'Status', render: (u) => (u.active ? 'aktiv' : `deaktiviert seit ${formatDate(u.deactivatedAt)}`) },
            ]}
            paging={{
              total: page.total,
              limit: page.limit,
              offset: page.offset,
              onChange: (o) => {
                const next = new URLSearchParams(params);
                next.set('offset', String(o));
                setParams(next);
              },
            }}
          />
        )}
      </Loaded>
    </>
  );
}

type UserForm = {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
  planningRegionIds: string[];
  socialSpaceIds: string[];
  teamId: string;
  organisation: string;
  expertise: string;
};

const formOf = (u?: User): UserForm => ({
  id: u?.id ?? '',
  displayName: u?.displayName ?? '',
  email: u?.email ?? '',
  roles: u?.roles ?? [],
  planningRegionIds: u?.planningRegionIds ?? [],
  socialSpaceIds: u?.socialSpaceIds ?? [],
  teamId: u?.teamId ?? '',
  organisation: u?.organisation ?? '',
  expertise: (u?.expertise ?? []).join('\n'),
});

/** Create a user (`/benutzer/neu`) or edit one, deactivate and reactivate. */
export function UserPage() {
  const { id = '' } = useParams();
  return id === 'neu' ? <UserFormView /> : <UserEdit id={id} key={id} />;
}

function UserEdit({ id }: { id: string }) {
  const user = useLoad(() => unwrap(client.GET('/staff/users/{id}', { params: { path: { id } } })), [id]);
  return <Loaded state={user}>{(u) => <UserFormView key={u.updatedAt} user={u} onChanged={user.reload} />}</Loaded>;
}

function UserFormView({ user, onChanged }: { user?: User; onChanged?: () => void }) {
  const navigate = useNavigate();
  const regions = usePlanningRegions();
  const teams = useTeams();
  const [form, setForm] = useState<UserForm>(() => formOf(user));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { error, setError, at } = useProblems();
  const set =
    <K extends keyof UserForm>(k: K) =>
    (v: UserForm[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    const body = {
      displayName: form.displayName,
      email: form.email.trim() || null,
      roles: form.roles as RoleKey[],
      planningRegionIds: form.planningRegionIds,
      socialSpaceIds: form.socialSpaceIds,
      teamId: form.teamId || null,
      organisation: form.organisation.trim() || null,
      expertise: lines(form.expertise),
    };
    try {
      if (user) {
        await unwrap(client.PUT('/staff/users/{id}', { params: { path: { id: user.id } }, body }));
        setSaved('Die Angaben wurden gespeichert.');
        onChanged?.();
      } else {
        const created = await unwrap(client.POST('/staff/users', { body: { ...body, id: form.id.trim() } }));
        void navigate(`/benutzer/${encodeURIComponent(created.id)}`, { state: { created: true } });
      }
      setError(null);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces.map((s) => ({ value: s.id, label: `${s.name} (${r.name})` })));
  return (
    <>
      <PageTitle>{user ? `Benutzer: ${user.displayName}` : 'Benutzer anlegen'}</PageTitle>
      <p>
        <Link to="/benutzer">Zurück zu den Benutzern</Link>
      </p>
      {user && !user.active && (
        <p className="alert alert-error" role="status">
          Deaktiviert seit {formatDate(user.deactivatedAt)}.
        </p>
      )}
      {saved && (
        <p className="alert alert-ok" role="status">
          {saved}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        {!user && (
          <TextField
            label="Kennung"
            hint="Die Anmeldekennung (Subject des Identitätsanbieters), z. B. m.mustermann"
            required
            pointer="/id"
            value={form.id}
            onChange={set('id')}
            errors={at('/id')}
          />
        )}
        <TextField
          label="Name"
          required
          pointer="/displayName"
          value={form.displayName}
          onChange={set('displayName')}
          errors={at('/displayName')}
        />
        <TextField label="E-Mail" type="email" pointer="/email" value={form.email} onChange={set('email')} errors={at('/email')} />
        <CheckboxGroup legend="Rollen" options={ROLE_OPTIONS} value={form.roles} onChange={set('roles')} errors={at('/roles')} />
        <Loaded state={regions}>
          {(r) => (
            <>
              <CheckboxGroup
                legend="Planregionen"
                options={r.items.map((p) => ({ value: p.id, label: p.name }))}
                value={form.planningRegionIds}
                onChange={set('planningRegionIds')}
                errors={at('/planningRegionIds')}
              />
              <CheckboxGroup
                legend="Sozialräume"
                options={spaces}
                value={form.socialSpaceIds}
                onChange={set('socialSpaceIds')}
                errors={at('/socialSpaceIds')}
              />
            </>
          )}
        </Loaded>
        <SelectField
          label="Team"
          pointer="/teamId"
          value={form.teamId}
          onChange={set('teamId')}
          placeholder="kein Team"
          options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
          errors={at('/teamId')}
        />
        <TextField
          label="Organisation"
          hint="Für externe Beratung erforderlich"
          pointer="/organisation"
          value={form.organisation}
          onChange={set('organisation')}
          errors={at('/organisation')}
        />
        <TextField
          label="Fachgebiete"
          hint="Eines je Zeile (externe Beratung)"
          multiline
          pointer="/expertise"
          value={form.expertise}
          onChange={set('expertise')}
          errors={at('/expertise')}
        />
        <SubmitButton busy={busy}>{user ? 'Speichern' : 'Benutzer anlegen'}</SubmitButton>
      </form>
      {user && <Activation user={user} onChanged={onChanged} />}
    </>
  );
}

/** Deactivate (listing the open cases to transfer first) or reactivate. */
function Activation({ user, onChanged }: { user: User; onChanged?: () => void }) {
  const [confirm, dialog] = useConfirm();
  const [result, setResult] = useState<Schemas['DeactivationDto'] | null>(null);
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null);
  const deactivate = async () => {
    try {
      const open = await unwrap(client.GET('/staff/users/{id}/open-cases', { params: { path: { id: user.id } } }));
      const ok = await confirm({
        title: `${user.displayName} deaktivieren?`,
        body: (
          <>
            <p>
              {user.displayName} kann sich danach nicht mehr anmelden. Fälle, Zuständigkeiten und Verlauf bleiben unverändert; nichts wird
              automatisch übertragen.
            </p>
            {open.items.length > 0 ? (
              <>
                <p>
                  {open.items.length} offene {open.items.length === 1 ? 'Fall ist' : 'Fälle sind'} zu übertragen:
                </p>
                <ul>
                  {open.items.map((c) => (
                    <li key={c.id}>
                      {c.pseudonym} ({CASE_KINDS[c.kind] ?? c.kind})
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>Keine offenen Fälle.</p>
            )}
          </>
        ),
        confirmLabel: 'Deaktivieren',
        danger: true,
      });
      if (!ok) return;
      setResult(await unwrap(client.POST('/staff/users/{id}/deactivate', { params: { path: { id: user.id } } })));
      setError(null);
      onChanged?.();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  const reactivate = async () => {
    try {
      await unwrap(client.POST('/staff/users/{id}/reactivate', { params: { path: { id: user.id } } }));
      setResult(null);
      onChanged?.();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  return (
    <section aria-labelledby="activation">
      <h2 id="activation">Zugang</h2>
      {error && <ErrorBox error={error} />}
      {result && (
        <div role="status" className="alert alert-ok">
          <p>{result.user.displayName} ist deaktiviert.</p>
          {result.openCases.length > 0 && (
            <p>Bitte übertragen Sie diese offenen Fälle: {result.openCases.map((c) => c.pseudonym).join(', ')}.</p>
          )}
          {result.ledTeamIds.length > 0 && (
            <p>Die Person leitet noch {result.ledTeamIds.length} Team(s); bitte eine neue Leitung benennen.</p>
          )}
        </div>
      )}
      {user.active ? (
        <button type="button" className="danger" onClick={deactivate}>
          Deaktivieren …
        </button>
      ) : (
        <button type="button" onClick={reactivate}>
          Wieder aktivieren
        </button>
      )}
      {dialog}
    </section>
  );
}

/** Teams with their kind, region, lead and members; create and edit. */
export function TeamsPage() {
  const teams = useTeams();
  const regions = usePlanningRegions();
  const leads = useLoad(() => unwrap(client.GET('/staff/users', { params: { query: { role: 'lead', limit: 100 } } })), []);
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const leadName = (id: string | null) => (id ? (leads.data?.items.find((u) => u.id === id)?.displayName ?? id) : '–');
  const regionName = (id: string | null) => (id ? (regions.data?.items.find((r) => r.id === id)?.name ?? '–') : '–');
  return (
    <>
      <PageTitle>Teams</PageTitle>
      <p>
        <Link to="/benutzer">Zu den Benutzern</Link>
      </p>
      <Loaded state={teams}>
        {(page) => (
          <DataTable
            caption="Teams"
            captionHidden
            rows={page.items}
            rowKey={(t) => t.id}
            empty="Noch keine Teams."
            columns={[
              { key: 'name', header: 'Team', sortValue: (t) => t.name, render: (t) => t.name },
              { key: 'kind', header: 'Art', render: (t) => TEAM_KINDS[t.kind] },
              { key: 'region', header: 'Planregion', render: (t) => regionName(t.planningRegionId) },
              { key: 'lead', header: 'Leitung', render: (t) => leadName(t.leadId) },
              { key: 'members', header: 'Mitglieder', numeric: true, render: (t) => t.memberCount },
              {
                key: 'edit',
                header: 'Aktion',
                render: (t) => (
                  <button type="button" className="link-button" onClick={() => setEditing(t)}>
                    Bearbeiten<span className="visually-hidden">: {t.name}</span>
                  </button>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      {editing === null ? (
        <button type="button" onClick={() => setEditing('new')}>
          Team anlegen
        </button>
      ) : (
        <TeamForm
          key={editing === 'new' ? 'new' : editing.id}
          team={editing === 'new' ? undefined : editing}
          regions={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          leads={(leads.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          onDone={() => {
            setEditing(null);
            teams.reload();
          }}
        />
      )}
    </>
  );
}

function TeamForm({
  team,
  regions,
  leads,
  onDone,
}: {
  team?: Team;
  regions: Array<{ value: string; label: string }>;
  leads: Array<{ value: string; label: string }>;
  onDone: () => void;
}) {
  const [name, setName] = useState(team?.name ?? '');
  const [kind, setKind] = useState<string>(team?.kind ?? 'asd_team');
  const [regionId, setRegionId] = useState(team?.planningRegionId ?? '');
  const [leadId, setLeadId] = useState(team?.leadId ?? '');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const body = { name, kind: kind as Team['kind'], planningRegionId: regionId || null, leadId: leadId || null };
    try {
      if (team) await unwrap(client.PUT('/staff/teams/{id}', { params: { path: { id: team.id } }, body }));
      else await unwrap(client.POST('/staff/teams', { body }));
      setError(null);
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="team-form">
      <h2 id="team-form">{team ? `Team „${team.name}“ bearbeiten` : 'Team anlegen'}</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <TextField label="Name" required pointer="/name" value={name} onChange={setName} errors={at('/name')} />
        <SelectField
          label="Art"
          pointer="/kind"
          value={kind}
          onChange={setKind}
          options={Object.entries(TEAM_KINDS).map(([value, label]) => ({ value, label }))}
          errors={at('/kind')}
        />
        <SelectField
          label="Planregion"
          pointer="/planningRegionId"
          value={regionId}
          onChange={setRegionId}
          placeholder="keine"
          options={regions}
          errors={at('/planningRegionId')}
        />
        <SelectField
          label="Leitung"
          hint="Personen mit der Rolle Leitung"
          pointer="/leadId"
          value={leadId}
          onChange={setLeadId}
          placeholder="keine Leitung"
          options={leads}
          errors={at('/leadId')}
        />
        <div className="actions">
          <SubmitButton busy={busy}>{team ? 'Speichern' : 'Team anlegen'}</SubmitButton>
          <button type="button" className="secondary" onClick={onDone}>
            Abbrechen
          </button>
        </div>
      </form>
    </section>
  );
}
