import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, client, Schemas, unwrap } from '../api';
import { familyMemberDtoRelationValues } from '../api/schema.gen';
import { useMe } from '../auth/session';
import {
  CheckboxGroup,
  ErrorBox,
  formatDate,
  formatDateTime,
  FormErrors,
  lines,
  Loaded,
  Pager,
  SelectField,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';
import { usePlanningRegions } from '../shared/reference';
import { ZONES, zoneLabel } from '../shared/labels';
import { PageTitle } from '../shared/Page';
import { useDraft } from '../shared/drafts';
import { DraftNotice } from '../shared/DraftNotice';
import { DateField, RepeatableRows } from '../shared/forms';
import { isoDateOf } from '../shared/german';

function useSocialSpaceNames() {
  const regions = usePlanningRegions();
  const names = new Map((regions.data?.items ?? []).flatMap((r) => r.socialSpaces.map((s) => [s.id, s.name] as const)));
  return { regions, names };
}

export function CasesPage() {
  const [offset, setOffset] = useState(0);
  const cases = useLoad(() => unwrap(client.GET('/cases', { params: { query: { limit: 50, offset } } })), [offset]);
  const { names } = useSocialSpaceNames();
  return (
    <>
      <PageTitle>Meine Fälle</PageTitle>
      <p>
        <Link to="/faelle/neu" className="button">
          Neuen Fall anlegen
        </Link>
      </p>
      <Loaded state={cases}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Sie haben noch keine Fälle.</p>
          ) : (
            <>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Pseudonym</th>
                    <th scope="col">Familie</th>
                    <th scope="col">Bereich</th>
                    <th scope="col">Sozialraum</th>
                    <th scope="col">Angelegt</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/faelle/${c.id}`}>{c.pseudonym}</Link>
                      </td>
                      <td>{c.familyName}</td>
                      <td>{zoneLabel(c.zone)}</td>
                      <td>{names.get(c.socialSpaceId) ?? '–'}</td>
                      <td>{formatDate(c.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

type Relation = Schemas['CreateCaseDto']['personal']['familyMembers'][number]['relation'];
/** The relations the API accepts, generated from its OpenAPI document. */
const RELATIONS: readonly Relation[] = familyMemberDtoRelationValues;
const RELATION_OPTIONS = RELATIONS.map((r) => ({ value: r, label: r === 'andere' ? 'andere Beziehung' : r }));

type FamilyRow = { relation: string; relationOther: string; name: string; birthDate: string; livesInHousehold: boolean };
const EMPTY_MEMBER: FamilyRow = { relation: '', relationOther: '', name: '', birthDate: '', livesInHousehold: true };

const EMPTY_CASE = {
  socialSpaceId: '',
  zone: '',
  familyName: '',
  givenNames: '',
  birthDates: [''] as string[],
  address: '',
  familyMembers: [] as FamilyRow[],
  will: '',
  goals: '',
  person: '',
  surroundings: '',
  socialSpace: '',
  confided: '',
};
type CaseForm = typeof EMPTY_CASE;

/** Opening a case: personal data is sealed by the server; what was typed stays on an error and survives an expired session. */
export function NewCasePage() {
  const me = useMe();
  const navigate = useNavigate();
  const { regions } = useSocialSpaceNames();
  const draft = useDraft(me.sub, 'fall-neu', EMPTY_CASE);
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const { error, setError, at, only } = useProblems();
  const set =
    <K extends keyof CaseForm>(key: K) =>
    (value: CaseForm[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));
  const spaces = (regions.data?.items ?? []).flatMap((r) => r.socialSpaces).filter((s) => me.socialSpaceIds.includes(s.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/cases', {
          body: {
            socialSpaceId: form.socialSpaceId,
            zone: form.zone as Schemas['CreateCaseDto']['zone'],
            personal: {
              familyName: form.familyName,
              givenNames: form.givenNames
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean),
              birthDates: form.birthDates.filter((d) => d.trim()).map(isoDateOf),
              address: form.address,
              familyMembers: form.familyMembers.map(familyMember),
            },
            will: form.will,
            goals: lines(form.goals),
            resources: { person: lines(form.person), surroundings: lines(form.surroundings), socialSpace: lines(form.socialSpace) },
            confided: lines(form.confided).map((text) => ({ text })),
          },
        }),
      );
      draft.clear();
      void navigate(`/faelle/${created.id}`);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>Neuen Fall anlegen</PageTitle>
      <p>Personenbezogene Angaben werden verschlüsselt gespeichert. Der Fall erhält ein Pseudonym für das Fallteam.</p>
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(EMPTY_CASE)} />
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <fieldset>
          <legend>Zuordnung</legend>
          <SelectField
            label="Sozialraum"
            pointer="/socialSpaceId"
            value={form.socialSpaceId}
            onChange={set('socialSpaceId')}
            placeholder="Bitte wählen"
            options={spaces.map((s) => ({ value: s.id, label: s.name }))}
            errors={at('/socialSpaceId')}
            required
          />
          <SelectField
            label="Bereich"
            pointer="/zone"
            value={form.zone}
            onChange={set('zone')}
            placeholder="Bitte wählen"
            options={ZONES}
            errors={at('/zone')}
            required
          />
        </fieldset>
        <fieldset>
          <legend>Familie</legend>
          <TextField
            label="Familienname"
            pointer="/personal/familyName"
            value={form.familyName}
            onChange={set('familyName')}
            errors={at('/personal/familyName')}
            required
          />
          <TextField
            label="Vornamen"
            pointer="/personal/givenNames"
            hint="Mehrere durch Komma trennen."
            value={form.givenNames}
            onChange={set('givenNames')}
            errors={at('/personal/givenNames')}
          />
          <RepeatableRows
            legend="Geburtsdaten der Kinder"
            pointer="/personal/birthDates"
            rows={form.birthDates}
            onChange={set('birthDates')}
            newRow={() => ''}
            rowLegend={(_, i) => `Kind ${i + 1}`}
            addLabel="Weiteres Kind hinzufügen"
            errors={only('/personal/birthDates')}
          >
            {(date, _update, i) => (
              <DateField
                label={`Geburtsdatum Kind ${i + 1}`}
                pointer={`/personal/birthDates/${i}`}
                value={date}
                onChange={(text) => set('birthDates')(form.birthDates.map((d, j) => (j === i ? text : d)))}
                errors={at(`/personal/birthDates/${i}`)}
              />
            )}
          </RepeatableRows>
          <TextField
            label="Anschrift"
            pointer="/personal/address"
            value={form.address}
            onChange={set('address')}
            errors={at('/personal/address')}
            required
          />
          <RepeatableRows
            legend="Familienmitglieder"
            pointer="/personal/familyMembers"
            hint="Wer gehört zur Familie? Beziehung aus der Liste, bei „andere Beziehung“ in eigenen Worten."
            rows={form.familyMembers}
            onChange={set('familyMembers')}
            newRow={() => ({ ...EMPTY_MEMBER })}
            rowLegend={(m, i) => `Familienmitglied ${i + 1}${m.name ? ` (${m.name})` : ''}`}
            addLabel="Familienmitglied hinzufügen"
            errors={only('/personal/familyMembers')}
          >
            {(member, update, i) => (
              <>
                <SelectField
                  label="Beziehung"
                  pointer={`/personal/familyMembers/${i}/relation`}
                  value={member.relation}
                  onChange={(relation) => update({ relation })}
                  placeholder="Bitte wählen"
                  options={RELATION_OPTIONS}
                  errors={at(`/personal/familyMembers/${i}/relation`)}
                  required
                />
                {member.relation === 'andere' && (
                  <TextField
                    label="Beziehung in eigenen Worten"
                    pointer={`/personal/familyMembers/${i}/relationOther`}
                    value={member.relationOther}
                    onChange={(relationOther) => update({ relationOther })}
                    errors={at(`/personal/familyMembers/${i}/relationOther`)}
                    required
                  />
                )}
                <TextField
                  label="Name"
                  pointer={`/personal/familyMembers/${i}/name`}
                  value={member.name}
                  onChange={(name) => update({ name })}
                  errors={at(`/personal/familyMembers/${i}/name`)}
                  required
                />
                <DateField
                  label="Geburtsdatum (falls bekannt)"
                  pointer={`/personal/familyMembers/${i}/birthDate`}
                  value={member.birthDate}
                  onChange={(birthDate) => update({ birthDate })}
                  errors={at(`/personal/familyMembers/${i}/birthDate`)}
                />
                <label className="check">
                  <input
                    type="checkbox"
                    checked={member.livesInHousehold}
                    onChange={(e) => update({ livesInHousehold: e.target.checked })}
                  />{' '}
                  Lebt im Haushalt
                </label>
              </>
            )}
          </RepeatableRows>
        </fieldset>
        <fieldset>
          <legend>Fallvorstellung</legend>
          <TextField
            label="Wille der Familie (in ihren Worten)"
            pointer="/will"
            multiline
            rows={4}
            value={form.will}
            onChange={set('will')}
            errors={at('/will')}
            required
          />
          <TextField
            label="Ziele"
            pointer="/goals"
            hint="Eines je Zeile."
            multiline
            value={form.goals}
            onChange={set('goals')}
            errors={at('/goals')}
          />
          <TextField
            label="Ressourcen der Person"
            pointer="/resources/person"
            hint="Eine je Zeile."
            multiline
            value={form.person}
            onChange={set('person')}
            errors={at('/resources/person')}
          />
          <TextField
            label="Ressourcen des Umfelds"
            pointer="/resources/surroundings"
            hint="Eine je Zeile."
            multiline
            value={form.surroundings}
            onChange={set('surroundings')}
            errors={at('/resources/surroundings')}
          />
          <TextField
            label="Ressourcen des Sozialraums"
            pointer="/resources/socialSpace"
            hint="Eine je Zeile."
            multiline
            value={form.socialSpace}
            onChange={set('socialSpace')}
            errors={at('/resources/socialSpace')}
          />
          <TextField
            label="Anvertraute Angaben (§ 65 SGB VIII)"
            pointer="/confided"
            hint="Eine je Zeile. Sie verlassen den Fall nie ohne Einwilligung."
            multiline
            value={form.confided}
            onChange={set('confided')}
            errors={at('/confided')}
          />
        </fieldset>
        <SubmitButton busy={busy}>Fall anlegen</SubmitButton>
      </form>
    </>
  );
}

type CaseFile = Schemas['CaseFileDto'];
type PacketPreview = Schemas['PacketPreviewDto'];

/** A family row as the API takes it: dates converted, "other" only with the relation "andere". */
function familyMember(row: FamilyRow): Schemas['CreateCaseDto']['personal']['familyMembers'][number] {
  return {
    relation: row.relation as Relation,
    ...(row.relation === 'andere' ? { relationOther: row.relationOther } : {}),
    name: row.name,
    ...(row.birthDate.trim() ? { birthDate: isoDateOf(row.birthDate) } : {}),
    livesInHousehold: row.livesInHousehold,
  };
}

const HISTORY_ACTIONS: Record<string, string> = {
  create: 'Fallaufnahme',
  update: 'Änderung',
  close: 'Abschluss',
  reopen: 'Wiedereröffnung',
  'packet-release': 'Paketfreigabe',
};

const RELEASABLE = [
  { value: 'familyName', label: 'Familienname' },
  { value: 'givenNames', label: 'Vornamen' },
  { value: 'birthDates', label: 'Geburtsdaten' },
  { value: 'address', label: 'Anschrift' },
  { value: 'familyMembers', label: 'Familienmitglieder' },
];
const CONSENT_FORMS = [
  { value: 'written', label: 'schriftlich' },
  { value: 'oral_documented', label: 'mündlich, dokumentiert' },
  { value: 'electronic', label: 'elektronisch' },
];

/** A case file for its caseworker; anyone else gets a clear refusal from the API and here. */
export function CasePage() {
  const { id } = useParams();
  const file = useLoad(() => unwrap(client.GET('/cases/{id}/file', { params: { path: { id: id! } } })), [id]);
  if (file.error?.status === 403 || file.error?.status === 404) {
    return (
      <>
        <PageTitle>Kein Zugriff auf diese Fallakte</PageTitle>
        <div className="alert alert-error" role="alert">
          {file.error.status === 403
            ? 'Sie haben keinen Zugriff auf Fallakten. Fallakten sehen nur die zuständigen Fachkräfte; externe Beratungen erhalten ausschließlich die pseudonymisierten Unterlagen der Beratungen, zu denen sie eingeladen sind.'
            : 'Diese Fallakte gibt es nicht, oder sie gehört nicht zu Ihren Fällen.'}
        </div>
        <p>
          <Link to="/">Zur Startseite</Link>
        </p>
      </>
    );
  }
  return (
    <Loaded state={file}>
      {(c) => (
        <>
          <PageTitle>{`Fall ${c.pseudonym}`}</PageTitle>
          {c.kind === 'jugendhilfedienst' && (
            <p>
              <Link to={`/faelle/${c.id}/jugendhilfedienst`}>Jugendhilfedienst: Schritte, § 8a-Einschätzung und Hilfeplan</Link>
            </p>
          )}
          <dl className="facts">
            <dt>Familie</dt>
            <dd>
              {c.personal.familyName}
              {c.personal.givenNames.length ? ` (${c.personal.givenNames.join(', ')})` : ''}
            </dd>
            <dt>Bereich</dt>
            <dd>{zoneLabel(c.zone)}</dd>
            <dt>Anschrift</dt>
            <dd>{c.personal.address}</dd>
            <dt>Stand</dt>
            <dd>
              {c.status === 'closed'
                ? `abgeschlossen am ${formatDate(c.closedAt)}${c.closedReason ? ` (${c.closedReason})` : ''}`
                : 'offen'}
            </dd>
            <dt>Löschdatum</dt>
            <dd>
              {c.deletionDate
                ? formatDate(c.deletionDate)
                : `wird bei Abschluss berechnet (Abschluss + ${c.retentionRule.afterClosure}${
                    c.retentionRule.afterClosureWithoutHelp ? `, ohne Hilfe + ${c.retentionRule.afterClosureWithoutHelp}` : ''
                  })`}
            </dd>
          </dl>
          <h2>Wille der Familie</h2>
          <blockquote>{c.will}</blockquote>
          {c.goals.length > 0 && (
            <>
              <h2>Ziele</h2>
              <ul>
                {c.goals.map((g, i) => (
                  <li key={i}>{g}</li>
                ))}
              </ul>
            </>
          )}
          <Consents caseId={c.id} />
          <ConsultationRequest caseId={c.id} onRequested={file.reload} />
          {c.consultations.length > 0 && <PacketReleases consultations={c.consultations} onChange={file.reload} />}
          <CaseClosure caseId={c.id} status={c.status} onChange={file.reload} />
          <section aria-labelledby="history">
            <h2 id="history">Verlauf</h2>
            <ul>
              {c.history.map((h) => (
                <li key={`${h.version}-${h.action}-${h.occurredAt}`}>
                  {formatDateTime(h.occurredAt)}: {HISTORY_ACTIONS[h.action] ?? h.action}
                  {h.fields.length > 0 ? ` (${h.fields.join(', ')})` : ''}
                  {h.reason ? ` – ${h.reason}` : ''}, {h.actorId}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Loaded>
  );
}

function Consents({ caseId }: { caseId: string }) {
  const consents = useLoad(() => unwrap(client.GET('/cases/{id}/consents', { params: { path: { id: caseId } } })), [caseId]);
  const empty = { givenBy: '', purpose: 'fallteam', form: 'written', givenAt: new Date().toISOString().slice(0, 10) };
  const [form, setForm] = useState(empty);
  const [fields, setFields] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, setError, at } = useProblems();
  const set = (key: keyof typeof empty) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await unwrap(
        client.POST('/cases/{id}/consents', {
          params: { path: { id: caseId } },
          body: { ...form, form: form.form as Schemas['ConsentDto']['form'], fields },
        }),
      );
      setError(null);
      setForm(empty);
      setFields([]);
      setSaved(true);
      consents.reload();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (consentId: string) => {
    await unwrap(client.POST('/cases/{id}/consents/{consentId}/revoke', { params: { path: { id: caseId, consentId } } }));
    consents.reload();
  };

  return (
    <section aria-labelledby="consents">
      <h2 id="consents">Einwilligungen (Schweigepflichtentbindung)</h2>
      <Loaded state={consents}>
        {(d) =>
          d.items.length === 0 ? (
            <p>Keine Einwilligung erfasst: das Fallteam sieht nur das Pseudonym.</p>
          ) : (
            <ul>
              {d.items.map((c) => (
                <li key={c.id}>
                  Version {c.version}: {c.givenBy}, Zweck „{c.purpose}“, gibt frei:{' '}
                  {c.fields.map((f) => RELEASABLE.find((r) => r.value === f)?.label ?? f).join(', ')} (
                  {CONSENT_FORMS.find((f) => f.value === c.form)?.label ?? c.form}, {formatDate(c.givenAt)}){' '}
                  {c.revokedAt ? (
                    <strong>widerrufen am {formatDate(c.revokedAt)}</strong>
                  ) : (
                    <button type="button" className="secondary" onClick={() => revoke(c.id)}>
                      Widerruf erfassen
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <form onSubmit={submit} noValidate aria-labelledby="consent-form">
        <h3 id="consent-form">Einwilligung erfassen</h3>
        <FormErrors error={error} fieldPointers={['/givenBy', '/purpose', '/fields', '/form', '/givenAt']} />
        {saved && <p role="status">Die Einwilligung wurde gespeichert.</p>}
        <TextField
          label="Erteilt von"
          hint="z. B. Mutter (sorgeberechtigt)"
          value={form.givenBy}
          onChange={set('givenBy')}
          errors={at('/givenBy')}
          required
        />
        <TextField
          label="Zweck"
          value={form.purpose}
          onChange={set('purpose')}
          errors={at('/purpose')}
          hint="„fallteam“ gibt die Angaben für das erweiterte Fallteam frei."
          required
        />
        <CheckboxGroup legend="Freigegebene Angaben" options={RELEASABLE} value={fields} onChange={setFields} errors={at('/fields')} />
        <SelectField label="Form" value={form.form} onChange={set('form')} options={CONSENT_FORMS} errors={at('/form')} required />
        <TextField label="Erteilt am" type="date" value={form.givenAt} onChange={set('givenAt')} errors={at('/givenAt')} required />
        <SubmitButton busy={busy}>Einwilligung speichern</SubmitButton>
      </form>
    </section>
  );
}

/** Packet release: the caseworker checks the packet as advisers would see it (with warnings) and releases it. */
function PacketReleases({ consultations, onChange }: { consultations: CaseFile['consultations']; onChange: () => void }) {
  const [preview, setPreview] = useState<{ id: string; data: PacketPreview } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(null);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const show = (id: string) =>
    run(async () => setPreview({ id, data: await unwrap(client.GET('/consultations/{id}/packet-preview', { params: { path: { id } } })) }));
  const release = (id: string) =>
    run(async () => {
      setPreview({ id, data: await unwrap(client.POST('/consultations/{id}/packet-release', { params: { path: { id } } })) });
      onChange();
    });
  return (
    <section aria-labelledby="packets">
      <h2 id="packets">Beratungspakete</h2>
      {error && <ErrorBox error={error} />}
      <ul>
        {consultations.map((c) => (
          <li key={c.id}>
            Beratung vom {formatDate(c.requestedAt)}: {c.phase ? (PHASE[c.phase] ?? c.phase) : 'Stand unbekannt'};{' '}
            {c.packetRelease
              ? `Paket freigegeben am ${formatDateTime(c.packetRelease.releasedAt)}${c.packetRelease.stale ? ` – veraltet (${c.packetRelease.staleFields.join(', ')})` : ''}`
              : 'Paket noch nicht freigegeben'}{' '}
            <button type="button" className="secondary" onClick={() => show(c.id)}>
              Vorschau<span className="visually-hidden"> des Pakets der Beratung vom {formatDate(c.requestedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
      {preview && (
        <div role="status">
          <h3>Vorschau: so sehen die externen Beratungen das Paket</h3>
          {preview.data.warnings.length > 0 && (
            <ul className="alert alert-error">
              {preview.data.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
          <blockquote>{preview.data.packet.will}</blockquote>
          <button type="button" onClick={() => release(preview.id)}>
            Paket freigeben
          </button>
        </div>
      )}
    </section>
  );
}

/** Closing a case with a reason, and reopening it within the retention period. */
function CaseClosure({ caseId, status, onChange }: { caseId: string; status: 'open' | 'closed'; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, setError, at } = useProblems();
  const closing = status === 'open';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await unwrap(
        closing
          ? client.POST('/cases/{id}/close', { params: { path: { id: caseId } }, body: { reason } })
          : client.POST('/cases/{id}/reopen', { params: { path: { id: caseId } }, body: { reason } }),
      );
      setError(null);
      setReason('');
      onChange();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="closure">
      <h2 id="closure">{closing ? 'Fall abschließen' : 'Fall wieder öffnen'}</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/reason']} />
        <TextField
          label={closing ? 'Begründung des Abschlusses' : 'Begründung der Wiedereröffnung'}
          hint={closing ? 'Das Löschdatum ergibt sich aus der Aufbewahrungsregel; danach ist der Fall schreibgeschützt.' : undefined}
          value={reason}
          onChange={setReason}
          errors={at('/reason')}
          required
        />
        <SubmitButton busy={busy}>{closing ? 'Fall abschließen' : 'Fall wieder öffnen'}</SubmitButton>
      </form>
    </section>
  );
}

const PHASE: Record<string, string> = {
  requested: 'angefragt',
  scheduled: 'terminiert',
  outcome_recorded: 'beraten',
  closed: 'abgeschlossen',
  cancelled: 'abgesagt',
};

function ConsultationRequest({ caseId, onRequested }: { caseId: string; onRequested: () => void }) {
  const [questions, setQuestions] = useState('');
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState<Schemas['ConsultationDto'][]>([]);
  const { error, setError, at } = useProblems();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const created = await unwrap(
        client.POST('/cases/{id}/consultations', { params: { path: { id: caseId } }, body: { questions: lines(questions) } }),
      );
      setError(null);
      setQuestions('');
      setRequested((r) => [...r, created]);
      onRequested();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="fallteam">
      <h2 id="fallteam">Erweitertes Fallteam</h2>
      {requested.length > 0 && (
        // A live region around the list, so the list keeps its list semantics for screen readers.
        <div role="status">
          <ul>
            {requested.map((c) => (
              <li key={c.id}>
                Fallteam-Beratung für {c.pseudonym} {PHASE[c.phase] ?? c.phase}
                {c.steps[0]?.dueAt ? `; nächster Schritt „${c.steps[0].title}“ bis ${formatDate(c.steps[0].dueAt)}` : ''}.
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} fieldPointers={['/questions']} />
        <TextField
          label="Fragen an das Fallteam"
          hint="Eine Frage je Zeile."
          multiline
          rows={4}
          value={questions}
          onChange={setQuestions}
          errors={at('/questions')}
          required
        />
        <SubmitButton busy={busy}>Fallteam-Beratung anfragen</SubmitButton>
      </form>
    </section>
  );
}
