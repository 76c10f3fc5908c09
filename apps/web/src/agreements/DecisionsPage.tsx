import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { formatDate, Loaded, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';

/** The approver's open decisions: one row per agreement (and stage), the earliest deadline first. */
export function PendingDecisionsPage() {
  const pending = useLoad(() => unwrap(client.GET('/cooperation-agreements/pending-decisions', { params: { query: { limit: 100 } } })), []);
  return (
    <>
      <PageTitle>Offene Entscheidungen</PageTitle>
      <Loaded state={pending}>
        {(page) => (
          <DataTable
            caption="Vereinbarungen, die auf Ihre Entscheidung warten"
            rows={page.items}
            rowKey={(d) => `${d.agreementId}-${d.round}-${d.stageKey}`}
            empty="Keine offenen Entscheidungen."
            initialSort={{ key: 'due', direction: 'asc' }}
            columns={[
              {
                key: 'agreement',
                header: 'Vereinbarung',
                sortValue: (d) => d.title,
                render: (d) => (
                  <Link to={`/entscheidungen/${d.agreementId}`}>
                    {d.reference} „{d.title}“
                  </Link>
                ),
              },
              { key: 'party', header: 'Sie entscheiden für', render: (d) => d.parties.map((p) => p.title).join(', ') },
              { key: 'stage', header: 'Stufe', render: (d) => d.stageTitle ?? '–' },
              {
                key: 'due',
                header: 'Frist',
                sortValue: (d) => d.dueAt,
                render: (d) => (
                  <>
                    {formatDate(d.dueAt)}
                    {d.overdue && <strong> (überfällig)</strong>}
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}
