// The case file's Hilfeplan tab: the help plan (§ 36 SGB VIII) of a Jugendhilfedienst case with its
// goals and reviews. The forms that draw it up, continue and review it belong to the Jugendhilfedienst
// process and stay on its page; this tab links to them where the process allows the step.
import { Link } from 'react-router';
import { client, unwrap } from '../api';
import { DeadlineBadge, formatDate, Loaded, useLoad } from '../shared/ui';
import { HelpPlanCard } from '../jugendhilfedienst/HelpPlans';
import { JHD_PHASES } from '../jugendhilfedienst/labels';
import type { CaseFile } from './types';

export function CaseHelpPlan({ file }: { file: CaseFile }) {
  return (
    <section aria-labelledby="help-plan">
      <h2 id="help-plan">Hilfeplan</h2>
      {file.jugendhilfedienst ? (
        <HelpPlanOfProcess caseId={file.id} />
      ) : (
        <p>
          Dieser Fall ist ein Fall des erweiterten Fallteams; einen Hilfeplan gibt es nur im Jugendhilfedienst-Verfahren (nach der
          Einordnung oder dem Fallteam).
        </p>
      )}
    </section>
  );
}

function HelpPlanOfProcess({ caseId }: { caseId: string }) {
  const state = useLoad(() => unwrap(client.GET('/jugendhilfedienst-cases/{id}', { params: { path: { id: caseId } } })), [caseId]);
  const page = `/faelle/${caseId}/jugendhilfedienst`;
  return (
    <Loaded state={state}>
      {(c) => {
        const current = c.helpPlan;
        // The same conditions as the Jugendhilfedienst page that shows the forms.
        const canPlan = c.phase === 'help_plan' || c.phase === 'help';
        const canReview = c.phase === 'help' && !!current;
        const versions = [...c.helpPlans].sort((a, b) => b.version - a.version);
        return (
          <>
            {current ? (
              <dl className="facts">
                <dt>Gültige Fassung</dt>
                <dd>
                  Version {current.version} vom {formatDate(current.planDate)}
                </dd>
                <dt>Nächste Überprüfung</dt>
                <dd>
                  {formatDate(current.nextReviewAt)} {current.reviewOverdue && <DeadlineBadge status="overdue" />}
                </dd>
                <dt>Überprüfungen</dt>
                <dd>
                  {current.reviews === 0
                    ? 'noch keine'
                    : `${current.reviews}${current.lastReviewedAt ? `, zuletzt am ${formatDate(current.lastReviewedAt)}` : ''}`}
                </dd>
              </dl>
            ) : (
              <p>
                Noch kein Hilfeplan. Stand des Verfahrens: {JHD_PHASES[c.phase] ?? c.phase}
                {canPlan ? '.' : '; der Hilfeplan wird nach der Einordnung (und gegebenenfalls dem Fallteam) aufgestellt.'}
              </p>
            )}
            {(canPlan || canReview) && (
              <ul aria-label="Hilfeplan bearbeiten">
                {canPlan && (
                  <li>
                    <Link to={`${page}#hilfeplan`}>{current ? 'Hilfeplan fortschreiben (neue Version)' : 'Hilfeplan aufstellen'}</Link>
                  </li>
                )}
                {canReview && (
                  <li>
                    <Link to={`${page}#ueberpruefung`}>Hilfeplan überprüfen</Link>
                  </li>
                )}
              </ul>
            )}
            {versions.map((plan) => (
              <HelpPlanCard key={plan.id} plan={plan} />
            ))}
          </>
        );
      }}
    </Loaded>
  );
}
