/** Age bands the packet shows instead of birth dates (children, youth, young adults up to § 41 SGB VIII). */
export const AGE_BANDS = ['0-2', '3-5', '6-9', '10-13', '14-17', '18-26', '27+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const LOWER_BOUNDS: Array<[number, AgeBand]> = [
  [27, '27+'],
  [18, '18-26'],
  [14, '14-17'],
  [10, '10-13'],
  [6, '6-9'],
  [3, '3-5'],
  [0, '0-2'],
];

/** The band of a person born on `birthDate` (YYYY-MM-DD) on the calendar day of `at` (UTC); `unknown` for no or a later date. */
export function ageBand(birthDate: string | undefined, at: Date): AgeBand {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate ?? '');
  if (!match) return 'unknown';
  const [y, m, d] = match.slice(1).map(Number);
  const month = at.getUTCMonth() + 1;
  const years = at.getUTCFullYear() - y - (month < m || (month === m && at.getUTCDate() < d) ? 1 : 0);
  return LOWER_BOUNDS.find(([min]) => years >= min)?.[1] ?? 'unknown';
}
