// Cooperation agreements for coordinators: list, create (parties, social spaces, validity, text),
// text versions, submit with the named approvers, revise after a rejection, terminate.
import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
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
import { DateField, RepeatableRows } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import { useConfirm } from '../shared/confirm';
import { DataTable } from '../shared/DataTable';
import { usePlanningRegions } from '../shared/reference';
import { useMe } from '../auth/session';
import { PageTitle } from '../shared/Page';
import { useColleagues } from '../shared/people';
import { TextDiff } from './TextDiff';

export type PlanningRegion = Schemas['PlanningRegionDto'];
type Agreement = Schemas['AgreementDto'];
type Detail = Schemas['AgreementDetailDto'];
type PartyRow = { kind: 'contract_partner' | 'municipality' | 'landkreis'; refId: string; name: string };

const AGREEMENT_STATUS: Record<string, string> = {
  draft: 'Entwurf',
  in_approval: 'In Abstimmung',
  approved: 'Genehmigt, noch nicht in Kraft',
  active: 'Gültig',
  expired: 'Abgelaufen',
  terminated: 'Beendet',
};
const VERSION_STATUS: Record<string, string> = {
  draft: 'Entwurf',
  in_approval: 'in Abstimmung',
  rejected: 'abgelehnt',
  approved: 'genehmigt',
  superseded: 'abgelöst',
  discarded: 'verworfen',
  withdrawn: 'zurückgezogen',
};
const AGREEMENT_KIND: Record<string, string> = {
  cooperation: 'Kooperationsvereinbarung',
  three_party: 'Dreiseitiger Vertrag',
  social_space_contract: 'Sozialraumvertrag',
};
const PARTY_KIND: Record<string, string> = { contract_partner: 'Vertragspartner', municipality: 'Kommune', landkreis: 'Landkreis' };

/** Cooperation agreements, by default those waiting for decisions. */
export function AgreementsPage() {
  const [status, setStatus] = useState('in_approval');
  const list = useLoad(
    () =>
      unwrap(
        client.GET('/cooperation-agreements', {
          params: { query: { status: (status || undefined) as Agreement['status'] | undefined, limit: 100 } },
        }),
      ),
    [status],
  );
  return (
    <>
      <PageTitle>Kooperationsvereinbarungen</PageTitle>
      <p>
        <Link to="/vereinbarungen/neu">Neue Vereinbarung entwerfen</Link>
      </p>
      <SelectField
        label="Status"
        value={status}
        placeholder="Alle"
        options={Object.entries(AGREEMENT_STATUS).map(([value, label]) => ({ value, label }))}
        onChange={setStatus}
      />
      <DataTable<Agreement>
        caption="Vereinbarungen"
        captionHidden
        rows={list.data?.items}
        loading={list.loading}
        rowKey={(a) => a.id}
        empty="Keine Vereinbarungen mit diesem Status."
        columns={[
          { key: 'reference', header: 'Aktenzeichen', sortValue: (a) => a.reference, render: (a) => a.reference },
          {
            key: 'title',
            header: 'Titel',
            sortValue: (a) => a.title,
            render: (a) => <Link to={`/vereinbarungen/${a.id}`}>{a.title}</Link>,
          },
          { key: 'kind', header: 'Art', render: (a) => AGREEMENT_KIND[a.kind] ?? a.kind },
          { key: 'status', header: 'Status', render: (a) => AGREEMENT_STATUS[a.status] ?? a.status },
          { key: 'version', header: 'Version', numeric: true, render: (a) => a.latestVersion },
          {
            key: 'valid',
            header: 'Gültig',
            render: (a) => (a.validFrom ? `${formatDate(a.validFrom)} – ${formatDate(a.validUntil)}` : '–'),
          },
        ]}
      />
    </>
  );
}

