// The registry of contract partners (Sozialraumvertragspartner) in the coordinator's regions:
// list with filters, create, edit, exit with date and reason. Partners are never deleted.
import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { CheckboxGroup, formatDate, FormErrors, Loaded, SelectField, SubmitButton, TextField, useLoad, useProblems } from '../shared/ui';
import { DateField, RadioGroup, RepeatableRows } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { DataTable } from '../shared/DataTable';
import { usePlanningRegions } from '../shared/reference';
import { useMe } from '../auth/session';
import { PageTitle } from '../shared/Page';

type Partner = Schemas['ContractPartnerDto'];
type Contact = { role: string; name: string; email: string; phone: string };

const KIND: Record<string, string> = { municipality: 'Kommune', free_provider: 'Freier Träger' };

/** The social spaces of the caller's planning regions (all for a caller without regions). */
function useMySpaces() {
  const me = useMe();
  const regions = usePlanningRegions();
  const mine = me.planningRegionIds ?? [];
  return (regions.data?.items ?? [])
    .filter((r) => mine.length === 0 || mine.includes(r.id))
    .flatMap((r) => r.socialSpaces.map((s) => ({ value: s.id, label: `${s.name} (${r.name})` })));
}

export function PartnersPage() {
  const [kind, setKind] = useState('');
  const [active, setActive] = useState('true');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useLoad(
    () =>
      unwrap(
        client.GET('/contract-partners', {
          params: {
            query: {
              kind: (kind || undefined) as Partner['kind'] | undefined,
              active: active === '' ? undefined : active === 'true',
              q: q.trim() || undefined,
              limit: 50,
              offset,
            },
          },
        }),
      ),
    [kind, active, q, offset],
  );
  return (
    <>
      <PageTitle>Vertragspartner</PageTitle>
      <p>
        <Link to="/vertragspartner/neu">Vertragspartner aufnehmen</Link>
      </p>
      <form className="filters" aria-label="Filter" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Art"
          value={kind}
          placeholder="Alle"
          options={Object.entries(KIND).map(([value, label]) => ({ value, label }))}
          onChange={(v) => {
            setKind(v);
            setOffset(0);
          }}
        />
        <SelectField
          label="Mitgliedschaft"
          value={active}
          placeholder="Alle"
          options={[
            { value: 'true', label: 'aktiv' },
            { value: 'false', label: 'ausgetreten' },
          ]}
          onChange={(v) => {
            setActive(v);
            setOffset(0);
          }}
        />
        <TextField
          label="Name enthält"
          value={q}
          onChange={(v) => {
            setQ(v);
            setOffset(0);
          }}
        />
      </form>
      <DataTable<Partner>
        caption="Vertragspartner des Sozialraumvertrags"
        rows={list.data?.items}
        loading={list.loading}
        rowKey={(p) => p.id}
        empty="Keine Vertragspartner für diese Auswahl."
        columns={[
          { key: 'name', header: 'Name', sortValue: (p) => p.name, render: (p) => <Link to={`/vertragspartner/${p.id}`}>{p.name}</Link> },
          { key: 'kind', header: 'Art', render: (p) => KIND[p.kind] ?? p.kind },
          { key: 'spaces', header: 'Sozialräume', render: (p) => p.socialSpaces.map((s) => s.name).join(', ') },
          { key: 'accession', header: 'Beitritt', sortValue: (p) => p.accessionDate, render: (p) => formatDate(p.accessionDate) },
          { key: 'exit', header: 'Austritt', sortValue: (p) => p.exitDate, render: (p) => formatDate(p.exitDate) },
        ]}
        paging={list.data ? { total: list.data.total, limit: list.data.limit, offset: list.data.offset, onChange: setOffset } : undefined}
      />
    </>
  );
}

export function NewPartnerPage() {
  return (
    <>
      <PageTitle>Vertragspartner aufnehmen</PageTitle>
      <PartnerForm />
    </>
  );
}

export function PartnerPage() {
  const { id } = useParams();
  const partner = useLoad(() => unwrap(client.GET('/contract-partners/{id}', { params: { path: { id: id! } } })), [id]);
  return (
    <Loaded state={partner}>
      {(p) => (
        <>
          <PageTitle>{`Vertragspartner: ${p.name}`}</PageTitle>
          <p>
            <Link to="/vertragspartner">Zurück zur Liste</Link> · Kennung {p.code}
            {p.exitDate && ` · ausgetreten am ${formatDate(p.exitDate)}${p.exitReason ? ` (${p.exitReason})` : ''}`}
          </p>
          <PartnerForm key={p.updatedAt} partner={p} onSaved={partner.reload} />
          {!p.exitDate && <ExitForm partner={p} onDone={partner.reload} />}
        </>
      )}
    </Loaded>
  );
}

