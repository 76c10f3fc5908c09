import { client, unwrap } from '../api';
import { formatDate, Loaded, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

/** The approver's open decisions on cooperation agreements, the earliest deadline first. */
export function PendingDecisionsPage() {
  const pending = useLoad(() => unwrap(client.GET('/cooperation-agreements/pending-decisions', { params: { query: { limit: 100 } } })), []);
  return (
    <>
      <PageTitle>Offene Entscheidungen</PageTitle>
      <Loaded state={pending}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine offenen Entscheidungen.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Aktenzeichen</th>
                  <th scope="col">Vereinbarung</th>
                  <th scope="col">Stufe</th>
                  <th scope="col">Frist</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((d) => (
                  <tr key={`${d.agreementId}-${d.partyKey}`}>
                    <td>{d.reference}</td>
                    <td>{d.title}</td>
                    <td>{d.stageTitle ?? '–'}</td>
                    <td>
                      {formatDate(d.dueAt)}
                      {d.overdue && <strong> (überfällig)</strong>}
                    </td>
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
