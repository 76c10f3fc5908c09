import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { formatDate, FormErrors, Loaded, SubmitButton, TextField, toApiError, useLoad, useProblems } from '../shared/ui';
import { zoneLabel } from '../shared/labels';
import { PageTitle } from '../shared/Page';
import { RepeatableRows } from '../shared/forms';
import { useDraft } from '../shared/drafts';
import { DraftNotice } from '../shared/DraftNotice';
import { useConfirm } from '../shared/confirm';
import { formatWhen } from './steps';

/** The consultations an adviser is invited to, while their access window is open. */
export function AdviserConsultationsPage() {
  const list = useLoad(() => unwrap(client.GET('/consultations')), []);
  return (
    <>
      <PageTitle>Meine Beratungen im erweiterten Fallteam</PageTitle>
      <p>Sie sehen nur pseudonymisierte Unterlagen, und nur solange die Einladung gilt.</p>
      <Loaded state={list}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Zurzeit liegen keine Einladungen vor.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Fall (Pseudonym)</th>
                  <th scope="col">Sitzung</th>
                  <th scope="col">Zugang bis</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/beratungen/${c.id}`}>{c.pseudonym}</Link>
                    </td>
                    <td>{formatWhen(c.sessionAt)}</td>
                    <td>{formatDate(c.accessUntil)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}

const RELEASED_LABELS: Record<string, string> = {
  familyName: 'Familienname',
  givenNames: 'Vornamen',
  birthDates: 'Geburtsdaten',
  address: 'Anschrift',
  familyMembers: 'Familienmitglieder',
};

const List = ({ items }: { items: string[] }) =>
  items.length ? (
    <ul>
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  ) : (
    <p className="muted">Keine Angaben.</p>
  );

/** The pseudonymised packet (Fallvorstellung) of one consultation. */
export function PacketPage() {
  const { id } = useParams();
  const packet = useLoad(() => unwrap(client.GET('/consultations/{id}/packet', { params: { path: { id: id! } } })), [id]);
  const [recorded, setRecorded] = useState<Schemas['RecommendationRecordDto'] | null>(null);
  if (packet.error?.status === 404) {
    // After the outcome, outside the window or before the release the packet does not exist for an adviser.
    return (
      <>
        <PageTitle>Fallvorstellung nicht verfügbar</PageTitle>
        <div className="alert alert-info" role="status">
          Diese Unterlagen stehen Ihnen nicht mehr (oder noch nicht) zur Verfügung: Das Ergebnis der Beratung ist dokumentiert, Ihr
          Zugangsfenster ist abgelaufen, oder die Fachkraft hat das Paket noch nicht freigegeben. Pseudonymisierte Pakete sind nur während
          der Beratung zugänglich.
        </div>
        <p>
          <Link to="/beratungen">Zu meinen Beratungen</Link>
        </p>
      </>
    );
  }
  return (
    <Loaded state={packet}>
      {(p) => (
        <>
          <PageTitle>{`Fallvorstellung ${p.pseudonym}`}</PageTitle>
          <p>
            Bereich: {zoneLabel(p.zone)} · Sitzung: {formatWhen(p.sessionAt)}
          </p>
          <p>
            Alter der Kinder:{' '}
            {p.ageBands.length === 0 ? 'keine Angabe' : p.ageBands.map((b) => (b === 'unknown' ? 'unbekannt' : `${b} Jahre`)).join(', ')}
          </p>
          <section aria-labelledby="released">
            <h2 id="released">Freigegebene Angaben zur Person</h2>
            {Object.keys(p.released).length === 0 ? (
              <p>Keine: Die Familie hat keine Angaben freigegeben. Der Fall ist pseudonymisiert.</p>
            ) : (
              <dl className="facts">
                {Object.entries(p.released).map(([k, v]) => (
                  <div key={k}>
                    <dt>{RELEASED_LABELS[k] ?? k}</dt>
                    <dd>
                      {Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : `${x.relation}: ${x.name}`)).join(', ') : String(v)}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <h2>Wille der Familie</h2>
          <blockquote>{p.will}</blockquote>
          <h2>Ziele</h2>
          <List items={p.goals} />
          <h2>Ressourcen</h2>
          <h3>Person</h3>
          <List items={p.resources.person} />
          <h3>Umfeld</h3>
          <List items={p.resources.surroundings} />
          <h3>Sozialraum</h3>
          <List items={p.resources.socialSpace} />
          <h2>Fragen an das Fallteam</h2>
          <List items={p.questions} />
          {recorded ? (
            <section aria-labelledby="recorded">
              <h2 id="recorded">Ihre Empfehlung</h2>
              <p role="status">
                Ihre Empfehlung wurde am {formatWhen(recorded.createdAt)} gespeichert. Das Fallteam berücksichtigt sie bei seiner
                Entscheidung.
              </p>
              <p>{recorded.text}</p>
            </section>
          ) : (
            <RecommendationForm consultationId={p.consultationId} pseudonym={p.pseudonym} onRecorded={setRecorded} />
          )}
        </>
      )}
    </Loaded>
  );
}

const EMPTY_RECOMMENDATION = { text: '', suggestedHelp: [] as string[], risks: [] as string[] };

/** The adviser's recommendation: advisory only, the Jugendamt decides. Kept as a draft while typed. */
function RecommendationForm({
  consultationId,
  pseudonym,
  onRecorded,
}: {
  consultationId: string;
  pseudonym: string;
  onRecorded: (r: Schemas['RecommendationRecordDto']) => void;
}) {
  const me = useMe();
  const draft = useDraft(me.sub, `empfehlung:${consultationId}`, EMPTY_RECOMMENDATION);
  const form = draft.value;
  const [busy, setBusy] = useState(false);
  const { error, setError, at, only } = useProblems();
  const [confirm, dialog] = useConfirm();
  const set =
    <K extends keyof typeof EMPTY_RECOMMENDATION>(key: K) =>
    (value: (typeof EMPTY_RECOMMENDATION)[K]) =>
      draft.setValue((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await confirm({
      title: 'Empfehlung abgeben?',
      body: <p>Ihre Empfehlung zur Beratung {pseudonym} geht an das Fallteam und kann danach nicht mehr geändert werden.</p>,
      confirmLabel: 'Empfehlung abgeben',
    });
    if (!ok) return;
    setBusy(true);
    try {
      const record = await unwrap(
        client.POST('/consultations/{id}/recommendations', {
          params: { path: { id: consultationId } },
          body: { text: form.text, suggestedHelp: form.suggestedHelp.map((h) => h.trim()), risks: form.risks.map((r) => r.trim()) },
        }),
      );
      draft.clear();
      onRecorded(record);
    } catch (err) {
      setError(toApiError(err));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="recommend">
      <h2 id="recommend">Empfehlung abgeben</h2>
      <p className="hint">Ihre Empfehlung berät das Fallteam; die Entscheidung trifft das Jugendamt.</p>
      {dialog}
      <DraftNotice restored={draft.restored} onDiscard={() => draft.discard(EMPTY_RECOMMENDATION)} />
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        <TextField
          label="Empfehlung"
          pointer="/text"
          multiline
          rows={5}
          value={form.text}
          onChange={set('text')}
          errors={at('/text')}
          required
        />
        <RepeatableRows
          legend="Vorgeschlagene Hilfen"
          pointer="/suggestedHelp"
          hint="z. B. Angebote des Sozialraums"
          rows={form.suggestedHelp}
          onChange={set('suggestedHelp')}
          newRow={() => ''}
          rowLegend={(_, i) => `Hilfe ${i + 1}`}
          addLabel="Hilfe hinzufügen"
          errors={only('/suggestedHelp')}
        >
          {(value, _update, i) => (
            <TextField
              label={`Vorgeschlagene Hilfe ${i + 1}`}
              pointer={`/suggestedHelp/${i}`}
              value={value}
              onChange={(text) => set('suggestedHelp')(form.suggestedHelp.map((h, j) => (j === i ? text : h)))}
              errors={at(`/suggestedHelp/${i}`)}
            />
          )}
        </RepeatableRows>
        <RepeatableRows
          legend="Gesehene Risiken"
          pointer="/risks"
          rows={form.risks}
          onChange={set('risks')}
          newRow={() => ''}
          rowLegend={(_, i) => `Risiko ${i + 1}`}
          addLabel="Risiko hinzufügen"
          errors={only('/risks')}
        >
          {(value, _update, i) => (
            <TextField
              label={`Risiko ${i + 1}`}
              pointer={`/risks/${i}`}
              value={value}
              onChange={(text) => set('risks')(form.risks.map((r, j) => (j === i ? text : r)))}
              errors={at(`/risks/${i}`)}
            />
          )}
        </RepeatableRows>
        <SubmitButton busy={busy}>Empfehlung abgeben</SubmitButton>
      </form>
    </section>
  );
}
