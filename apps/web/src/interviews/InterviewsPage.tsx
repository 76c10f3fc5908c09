import { useState } from 'react';
import { client, Schemas, unwrap } from '../api';
import { formatDate, Loaded, Pager, SelectField, useLoad } from '../shared/ui';
import { PageTitle } from '../shared/Page';

export type PlanningRegion = Schemas['PlanningRegionDto'];
type PartnerInterview = Schemas['PartnerInterviewDto'];

const INTERVIEW_STATUS: Record<string, string> = {
  open: 'offen',
  planned: 'geplant',
  overdue: 'überfällig',
  done: 'erledigt',
  withdrawn: 'zurückgezogen',
  failed: 'fehlgeschlagen',
};

/** The interview cycle's progress with every contract partner, overdue first. */
export function InterviewsPage() {
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const cycle = useLoad(() => unwrap(client.GET('/interview-cycles/current')), []);
  const progress = useLoad(
    () =>
      cycle.data
        ? unwrap(
            client.GET('/interview-cycles/{id}/progress', {
              params: {
                path: { id: cycle.data.id },
                query: { status: (status || undefined) as PartnerInterview['status'] | undefined, limit: 50, offset },
              },
            }),
          )
        : new Promise<Schemas['InterviewProgressPageDto']>(() => undefined),
    [cycle.data?.id, status, offset],
  );
  return (
    <>
      <PageTitle>Partnerinterviews</PageTitle>
      {cycle.error?.status === 404 ? (
        <p>Zurzeit läuft kein Interviewzyklus.</p>
      ) : (
        <Loaded state={cycle}>
          {(c) => (
            <>
              <p>
                Zyklus {c.number}, begonnen am {formatDate(c.startedAt)}.
              </p>
              <dl className="facts" aria-label="Stand des Zyklus">
                {(['total', 'open', 'planned', 'overdue', 'done', 'withdrawn', 'failed'] as const).map((k) => (
                  <div key={k}>
                    <dt>{k === 'total' ? 'Vertragspartner' : INTERVIEW_STATUS[k]}</dt>
                    <dd>{c.counts[k] ?? 0}</dd>
                  </div>
                ))}
              </dl>
              <SelectField
                label="Stand filtern"
                value={status}
                placeholder="Alle"
                options={Object.entries(INTERVIEW_STATUS).map(([value, label]) => ({ value, label }))}
                onChange={(v) => {
                  setStatus(v);
                  setOffset(0);
                }}
              />
              <Loaded state={progress}>
                {(page) => (
                  <>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">Vertragspartner</th>
                          <th scope="col">Stand</th>
                          <th scope="col">Termin</th>
                          <th scope="col">Fällig</th>
                        </tr>
                      </thead>
                      <tbody>
                        {page.items.map((i) => (
                          <tr key={i.id}>
                            <td>{i.partnerName}</td>
                            <td>
                              <span className={`badge badge-interview-${i.status}`}>{INTERVIEW_STATUS[i.status] ?? i.status}</span>
                            </td>
                            <td>{formatDate(i.plannedAt)}</td>
                            <td>{formatDate(i.dueAt)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <Pager total={page.total} limit={page.limit} offset={page.offset} onChange={setOffset} />
                  </>
                )}
              </Loaded>
            </>
          )}
        </Loaded>
      )}
    </>
  );
}
