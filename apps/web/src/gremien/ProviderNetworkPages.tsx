import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { client, unwrap } from '../api';
import { usePlanningRegions } from '../shared/reference';
import { hasRole, useMe } from '../auth/session';
import {
  CheckboxGroup,
  formatDate,
  formatEuro,
  FormErrors,
  Loaded,
  SelectField,
  SubmitButton,
  TextField,
  useLoad,
  useProblems,
} from '../shared/ui';
import { PageTitle } from '../shared/Page';

const INTERVIEW_STATUS: Record<string, string> = {
  open: 'Offen',
  planned: 'Geplant',
  overdue: 'Überfällig',
  done: 'Geführt',
  withdrawn: 'Zurückgezogen',
  failed: 'Nicht zustande gekommen',
};

/** The Trägerverbünde of the caller's regions or social spaces. */
export function ProviderNetworksPage() {
  const me = useMe();
  const networks = useLoad(() => unwrap(client.GET('/provider-networks')), []);
  return (
    <>
      <PageTitle>Trägerverbünde</PageTitle>
      <p className="muted">
        Vertragspartner eines Sozialraums, die mit einem federführenden Träger und einer Kooperationsvereinbarung zusammenarbeiten.
      </p>
      <Loaded state={networks}>
        {(list) =>
          list.items.length === 0 ? (
            <p>Keine Trägerverbünde.</p>
          ) : (
            <table>
              <caption className="visually-hidden">Trägerverbünde</caption>
              <thead>
                <tr>
                  <th scope="col">Trägerverbund</th>
                  <th scope="col">Sozialraum</th>
                  <th scope="col">Federführung</th>
                  <th scope="col">Mitglieder</th>
                  <th scope="col">Vereinbarung</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={`/traegerverbuende/${n.id}`}>{n.name}</Link>
                    </td>
                    <td>{n.socialSpaceName}</td>
                    <td>{n.leadPartner.name}</td>
                    <td>{n.members.length}</td>
                    <td>{n.agreement ? n.agreement.reference : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {hasRole(me, 'coordinator') && <NewProviderNetworkForm />}
    </>
  );
}

/** A new Trägerverbund: the social space, its contract partners as members, the lead among them and the agreement. */
function NewProviderNetworkForm() {
  const navigate = useNavigate();
  const regions = usePlanningRegions();
  const { error, setError, at } = useProblems();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ name: '', socialSpaceId: '', memberPartnerIds: [] as string[], leadPartnerId: '', agreementId: '' });
  const partners = useLoad(
    () =>
      form.socialSpaceId
        ? unwrap(client.GET('/contract-partners', { params: { query: { socialSpaceId: form.socialSpaceId, limit: 200 } } }))
        : Promise.resolve({ items: [] as Array<{ id: string; name: string }> }),
    [form.socialSpaceId],
  );
  const agreements = useLoad(() => unwrap(client.GET('/cooperation-agreements', { params: { query: { limit: 100 } } })), []);
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces.map((s) => ({ value: s.id, label: `${s.name} (${r.code})` })));
  const names = new Map((partners.data?.items ?? []).map((p) => [p.id, p.name]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/provider-networks', {
          body: {
            name: form.name,
            socialSpaceId: form.socialSpaceId,
            leadPartnerId: form.leadPartnerId,
            memberPartnerIds: form.memberPartnerIds,
            agreementId: form.agreementId || null,
          },
        }),
      );
      void navigate(`/traegerverbuende/${created.id}`);
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="new-network">
      <h2 id="new-network">Trägerverbund anlegen</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/name', '/socialSpaceId', '/memberPartnerIds', '/leadPartnerId', '/agreementId']} />
        <TextField label="Name" required value={form.name} onChange={(v) => setForm({ ...form, name: v })} errors={at('/name')} />
        <SelectField
          label="Sozialraum"
          required
          value={form.socialSpaceId}
          placeholder="Bitte wählen"
          options={spaces}
          onChange={(v) => setForm({ ...form, socialSpaceId: v, memberPartnerIds: [], leadPartnerId: '' })}
          errors={at('/socialSpaceId')}
        />
        {form.socialSpaceId && (
          <CheckboxGroup
            legend="Vertragspartner im Verbund"
            options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={form.memberPartnerIds}
            onChange={(v) => setForm({ ...form, memberPartnerIds: v })}
            errors={at('/memberPartnerIds')}
          />
        )}
        <SelectField
          label="Federführender Träger"
          required
          value={form.leadPartnerId}
          placeholder="Bitte wählen"
          options={form.memberPartnerIds.map((p) => ({ value: p, label: names.get(p) ?? p }))}
          onChange={(v) => setForm({ ...form, leadPartnerId: v })}
          errors={at('/leadPartnerId')}
        />
        <SelectField
          label="Kooperationsvereinbarung"
          value={form.agreementId}
          placeholder="Keine"
          options={(agreements.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.reference} ${a.title}` }))}
          onChange={(v) => setForm({ ...form, agreementId: v })}
          errors={at('/agreementId')}
        />
        <SubmitButton busy={busy}>Trägerverbund anlegen</SubmitButton>
      </form>
    </section>
  );
}

/** One Trägerverbund: members, lead, agreement, the interviews of its members and the budget of its social space. */
export function ProviderNetworkPage() {
  const { id } = useParams();
  const year = new Date().getFullYear();
  const [budgetYear, setBudgetYear] = useState(String(year));
  const network = useLoad(() => unwrap(client.GET('/provider-networks/{id}', { params: { path: { id: id! } } })), [id]);
  const interviews = useLoad(() => unwrap(client.GET('/provider-networks/{id}/interviews', { params: { path: { id: id! } } })), [id]);
  const budget = useLoad(
    () => unwrap(client.GET('/provider-networks/{id}/budget', { params: { path: { id: id! }, query: { year: Number(budgetYear) } } })),
    [id, budgetYear],
  );
  return (
    <Loaded state={network}>
      {(n) => (
        <>
          <PageTitle>{n.name}</PageTitle>
          <dl className="facts">
            <dt>Sozialraum</dt>
            <dd>{n.socialSpaceName}</dd>
            <dt>Federführender Träger</dt>
            <dd>{n.leadPartner.name}</dd>
            <dt>Kooperationsvereinbarung</dt>
            <dd>
              {n.agreement ? (
                <Link to={`/vereinbarungen/${n.agreement.id}`}>
                  {n.agreement.reference} „{n.agreement.title}“
                  {n.agreement.validUntil ? `, gültig bis ${formatDate(n.agreement.validUntil)}` : ''}
                </Link>
              ) : (
                'Noch keine'
              )}
            </dd>
          </dl>
          <section aria-labelledby="network-members">
            <h2 id="network-members">Mitglieder</h2>
            <ul>
              {n.members.map((m) => (
                <li key={m.id}>
                  {m.name}
                  {m.id === n.leadPartner.id ? ' (federführend)' : ''}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="network-interviews">
            <h2 id="network-interviews">Partnerinterviews der Mitglieder</h2>
            <Loaded state={interviews}>
              {(iv) => (
                <>
                  {iv.report ? (
                    <p>
                      Zyklus {iv.report.cycle.number}: {iv.report.partners.done} von {iv.report.partners.total} Interviews geführt, Rücklauf{' '}
                      {Math.round(iv.report.responseRate * 100)} %.
                    </p>
                  ) : (
                    <p>Noch kein Interviewzyklus.</p>
                  )}
                  <table>
                    <caption className="visually-hidden">Interviews der Mitglieder</caption>
                    <thead>
                      <tr>
                        <th scope="col">Vertragspartner</th>
                        <th scope="col">Stand</th>
                        <th scope="col">Geplant</th>
                      </tr>
                    </thead>
                    <tbody>
                      {iv.members.map((m) => (
                        <tr key={m.partnerId}>
                          <td>{m.name}</td>
                          <td>{m.status ? (INTERVIEW_STATUS[m.status] ?? m.status) : 'Nicht im Zyklus'}</td>
                          <td>{formatDate(m.plannedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </Loaded>
          </section>
          <section aria-labelledby="network-budget">
            <h2 id="network-budget">Sozialraumbudget im Sozialraum des Verbunds</h2>
            <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Budgetjahr">
              <SelectField
                label="Jahr"
                value={budgetYear}
                options={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))}
                onChange={setBudgetYear}
              />
            </form>
            <Loaded state={budget}>
              {(b) => (
                <>
                  <dl className="facts">
                    <dt>Budget</dt>
                    <dd>{formatEuro(b.amountCents)}</dd>
                    <dt>Zugewiesen</dt>
                    <dd>{formatEuro(b.allocatedCents)}</dd>
                    <dt>Ausgegeben</dt>
                    <dd>{formatEuro(b.spentCents)}</dd>
                  </dl>
                  {b.allocations.length === 0 ? (
                    <p>Keine Zuweisungen in diesem Jahr.</p>
                  ) : (
                    <table>
                      <caption className="visually-hidden">Zuweisungen</caption>
                      <thead>
                        <tr>
                          <th scope="col">Zuweisung</th>
                          <th scope="col">Betrag</th>
                          <th scope="col">Ausgegeben</th>
                        </tr>
                      </thead>
                      <tbody>
                        {b.allocations.map((a) => (
                          <tr key={a.id}>
                            <td>{a.title}</td>
                            <td>{formatEuro(a.amountCents)}</td>
                            <td>{formatEuro(a.spentCents)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </>
              )}
            </Loaded>
          </section>
        </>
      )}
    </Loaded>
  );
}
