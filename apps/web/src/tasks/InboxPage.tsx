import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, client, unwrap } from '../api';
import { pageForLink } from '../shared/links';
import { ErrorBox, formatDateTime, Loaded, Pager, toApiError, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

/** The in-app inbox of reminders and escalations. */
export function InboxPage() {
  const [offset, setOffset] = useState(0);
  const inbox = useLoad(() => unwrap(client.GET('/me/notifications', { params: { query: { limit: 50, offset } } })), [offset]);
  const [error, setError] = useState<ApiError | null>(null);
  const markRead = async (id: string) => {
    try {
      await unwrap(client.POST('/me/notifications/{id}/read', { params: { path: { id } } }));
      inbox.reload();
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <>
      <PageTitle>Posteingang</PageTitle>
      {error && <ErrorBox error={error} />}
      <Loaded state={inbox}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Keine Nachrichten.</p>
          ) : (
            <>
              <ul className="inbox">
                {page.items.map((n) => {
                  const to = pageForLink(n.link);
                  return (
                    <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                      <h2 className="h3">
                        {!n.readAt && <span className="badge badge-due_soon">neu</span>} {to ? <Link to={to}>{n.title}</Link> : n.title}
                      </h2>
                      <p>{n.body}</p>
                      <p className="muted">
                        {formatDateTime(n.createdAt)}{' '}
                        {!n.readAt && (
                          <button type="button" className="secondary" onClick={() => markRead(n.id)}>
                            Als gelesen markieren<span className="visually-hidden">: {n.title}</span>
                          </button>
                        )}
                      </p>
                    </li>
                  );
                })}
              </ul>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
            </>
          )
        }
      </Loaded>
    </>
  );
}