/** Partners and municipalities to name as parties; the Landkreis by name. */
function usePartyOptions() {
  const partners = useLoad(() => unwrap(client.GET('/contract-partners', { params: { query: { active: true, limit: 200 } } })), []);
  const municipalities = useLoad(() => unwrap(client.GET('/municipalities')), []);
  return {
    contract_partner: (partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
    municipality: (municipalities.data?.items ?? []).map((m) => ({ value: m.id, label: m.name })),
  };
}

export function NewAgreementPage() {
  const navigate = useNavigate();
  const me = useMe();
  const regions = usePlanningRegions();
  const mine = (regions.data?.items ?? []).filter((r) => (me.planningRegionIds ?? []).length === 0 || me.planningRegionIds!.includes(r.id));
  const parties = usePartyOptions();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Agreement['kind']>('cooperation');
  const [regionId, setRegionId] = useState('');
  const [spaceIds, setSpaceIds] = useState<string[]>([]);
  const [rows, setRows] = useState<PartyRow[]>([]);
  const [body, setBody] = useState('');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at, only } = useProblems();
  const region = regionId || mine[0]?.id || '';
  const spaces = (mine.find((r) => r.id === region)?.socialSpaces ?? []).map((s) => ({ value: s.id, label: s.name }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/cooperation-agreements', {
          body: {
            title,
            kind,
            planningRegionId: region,
            socialSpaceIds: spaceIds,
            parties: rows.map((r) => (r.kind === 'landkreis' ? { kind: r.kind, name: r.name } : { kind: r.kind, refId: r.refId })),
            body,
            attachments: [],
            validFrom: isoDateOf(from),
            validUntil: isoDateOf(until),
          },
        }),
      );
      void navigate(`/vereinbarungen/${created.id}`);
    } catch (err) {
      setError(err as never);
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle>Neue Vereinbarung entwerfen</PageTitle>
      <form onSubmit={submit} noValidate aria-label="Neue Vereinbarung">
        <FormErrors error={error} />
        <TextField label="Titel" pointer="/title" value={title} onChange={setTitle} errors={at('/title')} required />
        <SelectField
          label="Art der Vereinbarung"
          pointer="/kind"
          value={kind}
          options={Object.entries(AGREEMENT_KIND).map(([value, label]) => ({ value, label }))}
          onChange={(v) => setKind(v as Agreement['kind'])}
          errors={at('/kind')}
        />
        <SelectField
          label="Planregion"
          pointer="/planningRegionId"
          value={region}
          options={mine.map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v) => {
            setRegionId(v);
            setSpaceIds([]);
          }}
          errors={at('/planningRegionId')}
        />
        <div data-pointer="/socialSpaceIds" id="feld-socialSpaceIds" data-label="Sozialräume" tabIndex={-1}>
          <CheckboxGroup legend="Sozialräume" options={spaces} value={spaceIds} onChange={setSpaceIds} errors={at('/socialSpaceIds')} />
        </div>
        <RepeatableRows
          legend="Vertragsparteien"
          pointer="/parties"
          errors={only('/parties')}
          hint="Mindestens zwei Parteien."
          rows={rows}
          onChange={setRows}
          newRow={(): PartyRow => ({ kind: 'contract_partner', refId: '', name: '' })}
          rowLegend={(_r, i) => `Partei ${i + 1}`}
          addLabel="Partei hinzufügen"
        >
          {(row, update, i) => (
            <>
              <SelectField
                label="Art der Partei"
                pointer={`/parties/${i}/kind`}
                value={row.kind}
                options={Object.entries(PARTY_KIND).map(([value, label]) => ({ value, label }))}
                onChange={(v) =>
                  update({ kind: v as PartyRow['kind'], refId: '', name: v === 'landkreis' ? 'Landkreis Potsdam-Mittelmark' : '' })
                }
                errors={at(`/parties/${i}/kind`)}
              />
              {row.kind === 'landkreis' ? (
                <TextField
                  label="Name"
                  pointer={`/parties/${i}/name`}
                  value={row.name}
                  onChange={(name) => update({ name })}
                  errors={at(`/parties/${i}/name`)}
                />
              ) : (
                <SelectField
                  label="Partei"
                  pointer={`/parties/${i}/refId`}
                  value={row.refId}
                  placeholder="Bitte wählen"
                  options={parties[row.kind]}
                  onChange={(refId) => update({ refId })}
                  errors={at(`/parties/${i}/refId`)}
                  required
                />
              )}
            </>
          )}
        </RepeatableRows>
        <VersionFields body={body} setBody={setBody} from={from} setFrom={setFrom} until={until} setUntil={setUntil} at={at} />
        <SubmitButton busy={busy}>Entwurf anlegen</SubmitButton>
      </form>
    </>
  );
}