function PartnerForm({ partner, onSaved }: { partner?: Partner; onSaved?: () => void }) {
  const navigate = useNavigate();
  const spaces = useMySpaces();
  const [name, setName] = useState(partner?.name ?? '');
  const [kind, setKind] = useState<string>(partner?.kind ?? 'free_provider');
  const [spaceIds, setSpaceIds] = useState<string[]>(partner?.socialSpaces.map((s) => s.id) ?? []);
  const [accession, setAccession] = useState(germanDateOf(partner?.accessionDate));
  const [contacts, setContacts] = useState<Contact[]>(
    (partner?.contacts ?? []).map((c) => ({ role: c.role, name: c.name ?? '', email: c.email ?? '', phone: c.phone ?? '' })),
  );
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at, only } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone('');
    const body = {
      name,
      kind: kind as Partner['kind'],
      socialSpaceIds: spaceIds,
      accessionDate: isoDateOf(accession),
      ...(partner?.exitDate ? { exitDate: partner.exitDate } : {}),
      contacts: contacts.map((c) => ({
        role: c.role,
        ...(c.name.trim() ? { name: c.name } : {}),
        ...(c.email.trim() ? { email: c.email } : {}),
        ...(c.phone.trim() ? { phone: c.phone } : {}),
      })),
    };
    try {
      if (partner) {
        await unwrap(client.PUT('/contract-partners/{id}', { params: { path: { id: partner.id } }, body }));
        setError(null);
        setDone('Die Änderungen sind gespeichert.');
        onSaved?.();
      } else {
        const created = await unwrap(client.POST('/contract-partners', { body }));
        void navigate(`/vertragspartner/${created.id}`);
      }
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="partner-form">
      <h2 id="partner-form">{partner ? 'Angaben ändern' : 'Angaben'}</h2>
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <TextField label="Name" pointer="/name" value={name} onChange={setName} errors={at('/name')} required />
      <RadioGroup
        label="Art"
        pointer="/kind"
        value={kind}
        options={Object.entries(KIND).map(([value, label]) => ({ value, label }))}
        onChange={setKind}
        errors={at('/kind')}
        required
      />
      <div data-pointer="/socialSpaceIds" id="feld-socialSpaceIds" data-label="Sozialräume" tabIndex={-1}>
        <CheckboxGroup legend="Sozialräume" options={spaces} value={spaceIds} onChange={setSpaceIds} errors={at('/socialSpaceIds')} />
      </div>
      <DateField
        label="Beitrittserklärung vom"
        pointer="/accessionDate"
        value={accession}
        onChange={setAccession}
        errors={at('/accessionDate')}
        required
      />
      <RepeatableRows
        legend="Ansprechpersonen der Organisation"
        pointer="/contacts"
        errors={only('/contacts')}
        rows={contacts}
        onChange={setContacts}
        newRow={() => ({ role: '', name: '', email: '', phone: '' })}
        rowLegend={(c, i) => `Ansprechperson ${i + 1}${c.role ? ` (${c.role})` : ''}`}
        addLabel="Ansprechperson hinzufügen"
      >
        {(c, update, i) => (
          <>
            <TextField
              label="Funktion"
              pointer={`/contacts/${i}/role`}
              value={c.role}
              onChange={(role) => update({ role })}
              errors={at(`/contacts/${i}/role`)}
              hint="z. B. Geschäftsführung"
              required
            />
            <TextField
              label="Name"
              pointer={`/contacts/${i}/name`}
              value={c.name}
              onChange={(v) => update({ name: v })}
              errors={at(`/contacts/${i}/name`)}
            />
            <TextField
              label="E-Mail"
              type="email"
              pointer={`/contacts/${i}/email`}
              value={c.email}
              onChange={(email) => update({ email })}
              errors={at(`/contacts/${i}/email`)}
            />
            <TextField
              label="Telefon"
              pointer={`/contacts/${i}/phone`}
              value={c.phone}
              onChange={(phone) => update({ phone })}
              errors={at(`/contacts/${i}/phone`)}
            />
          </>
        )}
      </RepeatableRows>
      <SubmitButton busy={busy}>{partner ? 'Änderungen speichern' : 'Vertragspartner aufnehmen'}</SubmitButton>
    </form>
  );
}

function ExitForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const [confirm, dialog] = useConfirm();
  const [exitDate, setExitDate] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      !(await confirm({
        title: 'Austritt eintragen?',
        body: (
          <p>
            {`${partner.name} verlässt den Sozialraumvertrag${exitDate ? ` zum ${exitDate}` : ''}. Laufende Partnerinterviews werden als zurückgezogen geschlossen; der Eintrag bleibt für die Geschichte erhalten.`}
          </p>
        ),
        confirmLabel: 'Austritt eintragen',
        danger: true,
      }))
    )
      return;
    setBusy(true);
    try {
      await unwrap(
        client.POST('/contract-partners/{id}/exit', {
          params: { path: { id: partner.id } },
          body: { exitDate: isoDateOf(exitDate), ...(reason.trim() ? { reason } : {}) },
        }),
      );
      setError(null);
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="partner-exit">
      <h2 id="partner-exit">Austritt aus dem Sozialraumvertrag</h2>
      {dialog}
      <FormErrors error={error} />
      <DateField label="Austritt zum" pointer="/exitDate" value={exitDate} onChange={setExitDate} errors={at('/exitDate')} required />
      <TextField label="Grund des Austritts" pointer="/reason" value={reason} onChange={setReason} errors={at('/reason')} multiline />
      <button type="submit" className="danger" disabled={busy}>
        Austritt eintragen
      </button>
    </form>
  );
}
