import { useState } from 'react';
import { Link } from 'react-router';
import { client, Schemas, unwrap } from '../api';
import { ErrorBox, formatDate, SelectField, useLoad } from '../shared/ui';
import { DataTable } from '../shared/DataTable';
import { PageTitle } from '../shared/Page';

type TaskKind = Schemas['TaskDto']['kind'];

/** The kinds as people name them, for the filter. */
const KIND_LABELS: Record<TaskKind, string> = {
  consultation_schedule: 'Fallteam terminieren',
  consultation_invite: 'Berater einladen',
  consultation_release: 'Paket freigeben',
  consultation_recommend: 'Empfehlung abgeben',
  consultation_outcome: 'Ergebnis dokumentieren',
  jhd_classification: 'Fall einordnen',
  jhd_risk_assessment: '§ 8a-Einschätzung',
  jhd_immediate_protection: 'Sofortschutz veranlassen',
  jhd_help_plan: 'Hilfeplan aufstellen',
  jhd_help_plan_review: 'Hilfeplan überprüfen',
  case_follow_up: 'Wiedervorlage',
  sozialraum_phase: 'Nachweise und Phasen',
  interview_plan: 'Interview planen',
  interview_conduct: 'Interview führen',
  agreement_decision: 'Entscheidung zu einer Vereinbarung',
  meeting_task: 'Aufgabe aus Protokoll',
};

const SUBJECT_LABELS: Record<Schemas['TaskSubjectDto']['type'], string> = {
  case: 'Fall',
  'sozialraum-process': 'Sozialraumprozess',
  'contract-partner': 'Vertragspartner',
  'cooperation-agreement': 'Vereinbarung',
  meeting: 'Gremiensitzung',
};

const LIMIT = 50;

/** "Meine Aufgaben": every step waiting for the signed-in person, overdue first; the home page for every role. */
export function TasksPage() {
  const [offset, setOffset] = useState(0);
  const [kind, setKind] = useState<TaskKind | ''>('');
  const tasks = useLoad(
    () => unwrap(client.GET('/me/tasks', { params: { query: { limit: LIMIT, offset, ...(kind ? { kind: [kind] } : {}) } } })),
    [offset, kind],
  );
  return (
    <>
      <PageTitle>Meine Aufgaben</PageTitle>
      <SelectField
        label="Art der Aufgabe"
        value={kind}
        onChange={(v) => {
          setKind(v as TaskKind | '');
          setOffset(0);
        }}
        placeholder="Alle Aufgaben"
        options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
      />
      {tasks.error ? (
        <ErrorBox error={tasks.error} />
      ) : (
        <>
          {tasks.data && tasks.data.total > 0 && (
            <p>
              {tasks.data.total === 1 ? 'Eine offene Aufgabe' : `${tasks.data.total} offene Aufgaben`}
              {tasks.data.items.some((t) => t.overdue) ? ', überfällige zuerst.' : '.'}
            </p>
          )}
          <DataTable
            caption="Offene Aufgaben"
            captionHidden
            rows={tasks.data?.items}
            loading={tasks.loading}
            rowKey={(t) => t.id}
            empty="Keine offenen Aufgaben."
            columns={[
              {
                key: 'due',
                header: 'Fällig am',
                render: (t) => (
                  <>
                    {t.dueAt ? formatDate(t.dueAt) : 'ohne Frist'}
                    {t.overdue && <span className="badge badge-overdue"> überfällig</span>}
                  </>
                ),
              },
              { key: 'task', header: 'Aufgabe', render: (t) => <Link to={t.link}>{t.title}</Link> },
              { key: 'subject', header: 'Fall / Vorgang', render: (t) => `${SUBJECT_LABELS[t.subject.type]} ${t.subject.label}` },
            ]}
            paging={tasks.data ? { total: tasks.data.total, limit: LIMIT, offset, onChange: setOffset } : undefined}
          />
        </>
      )}
    </>
  );
}
