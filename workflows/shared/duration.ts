/**
 * ISO-8601 durations (`P30D`, `P6M`, `P2Y`, `PT12H`) as definitions write them. Pure and
 * deterministic: used inside workflows as well as by the API.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses an ISO-8601 duration with whole numbers; undefined when it is not one. */
export function parseDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Adds a duration to an instant: years and months by the calendar (UTC), the rest exactly. */
export function addDuration(from: Date | number, duration: Duration | string, sign: 1 | -1 = 1): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!d) throw new Error(`Not an ISO-8601 duration: ${String(duration)}`);
  const date = new Date(typeof from === 'number' ? from : from.getTime());
  if (d.years || d.months) {
    const day = date.getUTCDate();
    date.setUTCDate(1);
    date.setUTCMonth(date.getUTCMonth() + sign * (d.years * 12 + d.months));
    // Clamp to the month's last day (31 Jan + 1 month = 28/29 Feb).
    const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    date.setUTCDate(Math.min(day, last));
  }
  const ms = ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(date.getTime() + sign * ms);
}

const REFERENCE = Date.UTC(2001, 0, 1);

/** Compares two durations by their length from a fixed reference instant. */
export function compareDurations(a: Duration | string, b: Duration | string): number {
  return addDuration(REFERENCE, a).getTime() - addDuration(REFERENCE, b).getTime();
}

/** True for a duration longer than zero. */
export function isPositive(duration: Duration | string): boolean {
  return addDuration(REFERENCE, duration).getTime() > REFERENCE;
}
