// The case file (Fallakte) of a caseworker: one page per area, reached by links in a tab row
// (/faelle/:id, /faelle/:id/notizen, …), so every area has its own address, title and history entry.
import { Link, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { client, unwrap } from '../api';
import { useMe } from '../auth/session';
import { zoneLabel } from '../shared/labels';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { germanDateOf, germanDuration } from '../shared/german';
import { formatDate, formatDateTime, Loaded, useLoad } from '../shared/ui';
import { CaseActions } from './CaseActions';
import { CaseConsents } from './CaseConsents';
import { CaseEditForm } from './CaseEditForm';
import { CaseFallteam } from './CaseFallteam';
import { CaseDocuments } from './CaseDocuments';
import { CaseFollowUps } from './CaseFollowUps';
import { CaseHelpPlan } from './CaseHelpPlan';
import { CaseNotes } from './CaseNotes';
import { relationLabel } from './family';
import { fieldLabel } from './labels';
import type { CaseAreaProps, CaseFile } from './types';

const AREAS = [
  { path: '', label: 'Überblick' },
  { path: 'beteiligte', label: 'Beteiligte' },
  { path: 'einwilligungen', label: 'Einwilligungen' },
  { path: 'fallteam', label: 'Fallteam' },
  // Not "jugendhilfedienst": that address belongs to the Jugendhilfedienst process pages.
  { path: 'prozess', label: 'Jugendhilfedienst' },
  { path: 'hilfeplan', label: 'Hilfeplan' },
  { path: 'notizen', label: 'Notizen' },
  { path: 'dokumente', label: 'Dokumente' },
  { path: 'wiedervorlagen', label: 'Wiedervorlagen' },
  { path: 'verlauf', label: 'Verlauf' },
];

/** The area the address names (the last path segment after the case id). */
function useAreaLabel(id: string): string {
  const rest =
    useLocation()
      .pathname.split(`/faelle/${id}`)[1]
      ?.replace(/^\/|\/$/g, '') ?? '';
  if (rest === 'bearbeiten') return 'Bearbeiten';
  return AREAS.find((a) => a.path === rest)?.label ?? 'Überblick';
}

/** A case file for its caseworker; anyone else gets a clear refusal from the API and here. */
export function CaseFilePage() {
  const { id } = useParams();
  const file = useLoad(() => unwrap(client.GET('/cases/{id}/file', { params: { path: { id: id! } } })), [id]);
  const area = useAreaLabel(id!);
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
          <Link to="/faelle">Zu den Fällen</Link>
        </p>
      </>
    );
  }
  return (
    <Loaded state={file}>
      {(c) => (
        <>
          <PageTitle title={`${area} – Fall ${c.pseudonym}`}>{`Fall ${c.pseudonym}`}</PageTitle>
          <p className="case-state">
            {c.status === 'closed' ? (
              <span className="badge badge-paused">abgeschlossen am {formatDate(c.closedAt)}</span>
            ) : (
              <span className="badge badge-on_track">offen</span>
            )}{' '}
            {c.legalHold && <span className="badge badge-due_soon">Sperrvermerk: wird nicht gelöscht</span>}
          </p>
          <nav aria-label="Bereiche der Fallakte">
            <ul className="tabs">
              {AREAS.map((a) => (
                <li key={a.path}>
                  <NavLink to={a.path ? `/faelle/${c.id}/${a.path}` : `/faelle/${c.id}`} end>
                    {a.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Routes>
            <Route index element={<Overview file={c} reload={file.reload} />} />
            <Route path="beteiligte" element={<Participants file={c} />} />
            <Route path="einwilligungen" element={<CaseConsents file={c} reload={file.reload} />} />
            <Route path="fallteam" element={<CaseFallteam file={c} reload={file.reload} />} />
            <Route path="prozess" element={<Process file={c} />} />
            <Route path="hilfeplan" element={<CaseHelpPlan file={c} />} />
            <Route path="notizen" element={<CaseNotes file={c} reload={file.reload} />} />
            <Route path="dokumente" element={<CaseDocuments file={c} reload={file.reload} />} />
            <Route path="wiedervorlagen" element={<CaseFollowUps file={c} reload={file.reload} />} />
            <Route path="verlauf" element={<History file={c} />} />
            <Route path="bearbeiten" element={<CaseEditForm file={c} reload={file.reload} />} />
            <Route path="*" element={<p>Diesen Bereich der Fallakte gibt es nicht.</p>} />
          </Routes>
        </>
      )}
    </Loaded>
  );
}

function Overview({ file: c, reload }: CaseAreaProps) {
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved;
  const rule = c.retentionRule;
  return (
    <>
      <h2>Überblick</h2>
      {saved && (
        <p role="status" className="alert alert-ok">
          Die Änderungen wurden gespeichert.
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
        <dt>Art</dt>
        <dd>{c.kind === 'jugendhilfedienst' ? 'Jugendhilfedienst-Fall' : 'Fall des erweiterten Fallteams'}</dd>
        <dt>Angelegt</dt>
        <dd>{formatDate(c.createdAt)}</dd>
        <dt>Stand</dt>
        <dd>
          {c.status === 'closed' ? `abgeschlossen am ${formatDate(c.closedAt)}${c.closedReason ? ` (${c.closedReason})` : ''}` : 'offen'}
        </dd>
        <dt>Löschdatum</dt>
        <dd>
          {c.deletionDate
            ? germanDateOf(c.deletionDate)
            : `wird bei Abschluss berechnet (Abschluss + ${germanDuration(rule.afterClosure)}${
                rule.afterClosureWithoutHelp ? `, ohne Hilfe + ${germanDuration(rule.afterClosureWithoutHelp)}` : ''
              })`}
        </dd>
        <dt>Sperrvermerk</dt>
        <dd>{c.legalHold ? 'gesetzt: die Akte wird auch nach dem Löschdatum nicht gelöscht' : 'keiner'}</dd>
      </dl>
      {c.status === 'open' && (
        <p>
          <Link to={`/faelle/${c.id}/bearbeiten`} className="button">
            Fall bearbeiten
          </Link>
        </p>
      )}
      <h3>Wille der Familie</h3>
      <blockquote>{c.will}</blockquote>
      {c.goals.length > 0 && (
        <>
          <h3>Ziele</h3>
          <ul>
            {c.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ul>
        </>
      )}
      {(
        [
          ['person', 'Ressourcen der Person'],
          ['surroundings', 'Ressourcen des Umfelds'],
          ['socialSpace', 'Ressourcen des Sozialraums'],
        ] as const
      ).map(([key, label]) =>
        c.resources[key].length > 0 ? (
          <div key={key}>
            <h3>{label}</h3>
            <ul>
              {c.resources[key].map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {c.confided.length > 0 && (
        <>
          <h3>Anvertraute Angaben (§ 65 SGB VIII)</h3>
          <ul>
            {c.confided.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
        </>
      )}
      <CaseActions file={c} reload={reload} />
    </>
  );
}

function Participants({ file: c }: { file: CaseFile }) {
  return (
    <>
      <h2>Beteiligte</h2>
      <dl className="facts">
        <dt>Familienname</dt>
        <dd>{c.personal.familyName}</dd>
        <dt>Vornamen</dt>
        <dd>{c.personal.givenNames.join(', ') || '–'}</dd>
        <dt>Geburtsdaten der Kinder</dt>
        <dd>{c.personal.birthDates.map((d) => germanDateOf(d)).join(', ') || '–'}</dd>
        <dt>Anschrift</dt>
        <dd>{c.personal.address}</dd>
      </dl>
      <DataTable
        caption="Familienmitglieder"
        columns={[
          { key: 'relation', header: 'Beziehung', render: (m) => relationLabel(m), sortValue: (m) => relationLabel(m) },
          { key: 'name', header: 'Name', render: (m) => m.name, sortValue: (m) => m.name },
          { key: 'birthDate', header: 'Geburtsdatum', render: (m) => germanDateOf(m.birthDate ?? null) || 'unbekannt' },
          { key: 'household', header: 'Im Haushalt', render: (m) => (m.livesInHousehold ? 'ja' : 'nein') },
        ]}
        rows={c.personal.familyMembers}
        rowKey={(m) => `${m.relation}-${m.name}-${m.birthDate ?? ''}`}
        empty="Keine Familienmitglieder erfasst."
      />
      {c.status === 'open' && (
        <p>
          <Link to={`/faelle/${c.id}/bearbeiten`}>Beteiligte bearbeiten</Link>
        </p>
      )}
    </>
  );
}

const STEP_STATUS: Record<string, string> = { pending: 'ausstehend', active: 'in Arbeit', completed: 'erledigt' };

function Process({ file: c }: { file: CaseFile }) {
  const process = c.jugendhilfedienst;
  return (
    <>
      <h2>Jugendhilfedienst</h2>
      {!process ? (
        <p>Dieser Fall ist ein Fall des erweiterten Fallteams; er hat keinen Jugendhilfedienst-Prozess.</p>
      ) : (
        <>
          <p>
            Stand des Prozesses: <strong>{process.phase}</strong>
            {process.closedAt ? `, abgeschlossen am ${formatDate(process.closedAt)}` : ''}
          </p>
          <DataTable
            caption="Schritte des Jugendhilfedienst-Prozesses"
            columns={[
              { key: 'title', header: 'Schritt', render: (s) => s.title },
              { key: 'status', header: 'Stand', render: (s) => STEP_STATUS[s.status] ?? s.status },
              {
                key: 'due',
                header: 'Frist',
                render: (s) =>
                  s.dueAt ? (
                    <>
                      {formatDate(s.extendedTo ?? s.dueAt)}
                      {s.overdue && s.status !== 'completed' && <span className="badge badge-overdue"> überfällig</span>}
                    </>
                  ) : (
                    '–'
                  ),
              },
              { key: 'done', header: 'Erledigt am', render: (s) => formatDate(s.completedAt) },
            ]}
            rows={process.steps}
            rowKey={(s) => s.key}
            empty="Noch keine Schritte."
          />
          <p>
            <Link to={`/faelle/${c.id}/jugendhilfedienst`}>Zum Jugendhilfedienst-Verfahren (Einstufung, § 8a, Hilfeplan)</Link>
          </p>
        </>
      )}
    </>
  );
}

const HISTORY_ACTIONS: Record<string, string> = {
  create: 'Fallaufnahme',
  update: 'Änderung',
  close: 'Abschluss',
  reopen: 'Wiedereröffnung',
  'packet-release': 'Paketfreigabe',
};

function History({ file: c }: { file: CaseFile }) {
  const me = useMe();
  return (
    <>
      <h2>Verlauf</h2>
      <DataTable
        caption="Verlauf der Fallakte, neueste Einträge zuerst"
        captionHidden
        columns={[
          { key: 'when', header: 'Wann', render: (h) => formatDateTime(h.occurredAt), sortValue: (h) => h.occurredAt },
          { key: 'what', header: 'Was', render: (h) => HISTORY_ACTIONS[h.action] ?? h.action },
          { key: 'fields', header: 'Geänderte Angaben', render: (h) => h.fields.map(fieldLabel).join(', ') || '–' },
          { key: 'reason', header: 'Begründung', render: (h) => h.reason ?? '–' },
          { key: 'who', header: 'Wer', render: (h) => (h.actorId === me.sub ? `Sie (${me.displayName})` : h.actorId) },
          { key: 'version', header: 'Version', numeric: true, render: (h) => h.version },
        ]}
        rows={c.history}
        rowKey={(h) => `${h.version}-${h.action}-${h.occurredAt}`}
        empty="Noch keine Einträge."
      />
    </>
  );
}