function VersionFields(props: {
  body: string;
  setBody: (v: string) => void;
  from: string;
  setFrom: (v: string) => void;
  until: string;
  setUntil: (v: string) => void;
  at: (pointer: string) => string[];
}) {
  return (
    <>
      <DateField
        label="Gültig ab"
        pointer="/validFrom"
        value={props.from}
        onChange={props.setFrom}
        errors={props.at('/validFrom')}
        required
      />
      <DateField
        label="Gültig bis"
        pointer="/validUntil"
        value={props.until}
        onChange={props.setUntil}
        errors={props.at('/validUntil')}
        required
      />
      <TextField
        label="Text der Vereinbarung"
        pointer="/body"
        value={props.body}
        onChange={props.setBody}
        errors={props.at('/body')}
        multiline
        rows={10}
        required
      />
    </>
  );
}

export function AgreementPage() {
  const { id } = useParams();
  const agreement = useLoad(() => unwrap(client.GET('/cooperation-agreements/{id}', { params: { path: { id: id! } } })), [id]);
  const colleagues = useColleagues();
  return (
    <Loaded state={agreement}>
      {(a) => (
        <>
          <PageTitle>{`Vereinbarung: ${a.title}`}</PageTitle>
          <p>
            <Link to="/vereinbarungen">Zurück zur Liste</Link>
          </p>
          <dl className="facts">
            <div>
              <dt>Aktenzeichen</dt>
              <dd>{a.reference}</dd>
            </div>
            <div>
              <dt>Art</dt>
              <dd>{AGREEMENT_KIND[a.kind] ?? a.kind}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{AGREEMENT_STATUS[a.status] ?? a.status}</dd>
            </div>
            <div>
              <dt>Parteien</dt>
              <dd>{a.parties.map((p) => `${p.name} (${PARTY_KIND[p.kind] ?? p.kind})`).join(', ')}</dd>
            </div>
            <div>
              <dt>Gültig</dt>
              <dd>{a.validFrom ? `${formatDate(a.validFrom)} – ${formatDate(a.validUntil)}` : '–'}</dd>
            </div>
            {a.terminationReason && (
              <div>
                <dt>Beendet</dt>
                <dd>{a.terminationReason}</dd>
              </div>
            )}
          </dl>
          {a.lastRejection && a.status === 'draft' && (
            <section aria-labelledby="rejection" className="alert">
              <h2 id="rejection">Abgelehnt in Runde {a.lastRejection.round}</h2>
              <ul>
                {a.lastRejection.comments.map((c, i) => (
                  <li key={i}>
                    {colleagues.nameOf(c.approverId)} ({c.decision === 'reject' ? 'abgelehnt' : 'zugestimmt'}, {formatDateTime(c.decidedAt)}
                    ){c.comment ? `: „${c.comment}“` : ''}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {a.approval && <ApprovalRound round={a.approval} nameOf={colleagues.nameOf} />}
          <section aria-labelledby="text">
            <h2 id="text">Text, Version {a.latest.version}</h2>
            <p>
              {VERSION_STATUS[a.latest.status] ?? a.latest.status}, gültig {formatDate(a.latest.validFrom)} –{' '}
              {formatDate(a.latest.validUntil)}
            </p>
            <blockquote className="agreement-text">{a.latest.body}</blockquote>
          </section>
          {(a.status === 'draft' || a.status === 'active' || a.status === 'approved') && (
            <RevisionForm key={`${a.latestVersion}-${a.status}`} agreement={a} onDone={agreement.reload} />
          )}
          {a.status === 'draft' && (
            <SubmitForm agreement={a} approvers={colleagues.items.filter((u) => u.roles.includes('approver'))} onDone={agreement.reload} />
          )}
          {a.status !== 'terminated' && a.status !== 'expired' && <TerminateForm agreement={a} onDone={agreement.reload} />}
          {a.latestVersion > 1 && <VersionDiff key={a.latestVersion} agreement={a} />}
          <AgreementHistory agreementId={a.id} revision={a.stateRevision} nameOf={colleagues.nameOf} />
          <section aria-labelledby="versions">
            <h2 id="versions">Versionen</h2>
            <ol>
              {a.versions.map((v) => (
                <li key={v.version}>
                  Version {v.version}: {VERSION_STATUS[v.status] ?? v.status}, {formatDate(v.validFrom)} – {formatDate(v.validUntil)},
                  angelegt am {formatDateTime(v.createdAt)} von {colleagues.nameOf(v.createdBy)}
                  {v.changeNote ? ` – ${v.changeNote}` : ''}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Loaded>
  );
}

/** A new version of the text: the revision after a rejection, or the renewal of an active agreement. */
function RevisionForm({ agreement, onDone }: { agreement: Detail; onDone: () => void }) {
  const [body, setBody] = useState(agreement.latest.body);
  const [from, setFrom] = useState(germanDateOf(agreement.latest.validFrom));
  const [until, setUntil] = useState(germanDateOf(agreement.latest.validUntil));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(
        client.POST('/cooperation-agreements/{id}/versions', {
          params: { path: { id: agreement.id } },
          body: {
            body,
            validFrom: isoDateOf(from),
            validUntil: isoDateOf(until),
            attachments: [],
            ...(note.trim() ? { changeNote: note } : {}),
          },
        }),
      );
      setError(null);
      setDone('Die neue Version ist gespeichert.');
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  const renewal = agreement.status !== 'draft';
  return (
    <form onSubmit={submit} noValidate aria-labelledby="revise">
      <h2 id="revise">{renewal ? 'Verlängern (neue Version)' : 'Text überarbeiten (neue Version)'}</h2>
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      <VersionFields body={body} setBody={setBody} from={from} setFrom={setFrom} until={until} setUntil={setUntil} at={at} />
      <TextField label="Was hat sich geändert?" pointer="/changeNote" value={note} onChange={setNote} errors={at('/changeNote')} />
      <SubmitButton busy={busy}>Neue Version speichern</SubmitButton>
    </form>
  );
}

interface AgreementSpec {
  approvalStages: Array<{
    key: string;
    title: string;
    optional: boolean;
    committee: boolean;
    parties: Array<{ key: string; title: string }>;
  }>;
}

function SubmitForm({
  agreement,
  approvers,
  onDone,
}: {
  agreement: Detail;
  approvers: Array<{ id: string; displayName: string }>;
  onDone: () => void;
}) {
  const definition = useLoad(
    () =>
      unwrap(
        client.GET('/definitions/{key}/versions/{version}', {
          params: { path: { key: 'cooperation-agreement', version: agreement.definitionVersion } },
        }),
      ),
    [agreement.definitionVersion],
  );
  // A resubmission starts from the people named in the last round; the coordinator may change them.
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      (agreement.approval?.stages ?? []).flatMap((s) =>
        s.parties.filter((p) => p.approverIds.length > 0).map((p) => [`${s.key}/${p.key}`, p.approverIds[0]]),
      ),
    ),
  );
  const [committee, setCommittee] = useState<string[]>(agreement.approval?.committeeRequired ? ['committee'] : []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { error, setError, at } = useProblems();
  const stages = (definition.data?.spec as AgreementSpec | undefined)?.approvalStages ?? [];
  // "Nobody named for …" comes for the whole list (`/approvers`); its params name the select that shows it.
  const approverProblems = (stageKey: string, partyKey: string) =>
    (error?.errors ?? [])
      .filter((p) => p.pointer.startsWith('/approvers') && p.params?.stageKey === stageKey && p.params?.partyKey === partyKey)
      .map((p) => p.message);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const committeeKeys = new Set(stages.filter((s) => s.committee).map((s) => s.key));
    const named = Object.entries(chosen)
      .filter(([slot, id]) => id && (committee.length > 0 || !committeeKeys.has(slot.split('/')[0])))
      .map(([slot, id]) => {
        const [stageKey, partyKey] = slot.split('/');
        return { stageKey, partyKey, approverIds: [id] };
      });
    try {
      await unwrap(
        client.POST('/cooperation-agreements/{id}/submit', {
          params: { path: { id: agreement.id } },
          body: { ...(named.length ? { approvers: named } : {}), committeeRequired: committee.length > 0 },
        }),
      );
      setError(null);
      setDone('Die Vereinbarung ist zur Entscheidung eingereicht.');
      onDone();
    } catch (err) {
      setError(err as never);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="submit-agreement">
      <h2 id="submit-agreement">Zur Entscheidung einreichen</h2>
      <p className="hint">
        Für jede beteiligte Partei eine Person mit der Rolle „Freigabe“. Bei einer erneuten Einreichung sind die bisher Benannten
        vorausgewählt.
      </p>
      <FormErrors error={error} />
      {done && <p role="status">{done}</p>}
      {stages.some((s) => s.committee) && (
        <CheckboxGroup
          legend="Ausschuss"
          options={[{ value: 'committee', label: 'Der Jugendhilfeausschuss entscheidet ebenfalls' }]}
          value={committee}
          onChange={setCommittee}
          errors={at('/committeeRequired')}
        />
      )}
      {stages
        // The committee stage is named only when the committee decides.
        .filter((s) => !s.committee || committee.length > 0)
        .flatMap((s) =>
          s.parties.map((p) => (
            <SelectField
              key={`${s.key}/${p.key}`}
              label={`${s.title}: ${p.title}`}
              value={chosen[`${s.key}/${p.key}`] ?? ''}
              placeholder="Nicht beteiligt / bisherige"
              options={approvers.map((u) => ({ value: u.id, label: u.displayName }))}
              onChange={(v) => setChosen({ ...chosen, [`${s.key}/${p.key}`]: v })}
              errors={approverProblems(s.key, p.key)}
            />
          )),
        )}
      <SubmitButton busy={busy}>Einreichen</SubmitButton>
    </form>
  );
}

function TerminateForm({ agreement, onDone }: { agreement: Detail; onDone: () => void }) {
  const [confirm, dialog] = useConfirm();
  const [reason, setReason] = useState('');
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      !(await confirm({
        title: 'Vereinbarung beenden?',
        body: (
          <p>{`„${agreement.title}“ (${agreement.reference}) wird beendet; offene Entscheidungen entfallen. Das lässt sich nicht rückgängig machen.`}</p>
        ),
        confirmLabel: 'Endgültig beenden',
        danger: true,
      }))
    )
      return;
    try {
      await unwrap(client.POST('/cooperation-agreements/{id}/terminate', { params: { path: { id: agreement.id } }, body: { reason } }));
      setError(null);
      onDone();
    } catch (err) {
      setError(err as never);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="terminate">
      <h2 id="terminate">Vereinbarung beenden</h2>
      {dialog}
      <FormErrors error={error} />
      <TextField
        label="Grund der Beendigung"
        pointer="/reason"
        value={reason}
        onChange={setReason}
        errors={at('/reason')}
        multiline
        required
      />
      <button type="submit" className="danger">
        Vereinbarung beenden
      </button>
    </form>
  );
}

/** The change between two versions of the text, word by word: removed struck through, added underlined (and named for screen readers). */
function VersionDiff({ agreement }: { agreement: Detail }) {
  const [from, setFrom] = useState(String(agreement.latestVersion - 1));
  const [to, setTo] = useState(String(agreement.latestVersion));
  const load = (version: string) =>
    unwrap(
      client.GET('/cooperation-agreements/{id}/versions/{version}', { params: { path: { id: agreement.id, version: Number(version) } } }),
    );
  const pair = useLoad(() => Promise.all([load(from), load(to)]), [agreement.id, from, to]);
  const options = agreement.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));
  return (
    <section aria-labelledby="diff">
      <h2 id="diff">Änderungen am Text</h2>
      <form className="filters" aria-label="Versionen vergleichen" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Frühere Version" value={from} options={options} onChange={setFrom} />
        <SelectField label="Spätere Version" value={to} options={options} onChange={setTo} />
      </form>
      <Loaded state={pair}>
        {([before, after]) => {
          const validity =
            before.validFrom !== after.validFrom || before.validUntil !== after.validUntil
              ? `Gültigkeit: ${formatDate(before.validFrom)} – ${formatDate(before.validUntil)} → ${formatDate(after.validFrom)} – ${formatDate(after.validUntil)}`
              : 'Gültigkeit unverändert.';
          return (
            <>
              <p>{validity}</p>
              <TextDiff before={before.body} after={after.body} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

const AGREEMENT_EVENT: Record<string, string> = {
  drafted: 'Entwurf angelegt',
  version_created: 'Neue Version des Textes',
  submitted: 'Zur Entscheidung eingereicht',
  approved: 'Zustimmung',
  rejected: 'Ablehnung',
  stage_passed: 'Stufe zugestimmt',
  stage_overdue: 'Entscheidung überfällig',
  approval_passed: 'Genehmigt',
  approval_rejected: 'Abgelehnt',
  activated: 'In Kraft getreten',
  renewal_due: 'Verlängerung fällig',
  expired: 'Abgelaufen',
  terminated: 'Beendet',
  definition_migrated: 'Auf neue Definition umgestellt',
};

function AgreementHistory({
  agreementId,
  revision,
  nameOf,
}: {
  agreementId: string;
  revision: number;
  nameOf: (id: string | null | undefined) => string;
}) {
  const history = useLoad(
    () => unwrap(client.GET('/cooperation-agreements/{id}/history', { params: { path: { id: agreementId }, query: { limit: 200 } } })),
    [agreementId, revision],
  );
  return (
    <section aria-labelledby="agreement-history">
      <h2 id="agreement-history">Verlauf</h2>
      <Loaded state={history}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Noch keine Einträge.</p>
          ) : (
            <ol className="history">
              {page.items.map((e) => (
                <li key={e.id}>
                  <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time> – {AGREEMENT_EVENT[e.kind] ?? 'Ereignis'}
                  {typeof e.details.comment === 'string' && e.details.comment ? `: „${e.details.comment}“` : ''}
                  {typeof e.details.reason === 'string' && e.details.reason ? `: ${e.details.reason}` : ''}
                  {e.actorId && <span className="muted"> ({nameOf(e.actorId)})</span>}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </section>
  );
}

const STAGE_STATUS: Record<string, string> = {
  pending: 'wartet',
  active: 'läuft',
  passed: 'zugestimmt',
  rejected: 'abgelehnt',
  withdrawn: 'zurückgezogen',
};

/** The current (or last) approval round: per stage and party who decides, and what they decided. */
function ApprovalRound({ round, nameOf }: { round: NonNullable<Detail['approval']>; nameOf: (id: string | null | undefined) => string }) {
  return (
    <section aria-labelledby="approval">
      <h2 id="approval">
        Entscheidungen, Runde {round.round} (Version {round.version})
      </h2>
      <p>
        Eingereicht am {formatDateTime(round.submittedAt)} von {nameOf(round.submittedBy)}; Stand:{' '}
        {STAGE_STATUS[round.status] ?? round.status}.
      </p>
      <ul>
        {round.stages.map((stage) => (
          <li key={stage.key}>
            {stage.title}: {STAGE_STATUS[stage.status] ?? stage.status}
            {stage.dueAt && `, fällig ${formatDate(stage.dueAt)}`}
            {stage.overdue && ' (überfällig)'}
            <ul>
              {stage.parties.map((party) => (
                <li key={party.key}>
                  {party.title} ({party.approverIds.map((id) => nameOf(id)).join(', ') || 'niemand benannt'}):{' '}
                  {party.decision
                    ? `${party.decision.decision === 'approve' ? 'zugestimmt' : 'abgelehnt'} am ${formatDateTime(party.decision.at)} von ${nameOf(party.decision.actorId)}${party.decision.resolutionNumber ? `, Beschluss ${party.decision.resolutionNumber}` : ''}`
                    : 'offen'}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
