import { AgeGroup } from './jugendhilfedienst.types';

/** The statistics' age group of a child born on `birthDate` (YYYY-MM-DD) at the instant `at`. */
export function ageGroup(birthDate: string | undefined, at: Date): AgeGroup {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return 'unknown';
  const [y, m, d] = birthDate.slice(0, 10).split('-').map(Number);
  let years = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) years -= 1;
  if (years < 0) return 'unknown';
  if (years < 3) return '0-2';
  if (years < 6) return '3-5';
  if (years < 9) return '6-8';
  if (years < 12) return '9-11';
  if (years < 14) return '12-13';
  if (years < 16) return '14-15';
  if (years < 18) return '16-17';
  return '18+';
}

/** One completed § 8a assessment as the official statistics count it: codes only, nothing that identifies. */
export interface RiskAssessmentStatistic {
  completionYear: number;
  completionMonth: number;
  ageGroup: string;
  sex: string;
  result: string;
  dangerKinds: string[];
  reportedBy: string;
  existingHelp: string[];
  newHelp: string[];
  familyCourt: boolean;
}

export const STATISTIC_FIELDS: Array<keyof RiskAssessmentStatistic> = [
  'completionYear',
  'completionMonth',
  'ageGroup',
  'sex',
  'result',
  'dangerKinds',
  'reportedBy',
  'existingHelp',
  'newHelp',
  'familyCourt',
];

/** `;`-separated CSV with a BOM for spreadsheets; lists joined by `|`. */
export function statisticsCsv(rows: RiskAssessmentStatistic[]): string {
  const cell = (v: unknown) => {
    const text = Array.isArray(v) ? v.join('|') : typeof v === 'boolean' ? (v ? 'ja' : 'nein') : String(v);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [STATISTIC_FIELDS.join(';'), ...rows.map((r) => STATISTIC_FIELDS.map((f) => cell(r[f])).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Cells below this count are suppressed in aggregate views (small social spaces would be re-identifiable). */
export const MIN_CELL_COUNT = 5;

export const STATISTIC_DIMENSIONS = ['result', 'ageGroup', 'sex', 'reportedBy'] as const;
export type StatisticDimension = (typeof STATISTIC_DIMENSIONS)[number];

/** One cell of an aggregate view: a month and a value of the dimension; `count` null when suppressed. */
export interface StatisticCell {
  month: number;
  value: string;
  count: number | null;
  suppressed: boolean;
}

/**
 * Counts per month and value of one dimension. Cells below MIN_CELL_COUNT are suppressed; a month
 * whose total is shown and that has exactly one suppressed cell loses its next smallest cell too, so
 * the suppressed one cannot be computed back from the total (secondary suppression). A month total
 * below MIN_CELL_COUNT is suppressed as well.
 */
export function aggregateStatistics(
  rows: RiskAssessmentStatistic[],
  dimension: StatisticDimension,
): { cells: StatisticCell[]; months: Array<{ month: number; total: number | null; suppressed: boolean }> } {
  const counts = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const byValue = counts.get(row.completionMonth) ?? new Map<string, number>();
    byValue.set(String(row[dimension]), (byValue.get(String(row[dimension])) ?? 0) + 1);
    counts.set(row.completionMonth, byValue);
  }
  const cells: StatisticCell[] = [];
  const months: Array<{ month: number; total: number | null; suppressed: boolean }> = [];
  for (const month of [...counts.keys()].sort((a, b) => a - b)) {
    const entries = [...counts.get(month)!.entries()].sort(([a], [b]) => a.localeCompare(b));
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    const totalShown = total >= MIN_CELL_COUNT;
    const hidden = new Set(entries.filter(([, n]) => n < MIN_CELL_COUNT).map(([v]) => v));
    if (totalShown && hidden.size === 1) {
      const next = entries.filter(([v]) => !hidden.has(v)).sort(([, a], [, b]) => a - b)[0];
      if (next) hidden.add(next[0]);
    }
    for (const [value, n] of entries) {
      const suppressed = hidden.has(value);
      cells.push({ month, value, count: suppressed ? null : n, suppressed });
    }
    months.push({ month, total: totalShown ? total : null, suppressed: !totalShown });
  }
  return { cells, months };
}
