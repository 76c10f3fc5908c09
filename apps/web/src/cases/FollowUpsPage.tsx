import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { pageForLink } from '../shared/links';
import { formatDate, Loaded, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

/** Wiedervorlagen and deadlines still ahead, earliest first. */
export function FollowUpsPage() {
  const upcoming = useLoad(() => unwrap(client.GET('/me/follow-ups', { params: { query: { limit: 100 } } })), []);
  return (
    <>
      <PageTitle>Wiedervorlagen und Fristen</PageTitle>
      <Loaded state={upcoming}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine anstehenden Wiedervorlagen.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Fällig am</th>
                  <th scope="col">Art</th>
                  <th scope="col">Worum es geht</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((f) => {
                  const to = pageForLink(f.link);
                  return (
                    <tr key={f.subject}>
                      <td>{formatDate(f.dueAt)}</td>
                      <td>{f.template === 'follow-up-due' ? 'Wiedervorlage' : 'Erinnerung'}</td>
                      <td>{to ? <Link to={to}>{f.body}</Link> : f.body}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}
