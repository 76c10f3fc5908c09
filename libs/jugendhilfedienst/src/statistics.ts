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
