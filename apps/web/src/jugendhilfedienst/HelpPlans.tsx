// A help plan (§ 36 SGB VIII) as the Jugendhilfedienst page and the case file's Hilfeplan tab show it:
// help kinds, goals, agreements, participants and its reviews.
import { Schemas } from '../api';
import { formatDate } from '../shared/ui';
import { HELP_KINDS, labelOf } from './labels';

type HelpPlan = Schemas['JhdHelpPlanDto'];

function reviewText(r: Schemas['JhdHelpPlanReviewDto']): string {
  return `Überprüft am ${formatDate(r.reviewedAt)}, nächste am ${formatDate(r.nextReviewAt)}${r.notes ? `: ${r.notes}` : ''}`;
}

/** One version of the help plan, under an h2 of the page. */
export function HelpPlanCard({ plan }: { plan: HelpPlan }) {
  return (
    <article className="card">
      <h3>
        Hilfeplan Version {plan.version} vom {formatDate(plan.planDate)}
      </h3>
      <p>Hilfearten: {plan.helpKinds.map((k) => labelOf(HELP_KINDS, k)).join(', ')}</p>
      {plan.goals && (
        <ul aria-label={`Ziele des Hilfeplans Version ${plan.version}`}>
          {plan.goals.map((g, i) => (
            <li key={i}>{g}</li>
          ))}
        </ul>
      )}
      {plan.agreements && <p>{plan.agreements}</p>}
      {plan.participants && plan.participants.length > 0 && <p>Beteiligte: {plan.participants.join(', ')}</p>}
      <p>Erste Überprüfung: {formatDate(plan.reviewAt)}</p>
      {plan.reviews.length > 0 && (
        <ul aria-label={`Überprüfungen des Hilfeplans Version ${plan.version}`}>
          {plan.reviews.map((r, i) => (
            <li key={i}>{reviewText(r)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
