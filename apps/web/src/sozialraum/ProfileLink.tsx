import { Link } from 'react-router';

/** The year of the Sozialraumprofil the analysis deliverable (phase 2) names, if it names one. */
export function profileYearOf(deliverables: Record<string, Record<string, unknown>>): number | null {
  for (const phase of Object.values(deliverables))
    for (const value of Object.values(phase ?? {}))
      if (value && typeof value === 'object' && typeof (value as { profileYear?: unknown }).profileYear === 'number')
        return (value as { profileYear: number }).profileYear;
  return null;
}

/** Links a social-space process to the profile of its space: of the analysis's year, else the latest. */
export function ProfileLink({
  socialSpaceId,
  deliverables,
}: {
  socialSpaceId: string;
  deliverables: Record<string, Record<string, unknown>>;
}) {
  const year = profileYearOf(deliverables);
  return (
    <p>
      <Link to={`/sozialraeume/${socialSpaceId}${year ? `?jahr=${year}` : ''}`}>
        {year ? `Sozialraumprofil ${year} (Sozialraumanalyse)` : 'Sozialraumprofil'}
      </Link>
    </p>
  );
}
