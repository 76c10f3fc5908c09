import { Link } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { DataTable } from '../shared/DataTable';
import { pageForLink } from '../shared/links';
import { ErrorBox, formatDate, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

type Upcoming = Schemas['FollowUpPageDto']['items'][number];

/** Wiedervorlagen and deadlines still ahead, earliest first. */
export function FollowUpsPage() {
  const upcoming = useLoad(() => unwrap(client.GET('/me/follow-ups', { params: { query: { limit: 100 } } })), []);
  return (
    <>
      <PageTitle>Wiedervorlagen und Fristen</PageTitle>
      {upcoming.error ? (
        <ErrorBox error={upcoming.error} />
      ) : (
        <DataTable<Upcoming>
          caption="Anstehende Wiedervorlagen und Fristen, die früheste zuerst"
          captionHidden
          columns={[
            { key: 'dueAt', header: 'Fällig am', render: (f) => formatDate(f.dueAt), sortValue: (f) => f.dueAt },
            { key: 'kind', header: 'Art', render: (f) => (f.template === 'follow-up-due' ? 'Wiedervorlage' : 'Erinnerung') },
            {
              key: 'body',
              header: 'Worum es geht',
              render: (f) => {
                const to = pageForLink(f.link);
                return to ? <Link to={to}>{f.body}</Link> : f.body;
              },
            },
          ]}
          rows={upcoming.data?.items}
          rowKey={(f) => f.subject}
          loading={upcoming.loading}
          empty="Keine anstehenden Wiedervorlagen."
        />
      )}
    </>
  );
}
