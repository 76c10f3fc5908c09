import { Link, useParams } from 'react-router';
import { client, unwrap } from '../api';
import { formatDate, formatDateTime, Loaded, useLoad } from '../shared/ui';
import { zoneLabel } from '../shared/labels';
import { PageTitle } from '../shared/Page';

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
                    <td>{formatDateTime(c.sessionAt)}</td>
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
  return (
    <Loaded state={packet}>
      {(p) => (
        <>
          <PageTitle>{`Fallvorstellung ${p.pseudonym}`}</PageTitle>
          <p>
            Bereich: {zoneLabel(p.zone)} · Sitzung: {formatDateTime(p.sessionAt)}
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
        </>
      )}
    </Loaded>
  );
}
