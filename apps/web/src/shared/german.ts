// Dates and durations as people in a German office type them; the API speaks ISO 8601.
// Parsing never throws: what cannot be read is passed on as typed, so that the server's German
// problem appears next to the field and nothing typed is lost.

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

const isCalendarDate = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};
const pad = (n: number) => String(n).padStart(2, '0');

/** "3.2.2014" or "03.02.2014" → "2014-02-03"; null when the text is no calendar date. */
export function parseGermanDate(text: string): string | null {
  const m = GERMAN_DATE.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The ISO date for the API: a German date converted, anything else passed on unchanged (the server names the problem). */
export const isoDateOf = (text: string): string => parseGermanDate(text) ?? text.trim();

/** "2014-02-03" (or an ISO timestamp, read in Berlin time) → "03.02.2014"; "" for nothing. */
export function germanDateOf(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const m = ISO_DATE.exec(iso)!;
    return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** Minutes east of UTC that Berlin is at this instant (CET +60, CEST +120). */
function berlinOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * A German date and a time of day ("14:30") in Berlin → an ISO timestamp with its offset; the text
 * unchanged when the date cannot be read.
 */
export function isoDateTimeOf(dateText: string, time: string): string {
  const date = parseGermanDate(dateText);
  if (!date || !/^\d{2}:\d{2}$/.test(time)) return [dateText.trim(), time].filter(Boolean).join(' ');
  const naive = new Date(`${date}T${time}:00Z`);
  // Twice: the offset at the guessed instant decides the instant (right except within the switch hour).
  let offset = berlinOffsetMinutes(naive);
  offset = berlinOffsetMinutes(new Date(naive.getTime() - offset * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  return `${date}T${time}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The Berlin date and time of an ISO timestamp, as the two inputs show them. */
export function germanDateTimeOf(iso: string | null | undefined): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return { date: iso, time: '' };
  const time = at.toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { date: germanDateOf(iso), time };
}

export type DurationUnit = 'D' | 'W' | 'M' | 'Y';
export const DURATION_UNITS: Array<{ value: DurationUnit; one: string; many: string }> = [
  { value: 'D', one: 'Tag', many: 'Tage' },
  { value: 'W', one: 'Woche', many: 'Wochen' },
  { value: 'M', one: 'Monat', many: 'Monate' },
  { value: 'Y', one: 'Jahr', many: 'Jahre' },
];

/** "P3M" → { amount: 3, unit: 'M' }; a combined duration ("P1Y6M") in its smallest unit (18 months). */
export function splitDuration(iso: string | null | undefined): { amount: string; unit: DurationUnit } {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso ?? '');
  if (!m || !iso || iso === 'P') return { amount: '', unit: 'M' };
  const [years, months, weeks, days] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0));
  if (days) return { amount: String(days + weeks * 7), unit: 'D' };
  if (weeks) return { amount: String(weeks), unit: 'W' };
  if (months) return { amount: String(months + years * 12), unit: 'M' };
  return { amount: String(years), unit: 'Y' };
}

/** { 3, 'M' } → "P3M"; what is not a whole positive number is passed on as typed. */
export const isoDurationOf = (amount: string, unit: DurationUnit): string =>
  /^\d+$/.test(amount.trim()) ? `P${Number(amount)}${unit}` : amount.trim();

/** "P3M" → "3 Monate", "P1W" → "1 Woche", "P1Y6M" → "1 Jahr 6 Monate". */
export function germanDuration(iso: string | null | undefined): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso ?? '');
  if (!m || !iso) return iso ?? '–';
  const parts = (['Y', 'M', 'W', 'D'] as DurationUnit[])
    .map((unit, i) => ({ n: Number(m[i + 1] ?? 0), unit: DURATION_UNITS.find((u) => u.value === unit)! }))
    .filter((p) => p.n > 0)
    .map((p) => `${p.n} ${p.n === 1 ? p.unit.one : p.unit.many}`);
  return parts.length ? parts.join(' ') : '0 Tage';
}
