import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { formatDateTime, Loaded, useLoad } from '../shared/ui';
import { minutesLabel } from './labels';

/** On a social-space process: its Sozialraumkonferenzen (phase 6), the meetings linked to it. */
export function ProcessMeetings({ processId }: { processId: string }) {
  const meetings = useLoad(() => unwrap(client.GET('/meetings', { params: { query: { processId } } })), [processId]);
  return (
    <section aria-labelledby="process-meetings">
      <h2 id="process-meetings">Sozialraumkonferenzen (Phase 6)</h2>
      <Loaded state={meetings}>
        {(list) =>
          list.items.length === 0 ? (
            <p>
              Noch keine Sitzung mit diesem Prozess verknüpft. Verknüpfen lässt sich eine Sitzung der Sozialraumkonferenz auf ihrer Seite.
            </p>
          ) : (
            <ul>
              {list.items.map((m) => (
                <li key={m.id}>
                  <Link to={`/gremien/sitzungen/${m.id}`}>
                    {m.committeeName}, {formatDateTime(m.startsAt)}
                  </Link>{' '}
                  – Protokoll: {minutesLabel(m.minutesStatus)}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
